package vn.motcua.stats.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
import vn.motcua.kafka.ConsumedEvent;
import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.DossierRecord;
import vn.motcua.stats.domain.PeriodConvention;
import vn.motcua.stats.domain.PeriodReport;
import vn.motcua.stats.domain.TotalsKey;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dossier.due-date-changed through the projection into the report, on real MongoDB, one by one and in batches:
 * the dossier is judged against the new due date, exactly once.
 *
 * <pre>
 *      received 04/01/2027 09:00, due on the Labour Code rule (provisional)   moved by the official schedule
 *  R   due 11/01 17:00; resolved 13/01 10:00, intake's verdict ON_TIME          06/01 → due 13/01 17:00
 *  S   the same, the resolution without a verdict (the projection works it out)  06/01 → due 13/01 17:00
 *  P   due 08/01 17:00; open                                                    11/01 → due 15/01 17:00
 * </pre>
 * Swept on 10/01 12:00 (P overdue, R and S within), then the rest arrives and the sweep runs on 14/01 12:00.
 */
@ExtendWith(RealInfrastructureExtension.class)
class DueDateChangeReportTest {

    static final Instant FIRST_SWEEP = at("2027-01-10T12:00:00");
    static final Instant NOW = at("2027-01-14T12:00:00");
    private static final URI INTAKE = URI.create("/motcua/intake-service");

    private MongoClient client;
    private TestBed bed;

