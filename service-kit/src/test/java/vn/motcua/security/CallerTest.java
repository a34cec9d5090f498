package vn.motcua.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static final Map<String, List<String>> TREE = Map.of(
            "SADEC", List.of("SADEC"),
            "SADEC-P1", List.of("SADEC-P1", "SADEC"),
            "SADEC-P2", List.of("SADEC-P2", "SADEC"));
    private static final UnitLineage LINEAGE = unit -> TREE.getOrDefault(unit, List.of(unit));

    @Test
    void a_unit_acts_for_itself_and_every_unit_under_it_but_not_above_or_beside() {
        Caller sadec = new Caller("supervisor-sadec", Set.of(Roles.SUPERVISOR), Set.of("SADEC"));
        Caller p1 = new Caller("clerk-p1", Set.of(Roles.CLERK), Set.of("SADEC-P1"));

        assertThat(sadec.actsFor("SADEC-P2", LINEAGE)).isTrue();
        assertThat(sadec.actsFor("SADEC", LINEAGE)).isTrue();
        assertThat(p1.actsFor("SADEC-P1", LINEAGE)).isTrue();
        assertThat(p1.actsFor("SADEC", LINEAGE)).isFalse();
        assertThat(p1.actsFor("SADEC-P2", LINEAGE)).isFalse();
        assertThat(p1.actsFor("OTHER", LINEAGE)).isFalse();
        assertThat(p1.actsFor(null, LINEAGE)).isFalse();
    }

    @Test
    void an_admin_acts_for_every_unit_and_nobody_without_units_acts_for_any() {
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), Set.of());
        Caller noUnits = new Caller("nobody", Set.of(Roles.CLERK), Set.of());

        assertThat(admin.actsFor("OTHER", LINEAGE)).isTrue();
        assertThat(noUnits.actsFor("SADEC", LINEAGE)).isFalse();
        assertThat(Caller.anonymous().actsFor("SADEC", LINEAGE)).isFalse();
        assertThat(Caller.anonymous().isAnonymous()).isTrue();
    }

    @Test
    void roles_are_checked_by_name() {
        Caller clerk = new Caller("clerk-p1", Set.of(Roles.CLERK), Set.of("SADEC-P1"));

        assertThat(clerk.has(Roles.CLERK)).isTrue();
        assertThat(clerk.hasAny(Roles.SUPERVISOR, Roles.CLERK)).isTrue();
        assertThat(clerk.hasAny(Roles.SUPERVISOR, Roles.ADMIN)).isFalse();
        assertThat(clerk.isAdmin()).isFalse();
    }
}
