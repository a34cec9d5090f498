package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.api.Checks;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.Procedure;
import vn.motcua.intake.store.Unit;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates or replaces procedures and units; intake counts a change from the very next dossier. */
@ApplicationScoped
public class CatalogueUpdates {

    private final Catalogue catalogue;

    CatalogueUpdates(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Dossiers already received keep their due dates. */
    @Transactional
    public Procedure putProcedure(String code, String name, String field, ProcessingTime time, LocalTime cutoff,
                                  List<Integer> onlineLevels) {
        Procedure procedure = Procedure.<Procedure>findByIdOptional(code).orElseGet(Procedure::new);
        procedure.code = code;
        procedure.name = name.trim();
        procedure.field = field.trim();
        procedure.processingAmount = time.amount();
        procedure.processingUnit = time.unit();
        procedure.cutoff = cutoff;
        procedure.onlineLevels = onlineLevels.stream().distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
        catalogue.save(procedure);
        return procedure;
    }

    /** The parent must exist, and no unit may become its own ancestor; every bad field is named in one answer. */
    @Transactional
    public Unit putUnit(String code, String name, String parentCode) {
        Checks checks = new Checks();
        checks.check(code.matches("[A-Z0-9][A-Z0-9-]{0,31}"), "code", "must be 1-32 upper-case letters, digits or '-'");
        checks.require("name", name).maxLength("name", name, 200);
        if (parentCode != null) {
            checks.check(Unit.findById(parentCode) != null, "parentCode", "unknown unit " + parentCode);
            checks.check(!createsCycle(code, parentCode), "parentCode", "would make a unit its own ancestor");
        }
        checks.throwIfInvalid();
        Unit unit = Unit.<Unit>findByIdOptional(code).orElseGet(Unit::new);
        unit.code = code;
        unit.name = name.trim();
        unit.parentCode = parentCode;
        catalogue.save(unit);
        return unit;
    }

    private static boolean createsCycle(String code, String parentCode) {
        Set<String> seen = new HashSet<>();
        for (String at = parentCode; at != null && seen.add(at); ) {
            if (at.equals(code)) {
                return true;
            }
            Unit parent = Unit.findById(at);
            at = parent == null ? null : parent.parentCode;
        }
        return false;
    }
}
