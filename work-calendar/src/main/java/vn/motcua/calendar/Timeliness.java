package vn.motcua.calendar;

/** How a resolution compares with its deadline: trước hạn, đúng hạn, quá hạn (form 06/VPCP/KSTT columns 8–10). */
public enum Timeliness { EARLY, ON_TIME, LATE }
