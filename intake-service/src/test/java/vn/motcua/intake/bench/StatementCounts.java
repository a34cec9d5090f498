package vn.motcua.intake.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL did for the service during a phase, from pg_stat_statements and pg_stat_database: statements
 * (each one round trip) and commits, divided by the POSTs of the phase. The outbox relay's statements are among
 * them, as they are part of what a POST costs the database.
 */
final class StatementCounts {

    private static final int LISTED = 8;

    /** The phase's statements and commits per POST, and its most frequent statements. */
    record PerPost(double statements, double commits, List<String> top) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("per POST: %.2f statements, %.2f commits; most frequent:"
                    .formatted(statements, commits));
            top.forEach(line -> text.append(System.lineSeparator()).append("  ").append(line));
            return text.toString();
        }
    }

    private long commitsAtReset;

    StatementCounts() throws SQLException {
        try (Connection connection = DurablePostgresResource.connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    void reset() throws SQLException {
        try (Connection connection = DurablePostgresResource.connect(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_stat_statements_reset()");
            commitsAtReset = commits(sql);
        }
    }

    PerPost per(long posts) throws SQLException {
        try (Connection connection = DurablePostgresResource.connect(); Statement sql = connection.createStatement()) {
            long commits = commits(sql) - commitsAtReset;
            long statements = 0;
            List<String> top = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT calls, regexp_replace(query, '\\s+', ' ', 'g') "
                    + "FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY calls DESC")) {
                while (rows.next()) {
                    statements += rows.getLong(1);
                    if (top.size() < LISTED) {
                        String query = rows.getString(2);
                        top.add("%.3f  %s".formatted(rows.getLong(1) / (double) posts,
                                query.length() > 110 ? query.substring(0, 110) + "…" : query));
                    }
                }
            }
            return new PerPost(statements / (double) posts, commits / (double) posts, top);
        }
    }

    /** fsync and synchronous_commit as the server runs them. */
    String durability() throws SQLException {
        try (Connection connection = DurablePostgresResource.connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            row.next();
            return "fsync " + row.getString(1) + ", synchronous_commit " + row.getString(2);
        }
    }

    private static long commits(Statement sql) throws SQLException {
        // pg_stat_database is refreshed once a transaction; ask outside a snapshot of it
        sql.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet row = sql.executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
