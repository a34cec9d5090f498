package vn.motcua.stats.domain;

/**
 * The stored counters of one (unit, procedure, period): the leaf columns of form 06 plus withdrawn and the online
 * levels, and what Decision 766's handling-time and electronic-result indicators need.
 */
public enum Counter {
    /** Col. 4: mới tiếp nhận trực tuyến. */
    NEW_ONLINE("newOnline"),
    /** Col. 5: mới tiếp nhận trực tiếp và qua bưu chính. */
    NEW_DIRECT_OR_POSTAL("newDirectOrPostal"),
    /** Col. 6: từ kỳ trước chuyển qua. */
    CARRIED_OVER("carriedOver"),
    /** Col. 8: đã giải quyết trước hạn. */
    RESOLVED_EARLY("resolvedEarly"),
    /** Col. 9: đã giải quyết đúng hạn. */
    RESOLVED_ON_TIME("resolvedOnTime"),
    /** Col. 10: đã giải quyết quá hạn. */
    RESOLVED_LATE("resolvedLate"),
    /** Col. 12: đang giải quyết trong hạn. */
    PENDING_WITHIN_DEADLINE("pendingWithinDeadline"),
    /** Col. 13: đang giải quyết quá hạn. */
    PENDING_OVERDUE("pendingOverdue"),
    /** The suite's own column: rút hồ sơ. */
    WITHDRAWN("withdrawn"),
    /** Of col. 4, online level 3 (một phần). */
    ONLINE_LEVEL3("onlineLevel3"),
    /** Of col. 4, online level 4 (toàn trình). */
    ONLINE_LEVEL4("onlineLevel4"),
    /** Decision 766: the sum of {@code handlingWorkingDays} of the dossiers resolved in the period that carry it. */
    HANDLING_DAYS_SUM("handlingDaysSum"),
    /** Decision 766: how many dossiers resolved in the period carry {@code handlingWorkingDays}. */
    HANDLING_MEASURED("handlingMeasured"),
    /** Resolved in the period with the result delivered electronically. */
    RESULT_ELECTRONIC("resultElectronic"),
    /** Resolved in the period with a paper result handed over. */
    RESULT_PAPER("resultPaper"),
    /** Resolved in the period with the result sent by post. */
    RESULT_POSTAL("resultPostal");

    private final String field;

    Counter(String field) {
        this.field = field;
    }

    /** Its name in the totals documents and in the rebuild's answer. */
    public String field() {
        return field;
    }
}
