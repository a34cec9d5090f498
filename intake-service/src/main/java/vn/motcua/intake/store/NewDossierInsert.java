package vn.motcua.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a new dossier, its first step, its outbox event and its Idempotency-Key in one SQL statement: one round
 * trip to PostgreSQL instead of a select, a nextval and four inserts through the ORM
 * (see intake-service/README.md, "How it works").
 * The ORM still does every later step of a dossier.
 * <p>
 * Group commit: on a durable PostgreSQL a commit waits for the disk (fsync), so the requests of the moment are
 * written together, a batch of these statements in one transaction, by a few writer threads; each request's worker
 * waits for its batch's commit before it answers, so a dossier confirmed to a kiosk is on disk as before. A batch
 * that meets a unique key is written again one dossier at a time, so that only the clashing request gets
 * {@link Clash} and the others their dossier.
 */
@ApplicationScoped
public class NewDossierInsert {

    /** A unique key of the statement was taken: the dossier code, the Idempotency-Key or (rarely) the lookup code. */
    public static final class Clash extends PersistenceException {
        Clash(SQLException cause) {
            super("a unique key was taken (" + WriteFailure.describe(cause) + ")");
            setStackTrace(cause.getStackTrace());
        }
    }

    /**
     * A write that failed, said without the driver's words: a batch's message can carry the statement with its bound
     * values (applicant name, ID number, phone) and the server's detail ("Failing row contains …"), and whatever
     * reaches the request's exception is logged. Only the SQL state and the exception's class are kept; the
     * connection property {@code logServerErrorDetail=false} (application.properties) is the driver's half.
     */
    public static final class WriteFailure extends PersistenceException {
        WriteFailure(String dossierCode, SQLException cause) {
            super("dossier " + dossierCode + " was not written (" + describe(cause) + ")");
            setStackTrace(cause.getStackTrace());
        }

        /** The SQL states of the exception and of those chained to it, and its class: never a message. */
        static String describe(SQLException e) {
            List<String> states = new ArrayList<>();
            for (SQLException next = e; next != null && states.size() < 5; next = next.getNextException()) {
                states.add(String.valueOf(next.getSQLState()));
            }
            return "SQL state " + String.join(", ", states) + ", " + e.getClass().getSimpleName();
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";
    /** Enough for every kiosk of a busy hall at once; a bigger batch only holds its first request longer. */
    private static final int MAX_BATCH = 64;
    /** One writer gathers and sends the next batch while the other waits for its commit to reach the disk. */
    private static final int WRITERS = 2;
    /** Longer than any write can take (connection 5 s, statement 30 s, socket 60 s): a safety net only. */
    private static final long MAX_WAIT_SECONDS = 120;

    // Rows of sibling CTEs are checked against their foreign keys at the end of the statement, so the step, event
    // and key may refer to the dossier inserted beside them.
    static final String SQL = """
            WITH new_dossier AS (
                INSERT INTO dossier (code, lookup_code, procedure_code, unit_code, channel, online_level, status,
                                     received_at, due_date, due_at, deadline_unit, deadline_amount, deadline_cutoff,
                                     due_date_provisional, last_step_at, sequence,
                                     request_hash, applicant_name, applicant_id_number, applicant_phone, received_by,
                                     received_at_unit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING code, sequence, received_by),
            first_step AS (
                INSERT INTO dossier_step (dossier_code, sequence, type, occurred_at, recorded_by, recorded_at,
                                          recorded_by_sub, recorded_by_azp)
                SELECT code, sequence, ?, ?, received_by, ?, ?, ? FROM new_dossier),
            %s
            INSERT INTO idempotency_key (key, request_hash, dossier_code, created_at)
            SELECT ?, ?, code, ? FROM new_dossier WHERE ?::text IS NOT NULL
            """.formatted(OutboxRows.firstEventCte("first_event", "new_dossier"));

    /** One request's dossier, and what became of it. */
    private record Pending(Dossier dossier, String eventType, String eventValue, String idempotencyKey, Instant now,
                           CompletableFuture<Void> written) {
    }

    private final AgroalDataSource dataSource;
    private final OutboxRows outbox;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();

    NewDossierInsert(AgroalDataSource dataSource, OutboxRows outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @PostConstruct
    void start() {
        for (int i = 1; i <= WRITERS; i++) {
            Thread writer = new Thread(this::writeWhileRunning, "new-dossier-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    @PreDestroy
    void stop() {
        writers.forEach(Thread::interrupt);
    }

    /** False once a writer thread has ended: its share of the POSTs would wait out {@value #MAX_WAIT_SECONDS} s. */
    public boolean writersAlive() {
        return !writers.isEmpty() && writers.stream().allMatch(Thread::isAlive);
    }

    /**
     * Commits the dossier with its first step and event, or nothing; returns once it is committed.
     *
     * @param eventType the type of the first step and of its event
     * @throws Clash when the code, the Idempotency-Key or the lookup code is already taken
     */
    public void insert(Dossier dossier, String eventType, String eventValue, String idempotencyKey, Instant now) {
        Pending pending = new Pending(dossier, eventType, eventValue, idempotencyKey, now, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PersistenceException failure ? failure
                    : new PersistenceException("dossier " + dossier.code + " was not written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while dossier " + dossier.code + " was written", e);
        } catch (TimeoutException e) {
            throw new PersistenceException("dossier " + dossier.code + " was not written in time", e);
        }
        outbox.firstEventWritten();
    }

    private void writeWhileRunning() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Pending> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            }
        } catch (InterruptedException stopping) {
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(pending -> pending.written().completeExceptionally(
                    new PersistenceException("the service is stopping: dossier " + pending.dossier().code
                            + " was not written")));
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            writeTogether(connection, batch);
            batch.forEach(pending -> pending.written().complete(null));
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                // which one clashed, the database does not say usefully: each alone, each gets its own answer
                batch.forEach(this::writeAlone);
            } else {
                batch.forEach(pending -> pending.written().completeExceptionally(
                        new WriteFailure(pending.dossier().code, e)));
            }
        } catch (RuntimeException e) {
            batch.forEach(pending -> pending.written().completeExceptionally(e));
        }
    }

    private static void writeTogether(Connection connection, List<Pending> batch) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            for (Pending pending : batch) {
                bind(insert, pending.dossier(), pending.eventType(), pending.eventValue(), pending.idempotencyKey(),
                        pending.now());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The statement alone, committing on its own. */
    private void writeAlone(Pending pending) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(SQL)) {
            bind(insert, pending.dossier(), pending.eventType(), pending.eventValue(), pending.idempotencyKey(),
                    pending.now());
            insert.executeUpdate();
            pending.written().complete(null);
        } catch (SQLException e) {
            pending.written().completeExceptionally(isUniqueViolation(e) ? new Clash(e)
                    : new WriteFailure(pending.dossier().code, e));
        } catch (RuntimeException e) {
            pending.written().completeExceptionally(e);
        }
    }

