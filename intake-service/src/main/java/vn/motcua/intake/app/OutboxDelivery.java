package vn.motcua.intake.app;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.intake.store.OutboxRows;

import java.util.ArrayList;
import java.util.List;

/**
 * One cycle of the outbox relay: in one transaction, take the relay's lock (a PostgreSQL advisory lock held until the
 * transaction ends, so one relay at a time across instances and the per-key order of the rows is the order on the
 * topic), read the oldest unsent rows, publish them, and mark sent the prefix the broker acknowledged. A row is
 * marked only after its acknowledgement, never past one that failed: nothing is lost, and a row sent again after a
 * failure is the only repeat.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);
    private static final int TIMEOUT_SECONDS = 60;

    private final OutboxRows rows;

    OutboxDelivery(OutboxRows rows) {
        this.rows = rows;
    }

    /**
     * Relays up to {@code batchSize} rows through {@code publisher} in a transaction of its own; answers how many were
     * marked sent (zero when another instance holds the lock or nothing waits).
     */
    public int deliverBatch(int batchSize, OutboxPublisher publisher) {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> deliver(batchSize, publisher));
    }

    private int deliver(int batchSize, OutboxPublisher publisher) {
        if (!rows.lockForRelay()) {
            return 0;
        }
        List<OutboxRows.Unsent> batch = rows.unsent(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        int acknowledged = publisher.publish(batch.stream()
                .map(row -> new OutboxPublisher.Event(row.stream(), row.key(), row.payload())).toList());
        List<Long> sentIds = new ArrayList<>(acknowledged);
        for (int i = 0; i < acknowledged && i < batch.size(); i++) {
            sentIds.add(batch.get(i).id());
        }
        int sent = sentIds.size();
        if (sent > 0) {
            rows.markSent(sentIds);
        }
        if (sent < batch.size()) {
            LOG.warnf("outbox relay: %d of %d events acknowledged; the rest go again", sent, batch.size());
        }
        return sent;
    }
}
