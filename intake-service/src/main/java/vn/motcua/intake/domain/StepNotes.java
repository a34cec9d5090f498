package vn.motcua.intake.domain;

import java.util.regex.Pattern;

/**
 * A step's note in the history: the clerk's reason, as printed on form 02 (supplement) or form 04 (apology), and a
 * remark intake adds for staff when the step was out of the ordinary. The citizen is told the reason alone.
 */
public final class StepNotes {

    private static final String CLOCK_RUNS = "after the due time: the clock does not stop";
    private static final Pattern REMARK = Pattern.compile(
            " \\((" + Pattern.quote(CLOCK_RUNS) + "|sent later than the local rule \\w+ asks)\\)$");

    private StepNotes() {
    }

    /** Form 02's reason; a request after the due time says that the clock goes on. */
    public static String supplementRequest(String reason, boolean clockStopped) {
        return clockStopped ? reason : reason + " (" + CLOCK_RUNS + ")";
    }

    /** Form 04's reason; one sent after the day the local rule allows says so. */
    public static String apology(String reason, boolean inTime, ApologyDeadline rule) {
        return inTime ? reason : reason + " (sent later than the local rule " + rule + " asks)";
    }

    /** The clerk's reason without intake's remark; null for no note. */
    public static String reason(String note) {
        return note == null ? null : REMARK.matcher(note).replaceFirst("");
    }
}
