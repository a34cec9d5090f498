package vn.motcua.testkit;

/** Where a piece of test infrastructure comes from, in the order the testkit tries them. */
public enum Backend {
    /** An address given by a {@code MOTCUA_*} environment variable: nothing is started. */
    ENVIRONMENT,
    /** A container of the image docker-compose pins, when a Docker engine answers. */
    TESTCONTAINERS,
    /** A real server inside (Kafka, MongoDB wire server) or beside (PostgreSQL) this JVM. */
    EMBEDDED
}
