package vn.motcua.stats.support;

import vn.motcua.stats.domain.PeriodReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers of one report, however obtained, for comparison; and the identities of the form. */
public record Form06(long newOnline, long newDirectOrPostal, long carriedOver, long early, long onTime, long late,
                     long withinDeadline, long overdue, long withdrawn, long level3, long level4) {

    public static Form06 of(PeriodReport r) {
        assertIdentities(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                r.withdrawn());
        assertThat(r.summary().onTimeOrEarly()).isEqualTo(r.resolved().early() + r.resolved().onTime());
        assertThat(r.summary().lateOrOverdue()).isEqualTo(r.resolved().late() + r.pending().overdue());
        return new Form06(r.received().newOnline(), r.received().newDirectOrPostal(), r.received().carriedOver(),
                r.resolved().early(), r.resolved().onTime(), r.resolved().late(), r.pending().withinDeadline(),
                r.pending().overdue(), r.withdrawn(), r.online().level3(), r.online().level4());
    }

    /** The same numbers of one row of a breakdown. */
    public static Form06 of(PeriodReport.Row r) {
        assertIdentities(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                r.withdrawn());
        return new Form06(r.received().newOnline(), r.received().newDirectOrPostal(), r.received().carriedOver(),
                r.resolved().early(), r.resolved().onTime(), r.resolved().late(), r.pending().withinDeadline(),
                r.pending().overdue(), r.withdrawn(), r.online().level3(), r.online().level4());
    }

    /** 3 = 4 + 5 + 6; 7 = 8 + 9 + 10; 11 = 12 + 13; 3 = 7 + 11 + withdrawn. */
    private static void assertIdentities(long c3, long c4, long c5, long c6, long c7, long c8, long c9, long c10,
                                         long c11, long c12, long c13, long withdrawn) {
        assertThat(c3).as("3 = 4 + 5 + 6").isEqualTo(c4 + c5 + c6);
        assertThat(c7).as("7 = 8 + 9 + 10").isEqualTo(c8 + c9 + c10);
        assertThat(c11).as("11 = 12 + 13").isEqualTo(c12 + c13);
        assertThat(c3).as("3 = 7 + 11 + withdrawn").isEqualTo(c7 + c11 + withdrawn);
    }

    public long received() {
        return newOnline + newDirectOrPostal + carriedOver;
    }
}
