package vn.motcua.infra;

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

    /**
     * A service's database as a deployment has it: a login role of its own owns it (and, from PostgreSQL 15, its
     * {@code public} schema), and no other role may connect to it. Left as it is when the database exists; an
     * existing role's password is set anew.
     */
    default String createServiceDatabase(String name, String role, String rolePassword) {
        if (!DATABASE_NAME.matcher(name).matches() || !DATABASE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("not a safe database or role name: " + name + ", " + role);
        }
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            boolean roleExists;
            try (var result = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                roleExists = result.next();
            }
            String password = rolePassword.replace("'", "''");
            statement.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD '" + password + "'");
            boolean databaseExists;
            try (var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                databaseExists = result.next();
            }
            if (!databaseExists) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + role);
                statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " for " + role, e);
        }
        return jdbcUrl(name);
    }

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
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
