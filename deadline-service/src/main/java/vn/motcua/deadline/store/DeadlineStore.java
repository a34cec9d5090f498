package vn.motcua.deadline.store;

import jakarta.inject.Singleton;
import vn.motcua.deadline.domain.DeadlineStatus;
import vn.motcua.deadline.domain.TrackedDeadline;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.deadline.domain.UnpublishedAlert;

import javax.sql.DataSource;
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
 * The one mapping of the {@code deadlines} table (and of {@code alerts_sent}): plain JDBC on the service's data
 * source (Agroal) for every read and write, and {@link #inTransaction} as the one way to hold a transaction.
 * <p>
 * Why JDBC and not Panache: what must hold is in SQL. The guarded upsert ({@code on conflict … where
 * last_sequence <}) ignores duplicates and late older events even when two instances insert the same dossier during
 * a rebalance, and closed rows are never reopened; the alert tick claims due rows with {@code FOR UPDATE SKIP
 * LOCKED} through the partial index on {@code next_alert_at}, so its cost follows the rows coming due, not the open
 * deadlines (deadline-service's benchmark). An entity beside these native statements would be a second picture of
 * the same row.
 * <p>
 * Why a JDBC transaction and not {@code @Transactional} / {@code QuarkusTransaction}: the engine (dossier-events
 * consumer plus alert tick) runs two and three times in one JVM without Quarkus in the two-instance test and in the
 * benchmark, and Quarkus' transaction API finds its transaction manager in the CDI container. So a transaction here
 * is one connection, committed when the work returns and rolled back when it throws; nothing in the service uses
 * JTA, and single reads (the overdue list) run without a transaction.
 */
@Singleton
public class DeadlineStore {

    private static final String COLUMNS = "dossier_code, unit_code, procedure_code, partition_no, last_sequence, "
            + "status, paused, received_at, due_date, due_at, new_appointment_at, closed_at, due_soon_sent_for, "
            + "overdue_sent_for, appointment_missed_sent_for, due_date_provisional";

    private final DataSource dataSource;

    public DeadlineStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work done inside one transaction; it may throw, and then nothing of it is kept. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Transaction transaction) throws SQLException;
    }

    /** Runs the work on one connection in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Transaction(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** A place in the overdue list: the last listed dossier's dueAt and code (the list's order). */
    public record OverduePosition(Instant dueAt, String dossierCode) {
    }

    /**
     * Open dossiers whose clock runs and whose dueAt is before {@code now}, by dueAt then dossier code (a total
     * order, so that pages neither repeat nor skip a dossier), after {@code after} if given, at most {@code limit};
     * served by the partial index on due_at, whose predicate the query repeats.
     */
    public List<TrackedDeadline> overdue(Instant now, UnitScope scope, Optional<OverduePosition> after, int limit) {
        String sql = "select " + COLUMNS + " from deadlines where status = 'OPEN' and not paused and due_at < ?"
                + (scope.isAll() ? "" : " and unit_code = any (?)")
                + (after.isPresent() ? " and (due_at, dossier_code) > (?, ?)" : "")
                + " order by due_at, dossier_code limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            setInstant(select, index++, now);
            if (!scope.isAll()) {
                select.setArray(index++, connection.createArrayOf("varchar", scope.codes().toArray()));
            }
            if (after.isPresent()) {
                setInstant(select, index++, after.get().dueAt());
                select.setString(index++, after.get().dossierCode());
            }
            select.setInt(index, limit);
            return readAll(select);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** The statements that run inside a transaction, on its connection. */
    public static final class Transaction {

        private final Connection connection;

        private Transaction(Connection connection) {
            this.connection = connection;
        }

        /** The dossier's row, locked until the transaction ends. */
        public Optional<TrackedDeadline> findForUpdate(String dossierCode) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from deadlines where dossier_code = ? for update")) {
                select.setString(1, dossierCode);
                return readAll(select).stream().findFirst();
            }
        }

        /**
         * Inserts or replaces the row. The sequence guard in SQL keeps an older picture from overwriting a newer
         * one even when two instances insert the same new dossier during a rebalance.
         */
        public void save(TrackedDeadline deadline, Instant nextAlertAt) throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "insert into deadlines (" + COLUMNS + ", next_alert_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                            + "on conflict (dossier_code) do update set unit_code = excluded.unit_code, "
                            + "procedure_code = excluded.procedure_code, partition_no = excluded.partition_no, "
                            + "last_sequence = excluded.last_sequence, status = excluded.status, paused = excluded.paused, "
                            + "received_at = excluded.received_at, due_date = excluded.due_date, due_at = excluded.due_at, "
                            + "new_appointment_at = excluded.new_appointment_at, closed_at = excluded.closed_at, "
                            + "due_date_provisional = excluded.due_date_provisional, "
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
                upsert.setBoolean(++i, deadline.dueDateProvisional());
                setInstant(upsert, ++i, nextAlertAt);
                upsert.executeUpdate();
            }
        }

        /**
         * Rows of the given partitions whose next alert is due, locked; rows another instance holds are skipped.
         * Served by the partial index on next_alert_at: reads only what is coming due.
         */
        public List<TrackedDeadline> claimDue(Instant now, Collection<Integer> partitions, int limit) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from deadlines "
                    + "where next_alert_at <= ? and partition_no = any (?) order by next_alert_at limit ? "
                    + "for update skip locked")) {
                setInstant(select, 1, now);
                Array array = connection.createArrayOf("integer", partitions.toArray());
                select.setArray(2, array);
                select.setInt(3, limit);
                return readAll(select);
            }
        }

        /** Stores which alerts went out and when the next one falls due. */
        public void saveAlertState(TrackedDeadline deadline, Instant nextAlertAt) throws SQLException {
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

        /**
         * False when this (dossier, type, due instant) was sent before: the unique key is the last word on "once".
         * The row starts unpublished ({@code attempted_at} only): {@link #markPublished} follows the broker's ack.
         * Keeps the alert's JSON as published and, through {@code send_order}, its place among all alerts sent, so a
         * stream client reconnecting with {@code Last-Event-ID} can be given what it missed.
         */
        public boolean recordSent(String dossierCode, String type, Instant about, UUID eventId, String json,
                                  Instant sentAt) throws SQLException {
            // The unit from the JSON itself, so it cannot disagree with what the replay sends.
            try (PreparedStatement insert = connection.prepareStatement("insert into alerts_sent "
                    + "(dossier_code, alert_type, due_at, event_id, alert_json, sent_at, attempted_at, unit_code) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?::jsonb #>> '{data,unitCode}') on conflict do nothing")) {
                insert.setString(1, dossierCode);
                insert.setString(2, type);
                setInstant(insert, 3, about);
                insert.setObject(4, eventId);
                insert.setString(5, json);
                setInstant(insert, 6, sentAt);
                setInstant(insert, 7, sentAt);
                insert.setString(8, json);
                return insert.executeUpdate() == 1;
            }
        }

        /** Records the broker's ack for these alerts; rows already marked keep their first mark. */
        public void markPublished(Collection<UUID> eventIds, Instant publishedAt) throws SQLException {
            if (eventIds.isEmpty()) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("update alerts_sent set published_at = ? "
                    + "where event_id = any (?) and published_at is null")) {
                setInstant(update, 1, publishedAt);
                update.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                update.executeUpdate();
            }
        }

        /**
         * Alerts recorded before {@code attemptedBefore} and never marked published, of deadlines fed by these
         * dossier-events partitions, locked; rows another instance is settling are skipped. Served by the partial
         * index on unpublished rows.
         */
        public List<UnpublishedAlert> claimUnpublished(Instant attemptedBefore, Collection<Integer> partitions,
                                                       int limit) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement("select a.event_id, a.dossier_code, "
                    + "a.alert_json, a.attempted_at from alerts_sent a join deadlines d on d.dossier_code = a.dossier_code "
                    + "where a.published_at is null and a.attempted_at < ? and d.partition_no = any (?) "
                    + "order by a.attempted_at limit ? for update of a skip locked")) {
                setInstant(select, 1, attemptedBefore);
                select.setArray(2, connection.createArrayOf("integer", partitions.toArray()));
                select.setInt(3, limit);
                List<UnpublishedAlert> alerts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        alerts.add(new UnpublishedAlert(rows.getObject("event_id", UUID.class),
                                rows.getString("dossier_code"), rows.getString("alert_json"),
                                instant(rows, "attempted_at")));
                    }
                }
                return alerts;
            }
        }
    }

    /** An alert as sent, with its place among all alerts sent (a replay's position). */
    public record SentAlert(long sendOrder, String json) {
    }

    /** The place of this alert among all alerts sent; empty when unknown (never sent, or sent before JSON was kept). */
    public Optional<Long> sendOrderOf(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select send_order from alerts_sent "
                     + "where event_id = ? and alert_json is not null")) {
            select.setObject(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /**
     * One page of the alerts of these units sent after {@code sendOrder}, in send order, at most {@code limit}; the
     * caller pages on from the last one's order until a page comes back short. The units are selected here, not
     * afterwards, so that no number of other units' alerts can stand between a stream and its own. Only alerts whose
     * publication was confirmed, so that a stream never shows an alert before (or without) Kafka readers seeing it.
     */
    public List<SentAlert> alertsSentAfter(long sendOrder, UnitScope scope, int limit) {
        String sql = "select send_order, alert_json from alerts_sent where send_order > ? and alert_json is not null "
                + "and published_at is not null" + (scope.isAll() ? "" : " and unit_code = any (?)")
                + " order by send_order limit ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            select.setLong(index++, sendOrder);
            if (!scope.isAll()) {
                select.setArray(index++, connection.createArrayOf("varchar", scope.codes().toArray()));
            }
            select.setInt(index, limit);
            List<SentAlert> alerts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(new SentAlert(rows.getLong(1), rows.getString(2)));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    private static List<TrackedDeadline> readAll(PreparedStatement select) throws SQLException {
        List<TrackedDeadline> deadlines = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                deadlines.add(read(rows));
            }
        }
        return deadlines;
    }

    private static TrackedDeadline read(ResultSet rows) throws SQLException {
        return new TrackedDeadline(rows.getString("dossier_code"), rows.getString("unit_code"),
                rows.getString("procedure_code"), rows.getInt("partition_no"), rows.getLong("last_sequence"),
                DeadlineStatus.valueOf(rows.getString("status")), rows.getBoolean("paused"),
                instant(rows, "received_at"), rows.getObject("due_date", LocalDate.class), instant(rows, "due_at"),
                instant(rows, "new_appointment_at"), instant(rows, "closed_at"), instant(rows, "due_soon_sent_for"),
                instant(rows, "overdue_sent_for"), instant(rows, "appointment_missed_sent_for"),
                rows.getBoolean("due_date_provisional"));
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
