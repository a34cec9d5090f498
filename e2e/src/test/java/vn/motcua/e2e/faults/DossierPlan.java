package vn.motcua.e2e.faults;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * What happens to one dossier of the load: received now or weeks ago (then long overdue), and which lifecycle
 * steps clerks take on it afterwards. The mix fills every column of form 06 and makes deadline-service send every
 * kind of alert during the run: due-soon at once (dueAt within the configured lead), overdue at once (received
 * weeks ago), appointment-missed seconds later (an apology whose new appointment is a few seconds ahead).
 */
enum DossierPlan {
    NOW_OPEN(30, false),
    NOW_RESOLVED(14, false, Step.RESULT),
    NOW_PAUSED(8, false, Step.SUPPLEMENT_REQUEST),
    NOW_SUPPLEMENTED(6, false, Step.SUPPLEMENT_REQUEST, Step.SUPPLEMENT_RECEIVED),
    NOW_SUPPLEMENTED_RESOLVED(5, false, Step.SUPPLEMENT_REQUEST, Step.SUPPLEMENT_RECEIVED, Step.RESULT),
    NOW_WITHDRAWN(5, false, Step.WITHDRAWAL),
    PAST_OPEN(12, true),
    PAST_APOLOGY(10, true, Step.APOLOGY),
    PAST_APOLOGY_RESOLVED(4, true, Step.APOLOGY, Step.RESULT),
    PAST_RESOLVED(3, true, Step.RESULT),
    // Asked after dueAt: the clock does not stop, the dossier stays overdue.
    PAST_LATE_SUPPLEMENT(3, true, Step.SUPPLEMENT_REQUEST);

    enum Step {
        SUPPLEMENT_REQUEST("supplement-requests", "SUPPLEMENT_REQUESTED"),
        SUPPLEMENT_RECEIVED("supplement-received", "RECEIVED"),
        APOLOGY("apologies", null),
        RESULT("result", "RESOLVED"),
        WITHDRAWAL("withdrawal", "WITHDRAWN");

        final String path;
        /** The status the step leads to; null when it does not change the status. */
        final String statusAfter;

        Step(String path, String statusAfter) {
            this.path = path;
            this.statusAfter = statusAfter;
        }
    }

    private static final int TOTAL_WEIGHT = Arrays.stream(values()).mapToInt(plan -> plan.weight).sum();

    final int weight;
    final boolean receivedWeeksAgo;
    final List<Step> steps;

    DossierPlan(int weight, boolean receivedWeeksAgo, Step... steps) {
        this.weight = weight;
        this.receivedWeeksAgo = receivedWeeksAgo;
        this.steps = List.of(steps);
    }

    static DossierPlan draw(Random random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (DossierPlan plan : values()) {
            ticket -= plan.weight;
            if (ticket < 0) {
                return plan;
            }
        }
        throw new AssertionError("weights");
    }
}
