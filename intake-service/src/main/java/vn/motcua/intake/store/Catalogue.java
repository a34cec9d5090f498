package vn.motcua.intake.store;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The procedures and units every intake checks against, kept in memory: a look-up in the ORM cost a POST more than
 * its whole SQL statement (README, intake-service). A change saved through this instance is seen at once (after its
 * commit); one made through another instance within {@code expire-after-write} (application.properties).
 * The entities handed out are detached copies: read them, never change them.
 */
@ApplicationScoped
public class Catalogue {

    private static final String PROCEDURES = "procedures";
    private static final String UNITS = "units";

    /** Fired in the transaction that saved a procedure or a unit; observed once it commits. */
    record Changed(String cache, String code) {
    }

    private final Cache procedures;
    private final Cache units;
    private final Event<Changed> changes;

    Catalogue(@CacheName(PROCEDURES) Cache procedures, @CacheName(UNITS) Cache units, Event<Changed> changes) {
        this.procedures = procedures;
        this.units = units;
        this.changes = changes;
    }

    @CacheResult(cacheName = PROCEDURES)
    public Optional<Procedure> procedure(String code) {
        return Procedure.findByIdOptional(code);
    }

    @CacheResult(cacheName = UNITS)
    public Optional<Unit> unit(String code) {
        return Unit.findByIdOptional(code);
    }

    /** Stores a procedure in the caller's transaction; this instance forgets the old one once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Procedure procedure) {
        procedure.persist();
        changes.fire(new Changed(PROCEDURES, procedure.code));
    }

    /** Stores a unit in the caller's transaction; this instance forgets the old one once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Unit unit) {
        unit.persist();
        changes.fire(new Changed(UNITS, unit.code));
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        (PROCEDURES.equals(change.cache()) ? procedures : units).invalidate(change.code()).await().indefinitely();
    }
}
