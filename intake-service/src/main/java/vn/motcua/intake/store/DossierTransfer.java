package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One move of a dossier from its closed unit to the successor: whose staff keep reading it (docs/contracts.md,
 * "Who may do what"). The history step of the same sequence shows it to people.
 */
@Entity
@Table(name = "dossier_transfer")
public class DossierTransfer extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "dossier_code") String dossierCode, long sequence) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "from_unit", nullable = false)
    public String fromUnit;

    @Column(name = "to_unit", nullable = false)
    public String toUnit;

    @Column(name = "transferred_at", nullable = false)
    public Instant transferredAt;

    public static void record(Dossier dossier, String fromUnit, Instant transferredAt) {
        DossierTransfer transfer = new DossierTransfer();
        transfer.key = new Key(dossier.code, dossier.sequence);
        transfer.fromUnit = fromUnit;
        transfer.toUnit = dossier.unitCode;
        transfer.transferredAt = transferredAt;
        transfer.persist();
    }

    /** Every unit the dossier was moved away from, oldest first. */
    public static List<String> unitsMovedFrom(String dossierCode) {
        return getEntityManager().createQuery("SELECT t.fromUnit FROM DossierTransfer t WHERE t.key.dossierCode = :code "
                        + "ORDER BY t.key.sequence", String.class)
                .setParameter("code", dossierCode).getResultList();
    }
}
