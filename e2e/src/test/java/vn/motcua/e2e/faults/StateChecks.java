package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.e2e.Http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What deadline-service and stats-service hold against intake's database: a deadline row per dossier as intake
 * has it, the overdue lists of both instances, and the form 06 report of the running periods equal to a recount.
 */
final class StateChecks {

    private static final String[] WARDS = {"SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4", "SADEC-AH", "SADEC-TQD",
            "SADEC-TKD", "SADEC-TQT", "SADEC-TPD"};

    private StateChecks() {
    }

    static List<String> tracking(IntakeRecords intake, DeadlineRecords deadline, Tally lost) {
        List<String> found = new ArrayList<>();
        for (IntakeRecords.Dossier dossier : intake.dossiers().values()) {
            DeadlineRecords.Row row = deadline.rows().get(dossier.code());
            if (row == null) {
                lost.add();
                found.add("deadline-service does not track dossier " + dossier.code() + " (" + dossier.status() + ")");
                continue;
            }
            String status = dossier.open() ? "OPEN" : dossier.status();
            // A closed dossier's pause flag no longer matters to anyone.
            boolean paused = dossier.open() ? !dossier.clockRuns() : row.paused();
            DeadlineRecords.Row expected = new DeadlineRecords.Row(status, paused, dossier.sequence(), dossier.dueAt(),
                    dossier.newAppointmentAt());
            if (!row.equals(expected)) {
                found.add("deadline-service has dossier " + dossier.code() + " as " + row + ", intake as " + expected);
            }
        }
        deadline.rows().keySet().stream().filter(code -> !intake.dossiers().containsKey(code)).sorted().findFirst()
                .ifPresent(code -> found.add("deadline-service tracks " + code + ", unknown to intake"));
        return found;
    }

    private static final int PAGE = 1000;

    static List<String> overdueLists(List<String> deadlines, String token, IntakeRecords intake, Instant now)
            throws Exception {
        Set<String> expected = new TreeSet<>();
        intake.dossiers().values().stream().filter(d -> d.clockRuns() && d.dueAt().isBefore(now))
                .forEach(d -> expected.add(d.code()));
        List<String> found = new ArrayList<>();
        for (String url : deadlines) {
            Set<String> listed = new TreeSet<>();
            String refused = null;
            String after = null;
            while (true) { // the list comes in pages (limit, after = the last item's dueAt and code)
                String page = url + "/api/deadlines/overdue?limit=" + PAGE + (after == null ? ""
                        : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
                Http.Answer answer = Http.get(page, token);
                if (answer.status() != 200) {
                    refused = page + " answered " + answer.status();
                    break;
                }
                answer.body().forEach(item -> listed.add(item.path("code").asText()));
                if (answer.body().size() < PAGE) {
                    break;
                }
                JsonNode last = answer.body().get(answer.body().size() - 1);
                after = last.path("dueAt").asText() + "," + last.path("code").asText();
            }
            if (refused != null) {
                found.add(refused);
                continue;
            }
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(listed);
            Set<String> extra = new TreeSet<>(listed);
            extra.removeAll(expected);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                found.add(url + " lists " + listed.size() + " overdue, intake has " + expected.size() + "; missing "
                        + first(missing) + ", not overdue " + first(extra));
            }
        }
        return found;
    }

    static List<String> statsReports(String stats, IntakeRecords intake, Instant now, Tally lost, Tally countedTwice)
            throws Exception {
        List<String> found = new ArrayList<>();
        List<Form06Recount.Period> periods = Form06Recount.Period.containing(now);
        for (Form06Recount.Period period : periods) {
            Form06Recount.Columns recount = Form06Recount.count(intake.dossiers().values(), period, now);
            Form06Recount.Columns reported = report(stats, period.id(), "ALL", found);
            if (reported != null && !reported.equals(recount)) {
                found.add("stats' " + period.id() + " report for all units is " + reported
                        + ", intake's database counts " + recount);
                long difference = reported.received() - recount.received();
                if (difference > 0) {
                    countedTwice.add(difference);
                } else {
                    lost.add(-difference);
                }
            }
        }
        Form06Recount.Period quarter = periods.get(0);
        for (String ward : WARDS) {
            List<IntakeRecords.Dossier> ofWard = intake.dossiers().values().stream()
                    .filter(dossier -> dossier.unit().equals(ward)).toList();
            Form06Recount.Columns recount = Form06Recount.count(ofWard, quarter, now);
            Form06Recount.Columns reported = report(stats, quarter.id(), ward, found);
            if (reported != null && !reported.equals(recount)) {
                found.add("stats' " + quarter.id() + " report for " + ward + " is " + reported
                        + ", intake's database counts " + recount);
            }
        }
        return found;
    }

    private static Form06Recount.Columns report(String stats, String period, String unit, List<String> found)
            throws Exception {
        Http.Answer answer = Http.get(stats + "/api/stats/reports/" + period + "?unit=" + unit);
        if (answer.status() != 200) {
            found.add("stats' " + period + " report for " + unit + " answered " + answer.status() + ": "
                    + answer.body());
            return null;
        }
        return Form06Recount.Columns.of(answer.body());
    }

    private static String first(Set<String> codes) {
        return codes.isEmpty() ? "none" : codes.iterator().next() + (codes.size() > 1 ? " (and " + (codes.size() - 1)
                + " more)" : "");
    }
}
