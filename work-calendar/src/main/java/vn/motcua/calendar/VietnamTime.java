package vn.motcua.calendar;

import java.time.ZoneId;

/** The suite's one time zone: every local date and time of a dossier is read in it (docs/time-and-counting.md). */
public final class VietnamTime {

    /** Asia/Ho_Chi_Minh: UTC+7 since 1975, but named so that dates before then still read right. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
