package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.api.Checks;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.intake.domain.CatalogueCodes;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.Procedure;
import vn.motcua.intake.store.Unit;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Creates or replaces procedures and units, and takes in the changes read from the catalogue topic. Each committed change raises the item's version and appends its whole
 * new state to the outbox in the same transaction; intake counts it from the very next dossier, on this instance at
 * once and on the others when the event arrives. Every PUT that passes validation publishes, even one that changes
 * nothing: it costs a version and restates the item on the topic.
 */
@ApplicationScoped
public class CatalogueUpdates {

    private final Catalogue catalogue;
    private final CatalogueRows rows;
    private final CatalogueEvents events;

    CatalogueUpdates(Catalogue catalogue, CatalogueRows rows, CatalogueEvents events) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.events = events;
    }

    /** The caller validated the fields. Dossiers already received keep their due dates. */
    @Transactional
    public Procedure putProcedure(String code, String name, String field, ProcessingTime time, LocalTime cutoff,
                                  List<Integer> onlineLevels) {
        rows.lockForChange();
        Procedure procedure = rows.forChange(Procedure.class, code).orElseGet(Procedure::new);
        procedure.code = code;
        procedure.name = name.trim();
        procedure.field = field.trim();
        procedure.processingAmount = time.amount();
        procedure.processingUnit = time.unit();
        procedure.cutoff = cutoff;
        procedure.onlineLevels = onlineLevels.stream().distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
        procedure.version++;
        catalogue.save(procedure);
        events.procedureChanged(procedure);
        return procedure;
    }

    /**
     * The parent must exist, and no unit may become its own ancestor; moving a unit under another parent is an
     * update like any other. Every bad field is named in one answer, and then nothing is stored or published.
     */
    @Transactional
    public Unit putUnit(String code, String name, String parentCode) {
        Checks checks = new Checks();
        checks.check(CatalogueCodes.isUnitCode(code), "code", CatalogueCodes.UNIT_FORM);
        checks.require("name", name).maxLength("name", name, 200);
        checks.check(parentCode == null || CatalogueCodes.isUnitCode(parentCode), "parentCode",
                CatalogueCodes.UNIT_FORM);
        checks.throwIfInvalid();
        rows.lockForChange();
        if (parentCode != null) {
            List<String> lineage = rows.lineage(parentCode);
            checks.check(!lineage.isEmpty(), "parentCode", "unknown unit " + parentCode);
            checks.check(!lineage.contains(code), "parentCode", "would make a unit its own ancestor");
            checks.throwIfInvalid();
        }
        Unit unit = rows.forChange(Unit.class, code).orElseGet(Unit::new);
        unit.code = code;
        unit.name = name.trim();
        unit.parentCode = parentCode;
        unit.version++;
        catalogue.save(unit);
        events.unitChanged(unit);
        return unit;
    }

    /**
     * A unit's event arrived from the topic (another instance's change, or this one's coming back): the copy in
     * memory is forgotten unless it is as new as {@code version}; the database, shared by every instance, holds the
     * new state. Harmless when repeated.
     */
    public void unitPublished(String code, long version) {
        catalogue.forgetUnit(code, version);
    }

    /** A procedure's event arrived from the topic: as {@link #unitPublished}. */
    public void procedurePublished(String code, long version) {
        catalogue.forgetProcedure(code, version);
    }
}
