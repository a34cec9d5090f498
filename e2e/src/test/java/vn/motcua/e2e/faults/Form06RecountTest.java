package vn.motcua.e2e.faults;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's own recount of form 06 (docs/time-and-counting.md, "What is counted"), on dossiers whose columns
 * are known by hand: if it counted wrongly, FaultSuiteIT would blame stats-service for its own mistake.
 */
class Form06RecountTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final Form06Recount.Period Q4 = Form06Recount.Period.containing(NOW).get(0);

    @Test
    void the_periods_that_contain_now_are_the_quarter_the_half_year_and_the_year_in_vietnam_time() {
        List<Form06Recount.Period> periods = Form06Recount.Period.containing(Instant.parse("2026-12-31T17:30:00Z"));

        // 00:30 on 1 January 2027 in Vietnam
        assertThat(periods).extracting(Form06Recount.Period::id).containsExactly("2027-Q1", "2027-H1", "2027");
        assertThat(periods.get(0).start()).isEqualTo(Instant.parse("2026-12-31T17:00:00Z"));
        assertThat(periods.get(1).end()).isEqualTo(Instant.parse("2027-06-30T17:00:00Z"));
    }

    @Test
    void each_dossier_lands_in_the_column_its_state_at_now_gives_it() {
        List<IntakeRecords.Dossier> dossiers = List.of(
                open("online-4", "ONLINE", 4, "2026-11-30T02:00:00Z", "2026-12-03T10:00:00Z", "RECEIVED", false),
                open("direct-overdue", "DIRECT", null, "2026-10-20T02:00:00Z", "2026-10-23T10:00:00Z", "RECEIVED",
                        false),
                // a request before dueAt stops the clock: within the deadline though dueAt has passed
                open("paused", "POSTAL", null, "2026-10-20T02:00:00Z", "2026-10-23T10:00:00Z",
                        "SUPPLEMENT_REQUESTED", true),
                // a request after dueAt does not: overdue
                open("late-request", "POSTAL", null, "2026-10-20T02:00:00Z", "2026-10-23T10:00:00Z",
                        "SUPPLEMENT_REQUESTED", false),
                open("carried-over", "ONLINE", 3, "2026-09-20T02:00:00Z", "2026-09-23T10:00:00Z", "RECEIVED", false),
                closed("resolved-late", "ONLINE", 3, "2026-10-20T02:00:00Z", "2026-12-01T02:00:00Z", "LATE", false),
                closed("resolved-early", "DIRECT", null, "2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z", "EARLY",
                        false),
                closed("withdrawn", "DIRECT", null, "2026-12-01T01:00:00Z", "2026-12-01T02:00:00Z", null, true),
                // closed before Q4 began: not in Q4 at all
                closed("closed-in-q3", "DIRECT", null, "2026-09-01T01:00:00Z", "2026-09-02T02:00:00Z", "ON_TIME",
                        false));

        Form06Recount.Columns columns = Form06Recount.count(dossiers, Q4, NOW);

        assertThat(columns).isEqualTo(new Form06Recount.Columns(2, 5, 1, 1, 0, 1, 2, 3, 1, 1, 1));
        assertThat(columns.received()).isEqualTo(8);
    }

    private static IntakeRecords.Dossier open(String code, String channel, Integer level, String receivedAt,
                                              String dueAt, String status, boolean clockStopped) {
        return new IntakeRecords.Dossier(code, "SADEC-P1", channel, level, status, Instant.parse(receivedAt),
                Instant.parse(dueAt), clockStopped, null, null, null, null, 2);
    }

    private static IntakeRecords.Dossier closed(String code, String channel, Integer level, String receivedAt,
                                                String closedAt, String timeliness, boolean withdrawn) {
        Instant at = Instant.parse(closedAt);
        return new IntakeRecords.Dossier(code, "SADEC-P1", channel, level, withdrawn ? "WITHDRAWN" : "RESOLVED",
                Instant.parse(receivedAt), at.plusSeconds(86_400), false, null, withdrawn ? null : at,
                timeliness, withdrawn ? at : null, 2);
    }
}
