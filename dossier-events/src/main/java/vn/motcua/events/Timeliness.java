package vn.motcua.events;

/** How a resolution stood against its due date (trước hạn, đúng hạn, quá hạn). */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE
}
