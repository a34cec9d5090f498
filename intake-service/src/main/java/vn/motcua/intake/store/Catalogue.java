package vn.motcua.intake.store;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Transactional;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.intake.domain.UnitTimeline;
import vn.motcua.units.UnitTree;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The procedures and units every intake checks against, kept in memory: a look-up in the ORM cost a POST more than
 * its whole SQL statement (intake-service/README.md, "How it works"). Only codes found are kept, so unknown codes
 * cannot fill the caches (their size is bounded in application.properties too). A change saved through this instance is seen at once
 * (after its commit); one made through another instance as soon as its catalogue event arrives
 * ({@link #forgetUnit}, {@link #forgetProcedure}); {@code expire-after-write} is a safety net.
 * The entities handed out are detached copies: read them, never change them. Every unit's history of states
 * ({@link #unitTimeline}) and today's tree ({@link #unitTree}) are held the same way: read again after any unit
 * changed here or arrived from the topic, and the tree again when the day in Vietnam changes.
 */
@ApplicationScoped
public class Catalogue {

    private static final String PROCEDURES = "procedures";
    private static final String UNITS = "units";

    /** Fired in the transaction that saved a procedure or a unit; observed once it commits. */
    record Changed(Class<?> entity, String code) {
    }

    /**
     * Thrown by a cache's loader for a code not in the catalogue: quarkus-cache then keeps nothing for it. One
     * instance without a stack trace: a miss costs no more than a hit.
     */
    private static final class NotInCatalogue extends RuntimeException {
        private static final NotInCatalogue MISS = new NotInCatalogue();

        private NotInCatalogue() {
            super("not in the catalogue", null, false, false);
        }
    }

    /** As the units cache's {@code expire-after-write}: a safety net, a change normally replaces the tree at once. */
    private static final long TREE_FRESH_FOR_NANOS = Duration.ofSeconds(60).toNanos();

    /** The units' histories as read, with the count of unit changes seen before the read began, and trees by day. */
    private record HeldTimeline(UnitTimeline timeline, long changesBefore, long readAtNanos, LocalDate treeDay,
                                UnitTree tree) {
    }

    private final Cache procedures;
    private final Cache units;
    private final EntityManagerFactory entityManagerFactory;
    private final Event<Changed> changes;
    /** Grows with every unit forgotten: a tree read before a change is never served after it. */
    private final AtomicLong unitChanges = new AtomicLong();
    private final Clock clock;
    private volatile HeldTimeline held;

    Catalogue(@CacheName(PROCEDURES) Cache procedures, @CacheName(UNITS) Cache units,
              EntityManagerFactory entityManagerFactory, Event<Changed> changes, Clock clock) {
        this.procedures = procedures;
        this.units = units;
        this.entityManagerFactory = entityManagerFactory;
        this.changes = changes;
        this.clock = clock;
    }

    public Optional<Procedure> procedure(String code) {
        return lookUp(procedures, code, key -> Procedure.findById(key));
    }

    public Optional<Unit> unit(String code) {
        return lookUp(units, code, key -> Unit.findById(key));
    }

    /**
     * Today's tree in Vietnam (docs/time-and-counting.md, "Units over time"), in memory: one query after a unit
     * changed, none otherwise, so a lineage costs the request path no database call. A closed unit stays under its
     * last parent, so its staff and those above it still read what it handled.
     */
    public UnitTree unitTree() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
        HeldTimeline current = timeline();
        if (today.equals(current.treeDay())) {
            return current.tree();
        }
        UnitTree tree = UnitTree.of(current.timeline().parentsOn(today));
        held = new HeldTimeline(current.timeline(), current.changesBefore(), current.readAtNanos(), today, tree);
        return tree;
    }

    /** Every unit's states, oldest first, in memory as {@link #unitTree}. */
    public UnitTimeline unitTimeline() {
        return timeline().timeline();
    }

    private HeldTimeline timeline() {
        HeldTimeline current = held;
        long changesBefore = unitChanges.get();
        if (current != null && current.changesBefore() == changesBefore
                && System.nanoTime() - current.readAtNanos() < TREE_FRESH_FOR_NANOS) {
            return current;
        }
        HeldTimeline read = new HeldTimeline(UnitTimeline.of(UnitStateRow.histories()), changesBefore,
                System.nanoTime(), null, null);
        held = read;
        return read;
    }

    /** Stores a procedure in the caller's transaction; this instance forgets the old one once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Procedure procedure) {
        procedure.persist();
        changes.fire(new Changed(Procedure.class, procedure.code));
    }

    /** Stores a unit in the caller's transaction; this instance forgets the old one once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Unit unit) {
        unit.persist();
        changes.fire(new Changed(Unit.class, unit.code));
    }

    /**
     * A procedure's event arrived: unless the copy held here is already as new as {@code version}, the next look-up
     * reads the database. An older or repeated event (this instance's own, arriving late) keeps a newer copy.
     */
    public void forgetProcedure(String code, long version) {
        if (heldVersion(procedures, code, Procedure.class, procedure -> procedure.version) < version) {
            forgetProcedure(code);
        }
    }

    /** A unit's event arrived: as {@link #forgetProcedure(String, long)}. */
    public void forgetUnit(String code, long version) {
        // The tree may be older than the unit's own copy: read it again whatever that copy's version.
        unitChanges.incrementAndGet();
        if (heldVersion(units, code, Unit.class, unit -> unit.version) < version) {
            forgetUnit(code);
        }
    }

    private void forgetProcedure(String code) {
        forget(Procedure.class, procedures, code);
    }

    private void forgetUnit(String code) {
        unitChanges.incrementAndGet();
        forget(Unit.class, units, code);
    }

    /** The version of the copy this cache holds, or -1 when it holds none (or is still loading it). */
    private static <T> long heldVersion(Cache cache, String code, Class<T> type, ToLongFunction<T> version) {
        CompletableFuture<Object> held = cache.as(CaffeineCache.class).getIfPresent(code);
        if (held == null || !held.isDone() || held.isCompletedExceptionally()) {
            return -1;
        }
        Object value = held.join();
        return type.isInstance(value) ? version.applyAsLong(type.cast(value)) : -1;
    }

    void forgetAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        if (change.entity() == Procedure.class) {
            forgetProcedure(change.code());
        } else {
            forgetUnit(change.code());
        }
    }

    /** The second-level cache first: the look-up that refills this cache would otherwise read its stale copy. */
    private void forget(Class<?> entity, Cache cache, String code) {
        entityManagerFactory.getCache().evict(entity, code);
        cache.invalidate(code).await().indefinitely();
    }

    /**
     * A loader in flight sits in the cache as a future: an invalidation meanwhile removes it, so a value read
     * before a change is never kept after it.
     */
    private static <T> Optional<T> lookUp(Cache cache, String code, Function<String, T> find) {
        try {
            return Optional.of(cache.get(code, key -> {
                T found = find.apply(key);
                if (found == null) {
                    throw NotInCatalogue.MISS;
                }
                return found;
            }).await().indefinitely());
        } catch (NotInCatalogue miss) {
            return Optional.empty();
        }
    }
}
