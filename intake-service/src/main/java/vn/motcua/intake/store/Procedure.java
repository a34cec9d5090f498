package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.calendar.ProcessingTime;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** An administrative procedure (thủ tục hành chính) and its legal processing time. */
// Read on every intake, changed rarely: kept in Hibernate's second-level cache.
@Cacheable
@Entity
@Table(name = "procedure")
public class Procedure extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String field;

    @Column(name = "processing_amount", nullable = false)
    public int processingAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "processing_unit", nullable = false)
    public ProcessingTime.Unit processingUnit;

    /** Same-day procedures often stop taking dossiers for today at 15:00; null means the office close time. */
    public LocalTime cutoff;

    /** Online levels offered, as "3,4"; empty when the procedure is not offered online. */
    @Column(name = "online_levels", nullable = false)
    public String onlineLevels = "";

    /** Grows by one with each committed change, published with it; 0 until the first start published it. */
    @Column(nullable = false)
    public long version;

    public ProcessingTime processingTime() {
        return new ProcessingTime(processingAmount, processingUnit);
    }

    public List<Integer> onlineLevelList() {
        return onlineLevels.isBlank() ? List.of()
                : Arrays.stream(onlineLevels.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
    }
}
