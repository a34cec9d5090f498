package vn.motcua.deadline.store;

import io.agroal.api.AgroalDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.motcua.deadline.domain.UnitScope;
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

        long after = store.sendOrderOf(first).orElseThrow();
        assertThat(store.alertsSentAfter(after, UnitScope.ALL, 10)).extracting(DeadlineStore.SentAlert::json)
                .containsExactly("{\"n\":3}");
    }

    @Test
    void selectsTheScopesUnitsInTheQueryWhateverComesBetween() {
        UUID start = UUID.randomUUID();
        List<UUID> ids = new java.util.ArrayList<>(List.of(start));
        store.inTransaction(transaction -> {
            transaction.recordSent("SCP-0", "deadline.overdue", AT, start, json("SCP-0", "W1"), AT);
            for (int i = 1; i <= 30; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                transaction.recordSent("SCP-" + i, "deadline.overdue", AT, id, json("SCP-" + i, i % 10 == 0 ? "W1" : "W2"), AT);
            }
            transaction.markPublished(ids, AT);
            return null;
        });

        long after = store.sendOrderOf(start).orElseThrow();
        List<DeadlineStore.SentAlert> page = store.alertsSentAfter(after, new UnitScope(java.util.Set.of("W1")), 2);
        assertThat(page).extracting(DeadlineStore.SentAlert::json).containsExactly(json("SCP-10", "W1"),
                json("SCP-20", "W1"));
        assertThat(store.alertsSentAfter(page.get(1).sendOrder(), new UnitScope(java.util.Set.of("W1")), 2))
                .extracting(DeadlineStore.SentAlert::json).containsExactly(json("SCP-30", "W1"));
        assertThat(store.sendOrderOf(UUID.randomUUID())).isEmpty();
    }

    private static String json(String dossier, String unit) {
        return "{\"subject\":\"" + dossier + "\",\"data\":{\"unitCode\":\"" + unit + "\"}}";
    }
}
