package vn.motcua.deadline.app;

import jakarta.inject.Singleton;
import vn.motcua.api.ProblemException;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.deadline.domain.Unit;
import vn.motcua.deadline.store.UnitStore;
import vn.motcua.security.UnitLineage;
import vn.motcua.units.UnitTree;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Answers {@code ?unit=} with the tree as it stands when asked: a parent unit sees everything under it, at any depth.
 * The units table is read again at most a second later, and at once after this instance applied a catalogue change,
 * so a unit's event moves its dossiers into its parent's lists without a restart.
 */
@Singleton
public class UnitDirectory implements UnitLineage {

    private static final String ALL = "ALL";
    private static final String PARAMETER = "unit";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** How old a read of the table may be: an alert burst or many requests read it once, not once each. */
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    private final UnitStore units;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    public UnitDirectory(UnitStore units) {
        this.units = units;
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
        if (!tree().knows(code)) {
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
        long now = System.nanoTime();
        long change = changes.get();
        Snapshot current = snapshot;
        if (current != null && current.change() == change && now - current.readAt() < MAX_AGE_NANOS) {
            return current.tree();
        }
        // Read after noting the change count: a change applied during the read makes this snapshot stale at once.
        UnitTree tree = Unit.tree(units.all());
        snapshot = new Snapshot(tree, change, now);
        return tree;
    }

    private record Snapshot(UnitTree tree, long change, long readAt) {
    }
}
