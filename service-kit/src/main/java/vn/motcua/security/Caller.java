package vn.motcua.security;

import java.util.Set;

/**
 * Who is calling, as the token says: a name for the record (who recorded a step, who read applicant data), the
 * realm roles, and the units the caller acts for. A user's units are its groups (claim {@code units}); a kiosk
 * client's one unit is its {@code unit} claim. A unit includes every unit under it, so a caller acting for
 * {@code SADEC} acts for its wards too; an admin acts for every unit.
 */
public record Caller(String name, Set<String> roles, Set<String> units) {

    public Caller {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    public static Caller anonymous() {
        return new Caller("anonymous", Set.of(), Set.of());
    }

    public boolean isAnonymous() {
        return roles.isEmpty() && units.isEmpty() && "anonymous".equals(name);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** Whether the caller acts for {@code unit}: an admin always; anyone else through that unit or one above it. */
    public boolean actsFor(String unit, UnitLineage lineage) {
        if (isAdmin()) {
            return true;
        }
        if (unit == null || units.isEmpty()) {
            return false;
        }
        return lineage.selfAndAncestors(unit).stream().anyMatch(units::contains);
    }
}
