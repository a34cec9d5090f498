package vn.motcua.events;

/** Kafka topic names of the suite. Each consumer's dead letters go to {@code <topic>.dlq}. */
public final class Topics {
    public static final String DOSSIER_EVENTS = "dossier-events";
    public static final String DEADLINE_ALERTS = "deadline-alerts";

    /** Header names on a dead-letter record: why it was refused and where it came from. */
    public static final String DLQ_REASON_HEADER = "dlq-reason";
    public static final String DLQ_ORIGIN_HEADER = "dlq-origin";

    private Topics() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
