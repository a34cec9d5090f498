package vn.motcua.intake.store;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a new dossier, its first step, its outbox event and its Idempotency-Key in one SQL statement: one round
 * trip to PostgreSQL instead of a select, a nextval and four inserts through the ORM, which made up most of a POST's
 * cost (see README, intake-service). Outside a JTA transaction the statement commits on its own; the ORM still does
 * every later step of a dossier.
 */
@ApplicationScoped
public class NewDossierInsert {

    /** A unique key of the statement was taken: the dossier code, the Idempotency-Key or (rarely) the lookup code. */
    public static final class Clash extends PersistenceException {
        Clash(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";

    // Rows of sibling CTEs are checked against their foreign keys at the end of the statement, so the step, event
    // and key may refer to the dossier inserted beside them.
    static final String SQL = """
            WITH new_dossier AS (
                INSERT INTO dossier (code, lookup_code, procedure_code, unit_code, channel, online_level, status,
                                     received_at, due_date, due_at, deadline_unit, last_step_at, sequence,
                                     request_hash, applicant_name, applicant_id_number, applicant_phone, received_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING code, sequence, received_by),
            first_step AS (
                INSERT INTO dossier_step (dossier_code, sequence, type, occurred_at, recorded_by, recorded_at)
                SELECT code, sequence, ?, ?, received_by, ? FROM new_dossier),
            %s
            INSERT INTO idempotency_key (key, request_hash, dossier_code, created_at)
            SELECT ?, ?, code, ? FROM new_dossier WHERE ?::text IS NOT NULL
            """.formatted(OutboxRows.firstEventCte("first_event", "new_dossier"));

    private final AgroalDataSource dataSource;
    private final OutboxRows outbox;

    NewDossierInsert(AgroalDataSource dataSource, OutboxRows outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * Commits the dossier with its first step and event, or nothing.
     *
     * @param eventType the type of the first step and of its event
     * @throws Clash when the code, the Idempotency-Key or the lookup code is already taken
     */
    public void insert(Dossier dossier, String eventType, String eventValue, String idempotencyKey, Instant now) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(SQL)) {
            bind(insert, dossier, eventType, eventValue, idempotencyKey, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new Clash(e);
            }
            throw new PersistenceException("dossier " + dossier.code + " was not written", e);
        }
        outbox.firstEventWritten();
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
        insert.setObject(i++, utc(dossier.lastStepAt));
        insert.setLong(i++, dossier.sequence);
        insert.setString(i++, dossier.requestHash);
        insert.setString(i++, dossier.applicantName);
        insert.setString(i++, dossier.applicantIdNumber);
        insert.setString(i++, dossier.applicantPhone);
        insert.setString(i++, dossier.receivedBy);
        insert.setString(i++, eventType);
        insert.setObject(i++, utc(dossier.receivedAt));
        insert.setObject(i++, utc(now));
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
