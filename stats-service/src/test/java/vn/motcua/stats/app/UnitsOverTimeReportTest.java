package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Decision;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.stats.api.Form06Csv;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.ProcedureCatalogue;
import vn.motcua.stats.messaging.CatalogueEventHandler;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Đồng Tháp: the city of Sa Đéc and its wards Phường 1 and 2, with dossiers of 2022 and dossiers still open at the
 * end of June 2025; then, as on 1 July 2025, the city and its wards close into a new ward, Phường Sa Đéc, directly
 * under the province, and intake moves the open dossiers there (docs/time-and-counting.md, "Units over time"). Every
 * step goes through the service's own handlers and stores (catalogue records, dossier events, the sweep).
 *
 * <pre>
 *      handled by   received at   channel   received     closed                      due (17:00)
 *  A   DT-SADEC-P1  (own)         ONLINE 4  01/03/2022   resolved 05/03/2022 EARLY   10/03/2022
 *  B   DT-SADEC-P2  (own)         DIRECT    02/05/2022   resolved 01/08/2022 LATE    15/06/2022
 *  C   DT-SADEC     (own)         DIRECT    01/02/2022   withdrawn 03/02/2022        10/02/2022
 *  D   DT-SADEC-P1  DT-SADEC-P2   DIRECT    25/06/2022   resolved 28/06/2022 ON_TIME 30/06/2022
 *  H   DT           (own)         DIRECT    01/04/2022   resolved 02/04/2022 EARLY   10/04/2022
 *  E   DT-SADEC-P1  (own)         DIRECT    10/05/2025   open, moved 01/07/2025      20/07/2025
 *  F   DT-SADEC-P2  DT-SADEC      ONLINE 3  02/06/2025   open, moved 01/07/2025      20/06/2025
 *  G   DT-SADEC     (own)         DIRECT    10/06/2025   open, moved 01/07/2025      01/09/2025
 * </pre>
 */
@ExtendWith(RealInfrastructureExtension.class)
class UnitsOverTimeReportTest {

    static final Instant BEFORE = at("2025-06-30T12:00:00");
    static final Instant AFTER = at("2025-07-15T12:00:00");
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    static final String PROCEDURE = "1.001612";
    private static final URI INTAKE = URI.create("/motcua/intake-service");

    private MongoClient client;
    private MongoDatabase database;
    private UnitStore units;
    private ProcedureStore procedures;
    private Projection projection;
    private CatalogueEventHandler catalogue;

