package vn.motcua.events;

/** Kafka topic names of the suite. Each consumer's dead letters go to {@code <topic>.dlq}. */
public final class Topics {
    public static final String DOSSIER_EVENTS = "dossier-events";
    public static final String DEADLINE_ALERTS = "deadline-alerts";
    /** Compacted: the last state of every unit, procedure and calendar year, keyed {@code unit:<code>} … */
    public static final String CATALOGUE = "catalogue";

    /** Header names on a dead-letter record: why it was refused and where it came from. */
    public static final String DLQ_REASON_HEADER = "dlq-reason";
    public static final String DLQ_ORIGIN_HEADER = "dlq-origin";

    private Topics() {
    }

    /** The record key (and CloudEvents subject) of a unit on the catalogue topic. */
    public static String unitKey(String code) {
        return "unit:" + code;
    }

    public static String procedureKey(String code) {
        return "procedure:" + code;
    }

    public static String calendarKey(int year) {
        return "calendar:" + year;
    }

    public static String deadLetterTopic(String topic) {
        return topic + ".dlq";
    }
}
