package vn.motcua.infra;

/** Where a piece of infrastructure comes from: an address given, a container, or a server started in this JVM. */
public enum Backend {
    /** An address given by a {@code MOTCUA_*} environment variable: nothing is started. */
    ENVIRONMENT,
    /** A container of the image docker-compose pins, when a Docker engine answers. */
    TESTCONTAINERS,
    /** A real server inside (Kafka, MongoDB wire server) or beside (PostgreSQL) this JVM. */
    EMBEDDED
}
