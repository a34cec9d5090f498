package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.intake.domain.HandlingTime;

import java.time.Instant;
import java.util.List;

/**
 * A supplement request that stopped a dossier's clock, and when the supplement restarted it. The stop still in
 * progress lives on the dossier row ({@code pause_*}); it is kept here once it ended, for the handling time.
 */
@Entity
@Table(name = "dossier_clock_stop")
public class DossierClockStop extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "restarted_at", nullable = false)
    public Instant restartedAt;

    /** Records an ended stop, in the caller's transaction. */
    public static void record(String dossierCode, Instant requestedAt, Instant restartedAt) {
        DossierClockStop stop = new DossierClockStop();
        stop.dossierCode = dossierCode;
        stop.requestedAt = requestedAt;
        stop.restartedAt = restartedAt;
        stop.persist();
    }

    /** The dossier's ended stops, earliest first. */
    public static List<HandlingTime.ClockStop> of(String dossierCode) {
        return DossierClockStop.<DossierClockStop>list("dossierCode = ?1 ORDER BY requestedAt, id", dossierCode)
                .stream().map(stop -> new HandlingTime.ClockStop(stop.requestedAt, stop.restartedAt)).toList();
    }
}
