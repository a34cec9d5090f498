package vn.motcua.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** A PostgreSQL server for tests; each test class or application start gets a database of its own. */
public interface PostgresService extends AutoCloseable {

    Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** JDBC URL of a database on this server, without credentials. */
    String jdbcUrl(String database);

    String username();

    String password();

    Backend backend();

    @Override
    void close();

    /** Creates an empty database and answers its JDBC URL. */
    default String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " at " + jdbcUrl("postgres"), e);
        }
        return jdbcUrl(name);
    }

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    static PostgresService shared() {
        return Infrastructure.postgres();
    }

    static PostgresService startOwn() {
        return switch (BackendChooser.fromSystem().chooseOwn("PostgreSQL")) {
            case TESTCONTAINERS -> ContainerPostgres.start();
            default -> EmbeddedPostgresServer.start();
        };
    }

    /**
     * {@code MOTCUA_POSTGRES_URL} is a JDBC URL whose path names any database (it is replaced per test); the user
     * needs CREATEDB. Credentials from {@code MOTCUA_POSTGRES_USER} and {@code MOTCUA_POSTGRES_PASSWORD}, default
     * postgres/postgres.
     */
    static PostgresService resolve() {
        BackendChooser.Choice choice = BackendChooser.fromSystem().choose("PostgreSQL", "MOTCUA_POSTGRES_URL");
        return switch (choice.backend()) {
            case ENVIRONMENT -> new ExternalPostgres(choice.address().orElseThrow(),
                    envOr("MOTCUA_POSTGRES_USER", "postgres"), envOr("MOTCUA_POSTGRES_PASSWORD", "postgres"));
            case TESTCONTAINERS -> ContainerPostgres.start();
            case EMBEDDED -> EmbeddedPostgresServer.start();
        };
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    record ExternalPostgres(String url, String username, String password) implements PostgresService {
        @Override
        public String jdbcUrl(String database) {
            // jdbc:postgresql://host:port/anything?params -> the same with another database
            return url.replaceFirst("(jdbc:postgresql://[^/?]+)(/[^?]*)?", "$1/" + database);
        }

        @Override
        public Backend backend() {
            return Backend.ENVIRONMENT;
        }

        @Override
        public void close() {
        }
    }
}
