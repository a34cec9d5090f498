package vn.motcua.stats.support;

import io.restassured.path.json.JsonPath;
import vn.motcua.stats.report.PeriodReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers of one report, however obtained, for comparison; and the identities of the form. */
public record Form06(long newOnline, long newDirectOrPostal, long carriedOver, long early, long onTime, long late,
                     long withinDeadline, long overdue, long withdrawn, long level3, long level4) {

    public static Form06 of(PeriodReport r) {
        assertIdentities(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                r.withdrawn());
        return new Form06(r.received().newOnline(), r.received().newDirectOrPostal(), r.received().carriedOver(),
                r.resolved().early(), r.resolved().onTime(), r.resolved().late(), r.pending().withinDeadline(),
                r.pending().overdue(), r.withdrawn(), r.online().level3(), r.online().level4());
    }

    public static Form06 of(JsonPath json) {
        assertIdentities(json.getLong("received.total"), json.getLong("received.newOnline"),
                json.getLong("received.newDirectOrPostal"), json.getLong("received.carriedOver"),
                json.getLong("resolved.total"), json.getLong("resolved.early"), json.getLong("resolved.onTime"),
                json.getLong("resolved.late"), json.getLong("pending.total"), json.getLong("pending.withinDeadline"),
                json.getLong("pending.overdue"), json.getLong("withdrawn"));
        assertThat(json.getLong("summary.onTimeOrEarly"))
                .isEqualTo(json.getLong("resolved.early") + json.getLong("resolved.onTime"));
        assertThat(json.getLong("summary.lateOrOverdue"))
                .isEqualTo(json.getLong("resolved.late") + json.getLong("pending.overdue"));
        return new Form06(json.getLong("received.newOnline"), json.getLong("received.newDirectOrPostal"),
                json.getLong("received.carriedOver"), json.getLong("resolved.early"), json.getLong("resolved.onTime"),
                json.getLong("resolved.late"), json.getLong("pending.withinDeadline"), json.getLong("pending.overdue"),
                json.getLong("withdrawn"), json.getLong("online.level3"), json.getLong("online.level4"));
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
