package vn.motcua.deadline.app;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.deadline.domain.AlertSchedule;
import vn.motcua.deadline.domain.DeadlineStatus;
import vn.motcua.deadline.domain.DueSoonPolicy;
import vn.motcua.deadline.domain.TrackedDeadline;
import vn.motcua.deadline.messaging.DossierEventHandler;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.deadline.support.DossierEvent;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.MalformedEventException;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tracker on real PostgreSQL, fed as the consumer feeds it (through the dossier-events handler): duplicates,
 * out-of-order delivery and closed dossiers, by sequence.
 */
@ExtendWith(RealInfrastructureExtension.class)
class DeadlineTrackerTest {

    static final Instant RECEIVED = OffsetDateTime.parse("2022-01-05T08:30:00+07:00").toInstant();
    static final Instant DUE_AT = OffsetDateTime.parse("2022-01-14T17:00:00+07:00").toInstant();
    static final Instant NEW_DUE_AT = OffsetDateTime.parse("2022-01-18T17:00:00+07:00").toInstant();

    static AgroalDataSource dataSource;
    static DeadlineStore store;
    static DossierEventHandler handler;

    @BeforeAll
    static void database(TestBed bed) {
        dataSource = TestDatabase.migrated(bed, 2);
        store = new DeadlineStore(dataSource);
        handler = new DossierEventHandler(new DeadlineTracker(store, new AlertSchedule(DueSoonPolicy.officeOpening())));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aDuplicateChangesNothing() {
        DossierEvent dossier = DossierEvent.of("DUP-1", "SADEC", RECEIVED);
        handle(dossier.received(1, DUE_AT), 2);
        handle(dossier.received(1, DUE_AT), 2);
        assertThat(stored("DUP-1")).get().satisfies(d -> {
            assertThat(d.sequence()).isEqualTo(1);
            assertThat(d.partition()).isEqualTo(2);
            assertThat(d.dueAt()).isEqualTo(DUE_AT);
            assertThat(d.dueDate()).isEqualTo(DUE_AT.atZone(VietnamTime.ZONE).toLocalDate());
        });
    }

    @Test
    void aLateOlderEventCannotReopenAResolvedDossier() throws Exception {
        DossierEvent dossier = DossierEvent.of("OOO-1", "SADEC", RECEIVED);
        handle(dossier.resolved(2, DUE_AT.minusSeconds(60), DUE_AT), 0);
        handle(dossier.received(1, DUE_AT), 0);
        assertThat(stored("OOO-1")).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeadlineStatus.RESOLVED);
            assertThat(d.sequence()).isEqualTo(2);
        });
        assertThat(nextAlertAt("OOO-1")).isNull();
    }

    @Test
    void pauseAndResumeInAnyOrderEndWithTheLatestPicture() throws Exception {
        DossierEvent dossier = DossierEvent.of("PR-1", "SADEC", RECEIVED);
        handle(dossier.supplementReceived(3, DUE_AT.minusSeconds(3600), NEW_DUE_AT), 1);
        handle(dossier.supplementRequested(2, RECEIVED.plusSeconds(3600), DUE_AT), 1);
        handle(dossier.received(1, DUE_AT), 1);
        assertThat(stored("PR-1")).get().satisfies(d -> {
            assertThat(d.paused()).isFalse();
            assertThat(d.dueAt()).isEqualTo(NEW_DUE_AT);
        });
        assertThat(nextAlertAt("PR-1")).isEqualTo(DueSoonPolicy.officeOpening().dueSoonAt(NEW_DUE_AT));

        DossierEvent paused = DossierEvent.of("PR-2", "SADEC", RECEIVED);
        handle(paused.received(1, DUE_AT), 1);
        handle(paused.supplementRequested(2, RECEIVED.plusSeconds(3600), DUE_AT), 1);
        assertThat(stored("PR-2")).get().extracting(TrackedDeadline::paused).isEqualTo(true);
        assertThat(nextAlertAt("PR-2")).isNull();
    }

    @Test
    void anOlderPictureNeverOverwritesANewerOneEvenWhenTwoWritersRace() {
        DossierEvent dossier = DossierEvent.of("RACE-1", "SADEC", RECEIVED);
        TrackedDeadline newer = first(dossier.supplementReceived(3, DUE_AT, NEW_DUE_AT));
        TrackedDeadline older = first(dossier.received(1, DUE_AT));
        store.inTransaction(transaction -> {
            transaction.save(newer, null);
            transaction.save(older, null);
            return null;
        });
        assertThat(stored("RACE-1")).get().extracting(TrackedDeadline::sequence).isEqualTo(3L);
    }

    @Test
    void aDueDateChangeMovesTheStoredDeadlineAndItsNextAlertAndKeepsTheProvisionalFlag() throws Exception {
        DossierEvent dossier = DossierEvent.of("DDC-T1", "SADEC", RECEIVED);
        handle(DossierEvent.provisional(dossier.received(1, DUE_AT), true), 1);
        assertThat(stored("DDC-T1")).get().extracting(TrackedDeadline::dueDateProvisional).isEqualTo(true);

        handle(dossier.dueDateChanged(2, RECEIVED.plusSeconds(7200), DUE_AT, NEW_DUE_AT, false), 1);
        assertThat(stored("DDC-T1")).get().satisfies(d -> {
            assertThat(d.sequence()).isEqualTo(2);
            assertThat(d.dueAt()).isEqualTo(NEW_DUE_AT);
            assertThat(d.dueDate()).isEqualTo(NEW_DUE_AT.atZone(VietnamTime.ZONE).toLocalDate());
            assertThat(d.dueDateProvisional()).isFalse();
        });
        assertThat(nextAlertAt("DDC-T1")).isEqualTo(DueSoonPolicy.officeOpening().dueSoonAt(NEW_DUE_AT));

        // the same event again, and an older one, change nothing
        handle(dossier.dueDateChanged(2, RECEIVED.plusSeconds(7200), DUE_AT, NEW_DUE_AT, false), 1);
        handle(DossierEvent.provisional(dossier.received(1, DUE_AT), true), 1);
        assertThat(stored("DDC-T1")).get().satisfies(d -> {
            assertThat(d.dueAt()).isEqualTo(NEW_DUE_AT);
            assertThat(d.dueDateProvisional()).isFalse();
        });
    }

    @Test
    void anEventWithoutTheDataToTrackIsMalformed() {
        CloudEvent noSequence = DossierEvent.of("BAD-1", "SADEC", RECEIVED).received(0, DUE_AT);
        assertThatThrownBy(() -> handle(noSequence, 0)).isInstanceOf(MalformedEventException.class);
        assertThat(stored("BAD-1")).isEmpty();
    }

    private static TrackedDeadline first(CloudEvent event) {
        return TrackedDeadline.first(event.type(), EventCodec.dossierData(event), event.time(), 0);
    }

    private static void handle(CloudEvent event, int partition) {
        handler.handle(event, new ConsumerRecord<>("dossier-events", partition, 0L, event.subject(), EventCodec.write(event)));
    }

    private static Optional<TrackedDeadline> stored(String code) {
        return store.inTransaction(transaction -> transaction.findForUpdate(code));
    }

    private static Instant nextAlertAt(String code) throws SQLException {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("select next_alert_at from deadlines where dossier_code = ?")) {
            select.setString(1, code);
            try (var rows = select.executeQuery()) {
                rows.next();
                OffsetDateTime at = rows.getObject(1, OffsetDateTime.class);
                return at == null ? null : at.toInstant();
            }
        }
    }
}
