package vn.motcua.testkit;

/** Names of the readiness checks that the Quarkus extensions register. */
public final class ReadinessChecks {
    public static final String KAFKA = "Kafka connection health check";
    public static final String DATABASE = "Database connections health check";
    public static final String MONGODB = "MongoDB connection health check";

    private ReadinessChecks() {
    }
}
