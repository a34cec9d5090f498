package vn.motcua.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a change of the catalogue (units, procedures, calendar years) needs from the database beyond its rows: one
 * change at a time, fresh locked reads, the tree above a unit, and the first start's marker.
 */
@ApplicationScoped
public class CatalogueRows {

    /** Any fixed number shared by all intake instances, other than the relay's. */
    private static final long CHANGE_LOCK = 8_081_002L;
    private static final String PUBLISHED = "catalogue_published";

    private final EntityManager entityManager;

    CatalogueRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One catalogue change at a time across instances, until this transaction ends. Changes are rare, and serialised
     * they are simple: a version read under the lock is the latest, so it grows by exactly one per committed change,
     * and two unit moves cannot close a cycle that neither of them saw.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForChange() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:lock)").setParameter("lock", CHANGE_LOCK)
                .getSingleResult();
    }

    /** The row as the database holds it now, never the second-level cache's copy, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> forChange(Class<T> entity, Object id) {
        return Optional.ofNullable(entityManager.find(entity, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Every row of the entity, read and locked as {@link #forChange} does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<T> allForChange(Class<T> entity) {
        return entityManager.createQuery("FROM " + entity.getSimpleName(), entity)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * The unit and every unit above it, nearest first, from the database: empty when the unit does not exist. A
     * unit already in the list ends the walk, so even a cycle could not make it loop.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> lineage(String unitCode) {
        List<?> codes = entityManager.createNativeQuery("""
                        WITH RECURSIVE up (code, parent_code, depth) AS (
                            SELECT code, parent_code, 0 FROM unit WHERE code = :code
                            UNION
                            SELECT unit.code, unit.parent_code, up.depth + 1
                            FROM unit JOIN up ON unit.code = up.parent_code
                            WHERE up.depth < 1000)
                        SELECT code FROM up ORDER BY depth""")
                .setParameter("code", unitCode).getResultList();
        return codes.stream().map(String.class::cast).toList();
    }

    /**
     * Marks the whole catalogue published, in the caller's transaction; false when it already was. Call it under
     * {@link #lockForChange}: a second instance starting at the same moment then waits, and finds the mark.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claimFirstPublication(Instant now) {
        int inserted = entityManager.createNativeQuery("INSERT INTO " + PUBLISHED
                        + " (published_at) VALUES (:now) ON CONFLICT DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace(PUBLISHED)
                .setParameter("now", now).executeUpdate();
        return inserted == 1;
    }
}
