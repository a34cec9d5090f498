package vn.motcua.intake.app;

import vn.motcua.intake.domain.OutboxStream;

import java.util.List;

/**
 * The broker, as the outbox relay needs it: implemented at the Kafka edge, so that {@link OutboxDelivery} can hold
 * the claim of the rows and their marking in one transaction around the sends without knowing Kafka.
 */
public interface OutboxPublisher {

    /** An outbox row as it goes on the topic: its stream, and the record key and value exactly as stored. */
    record Event(OutboxStream stream, String key, String payload) {
    }

    /**
     * Sends {@code events} in order and waits for the broker; answers how many of them, counted from the first,
     * were acknowledged. A row after a failed one must not count, or it would be marked sent ahead of it.
     */
    int publish(List<Event> events);
}
