package vn.motcua.intake.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.events.UnitState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One state of a unit over time (table {@code unit_state}); see {@link UnitState}. */
@Entity
@Table(name = "unit_state")
public class UnitStateRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** Null only on a first state: since always. */
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public boolean closed;

    @Column(name = "successor_code")
    public String successorCode;

    public UnitState state() {
        return new UnitState(effectiveFrom, name, parentCode, closed, successorCode);
    }

    /**
     * Every unit's states, oldest first, as the database holds them now. A unit without states (written by a build
     * before units had dates, during an upgrade) has one since always: its row's name and parent.
     */
    public static Map<String, List<UnitState>> histories() {
        List<UnitStateRow> rows = getEntityManager().createQuery(
                        "FROM UnitStateRow s ORDER BY s.unitCode, s.effectiveFrom NULLS FIRST", UnitStateRow.class)
                .getResultList();
        Map<String, List<UnitState>> histories = new HashMap<>();
        rows.forEach(row -> histories.computeIfAbsent(row.unitCode, code -> new ArrayList<>()).add(row.state()));
        getEntityManager().createQuery("SELECT u.code, u.name, u.parentCode FROM Unit u", Object[].class)
                .getResultList().forEach(unit -> histories.computeIfAbsent((String) unit[0],
                        code -> List.of(UnitState.open(null, (String) unit[1], (String) unit[2]))));
        return histories;
    }

    /** Replaces the unit's states with {@code history}, in the caller's transaction. */
    public static void replace(String unitCode, List<UnitState> history) {
        delete("unitCode", unitCode);
        getEntityManager().flush(); // the unique day index sees the old rows gone before the new ones
        for (UnitState state : history) {
            UnitStateRow row = new UnitStateRow();
            row.unitCode = unitCode;
            row.effectiveFrom = state.effectiveFrom();
            row.name = state.name();
            row.parentCode = state.parentCode();
            row.closed = state.closed();
            row.successorCode = state.successorCode();
            row.persist();
        }
    }
}