    /** A batch reports its failure as a BatchUpdateException with the server's error next to it. */
    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && UNIQUE_VIOLATION.equals(cause.getSQLState());
    }

    /** Sets the parameters of {@link #SQL}; the load benchmark runs the same statement without the service. */
    static void bind(PreparedStatement insert, Dossier dossier, String eventType, String eventValue,
                     String idempotencyKey, Instant now) throws SQLException {
        int i = 1;
        insert.setString(i++, dossier.code);
        insert.setString(i++, dossier.lookupCode);
        insert.setString(i++, dossier.procedureCode);
        insert.setString(i++, dossier.unitCode);
        insert.setString(i++, dossier.channel.name());
        insert.setObject(i++, dossier.onlineLevel, Types.INTEGER);
        insert.setString(i++, dossier.status.name());
        insert.setObject(i++, utc(dossier.receivedAt));
        insert.setObject(i++, dossier.dueDate);
        insert.setObject(i++, utc(dossier.dueAt));
        insert.setString(i++, dossier.deadlineUnit == null ? null : dossier.deadlineUnit.name());
        insert.setObject(i++, dossier.deadlineAmount, Types.INTEGER);
        insert.setObject(i++, dossier.deadlineCutoff, Types.TIME);
        insert.setBoolean(i++, dossier.dueDateProvisional);
        insert.setObject(i++, utc(dossier.lastStepAt));
        insert.setLong(i++, dossier.sequence);
        insert.setString(i++, dossier.requestHash);
        insert.setString(i++, dossier.applicantName);
        insert.setString(i++, dossier.applicantIdNumber);
        insert.setString(i++, dossier.applicantPhone);
        insert.setString(i++, dossier.receivedBy);
        insert.setString(i++, dossier.receivingUnit());
        insert.setString(i++, eventType);
        insert.setObject(i++, utc(dossier.receivedAt));
        insert.setObject(i++, utc(now));
        insert.setString(i++, dossier.receivedBySub);
        insert.setString(i++, dossier.receivedByAzp);
        i = OutboxRows.bindFirstEvent(insert, i, eventType, eventValue, now);
        insert.setString(i++, idempotencyKey);
        insert.setString(i++, dossier.requestHash);
        insert.setObject(i++, utc(now));
        insert.setString(i, idempotencyKey);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
