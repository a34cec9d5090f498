package vn.motcua.events;

import java.util.Set;

/** CloudEvents {@code type} values. Readers must skip types they do not know. */
public final class EventTypes {
    public static final String RECEIVED = "dossier.received";
    public static final String SUPPLEMENT_REQUESTED = "dossier.supplement-requested";
    public static final String SUPPLEMENT_RECEIVED = "dossier.supplement-received";
    public static final String APOLOGY_ISSUED = "dossier.apology-issued";
    public static final String RESOLVED = "dossier.resolved";
    public static final String WITHDRAWN = "dossier.withdrawn";
    /** The due date moved because the calendar it was computed on changed (an official schedule replaced a rule). */
    public static final String DUE_DATE_CHANGED = "dossier.due-date-changed";
    /** Its unit closed: from {@code transferredAt} the successor handles it; due date and clock unchanged. */
    public static final String TRANSFERRED = "dossier.transferred";

    public static final String DUE_SOON = "deadline.due-soon";
    public static final String OVERDUE = "deadline.overdue";
    public static final String APPOINTMENT_MISSED = "deadline.appointment-missed";

    /** On the compacted {@code catalogue} topic: the whole new state of one unit, procedure or calendar year. */
    public static final String UNIT_CHANGED = "unit.changed";
    public static final String PROCEDURE_CHANGED = "procedure.changed";
    public static final String CALENDAR_CHANGED = "calendar.changed";

    public static final Set<String> DOSSIER_TYPES =
            Set.of(RECEIVED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, APOLOGY_ISSUED, RESOLVED, WITHDRAWN,
                    DUE_DATE_CHANGED, TRANSFERRED);
    public static final Set<String> ALERT_TYPES = Set.of(DUE_SOON, OVERDUE, APPOINTMENT_MISSED);
    public static final Set<String> CATALOGUE_TYPES = Set.of(UNIT_CHANGED, PROCEDURE_CHANGED, CALENDAR_CHANGED);

    private EventTypes() {
    }
}