    @BeforeEach
    void setUp(TestBed bed) {
        client = MongoClients.create(bed.mongo().connectionString());
        database = client.getDatabase(bed.mongoDatabase() + "-units-over-time");
        database.drop();
        units = new UnitStore(database);
        procedures = new ProcedureStore(database);
        procedures.storeIfNewer(new ProcedureCatalogue.Procedure(PROCEDURE, "Đăng ký khai sinh", "Hộ tịch"), 1);
        catalogue = new CatalogueEventHandler(new CatalogueUpdates(units, procedures));
        catalogue(new UnitData("DT", "Tỉnh Đồng Tháp", null, 1),
                new UnitData("DT-SADEC", "Thành phố Sa Đéc", "DT", 1),
                new UnitData("DT-SADEC-P1", "Phường 1", "DT-SADEC", 1),
                new UnitData("DT-SADEC-P2", "Phường 2", "DT-SADEC", 1));

        projection = new Projection(database);
        List<CloudEvent> events = new ArrayList<>();
        events.addAll(dossier("A", "DT-SADEC-P1", null, Channel.ONLINE, 4, "2022-03-01T09:00:00",
                "2022-03-10T17:00:00", EventTypes.RESOLVED, "2022-03-05T10:00:00", Timeliness.EARLY));
        events.addAll(dossier("B", "DT-SADEC-P2", null, Channel.DIRECT, null, "2022-05-02T09:00:00",
                "2022-06-15T17:00:00", EventTypes.RESOLVED, "2022-08-01T10:00:00", Timeliness.LATE));
        events.addAll(dossier("C", "DT-SADEC", null, Channel.DIRECT, null, "2022-02-01T09:00:00",
                "2022-02-10T17:00:00", EventTypes.WITHDRAWN, "2022-02-03T09:00:00", null));
        events.addAll(dossier("D", "DT-SADEC-P1", "DT-SADEC-P2", Channel.DIRECT, null, "2022-06-25T09:00:00",
                "2022-06-30T17:00:00", EventTypes.RESOLVED, "2022-06-28T10:00:00", Timeliness.ON_TIME));
        events.addAll(dossier("H", "DT", null, Channel.DIRECT, null, "2022-04-01T09:00:00",
                "2022-04-10T17:00:00", EventTypes.RESOLVED, "2022-04-02T10:00:00", Timeliness.EARLY));
        events.addAll(dossier("E", "DT-SADEC-P1", null, Channel.DIRECT, null, "2025-05-10T09:00:00",
                "2025-07-20T17:00:00", null, null, null));
        events.addAll(dossier("F", "DT-SADEC-P2", "DT-SADEC", Channel.ONLINE, 3, "2025-06-02T09:00:00",
                "2025-06-20T17:00:00", null, null, null));
        events.addAll(dossier("G", "DT-SADEC", null, Channel.DIRECT, null, "2025-06-10T09:00:00",
                "2025-09-01T17:00:00", null, null, null));
        project(events);
        sweep(BEFORE);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /**
     * The reorganisation of 2025 leaves every 2022 report as it was, in every column and row; the new ward carries
     * the moved dossiers over into 2025-H2 and the closed units have nothing there; 2025-H1 is still the old tree's.
     */
    @Test
    void closingTheCityAndItsWardsLeavesEarlierReportsAsTheyWere() {
        Map<String, PeriodReport> before = earlierReports(reports(BEFORE));
        assertThat(before.get("2022-H1|15|DT-SADEC|unit").rows()).extracting(PeriodReport.Row::code)
                .containsExactly("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2");

        reorganise();
        ReportService after = reports(AFTER);
        assertThat(earlierReports(after)).isEqualTo(before);

        // 2025-H2: E within (due 20/7), F overdue (due 20/6), G within, all carried over at the new ward
        PeriodReport ward = report(after, "2025-H2", "DT-PSADEC", "unit", null);
        assertThat(counts(ward)).containsExactly(3L, 0L, 0L, 3L, 0L, 0L, 0L, 0L, 3L, 2L, 1L, 0L);
        assertThat(counts(report(after, "2025-H2", "DT", "unit", null))).isEqualTo(counts(ward));
        for (String old : List.of("DT-SADEC", "DT-SADEC-P1", "DT-SADEC-P2")) {
            assertThat(counts(report(after, "2025-H2", old, "unit", null))).as(old)
                    .containsOnly(0L);
            assertThat(counts(report(after, "2025-H2", old, "unit", "15"))).as("cut-off " + old)
                    .containsOnly(0L);
        }
        assertThat(report(after, "2025-H2", "ALL", "unit", null).rows())
                .extracting(PeriodReport.Row::code, PeriodReport.Row::name)
                .containsExactly(tuple("DT-PSADEC", "Phường Sa Đéc"));

        // 2025-H1 ended before the closing day: the old units, new and pending, under the old tree
        PeriodReport h1 = report(after, "2025-H1", "DT", "unit", null);
        assertThat(h1.rows()).extracting(PeriodReport.Row::code, PeriodReport.Row::name).containsExactly(
                tuple("DT-SADEC", "Thành phố Sa Đéc"), tuple("DT-SADEC-P1", "Phường 1"),
                tuple("DT-SADEC-P2", "Phường 2"));
        assertThat(counts(report(after, "2025-H1", "DT-SADEC", "unit", null)))
                .containsExactly(3L, 1L, 2L, 0L, 0L, 0L, 0L, 0L, 3L, 2L, 1L, 0L);

        // the year 2025 holds the closing day: the dossiers are the new ward's, new in it
        PeriodReport year = report(after, "2025", "DT", "unit", null);
        assertThat(year.rows()).extracting(PeriodReport.Row::code).containsExactly("DT-PSADEC");
        assertThat(counts(year)).containsExactly(3L, 1L, 2L, 0L, 0L, 0L, 0L, 0L, 3L, 2L, 1L, 0L);
        assertThat(counts(report(after, "2025", "DT-SADEC", "unit", null))).containsOnly(0L);

        // the tree of a day: a closed unit stays under its last parent, the new ward from its first day
        assertThat(placed(units.outline(REFORM.minusDays(1)).inOrder())).containsExactly(
                "DT@0", "DT-SADEC@1", "DT-SADEC-P1@2", "DT-SADEC-P2@2");
        assertThat(placed(units.outline(REFORM).inOrder())).containsExactly(
                "DT@0", "DT-PSADEC@1", "DT-SADEC@1", "DT-SADEC-P1@2", "DT-SADEC-P2@2");

        RebuildResult rebuild = new Rebuild(projection.projector(), new DossierStore(database),
                new TotalsStore(database)).run(true);
        assertThat(rebuild.differences()).as("the running totals are the sum over the dossiers").isEmpty();
    }

    /**
     * By the receiving counter: D was handled by Phường 1 and received at Phường 2's counter. The subtree is chosen
     * by the handling unit; the rows by the counter, which a transfer does not change.
     */
    @Test
    void byReceivingUnit() {
        ReportService reports = reports(BEFORE);
        PeriodReport byCounter = report(reports, "2022-H1", "DT-SADEC", "receivingUnit", null);
        assertThat(byCounter.by()).isEqualTo("receivingUnit");
        assertThat(byCounter.rows()).extracting(PeriodReport.Row::code, PeriodReport.Row::name).containsExactly(
                tuple("DT-SADEC", "Thành phố Sa Đéc"), tuple("DT-SADEC-P1", "Phường 1"),
                tuple("DT-SADEC-P2", "Phường 2"));
        assertThat(counts(byCounter.rows().get(1))).as("A")
                .containsExactly(1L, 1L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(counts(byCounter.rows().get(2))).as("B pending overdue at 30/6, D on time")
                .containsExactly(2L, 0L, 2L, 0L, 1L, 0L, 1L, 0L, 1L, 0L, 1L, 0L);
        PeriodReport byHandler = report(reports, "2022-H1", "DT-SADEC", "unit", null);
        assertThat(counts(byHandler.rows().get(1))).as("A and D at Phường 1")
                .containsExactly(2L, 1L, 1L, 0L, 2L, 1L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(counts(byCounter)).isEqualTo(counts(byHandler));
        assertThat(Form06Csv.render(byCounter)).contains("Mã nơi tiếp nhận,Nơi tiếp nhận");

        reorganise();
        PeriodReport moved = report(reports(AFTER), "2025-H2", "DT-PSADEC", "receivingUnit", null);
        assertThat(moved.rows()).extracting(PeriodReport.Row::code, PeriodReport.Row::name).as("closed counters "
                + "keep their names").containsExactly(tuple("DT-SADEC", "Thành phố Sa Đéc"),
                tuple("DT-SADEC-P1", "Phường 1"));
        assertThat(moved.rows()).extracting(row -> row.received().carriedOver()).containsExactly(2L, 1L);
    }

    /** Every report of 2022 of the province, the city and all, in both conventions and by every breakdown. */
    private static Map<String, PeriodReport> earlierReports(ReportService reports) {
        Map<String, PeriodReport> all = new LinkedHashMap<>();
        for (String period : List.of("2022-H1", "2022-H2", "2022", "2022-Q2")) {
            for (String cutoff : new String[] {null, "15"}) {
                for (String unit : List.of("DT", "DT-SADEC", "DT-SADEC-P1", "ALL")) {
                    for (String by : List.of("unit", "receivingUnit", "procedure", "field")) {
                        all.put(period + "|" + cutoff + "|" + unit + "|" + by,
                                report(reports, period, unit, by, cutoff));
                    }
                }
            }
        }
        return all;
    }

    /**
     * What intake-service publishes on 1 July 2025: the city and its wards closed into the new ward, which comes into
     * being that day under the province, and the transfer of each dossier still open.
     */
    private void reorganise() {
        catalogue(new UnitData("DT-PSADEC", "Phường Sa Đéc", "DT", 1,
                        List.of(UnitState.open(REFORM, "Phường Sa Đéc", "DT"))),
                closed("DT-SADEC", "Thành phố Sa Đéc", "DT"),
                closed("DT-SADEC-P1", "Phường 1", "DT-SADEC"),
                closed("DT-SADEC-P2", "Phường 2", "DT-SADEC"));
        project(List.of(transferred("E", "DT-SADEC-P1", null, Channel.DIRECT, null, "2025-05-10T09:00:00",
                        "2025-07-20T17:00:00"),
                transferred("F", "DT-SADEC-P2", "DT-SADEC", Channel.ONLINE, 3, "2025-06-02T09:00:00",
                        "2025-06-20T17:00:00"),
                transferred("G", "DT-SADEC", null, Channel.DIRECT, null, "2025-06-10T09:00:00",
                        "2025-09-01T17:00:00")));
        sweep(AFTER);
    }

    private static UnitData closed(String code, String name, String parent) {
        return new UnitData(code, name, parent, 2, List.of(UnitState.open(null, name, parent),
                new UnitState(REFORM, name, parent, true, "DT-PSADEC")));
    }

    private void catalogue(UnitData... changed) {
        for (UnitData unit : changed) {
            CloudEvent event = EventCodec.unitChanged(INTAKE, OffsetDateTime.now(), unit);
            // through the bytes, as the consumer reads them
            CloudEvent read = EventCodec.read(EventCodec.write(event));
            catalogue.handle(read, new ConsumerRecord<>("catalogue", 0, 0, Topics.unitKey(unit.code()),
                    EventCodec.write(event)));
        }
    }

    private void project(List<CloudEvent> events) {
        projection.oneByOne(Projection.consumed(events.stream()
                .map(e -> new Events.Outgoing(false, e.subject(), EventCodec.read(EventCodec.write(e)))).toList()));
    }

    private void sweep(Instant now) {
        new TimeSweep(new DossierStore(database), projection.projector(), Clock.fixed(now, VietnamTime.ZONE)).run();
    }

    private ReportService reports(Instant now) {
        return new ReportService(new TotalsStore(database), units, procedures, Clock.fixed(now, VietnamTime.ZONE),
                PeriodConvention.CALENDAR);
    }

    private static PeriodReport report(ReportService reports, String period, String unit, String by, String cutoff) {
        return reports.report(reports.query(period, unit, by, cutoff));
    }

    private static List<String> placed(List<vn.motcua.stats.domain.UnitOutline.Placed> placed) {
        return placed.stream().map(p -> p.unit().code() + "@" + p.depth()).toList();
    }

    /** As FullReportTest: received total, new online, new direct/postal, carried; resolved total, early, on time,
     *  late; pending total, within, overdue; withdrawn. */
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

    private static List<CloudEvent> dossier(String code, String unit, String counter, Channel channel, Integer level,
                                            String received, String due, String closingType, String closedAt,
                                            Timeliness timeliness) {
        OffsetDateTime receivedAt = local(received);
        OffsetDateTime dueAt = local(due);
        List<CloudEvent> events = new ArrayList<>();
        events.add(EventCodec.dossierEvent(EventTypes.RECEIVED, INTAKE, receivedAt, data(code, unit, counter,
                channel, level, receivedAt, dueAt, 1, null, null, null, null, null, null)));
        if (closingType != null) {
            OffsetDateTime at = local(closedAt);
            boolean resolved = closingType.equals(EventTypes.RESOLVED);
            events.add(EventCodec.dossierEvent(closingType, INTAKE, at, data(code, unit, counter, channel, level,
                    receivedAt, dueAt, 2, resolved ? at : null, timeliness, resolved ? null : at, null, null,
                    null)));
        }
        return events;
    }

    /** Intake moves it at 00:00:10 on the closing day; from 00:00 the new ward handles it. */
    private static CloudEvent transferred(String code, String from, String counter, Channel channel, Integer level,
                                          String received, String due) {
        return EventCodec.dossierEvent(EventTypes.TRANSFERRED, INTAKE, local("2025-07-01T00:00:10"),
                data(code, "DT-PSADEC", counter, channel, level, local(received), local(due), 2, null, null, null,
                        null, from, local("2025-07-01T00:00:00")));
    }

    private static DossierData data(String code, String unit, String counter, Channel channel, Integer level,
                                    OffsetDateTime receivedAt, OffsetDateTime dueAt, long sequence,
                                    OffsetDateTime resolvedAt, Timeliness timeliness, OffsetDateTime withdrawnAt,
                                    Integer handlingDays, String previousUnit, OffsetDateTime transferredAt) {
        return new DossierData(code, unit, PROCEDURE, channel, level, receivedAt, dueAt.toLocalDate(), dueAt,
                sequence, null, null, null, null, resolvedAt, resolvedAt == null ? null : Decision.APPROVED,
                timeliness, withdrawnAt, null, handlingDays, null, null, null, null, counter, previousUnit,
                transferredAt);
    }

    private static OffsetDateTime local(String text) {
        return OffsetDateTime.parse(text + "+07:00");
    }

    private static Instant at(String text) {
        return local(text).toInstant();
    }
}
