package vn.motcua.e2e.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** deadline-service's table of deadlines, read directly by the test: what it tracks for each dossier. */
record DeadlineRecords(Map<String, Row> rows, long alertsDueButUnsent) {

    record Row(String status, boolean paused, long lastSequence, Instant dueAt, Instant newAppointmentAt) {
    }

    /** @param grace how long an alert may be due before it counts as waiting (the tick runs every second) */
    static DeadlineRecords read(Connection deadline, int graceSeconds) throws SQLException {
        try (Statement sql = deadline.createStatement()) {
            Map<String, Row> rows = new HashMap<>();
            try (ResultSet row = sql.executeQuery("""
                    select dossier_code, status, paused, last_sequence, due_at, new_appointment_at from deadlines""")) {
                while (row.next()) {
                    rows.put(row.getString(1), new Row(row.getString(2), row.getBoolean(3), row.getLong(4),
                            instant(row, 5), instant(row, 6)));
                }
            }
            long waiting;
            try (ResultSet row = sql.executeQuery("select count(*) from deadlines where next_alert_at < now() - "
                    + "make_interval(secs => " + graceSeconds + ")")) {
                row.next();
                waiting = row.getLong(1);
            }
            return new DeadlineRecords(rows, waiting);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
