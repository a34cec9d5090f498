package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of an applicant's personal data: who read which dossier, and when. Written with the read itself. */
@Entity
@Table(name = "applicant_read")
public class ApplicantRead extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(name = "read_by", nullable = false)
    public String readBy;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    public static void record(String dossierCode, String readBy, Instant readAt) {
        ApplicantRead read = new ApplicantRead();
        read.dossierCode = dossierCode;
        read.readBy = readBy;
        read.readAt = readAt;
        read.persist();
    }
}
