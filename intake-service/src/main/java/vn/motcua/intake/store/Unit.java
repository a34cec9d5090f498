package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit that receives dossiers (đơn vị tiếp nhận): a province, a district or city, a ward or commune. */
// Read on every intake, changed rarely: kept in Hibernate's second-level cache.
@Cacheable
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    /** Grows by one with each committed change, published with it; 0 until the first start published it. */
    @Column(nullable = false)
    public long version;
}