    @BeforeEach
    void setUp(TestBed bed) {
        this.bed = bed;
        client = MongoClients.create(bed.mongo().connectionString());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void judgedAgainstTheNewDueDateOnceOneByOne() {
        judgedAgainstTheNewDueDateOnce("one", false);
    }

    @Test
    void judgedAgainstTheNewDueDateOnceInBatches() {
        judgedAgainstTheNewDueDateOnce("batch", true);
    }

    private void judgedAgainstTheNewDueDateOnce(String name, boolean batched) {
        MongoDatabase database = client.getDatabase(bed.mongoDatabase() + "-due-date-" + name);
        database.drop();
        UnitStore units = new UnitStore(database);
        units.storeIfNewer(new Unit("SADEC", "UBND thành phố Sa Đéc", null), 1);
        units.storeIfNewer(new Unit("SADEC-P1", "Phường 1", "SADEC"), 1);
        Projection projection = new Projection(database);

        String received = "2027-01-04T09:00:00";
        CloudEvent r1 = event(EventTypes.RECEIVED, "R", 1, received, "2027-01-11T17:00:00", null, null, true);
        CloudEvent s1 = event(EventTypes.RECEIVED, "S", 1, received, "2027-01-11T17:00:00", null, null, true);
        CloudEvent p1 = event(EventTypes.RECEIVED, "P", 1, received, "2027-01-08T17:00:00", null, null, true);
        apply(projection, batched, List.of(r1, s1, p1));
        sweep(projection, database, FIRST_SWEEP);
        // 2027-Q1 on 10/01: three new, pending: R and S within (due 11/01), P overdue (due 08/01)
        assertThat(counts(report(database, units, FIRST_SWEEP))).containsExactly(3L, 0L, 0L, 0L, 0L, 3L, 2L, 1L);

        CloudEvent r2 = changed("R", 2, "2027-01-06T10:00:00", "2027-01-11T17:00:00", "2027-01-13T17:00:00");
        CloudEvent s2 = changed("S", 2, "2027-01-06T10:00:00", "2027-01-11T17:00:00", "2027-01-13T17:00:00");
        CloudEvent p2 = changed("P", 2, "2027-01-11T10:00:00", "2027-01-08T17:00:00", "2027-01-15T17:00:00");
        CloudEvent r3 = event(EventTypes.RESOLVED, "R", 3, "2027-01-13T10:00:00", "2027-01-13T17:00:00",
                Timeliness.ON_TIME, null, false);
        CloudEvent s3 = event(EventTypes.RESOLVED, "S", 3, "2027-01-13T10:00:00", "2027-01-13T17:00:00",
                null, null, false);
        apply(projection, batched, List.of(p2, r3, r2, s2, s3));
        sweep(projection, database, NOW);

        // resolved on 13/01, after the old date and on the new one: on time; P within its new date (15/01)
        List<Long> expected = List.of(3L, 2L, 0L, 2L, 0L, 1L, 1L, 0L);
        PeriodReport report = report(database, units, NOW);
        assertThat(counts(report)).containsExactly(expected.toArray(Long[]::new));
        assertThat(report.summary().onTimeOrEarly()).isEqualTo(2);
        assertThat(report.summary().lateOrOverdue()).isZero();
        Map<TotalsKey, Counts> totals = BatchEqualsOneByOneTest.nonEmpty(projection.totals().all());
        assertThat(totals).isEqualTo(projection.recount());
        Map<String, DossierRecord> dossiers = projection.dossiers();

        // the same events again, the changes twice over: nothing changes
        apply(projection, batched, List.of(r2, p2, s2, r1, p2, r3, s3, s2, p1, r2));
        assertThat(BatchEqualsOneByOneTest.nonEmpty(projection.totals().all())).isEqualTo(totals);
        assertThat(projection.dossiers()).isEqualTo(dossiers);
        assertThat(counts(report(database, units, NOW))).containsExactly(expected.toArray(Long[]::new));
        assertThat(projection.pendingDeltas()).isZero();

        // P's new date passes: overdue once more, against the new date
        Instant afterNewDue = at("2027-01-15T17:00:01");
        sweep(projection, database, afterNewDue);
        assertThat(counts(report(database, units, afterNewDue))).containsExactly(3L, 2L, 0L, 2L, 0L, 1L, 0L, 1L);
    }

    private static void apply(Projection projection, boolean batched, List<CloudEvent> events) {
        List<ConsumedEvent> consumed = Projection.consumed(events.stream()
                .map(e -> new Events.Outgoing(false, e.subject(), e)).toList());
        if (batched) {
            projection.handler().handleBatch(consumed);
        } else {
            projection.oneByOne(consumed);
        }
    }

    private static void sweep(Projection projection, MongoDatabase database, Instant now) {
        new TimeSweep(new DossierStore(database), projection.projector(), Clock.fixed(now, VietnamTime.ZONE)).run();
    }

    private static PeriodReport report(MongoDatabase database, UnitStore units, Instant now) {
        ReportService reports = new ReportService(new TotalsStore(database), units, new ProcedureStore(database),
                Clock.fixed(now, VietnamTime.ZONE), PeriodConvention.CALENDAR);
        return reports.report(reports.query("2027-Q1", "ALL", null, null));
    }

    /** received total; resolved total, early, on time, late; pending total, within, overdue. */
    private static List<Long> counts(PeriodReport r) {
        return List.of(r.received().total(), r.resolved().total(), r.resolved().early(), r.resolved().onTime(),
                r.resolved().late(), r.pending().total(), r.pending().withinDeadline(), r.pending().overdue());
    }

    private static CloudEvent changed(String code, long sequence, String at, String previousDue, String newDue) {
        OffsetDateTime time = local(at);
        OffsetDateTime due = local(newDue);
        OffsetDateTime previous = local(previousDue);
        return EventCodec.dossierEvent(EventTypes.DUE_DATE_CHANGED, INTAKE, time, new DossierData(code, "SADEC-P1",
                "1.001612", Channel.DIRECT, null, local("2027-01-04T09:00:00"), due.toLocalDate(), due, sequence,
                null, null, null, null, null, null, null, null, null, null, false, previous.toLocalDate(), previous,
                "calendar 2027 version 2"));
    }

    private static CloudEvent event(String type, String code, long sequence, String at, String due,
                                    Timeliness timeliness, Integer handlingDays, boolean provisional) {
        OffsetDateTime time = local(at);
        OffsetDateTime dueAt = local(due);
        boolean resolved = type.equals(EventTypes.RESOLVED);
        return EventCodec.dossierEvent(type, INTAKE, time, new DossierData(code, "SADEC-P1", "1.001612",
                Channel.DIRECT, null, local("2027-01-04T09:00:00"), dueAt.toLocalDate(), dueAt, sequence, null, null,
                null, null, resolved ? time : null, resolved ? Decision.APPROVED : null, timeliness, null, null,
                handlingDays, provisional, null, null, null));
    }

    private static OffsetDateTime local(String text) {
        return OffsetDateTime.parse(text + "+07:00");
    }

    private static Instant at(String text) {
        return local(text).toInstant();
    }
}
