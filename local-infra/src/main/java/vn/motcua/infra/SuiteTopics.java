package vn.motcua.infra;

/** The names of the suite's three topics; each has a dead-letter topic {@code <name>.dlq}. */
public record SuiteTopics(String dossierEvents, String deadlineAlerts, String catalogue) {

    /** The names a deployment uses (devstack, compose). Tests use fresh names per test class. */
    public static final SuiteTopics STANDARD = new SuiteTopics("dossier-events", "deadline-alerts", "catalogue");

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}
