package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One read of an applicant's personal data: who read which dossier (name, token sub and azp), and when. Written with the read itself. */
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

    /** The token's subject and client ({@code sub}, {@code azp}); null without a token. */
    @Column(name = "read_by_sub")
    public String readBySub;

    @Column(name = "read_by_azp")
    public String readByAzp;

    public static void record(String dossierCode, String readBy, String readBySub, String readByAzp, Instant readAt) {
        ApplicantRead read = new ApplicantRead();
        read.dossierCode = dossierCode;
        read.readBy = readBy;
        read.readBySub = readBySub;
        read.readByAzp = readByAzp;
        read.readAt = readAt;
        read.persist();
    }
}
