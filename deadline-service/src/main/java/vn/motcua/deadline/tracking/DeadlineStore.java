package vn.motcua.deadline.tracking;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code deadlines} and {@code alerts_sent} tables in plain JDBC, on a connection whose transaction the caller
 * owns: the hot paths need row locks ({@code FOR UPDATE}, {@code SKIP LOCKED}) and guarded upserts, and the same
 * code runs twice in one JVM in the two-instance test.
 */
public final class DeadlineStore {

    private static final String COLUMNS = "dossier_code, unit_code, procedure_code, partition_no, last_sequence, "
            + "status, paused, received_at, due_date, due_at, new_appointment_at, closed_at, due_soon_sent_for, "
            + "overdue_sent_for, appointment_missed_sent_for";

    public Optional<Deadline> findForUpdate(Connection connection, String dossierCode) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from deadlines where dossier_code = ? for update")) {
            select.setString(1, dossierCode);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * Inserts or replaces the row. The sequence guard in SQL keeps an older picture from overwriting a newer one
     * even when two instances insert the same new dossier during a rebalance.
     */
    public void save(Connection connection, Deadline deadline, Instant nextAlertAt) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into deadlines (" + COLUMNS + ", next_alert_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "on conflict (dossier_code) do update set unit_code = excluded.unit_code, "
                        + "procedure_code = excluded.procedure_code, partition_no = excluded.partition_no, "
                        + "last_sequence = excluded.last_sequence, status = excluded.status, paused = excluded.paused, "
                        + "received_at = excluded.received_at, due_date = excluded.due_date, due_at = excluded.due_at, "
                        + "new_appointment_at = excluded.new_appointment_at, closed_at = excluded.closed_at, "
                        + "next_alert_at = excluded.next_alert_at, updated_at = now() "
                        + "where deadlines.last_sequence < excluded.last_sequence")) {
            int i = 0;
            upsert.setString(++i, deadline.dossierCode());
            upsert.setString(++i, deadline.unitCode());
            upsert.setString(++i, deadline.procedureCode());
            upsert.setInt(++i, deadline.partition());
            upsert.setLong(++i, deadline.sequence());
            upsert.setString(++i, deadline.status().name());
            upsert.setBoolean(++i, deadline.paused());
            setInstant(upsert, ++i, deadline.receivedAt());
            upsert.setObject(++i, deadline.dueDate(), Types.DATE);
            setInstant(upsert, ++i, deadline.dueAt());
            setInstant(upsert, ++i, deadline.newAppointmentAt());
            setInstant(upsert, ++i, deadline.closedAt());
            setInstant(upsert, ++i, deadline.dueSoonSentFor());
            setInstant(upsert, ++i, deadline.overdueSentFor());
            setInstant(upsert, ++i, deadline.appointmentMissedSentFor());
            setInstant(upsert, ++i, nextAlertAt);
            upsert.executeUpdate();
        }
    }

    /**
     * Rows of the given partitions whose next alert is due, locked; rows another instance holds are skipped.
     * Served by the partial index on next_alert_at: reads only what is coming due.
     */
    public List<Deadline> claimDue(Connection connection, Instant now, Collection<Integer> partitions, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from deadlines "
                + "where next_alert_at <= ? and partition_no = any (?) order by next_alert_at limit ? "
                + "for update skip locked")) {
            setInstant(select, 1, now);
            Array array = connection.createArrayOf("integer", partitions.toArray());
            select.setArray(2, array);
            select.setInt(3, limit);
            List<Deadline> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(read(rows));
                }
            }
            return due;
        }
    }

    /** Stores which alerts went out and when the next one falls due. */
    public void saveAlertState(Connection connection, Deadline deadline, Instant nextAlertAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update deadlines set due_soon_sent_for = ?, "
                + "overdue_sent_for = ?, appointment_missed_sent_for = ?, next_alert_at = ?, updated_at = now() "
                + "where dossier_code = ?")) {
            setInstant(update, 1, deadline.dueSoonSentFor());
            setInstant(update, 2, deadline.overdueSentFor());
            setInstant(update, 3, deadline.appointmentMissedSentFor());
            setInstant(update, 4, nextAlertAt);
            update.setString(5, deadline.dossierCode());
            update.executeUpdate();
        }
    }

    /** False when this (dossier, type, due instant) was sent before: the unique key is the last word on "once". */
    public boolean recordSent(Connection connection, String dossierCode, String type, Instant about, UUID eventId,
                              Instant sentAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into alerts_sent "
                + "(dossier_code, alert_type, due_at, event_id, sent_at) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setString(1, dossierCode);
            insert.setString(2, type);
            setInstant(insert, 3, about);
            insert.setObject(4, eventId);
            setInstant(insert, 5, sentAt);
            return insert.executeUpdate() == 1;
        }
    }

    private static Deadline read(ResultSet rows) throws SQLException {
        return new Deadline(rows.getString("dossier_code"), rows.getString("unit_code"),
                rows.getString("procedure_code"), rows.getInt("partition_no"), rows.getLong("last_sequence"),
                DeadlineStatus.valueOf(rows.getString("status")), rows.getBoolean("paused"),
                instant(rows, "received_at"), rows.getObject("due_date", LocalDate.class), instant(rows, "due_at"),
                instant(rows, "new_appointment_at"), instant(rows, "closed_at"), instant(rows, "due_soon_sent_for"),
                instant(rows, "overdue_sent_for"), instant(rows, "appointment_missed_sent_for"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

}
