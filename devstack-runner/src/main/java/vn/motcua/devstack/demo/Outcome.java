package vn.motcua.devstack.demo;

/** What becomes of a demo dossier; the counts of each are what make the H1 report exact. */
enum Outcome {
    /** Resolved EARLY or ON_TIME within its half-year. */
    IN_TIME,
    /** Resolved after its due time, within its half-year. */
    LATE,
    /** Overdue and still open at 30 June; resolved late in July or August. */
    OVERDUE_THEN_RESOLVED_IN_H2,
    /** Overdue and never resolved: supervisors still see it. */
    OVERDUE_STILL_OPEN,
    /** Withdrawn by the citizen (H2 dossiers only: the H1 report has none). */
    WITHDRAWN
}
