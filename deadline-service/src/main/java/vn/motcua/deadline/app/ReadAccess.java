package vn.motcua.deadline.app;

import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.security.Caller;

/**
 * Which units a caller may read overdue lists and alerts of (README.md, "Who may do what"). An admin reads every
 * unit; a supervisor or clerk reads its own units and everything under them: naming no unit means all of those,
 * naming another unit (or ALL) is a 403. The caller's rights are checked before the unit's existence, so a refused
 * caller cannot probe which unit codes the catalogue knows.
 */
@Singleton
public class ReadAccess {

    private final UnitDirectory units;

    public ReadAccess(UnitDirectory units) {
        this.units = units;
    }

    /** For the alert stream: the codes, so the filter follows the tree as it changes. */
    public UnitFilter filter(Caller caller, String unit) {
        if (UnitDirectory.asksForAll(unit)) {
            return everythingOf(caller, unit);
        }
        String code = UnitDirectory.code(unit);
        if (!caller.actsFor(code, units)) {
            throw ProblemException.forbidden("You do not act for unit " + code + "; ask for one of yours: "
                    + String.join(", ", caller.units().stream().sorted().toList()) + ".");
        }
        return units.known(code);
    }

    /** For the overdue list: the unit codes covered now. */
    public UnitScope scope(Caller caller, String unit) {
        return units.scope(filter(caller, unit));
    }

    private static UnitFilter everythingOf(Caller caller, String unit) {
        if (caller.isAdmin()) {
            return UnitFilter.ALL;
        }
        if (unit != null && !unit.isBlank()) {
            throw ProblemException.forbidden("Only an admin reads every unit; omit unit to read all of yours.");
        }
        if (caller.units().isEmpty()) {
            throw ProblemException.forbidden("You act for no unit.");
        }
        return UnitFilter.of(caller.units());
    }
}
