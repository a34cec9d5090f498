package vn.motcua.devstack.demo;

import java.time.OffsetDateTime;

/**
 * One demo dossier as planned before anything is posted. Times after intake depend on the due time intake answers,
 * so they are chosen during the replay from {@code seed}, which makes a rerun choose the same ones.
 */
record DossierPlan(
        int index,
        String code,
        String idempotencyKey,
        DemoProcedure procedure,
        String unitCode,
        String channel,
        Integer onlineLevel,
        OffsetDateTime receivedAt,
        Outcome outcome,
        boolean supplement,
        boolean apology,
        boolean preferOnTime,
        boolean refused,
        long seed) {

    boolean firstHalf() {
        return receivedAt.getMonthValue() <= 6;
    }
}
