package vn.motcua.intake.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.api.Checks;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.UnitState;
import vn.motcua.intake.domain.CatalogueCodes;
import vn.motcua.intake.domain.UnitTimeline;
import vn.motcua.intake.store.Catalogue;
import vn.motcua.intake.store.CatalogueRows;
import vn.motcua.intake.store.Procedure;
import vn.motcua.intake.store.Unit;
import vn.motcua.intake.store.UnitStateRow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    private final Clock clock;

    CatalogueUpdates(Catalogue catalogue, CatalogueRows rows, CatalogueEvents events, Clock clock) {
        this.catalogue = catalogue;
        this.rows = rows;
        this.events = events;
        this.clock = clock;
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
     * Adds a state to the unit's history, or corrects its latest (the same day), by the rules of
     * docs/time-and-counting.md, "Changing a unit". Every bad field is named in one answer, and then nothing is stored
     * or published. The unit's row keeps its latest open name and parent, which other code and the event's top level
     * read.
     *
     * @param effectiveFrom null: today in Vietnam, or since always for a unit's first state
     * @param closed        null or false: an open state
     * @return the unit's whole history after the change, oldest first
     */
    @Transactional
    public List<UnitState> putUnit(String code, String name, String parentCode, LocalDate effectiveFrom,
                                   Boolean closed, String successorCode) {
        boolean closing = Boolean.TRUE.equals(closed);
        Checks checks = new Checks();
        checks.check(CatalogueCodes.isUnitCode(code), "code", CatalogueCodes.UNIT_FORM);
        if (!closing) {
            checks.require("name", name).maxLength("name", name, 200);
        }
        checks.check(parentCode == null || CatalogueCodes.isUnitCode(parentCode), "parentCode",
                CatalogueCodes.UNIT_FORM);
        checks.check(successorCode == null || CatalogueCodes.isUnitCode(successorCode), "successorCode",
                CatalogueCodes.UNIT_FORM);
        checks.check(!closing || successorCode != null, "successorCode", "is required to close a unit");
        checks.check(closing || successorCode == null, "closed", "must be true when a successorCode is given");
        checks.throwIfInvalid();

        rows.lockForChange();
        UnitTimeline timeline = UnitTimeline.of(UnitStateRow.histories()); // under the lock: the latest
        List<UnitState> history = new ArrayList<>(timeline.history(code));
        UnitState latest = history.isEmpty() ? null : history.get(history.size() - 1);
        LocalDate from = effectiveFrom != null ? effectiveFrom : latest == null ? null : today();
        if (latest != null && latest.effectiveFrom() != null && (from == null || from.isBefore(latest.effectiveFrom()))) {
            checks.fail("effectiveFrom", "must not be before the unit's latest state, which holds from "
                    + latest.effectiveFrom());
            checks.throwIfInvalid();
        }
        boolean correction = latest != null && Objects.equals(latest.effectiveFrom(), from);
        LocalDate day = from == null ? UnitTimeline.ALWAYS : from;
        UnitState state;
        if (closing) {
            // A closed state keeps the last open name and parent, so the unit's past still hangs where it was.
            List<UnitState> before = correction ? history.subList(0, history.size() - 1) : history;
            UnitState last = UnitTimeline.latestOpen(before).orElse(null);
            if (last == null || from == null) {
                checks.fail("closed", "unit " + code + " does not exist before " + (from == null ? "now" : from)
                        + ", so it cannot be closed then");
                checks.throwIfInvalid();
            }
            state = new UnitState(from, last.name(), last.parentCode(), true, successorCode);
            checkSuccessor(timeline, code, successorCode, day, checks);
        } else {
            state = UnitState.open(from, name.trim(), parentCode);
            if (parentCode != null) {
                checks.check(timeline.existsOn(parentCode, day), "parentCode", from == null
                        ? "unit " + parentCode + " does not exist since always"
                        : "unit " + parentCode + " does not exist on " + from);
            }
        }
        checks.throwIfInvalid();
        if (correction) {
            history.set(history.size() - 1, state); // the same day: a correction
        } else if (latest == null || !sameButDate(latest, state)) {
            history.add(state);
        }
        UnitTimeline changed = timeline.with(code, history);
        changed.firstCycleThrough(code).ifPresent(cycleDay -> checks.fail("parentCode",
                "would make a unit its own ancestor" + (cycleDay.equals(UnitTimeline.ALWAYS) ? "" : " on " + cycleDay)));
        checks.throwIfInvalid();

        Unit unit = rows.forChange(Unit.class, code).orElseGet(Unit::new);
        UnitState open = UnitTimeline.latestOpen(history).orElseThrow();
        unit.code = code;
        unit.name = open.name();
        unit.parentCode = open.parentCode();
        unit.version++;
        catalogue.save(unit);
        UnitStateRow.replace(code, history);
        events.unitChanged(unit, history);
        return List.copyOf(history);
    }

    /**
     * A successor must exist (open) on the closing day, and be neither the unit nor below it then: a unit cannot be
     * dissolved into itself or into its own part.
     */
    private static void checkSuccessor(UnitTimeline timeline, String code, String successorCode, LocalDate day,
                                       Checks checks) {
        if (successorCode.equals(code)) {
            checks.fail("successorCode", "a unit cannot be closed into itself");
        } else if (!timeline.existsOn(successorCode, day)) {
            checks.fail("successorCode", "unit " + successorCode + " does not exist on " + day);
        } else if (timeline.lineageOn(successorCode, day).contains(code)) {
            checks.fail("successorCode", "unit " + successorCode + " is below " + code + " on " + day);
        }
    }

    /** A state that repeats the latest from a later day changes nothing: no new state. */
    private static boolean sameButDate(UnitState latest, UnitState state) {
        return latest.closed() == state.closed() && Objects.equals(latest.name(), state.name())
                && Objects.equals(latest.parentCode(), state.parentCode())
                && Objects.equals(latest.successorCode(), state.successorCode());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
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
