package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.events.EventTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The record of an applicant's personal data erased from a dossier: when, why and by whom. The erasure itself is
 * {@link #erase}: name, ID number, phone, the request fingerprint and the clerk's reasons that could name the
 * applicant (supplement requests, apologies) go; the dossier, its codes, dates, statuses and steps stay.
 */
@Entity
@Table(name = "applicant_erasure")
public class ApplicantErasure extends PanacheEntityBase {

    /** Why: the retention after closing ran out, or the citizen asked. */
    public enum Reason { RETENTION, REQUEST }

    /** Steps whose note is a clerk's free text (forms 02 and 04); the others hold codes, decisions or dates. */
    static final List<String> FREE_TEXT_STEPS = List.of(EventTypes.SUPPLEMENT_REQUESTED, EventTypes.APOLOGY_ISSUED);
    /** What replaces the request fingerprint: no retry compares equal to it any more. */
    static final String ERASED_HASH = "erased";

    @Id
    @Column(name = "dossier_code")
    public String dossierCode;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;

    @Column(nullable = false)
    public String reason;

    @Column(name = "erased_by", nullable = false)
    public String erasedBy;

    @Column(name = "erased_by_sub")
    public String erasedBySub;

    @Column(name = "erased_by_azp")
    public String erasedByAzp;

    /** Erases the applicant's data of {@code dossier}, locked by the caller's transaction, and records it. */
    public static ApplicantErasure erase(Dossier dossier, Reason reason, String by, String bySub, String byAzp,
                                         Instant at) {
        // As PostgreSQL keeps it: the first answer and a repeated one say the same time.
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        dossier.applicantName = null;
        dossier.applicantIdNumber = null;
        dossier.applicantPhone = null;
        dossier.requestHash = ERASED_HASH;
        dossier.applicantErasedAt = now;
        getEntityManager().createQuery("UPDATE DossierStep s SET s.note = NULL WHERE s.dossierCode = :code "
                        + "AND s.type IN :types")
                .setParameter("code", dossier.code).setParameter("types", FREE_TEXT_STEPS).executeUpdate();
        getEntityManager().createNativeQuery("UPDATE idempotency_key SET request_hash = :erased "
                        + "WHERE dossier_code = :code")
                .setParameter("erased", ERASED_HASH).setParameter("code", dossier.code).executeUpdate();
        ApplicantErasure erasure = new ApplicantErasure();
        erasure.dossierCode = dossier.code;
        erasure.erasedAt = now;
        erasure.reason = reason.name();
        erasure.erasedBy = by;
        erasure.erasedBySub = bySub;
        erasure.erasedByAzp = byAzp;
        erasure.persist();
        return erasure;
    }
}
