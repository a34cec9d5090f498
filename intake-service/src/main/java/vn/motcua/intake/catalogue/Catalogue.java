package vn.motcua.intake.catalogue;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import vn.motcua.intake.procedure.Procedure;
import vn.motcua.intake.unit.Unit;

import java.util.Optional;

/**
 * The procedures and units every intake checks against, kept in memory: a look-up in the ORM cost a POST more than
 * its whole SQL statement (README, intake-service). A change through this instance's API is seen at once (after its
 * commit); one made through another instance within {@code expire-after-write} (application.properties).
 * The entities handed out are detached copies: read them, never change them.
 */
@ApplicationScoped
public class Catalogue {

    static final String PROCEDURES = "procedures";
    static final String UNITS = "units";

    @Inject
    @CacheName(PROCEDURES)
    Cache procedures;

    @Inject
    @CacheName(UNITS)
    Cache units;

    @CacheResult(cacheName = PROCEDURES)
    public Optional<Procedure> procedure(String code) {
        return Procedure.findByIdOptional(code);
    }

    @CacheResult(cacheName = UNITS)
    public Optional<Unit> unit(String code) {
        return Unit.findByIdOptional(code);
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
        (change.kind() == CatalogueChanged.Kind.PROCEDURE ? procedures : units).invalidate(change.code())
                .await().indefinitely();
    }
}
