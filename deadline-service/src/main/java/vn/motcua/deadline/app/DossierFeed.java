package vn.motcua.deadline.app;

import java.util.Set;

/**
 * One engine's connection to Kafka: the dossier-events consumer that hands every event to its tracker, and the alert
 * channel its tick sends through. A port, implemented in messaging, so that the engine holds no Kafka client.
 */
public interface DossierFeed extends AutoCloseable {

    /**
     * The dossier-events partitions this instance may alert for: those it owns and has read to the end, so that a
     * resolution still unread can never be overtaken by an overdue alert, and two instances never alert for the same
     * partition at once.
     */
    Set<Integer> openPartitions();

    /** Whether {@code partition} is still one of them: asked again with a row locked. */
    boolean isOpen(int partition);

    AlertChannel alerts();

    /** Stops the consumer and the producer. */
    @Override
    void close();
}
