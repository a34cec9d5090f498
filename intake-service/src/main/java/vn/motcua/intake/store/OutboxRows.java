package vn.motcua.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import vn.motcua.intake.domain.OutboxStream;
import vn.motcua.intake.domain.OutboxWritten;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table, {@code outbox_event}: the one place that knows its columns. A dossier's first event goes in as
 * part of the statement that inserts the dossier ({@link #firstEventCte}), every later one and every catalogue change
 * in the transaction that makes it ({@link #append}); the relay reads and marks the rows through here.
 */
@ApplicationScoped
public class OutboxRows {

    /** A row waiting for the relay: its stream, and the record key and value exactly as they will be published. */
    public record Unsent(long id, OutboxStream stream, String key, String payload) {
    }

    /** What waits for the broker: how many rows, and when the next one to go (the lowest id) was written. */
    public record Backlog(long rows, Optional<Instant> oldestUnsentWrittenAt) {
    }

    private static final String TABLE = "outbox_event";
    /** Both parts read the partial index {@code outbox_unsent}: the cost follows the backlog, not the table. */
    private static final String BACKLOG = "SELECT count(*), (SELECT created_at FROM " + TABLE
            + " WHERE sent_at IS NULL ORDER BY id LIMIT 1) FROM " + TABLE + " WHERE sent_at IS NULL";
    private static final int BACKLOG_TIMEOUT_SECONDS = 5;
    private static final String COLUMNS = "stream, record_key, sequence, type, payload, created_at";
    /** Any fixed number shared by all intake instances. */
    private static final long RELAY_LOCK = 8_081_001L;

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Event<OutboxWritten> written;

    OutboxRows(EntityManager entityManager, AgroalDataSource dataSource, Clock clock, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.clock = clock;
        this.written = written;
    }

    /**
     * The first event of a new dossier as a CTE named {@code name}, taking the dossier's {@code code} and
     * {@code sequence} from the CTE {@code dossierCte}; its three parameters are set by {@link #bindFirstEvent}.
     * The stream is a literal, not a parameter: the statement stays as it was.
     */
    static String firstEventCte(String name, String dossierCte) {
        return """
                %s AS (
                    INSERT INTO %s (%s)
                    SELECT '%s', code, sequence, ?, ?, ? FROM %s)"""
                .formatted(name, TABLE, COLUMNS, column(OutboxStream.DOSSIER_EVENTS), dossierCte);
    }

    /** Sets the parameters of {@link #firstEventCte} from {@code index} on; answers the index after them. */
    static int bindFirstEvent(PreparedStatement statement, int index, String type, String payload, Instant createdAt)
            throws SQLException {
        statement.setString(index++, type);
        statement.setString(index++, payload);
        statement.setObject(index++, NewDossierInsert.utc(createdAt));
        return index;
    }

    /** Called after the statement with {@link #firstEventCte} committed on its own. */
    void firstEventWritten() {
        written.fire(new OutboxWritten());
    }

    /**
     * Appends an event in the transaction that makes the change; the relay is woken once it commits.
     *
     * @param key      the record key: a dossier code, or a catalogue key such as {@code unit:SADEC}
     * @param sequence the dossier's sequence, or the catalogue key's version
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxStream stream, String key, long sequence, String type, String payload) {
        mutation("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (:stream, :key, :sequence, :type, :payload, :now)")
                .setParameter("stream", column(stream)).setParameter("key", key).setParameter("sequence", sequence)
                .setParameter("type", type).setParameter("payload", payload).setParameter("now", clock.instant())
                .executeUpdate();
        written.fire(new OutboxWritten());
    }

    /** True when this transaction may relay: one relay at a time across instances, until it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockForRelay() {
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK).getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** The oldest rows not yet acknowledged by the broker, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Unsent> unsent(int limit) {
        List<?> rows = entityManager.createNativeQuery("SELECT id, stream, record_key, payload FROM " + TABLE
                        + " WHERE sent_at IS NULL ORDER BY id LIMIT :limit")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Unsent(((Number) row[0]).longValue(), streamOf((String) row[1]), (String) row[2],
                        (String) row[3]))
                .toList();
    }

    /** One statement for the batch, not one UPDATE per row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markSent(List<Long> ids) {
        mutation("UPDATE " + TABLE + " SET sent_at = :now WHERE id = ANY(:ids)")
                .setParameter("now", clock.instant()).setParameter("ids", ids.toArray(Long[]::new))
                .executeUpdate();
    }

    /**
     * Rows not yet acknowledged by the broker. On a connection of its own, outside any transaction and the ORM, so
     * that a metrics scrape or a health call may ask from any thread; gives up after a few seconds.
     */
    public Backlog backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(BACKLOG)) {
            statement.setQueryTimeout(BACKLOG_TIMEOUT_SECONDS);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                OffsetDateTime oldest = result.getObject(2, OffsetDateTime.class);
                return new Backlog(result.getLong(1), Optional.ofNullable(oldest).map(OffsetDateTime::toInstant));
            }
        } catch (SQLException e) {
            throw new PersistenceException("the outbox backlog could not be read", e);
        }
    }

    /** A stream as stored in the {@code stream} column. */
    private static String column(OutboxStream stream) {
        return switch (stream) {
            case DOSSIER_EVENTS -> "dossier-events";
            case CATALOGUE -> "catalogue";
        };
    }

    private static OutboxStream streamOf(String column) {
        return switch (column) {
            case "dossier-events" -> OutboxStream.DOSSIER_EVENTS;
            case "catalogue" -> OutboxStream.CATALOGUE;
            default -> throw new IllegalStateException("unknown outbox stream " + column);
        };
    }

    /** A native write that names its table: Hibernate would otherwise drop its whole second-level cache. */
    private Query mutation(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(TABLE);
    }
}
