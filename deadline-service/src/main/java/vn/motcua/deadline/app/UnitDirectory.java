package vn.motcua.deadline.app;

import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.store.UnitStore;
import vn.motcua.security.UnitLineage;
import vn.motcua.units.UnitTree;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers {@code ?unit=} with the tree of today in Vietnam, as the service's clock tells it: a parent unit sees
 * everything under it, at any depth, each unit under the parent of its state in force today (docs/time-and-counting.md,
 * "Units over time"). The units table is read again at most a second later, and at once after this instance applied
 * a catalogue change, so a unit's event moves its dossiers into its parent's lists without a restart; the tree is
 * built again when the day changes, so a move dated tomorrow applies tomorrow without an event of its own.
 */
@Singleton
public class UnitDirectory implements UnitLineage {

    private static final String ALL = "ALL";
    private static final String PARAMETER = "unit";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** How old a read of the table may be: an alert burst or many requests read it once, not once each. */
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    private final UnitStore units;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    public UnitDirectory(UnitStore units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** Whether {@code ?unit=} asks for every unit: {@code ALL}, or no parameter. */
    public static boolean asksForAll(String unit) {
        return unit == null || unit.isBlank() || ALL.equalsIgnoreCase(unit.trim());
    }

    /** The code {@code ?unit=} names; a 400 naming {@code unit} for a malformed one. */
    public static String code(String unit) {
        String code = unit.trim();
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid(PARAMETER, "must be a unit code such as SADEC, or ALL");
        }
        return code;
    }

    /** One unit; a 400 naming {@code unit} for a code the catalogue has not (yet) said anything about — a typo? */
    public UnitFilter known(String code) {
        Snapshot current = current();
        // Also a unit whose first state is dated later: the catalogue named it, it merely has no place yet.
        if (!current.codes().contains(code) && !current.tree().knows(code)) {
            throw ProblemException.invalid(PARAMETER, "unknown unit " + code);
        }
        return new UnitFilter(code);
    }

    /** The unit codes {@code filter} covers now; every code, known or not, for ALL. */
    public UnitScope scope(UnitFilter filter) {
        return filter.isAll() ? UnitScope.ALL : UnitScope.under(tree(), filter.codes());
    }

    /** The unit and the units above it now, nearest first: the filters that see an alert of this unit. */
    public List<String> lineage(String unitCode) {
        return tree().lineage(unitCode);
    }

    @Override
    public List<String> selfAndAncestors(String unit) {
        return lineage(unit);
    }

    /** The tree changed (this instance applied a catalogue event): the next question reads the table again. */
    void changed() {
        changes.incrementAndGet();
    }

    private UnitTree tree() {
        return current().tree();
    }

    private Snapshot current() {
        long now = System.nanoTime();
        long change = changes.get();
        LocalDate today = clock.instant().atZone(VietnamTime.ZONE).toLocalDate();
        Snapshot current = snapshot;
        if (current != null && current.change() == change && now - current.readAt() < MAX_AGE_NANOS
                && current.day().equals(today)) {
            return current;
        }
        // Read after noting the change count: a change applied during the read makes this snapshot stale at once.
        List<Unit> all = units.all();
        Snapshot read = new Snapshot(Unit.tree(all, today), all.stream().map(Unit::code).collect(Collectors.toSet()),
                today, change, now);
        snapshot = read;
        return read;
    }

    /** @param codes every unit the catalogue has named, in being today or not */
    private record Snapshot(UnitTree tree, Set<String> codes, LocalDate day, long change, long readAt) {
    }
}
