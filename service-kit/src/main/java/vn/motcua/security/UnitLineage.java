package vn.motcua.security;

import java.util.List;

/**
 * A unit and the units above it, nearest first ({@code SADEC-P1} → {@code [SADEC-P1, SADEC]}), as the service
 * knows the catalogue when asked. Each service answers it from its own copy of the catalogue; an unknown unit is
 * just itself.
 */
@FunctionalInterface
public interface UnitLineage {

    List<String> selfAndAncestors(String unit);
}
