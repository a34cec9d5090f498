package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The report's columns counted again from intake's dossier rows, by the rules of docs/time-and-counting.md
 * ("What is counted"), with no stats-service code: for a period that is still running, so T = now.
 */
final class Form06Recount {

    private Form06Recount() {
    }

    /** A report period in Vietnam time: [start, end). */
    record Period(String id, Instant start, Instant end) {

        /** The quarter, half-year and year that contain the instant. */
        static List<Period> containing(Instant now) {
            LocalDate today = now.atZone(KioskLoad.VIETNAM).toLocalDate();
            int year = today.getYear();
            int quarter = (today.getMonthValue() - 1) / 3 + 1;
            int half = quarter <= 2 ? 1 : 2;
            return List.of(
                    of(year + "-Q" + quarter, LocalDate.of(year, quarter * 3 - 2, 1), 3),
                    of(year + "-H" + half, LocalDate.of(year, half * 6 - 5, 1), 6),
                    of(String.valueOf(year), LocalDate.of(year, 1, 1), 12));
        }

        private static Period of(String id, LocalDate first, int months) {
            ZonedDateTime start = first.atStartOfDay(KioskLoad.VIETNAM);
            return new Period(id, start.toInstant(), start.plusMonths(months).toInstant());
        }
    }

    /** The report's counting columns (form 06: 4, 5, 6, 8, 9, 10, 12, 13, withdrawn, online levels). */
    record Columns(long newOnline, long newDirectOrPostal, long carriedOver, long early, long onTime, long late,
                   long withinDeadline, long overdue, long withdrawn, long level3, long level4) {

        long received() {
            return newOnline + newDirectOrPostal + carriedOver;
        }

        static Columns of(JsonNode report) {
            JsonNode received = report.path("received");
            JsonNode resolved = report.path("resolved");
            JsonNode pending = report.path("pending");
            JsonNode online = report.path("online");
            return new Columns(received.path("newOnline").asLong(), received.path("newDirectOrPostal").asLong(),
                    received.path("carriedOver").asLong(), resolved.path("early").asLong(),
                    resolved.path("onTime").asLong(), resolved.path("late").asLong(),
                    pending.path("withinDeadline").asLong(), pending.path("overdue").asLong(),
                    report.path("withdrawn").asLong(), online.path("level3").asLong(), online.path("level4").asLong());
        }
    }

    /** The columns of a running period as of now, T = now. */
    static Columns count(Collection<IntakeRecords.Dossier> dossiers, Period period, Instant now) {
        long newOnline = 0, newDirectOrPostal = 0, carriedOver = 0, early = 0, onTime = 0, late = 0;
        long withinDeadline = 0, overdue = 0, withdrawn = 0, level3 = 0, level4 = 0;
        for (IntakeRecords.Dossier dossier : dossiers) {
            Instant closedAt = dossier.closedAt();
            if (!dossier.receivedAt().isBefore(period.end()) || closedAt != null && closedAt.isBefore(period.start())) {
                continue;
            }
            if (dossier.receivedAt().isBefore(period.start())) {
                carriedOver++;
            } else if (dossier.channel().equals("ONLINE")) {
                newOnline++;
                level3 += dossier.onlineLevel() == 3 ? 1 : 0;
                level4 += dossier.onlineLevel() == 4 ? 1 : 0;
            } else {
                newDirectOrPostal++;
            }
            if (dossier.withdrawnAt() != null) {
                withdrawn++;
            } else if (dossier.resolvedAt() != null) {
                switch (dossier.timeliness()) {
                    case "EARLY" -> early++;
                    case "ON_TIME" -> onTime++;
                    case "LATE" -> late++;
                    default -> throw new IllegalStateException(dossier.code() + " has timeliness "
                            + dossier.timeliness());
                }
            } else if (dossier.clockRuns() && dossier.dueAt().isBefore(now)) {
                overdue++;
            } else {
                withinDeadline++;
            }
        }
        return new Columns(newOnline, newDirectOrPostal, carriedOver, early, onTime, late, withinDeadline, overdue,
                withdrawn, level3, level4);
    }
}
