package vn.motcua.deadline.overdue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** Read-only view of the deadlines table for queries; the tracker writes it through JDBC. */
@Entity
@Immutable
@Table(name = "deadlines")
public class DeadlineView extends PanacheEntityBase {
    @Id
    @Column(name = "dossier_code")
    public String dossierCode;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "procedure_code")
    public String procedureCode;
    public String status;
    public boolean paused;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "new_appointment_at")
    public Instant newAppointmentAt;
}
