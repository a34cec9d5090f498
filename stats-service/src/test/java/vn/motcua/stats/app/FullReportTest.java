package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Decision;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.ResultDelivery;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.ProcedureCatalogue;
import vn.motcua.stats.domain.Unit;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.UnitStore;
import vn.motcua.stats.support.Events;
import vn.motcua.stats.support.Projection;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The full report (breakdowns, both period conventions, Decision 766's indicators) of six dossiers whose figures
 * are worked out by hand below, on histories that cross the edges of both conventions. Nothing here is computed
 * by the code under test.
 *
 * <pre>
 *      unit      procedure  channel   received     closed                       due (17:00)
 *  A   SADEC-P1  1.001612   ONLINE 4  13/12/2021   resolved 16/12/2021 EARLY,   20/12/2021  ELECTRONIC, 3 days
 *  B   SADEC-P1  1.000656   DIRECT    01/03/2022   resolved 14/03/2022 LATE,    10/03/2022  PAPER, 9 days
 *  C   SADEC-P2  2.000908   ONLINE 3  14/06/2022   resolved 16/06/2022 ON_TIME, 16/06/2022  delivery not said, 2 days
 *  D   SADEC-P2  9.999      POSTAL    10/06/2022   open                         13/06/2022  (procedure not in the catalogue)
 *  E   SADEC     1.001612   DIRECT    05/01/2022   withdrawn 07/01/2022         10/01/2022
 *  F   SADEC-P1  1.001612   ONLINE 4  20/05/2022   open                         01/08/2022
 * </pre>
 * Now: 20/07/2022 12:00. Fields: 1.001612 and 1.000656 Hộ tịch, 2.000908 Chứng thực, 9.999 none.
 */
@ExtendWith(RealInfrastructureExtension.class)
class FullReportTest {

    static final Instant NOW = at("2022-07-20T12:00:00");
    private static final URI INTAKE = URI.create("/motcua/intake-service");

    private MongoClient client;
    private ReportService reports;
    private MongoDatabase database;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "-full-report");
        database.drop();
        UnitStore units = new UnitStore(database);
        units.storeIfNewer(new Unit("SADEC", "UBND thành phố Sa Đéc", null), 1);
        units.storeIfNewer(new Unit("SADEC-P1", "Phường 1", "SADEC"), 1);
        units.storeIfNewer(new Unit("SADEC-P2", "Phường 2", "SADEC"), 1);
        ProcedureStore procedures = new ProcedureStore(database);
        procedures.storeIfNewer(new ProcedureCatalogue.Procedure("1.001612", "Đăng ký khai sinh", "Hộ tịch"), 1);
        procedures.storeIfNewer(new ProcedureCatalogue.Procedure("1.000656", "Đăng ký kết hôn", "Hộ tịch"), 1);
        procedures.storeIfNewer(new ProcedureCatalogue.Procedure("2.000908", "Chứng thực bản sao", "Chứng thực"), 1);

        Projection projection = new Projection(database);
        List<CloudEvent> events = new ArrayList<>();
        events.addAll(dossier("A", "SADEC-P1", "1.001612", Channel.ONLINE, 4, "2021-12-13T09:00:00",
                "2021-12-20T17:00:00", EventTypes.RESOLVED, "2021-12-16T10:00:00", Timeliness.EARLY,
                ResultDelivery.ELECTRONIC, 3));
        events.addAll(dossier("B", "SADEC-P1", "1.000656", Channel.DIRECT, null, "2022-03-01T09:00:00",
                "2022-03-10T17:00:00", EventTypes.RESOLVED, "2022-03-14T10:00:00", Timeliness.LATE,
                ResultDelivery.PAPER, 9));
        events.addAll(dossier("C", "SADEC-P2", "2.000908", Channel.ONLINE, 3, "2022-06-14T10:00:00",
                "2022-06-16T17:00:00", EventTypes.RESOLVED, "2022-06-16T15:00:00", Timeliness.ON_TIME, null, 2));
        events.addAll(dossier("D", "SADEC-P2", "9.999", Channel.POSTAL, null, "2022-06-10T09:00:00",
                "2022-06-13T17:00:00", null, null, null, null, null));
        events.addAll(dossier("E", "SADEC", "1.001612", Channel.DIRECT, null, "2022-01-05T09:00:00",
                "2022-01-10T17:00:00", EventTypes.WITHDRAWN, "2022-01-07T09:00:00", null, null, null));
        events.addAll(dossier("F", "SADEC-P1", "1.001612", Channel.ONLINE, 4, "2022-05-20T09:00:00",
                "2022-08-01T17:00:00", null, null, null, null, null));
        projection.oneByOne(Projection.consumed(events.stream()
                .map(e -> new Events.Outgoing(false, e.subject(), e)).toList()));
        Clock clock = Clock.fixed(NOW, VietnamTime.ZONE);
        new TimeSweep(new DossierStore(database), projection.projector(), clock).run();
        reports = new ReportService(new TotalsStore(database), units, procedures, clock, PeriodConvention.CALENDAR);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /** Calendar 2021-H2: only A, received and resolved in it. */
    @Test
    void calendar2021H2HoldsTheDossierReceivedOn13December() {
        PeriodReport r = report("2021-H2", "ALL", null, null);
        assertThat(r.from()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(r.to()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(r.cutoff()).isNull();
        assertThat(counts(r)).containsExactly(1L, 1L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(indicators(r)).containsExactly(1.0, 1.0, 3.0, 1L, 1.0, 1L, 1L);
    }

    /**
     * Calendar 2022-H1, ALL: new B, C, D, E, F (A closed before it). Resolved C on time, B late; D overdue at
     * 30/6 (due 13/6), F within (due 1/8); E withdrawn. onTimeShare (0 + 1 + 1) / (2 + 2) = 0.5; onlineShare 2/5;
     * handling (9 + 2) / 2 = 5.5; electronic 0 of 1 known (B paper, C not said).
     */
    @Test
    void calendar2022H1() {
        PeriodReport r = report("2022-H1", "ALL", null, null);
        assertThat(counts(r)).containsExactly(5L, 2L, 3L, 0L, 2L, 0L, 1L, 1L, 2L, 1L, 1L, 1L);
        assertThat(indicators(r)).containsExactly(0.5, 0.4, 5.5, 2L, 0.0, 0L, 1L);
        assertThat(r.indicators().averageHandlingWorkingDaysByProcedure())
                .extracting(PeriodReport.ProcedureAverage::code, PeriodReport.ProcedureAverage::name,
                        PeriodReport.ProcedureAverage::averageHandlingWorkingDays, PeriodReport.ProcedureAverage::measured)
                .containsExactly(tuple("2.000908", "Chứng thực bản sao", 2.0, 1L),
                        tuple("1.000656", "Đăng ký kết hôn", 9.0, 1L));
    }

    /**
     * 2022-H1 by the cut-off, 15/12/2021–14/6/2022: A carried over (received 13/12, open on 15/12) and resolved
     * early on 16/12; B new, late; C received 14/6 and still open at the end of 14/6, within (due 16/6); D new,
     * overdue (due 13/6); E withdrawn; F within. Received 2 online + 3 direct/postal + 1 carried = 6. onTimeShare
     * (1 + 0 + 2) / (2 + 3) = 0.6; onlineShare 2/5 = 0.4; handling (3 + 9) / 2 = 6.0; electronic 1 of 2 known.
     */
    @Test
    void cutOff2022H1TakesTheDecemberResolutionAndLeavesTheJune14ReceiptOpen() {
        PeriodReport r = report("2022-H1", "ALL", null, "15");
        assertThat(r.period()).isEqualTo("2022-H1");
        assertThat(r.cutoff()).isEqualTo(15);
        assertThat(r.from()).isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(r.to()).isEqualTo(LocalDate.of(2022, 6, 14));
        assertThat(counts(r)).containsExactly(6L, 2L, 3L, 1L, 2L, 1L, 0L, 1L, 3L, 2L, 1L, 1L);
        assertThat(indicators(r)).containsExactly(0.6, 0.4, 6.0, 2L, 0.5, 1L, 2L);
        assertThat(r.summary().onTimeOrEarly()).isEqualTo(1);
        assertThat(r.summary().lateOrOverdue()).isEqualTo(2);
    }

    /** 2021-H2 by the cut-off ends 14/12/2021: A received and open, within; nothing resolved, so two indicators null. */
    @Test
    void cutOff2021H2EndsOn14December() {
        PeriodReport r = report("2021-H2", "ALL", null, "15");
        assertThat(r.from()).isEqualTo(LocalDate.of(2021, 6, 15));
        assertThat(r.to()).isEqualTo(LocalDate.of(2021, 12, 14));
        assertThat(counts(r)).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 0L, 0L);
        assertThat(indicators(r)).containsExactly(1.0, 1.0, null, 0L, null, 0L, 0L);
    }

    /**
     * 2022-H2 by the cut-off, 15/6–14/12/2022, as of 20/7: carried over C, D, F (open on 15/6); C resolved on time
     * on 16/6 (2 days, delivery not said); D overdue, F within. onTimeShare (1 + 1) / (1 + 2) = 0.6667; nothing new,
     * so onlineShare null; nothing delivered with a known way, so electronicResultShare null.
     */
    @Test
    void cutOff2022H2CarriesOverWhatWasOpenOn15June() {
        PeriodReport r = report("2022-H2", "ALL", null, "15");
        assertThat(counts(r)).containsExactly(3L, 0L, 0L, 3L, 1L, 0L, 1L, 0L, 2L, 1L, 1L, 0L);
        assertThat(indicators(r)).containsExactly(0.6667, null, 2.0, 1L, null, 0L, 0L);
        assertThat(r.asOf().toInstant()).isEqualTo(NOW);
    }

    /** Unit rows of calendar 2022-H1 in tree order, each the unit code's own dossiers, each with its indicators. */
    @Test
    void byUnit() {
        PeriodReport r = report("2022-H1", "SADEC", "unit", null);
        assertThat(r.by()).isEqualTo("unit");
        assertThat(r.rows()).extracting(PeriodReport.Row::code)
                .containsExactly("SADEC", "SADEC-P1", "SADEC-P2");
        // SADEC: E alone, withdrawn. Nothing handled to the end, so no on-time share; 0 of 1 online.
        assertThat(counts(r.rows().get(0))).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(indicators(r.rows().get(0).indicators())).containsExactly(null, 0.0, null, 0L, null, 0L, 0L);
        // SADEC-P1: B late (paper, 9), F within. (0 + 0 + 1) / (1 + 1); 1 of 2 online.
        assertThat(counts(r.rows().get(1))).containsExactly(2L, 1L, 1L, 0L, 1L, 0L, 0L, 1L, 1L, 1L, 0L, 0L);
        assertThat(indicators(r.rows().get(1).indicators())).containsExactly(0.5, 0.5, 9.0, 1L, 0.0, 0L, 1L);
        // SADEC-P2: C on time (2, not said), D overdue.
        assertThat(counts(r.rows().get(2))).containsExactly(2L, 1L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L);
        assertThat(indicators(r.rows().get(2).indicators())).containsExactly(0.5, 0.5, 2.0, 1L, null, 0L, 0L);
        assertThat(r.rows().get(1).name()).isEqualTo("Phường 1");
        assertThat(counts(report("2022-H1", "SADEC-P2", "unit", null))).as("a ward's subtree is itself")
                .containsExactly(2L, 1L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L);
    }

    /** Procedure rows by name (Vietnamese order); a procedure not in the catalogue is named by its code. */
    @Test
    void byProcedure() {
        PeriodReport r = report("2022-H1", "ALL", "procedure", null);
        assertThat(r.rows()).extracting(PeriodReport.Row::code, PeriodReport.Row::name, PeriodReport.Row::field)
                .containsExactly(tuple("9.999", "9.999", "Chưa phân loại"),
                        tuple("2.000908", "Chứng thực bản sao", "Chứng thực"),
                        tuple("1.000656", "Đăng ký kết hôn", "Hộ tịch"),
                        tuple("1.001612", "Đăng ký khai sinh", "Hộ tịch"));
        assertThat(counts(r.rows().get(0))).containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 1L, 0L); // D
        assertThat(counts(r.rows().get(1))).containsExactly(1L, 1L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L); // C
        assertThat(counts(r.rows().get(2))).containsExactly(1L, 0L, 1L, 0L, 1L, 0L, 0L, 1L, 0L, 0L, 0L, 0L); // B
        assertThat(counts(r.rows().get(3))).containsExactly(2L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 0L, 1L); // E, F
        assertThat(indicators(r.rows().get(2).indicators())).containsExactly(0.0, 0.0, 9.0, 1L, 0.0, 0L, 1L);
        assertThat(indicators(r.rows().get(3).indicators())).containsExactly(1.0, 0.5, null, 0L, null, 0L, 0L);
        assertThat(counts(r)).as("the total does not depend on the breakdown")
                .containsExactly(5L, 2L, 3L, 0L, 2L, 0L, 1L, 1L, 2L, 1L, 1L, 1L);
    }

    /** Field rows: the sum of their procedures' rows; procedures without a known field last. */
    @Test
    void byField() {
        PeriodReport r = report("2022-H1", "ALL", "field", null);
        assertThat(r.rows()).extracting(PeriodReport.Row::code, PeriodReport.Row::name)
                .containsExactly(tuple("Chứng thực", "Chứng thực"), tuple("Hộ tịch", "Hộ tịch"),
                        tuple("?", "Chưa phân loại"));
        // Hộ tịch: B (late, paper, 9), E (withdrawn), F (within). (0 + 0 + 1) / (1 + 1); 1 of 3 online.
        assertThat(counts(r.rows().get(1))).containsExactly(3L, 1L, 2L, 0L, 1L, 0L, 0L, 1L, 1L, 1L, 0L, 1L);
        assertThat(indicators(r.rows().get(1).indicators())).containsExactly(0.5, 0.3333, 9.0, 1L, 0.0, 0L, 1L);
        // By the cut-off, Hộ tịch also has A: carried over, early, electronic, 3 days.
        PeriodReport c15 = report("2022-H1", "ALL", "field", "15");
        assertThat(counts(c15.rows().get(1))).containsExactly(4L, 1L, 2L, 1L, 2L, 1L, 0L, 1L, 1L, 1L, 0L, 1L);
        assertThat(indicators(c15.rows().get(1).indicators())).containsExactly(0.6667, 0.3333, 6.0, 2L, 0.5, 1L, 2L);
    }

    @Test
    void aBadByOrCutoffNamesItsParameter() {
        assertThatThrownBy(() -> reports.query("2022-H1", "ALL", "ward", "14"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactlyInAnyOrder("by", "cutoff"));
        assertThat(reports.query("2022-H1", null, null, "calendar").period().id()).isEqualTo("2022-H1");
    }

    /** A deployment whose default is the cut-off answers in it unless the request says calendar. */
    @Test
    void theDeploymentDefaultConventionAppliesWhenTheRequestDoesNotSay() {
        assertThat(reports.query("2022-H1", null, null, null).period().id()).isEqualTo("2022-H1");
        ReportService cutOffByDefault = new ReportService(new TotalsStore(database),
                new UnitStore(database), new ProcedureStore(database), Clock.fixed(NOW, VietnamTime.ZONE),
                PeriodConvention.CUTOFF_15);
        assertThat(cutOffByDefault.query("2022", "ALL", null, null).period().from())
                .isEqualTo(LocalDate.of(2021, 12, 15));
        assertThat(cutOffByDefault.query("2022", "ALL", null, "calendar").period().from())
                .isEqualTo(LocalDate.of(2022, 1, 1));
    }

    private PeriodReport report(String period, String unit, String by, String cutoff) {
        return reports.report(reports.query(period, unit, by, cutoff));
    }

    /** received total, new online, new direct/postal, carried; resolved total, early, on time, late; pending
     *  total, within, overdue; withdrawn. */
    private static List<Long> counts(PeriodReport r) {
        return List.of(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                r.withdrawn());
    }

    private static List<Long> counts(PeriodReport.Row r) {
        return List.of(r.received().total(), r.received().newOnline(), r.received().newDirectOrPostal(),
                r.received().carriedOver(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue(),
                r.withdrawn());
    }

    private static List<Object> indicators(PeriodReport r) {
        return indicators(r.indicators());
    }

    /** onTimeShare, onlineShare, average handling days, measured, electronic share, electronic, known delivery. */
    private static List<Object> indicators(PeriodReport.Indicators i) {
        List<Object> values = new ArrayList<>();
        values.add(i.onTimeShare());
        values.add(i.onlineShare());
        values.add(i.averageHandlingWorkingDays());
        values.add(i.handlingMeasured());
        values.add(i.electronicResultShare());
        values.add(i.resultElectronic());
        values.add(i.resultDeliveryKnown());
        return values;
    }

    private static List<CloudEvent> dossier(String code, String unit, String procedure, Channel channel, Integer level,
                                            String received, String due, String closingType, String closedAt,
                                            Timeliness timeliness, ResultDelivery delivery, Integer handlingDays) {
        OffsetDateTime receivedAt = local(received);
        OffsetDateTime dueAt = local(due);
        List<CloudEvent> events = new ArrayList<>();
        events.add(EventCodec.dossierEvent(EventTypes.RECEIVED, INTAKE, receivedAt, new DossierData(code, unit,
                procedure, channel, level, receivedAt, dueAt.toLocalDate(), dueAt, 1, null, null, null, null, null,
                null, null, null, null, null)));
        if (closingType != null) {
            OffsetDateTime at = local(closedAt);
            boolean resolved = closingType.equals(EventTypes.RESOLVED);
            events.add(EventCodec.dossierEvent(closingType, INTAKE, at, new DossierData(code, unit, procedure, channel,
                    level, receivedAt, dueAt.toLocalDate(), dueAt, 2, null, null, null, null, resolved ? at : null,
                    resolved ? Decision.APPROVED : null, timeliness, resolved ? null : at, delivery, handlingDays)));
        }
        return events;
    }

    private static OffsetDateTime local(String text) {
        return OffsetDateTime.parse(text + "+07:00");
    }

    private static Instant at(String text) {
        return local(text).toInstant();
    }
}
