package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.support.TestDatabase;
import vn.motcua.testkit.RealInfrastructureExtension;
import vn.motcua.testkit.TestBed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Last-Event-ID replay reads {@code alerts_sent}: only alerts confirmed published, so that a stream never shows
 * an alert Kafka readers have not got (it may still be settled by the recovery, and then appears later).
 */
@ExtendWith(RealInfrastructureExtension.class)
class AlertsSentReplayTest {

    static final Instant AT = Instant.parse("2022-03-01T01:00:00Z");

    static AgroalDataSource dataSource;
    static DeadlineStore store;

    @BeforeAll
    static void database(TestBed bed) {
        dataSource = TestDatabase.migrated(bed, 2);
        store = new DeadlineStore(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void replaysOnlyPublishedAlertsAfterTheNamedOne() {
        UUID first = UUID.randomUUID();
        UUID unpublished = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        store.inTransaction(transaction -> {
            transaction.recordSent("RPL-1", "deadline.overdue", AT, first, "{\"n\":1}", AT);
            transaction.recordSent("RPL-2", "deadline.overdue", AT, unpublished, "{\"n\":2}", AT);
            transaction.recordSent("RPL-3", "deadline.overdue", AT, third, "{\"n\":3}", AT);
            transaction.markPublished(List.of(first, third), AT);
            return null;
        });

        assertThat(store.alertsSentAfter(first, 10)).containsExactly("{\"n\":3}");
    }
}
