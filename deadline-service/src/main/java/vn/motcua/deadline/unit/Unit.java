package vn.motcua.deadline.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrative unit (đơn vị); the catalogue is intake-service's, this copy carries the hierarchy. */
@Entity
@Table(name = "units")
public class Unit extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "parent_code")
    public String parentCode;
}
