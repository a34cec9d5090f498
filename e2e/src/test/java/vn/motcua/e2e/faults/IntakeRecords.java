package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * intake's database read directly with SQL, the suite's truth: every dossier, its steps, its outbox rows and the
 * Idempotency-Keys. Read by the test only (no service reads another's database).
 */
record IntakeRecords(Map<String, Dossier> dossiers, Map<String, List<Step>> steps,
                     Map<String, List<OutboxEvent>> outbox, Map<String, String> codeByKey, long unsent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Dossier(String code, String unit, String channel, Integer onlineLevel, String status, Instant receivedAt,
                   Instant dueAt, boolean clockStopped, Instant newAppointmentAt, Instant resolvedAt,
                   String timeliness, Instant withdrawnAt, long sequence) {

        boolean open() {
            return status.equals("RECEIVED") || status.equals("SUPPLEMENT_REQUESTED");
        }

        /** Open and not paused by a supplement request made before dueAt: it can be overdue and alert. */
        boolean clockRuns() {
            return open() && !(status.equals("SUPPLEMENT_REQUESTED") && clockStopped);
        }

        Instant closedAt() {
            return resolvedAt != null ? resolvedAt : withdrawnAt;
        }
    }

    record Step(long sequence, String type) {
    }

    record OutboxEvent(long sequence, String type, String eventId, boolean sent) {
    }

    static IntakeRecords read(Connection intake) throws SQLException {
        try (Statement sql = intake.createStatement()) {
            Map<String, Dossier> dossiers = new LinkedHashMap<>();
            try (ResultSet row = sql.executeQuery("""
                    select code, unit_code, channel, online_level, status, received_at, due_at, pause_clock_stopped,
                           new_appointment_at, resolved_at, timeliness, withdrawn_at, sequence
                    from dossier order by code""")) {
                while (row.next()) {
                    Dossier dossier = new Dossier(row.getString(1), row.getString(2), row.getString(3),
                            (Integer) row.getObject(4), row.getString(5), instant(row, 6), instant(row, 7),
                            row.getBoolean(8), instant(row, 9), instant(row, 10), row.getString(11),
                            instant(row, 12), row.getLong(13));
                    dossiers.put(dossier.code(), dossier);
                }
            }
            Map<String, List<Step>> steps = new HashMap<>();
            try (ResultSet row = sql.executeQuery(
                    "select dossier_code, sequence, type from dossier_step order by dossier_code, sequence")) {
                while (row.next()) {
                    steps.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                            .add(new Step(row.getLong(2), row.getString(3)));
                }
            }
            Map<String, List<OutboxEvent>> outbox = new HashMap<>();
            long unsent = 0;
            try (ResultSet row = sql.executeQuery("""
                    select record_key, sequence, type, payload, sent_at is not null from outbox_event
                    where stream = 'dossier-events' order by id""")) {
                while (row.next()) {
                    boolean sent = row.getBoolean(5);
                    unsent += sent ? 0 : 1;
                    outbox.computeIfAbsent(row.getString(1), code -> new ArrayList<>())
                            .add(new OutboxEvent(row.getLong(2), row.getString(3), eventId(row.getString(4)), sent));
                }
            }
            Map<String, String> codeByKey = new HashMap<>();
            try (ResultSet row = sql.executeQuery("select key, dossier_code from idempotency_key")) {
                while (row.next()) {
                    codeByKey.put(asSent(row.getString(1)), row.getString(2));
                }
            }
            return new IntakeRecords(dossiers, steps, outbox, codeByKey, unsent);
        }
    }

    /** The key as the kiosk sent it: intake stores it scoped by caller, {@code <length of name>:<name>:<key>}. */
    static String asSent(String stored) {
        int colon = stored.indexOf(':');
        if (colon <= 0 || !stored.substring(0, colon).chars().allMatch(Character::isDigit)) {
            return stored;
        }
        int nameEnd = colon + 1 + Integer.parseInt(stored.substring(0, colon));
        return nameEnd < stored.length() && stored.charAt(nameEnd) == ':' ? stored.substring(nameEnd + 1) : stored;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String eventId(String payload) {
        try {
            return JSON.readTree(payload).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("an outbox payload is not JSON: " + payload, e);
        }
    }
}
