package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A kiosk's Idempotency-Key and the dossier its first request created. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey extends PanacheEntityBase {

    @Id
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
