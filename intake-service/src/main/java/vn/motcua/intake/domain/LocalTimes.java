package vn.motcua.intake.domain;

import vn.motcua.calendar.VietnamTime;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Instants as the suite shows them: local to the one-stop shop, with their +07:00 offset. */
public final class LocalTimes {

    private LocalTimes() {
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
