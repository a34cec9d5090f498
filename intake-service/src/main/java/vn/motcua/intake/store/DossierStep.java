package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One step in a dossier's tracking log: the event type, when it happened, a clerk's note, who recorded it and when. */
@Entity
@Table(name = "dossier_step")
public class DossierStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(nullable = false)
    public long sequence;

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String note;

    /** Who recorded the step (the token's user or kiosk client); null for steps recorded before it was kept. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** When it was recorded, which for a backdated step is later than {@link #occurredAt}. */
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The recorder's token subject and client ({@code sub}, {@code azp}); null without a token. */
    @Column(name = "recorded_by_sub")
    public String recordedBySub;

    @Column(name = "recorded_by_azp")
    public String recordedByAzp;

    /** Appends a step the service itself recorded (no token) to the dossier's log. */
    public static void append(Dossier dossier, String type, Instant at, String note, String recordedBy,
                              Instant recordedAt) {
        append(dossier, type, at, note, recordedBy, null, null, recordedAt);
    }

    /** Appends a step to the dossier's log under the dossier's current sequence. */
    public static void append(Dossier dossier, String type, Instant at, String note, String recordedBy,
                              String recordedBySub, String recordedByAzp, Instant recordedAt) {
        DossierStep step = new DossierStep();
        step.dossierCode = dossier.code;
        step.sequence = dossier.sequence;
        step.type = type;
        step.occurredAt = at;
        step.note = note;
        step.recordedBy = recordedBy;
        step.recordedBySub = recordedBySub;
        step.recordedByAzp = recordedByAzp;
        step.recordedAt = recordedAt;
        step.persist();
    }

    /** The note of the dossier's latest step of {@code type}; empty when there is none. */
    public static Optional<String> latestNote(String dossierCode, String type) {
        return find("dossierCode = ?1 and type = ?2 order by sequence desc", dossierCode, type)
                .<DossierStep>firstResultOptional().map(step -> step.note);
    }

    public static List<DossierStep> history(String dossierCode) {
        return find("dossierCode = ?1 order by sequence", dossierCode).list();
    }
}
