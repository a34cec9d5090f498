package vn.motcua.devstack.demo;

import vn.motcua.calendar.VietnamTime;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static vn.motcua.devstack.demo.DemoPlanner.CALENDAR;
import static vn.motcua.devstack.demo.DemoPlanner.workingDays;

/**
 * Posts one planned dossier and its later steps through intake's public API, choosing each step's time from the
 * due time intake answers, and checks that intake judged the result as planned (else the report would not be
 * exact). A rerun after a crash skips the steps the dossier's history already holds. It logs in as the people
 * who would do each step: the unit's kiosk receives a dossier handed in at the counter or by post, its clerk one that
 * came online, and the clerk reads it and records the rest.
 */
final class DossierReplay {

    private static final OffsetDateTime H1_END = LocalDateTime.of(2022, 6, 30, 16, 45).atZone(VietnamTime.ZONE).toOffsetDateTime();
    private static final OffsetDateTime H2_END = LocalDateTime.of(2022, 12, 30, 16, 45).atZone(VietnamTime.ZONE).toOffsetDateTime();
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng");
    private static final List<String> MIDDLE = List.of("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng");
    private static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Dũng", "Hạnh", "Khoa", "Lan", "Phúc",
            "Tâm", "Thảo", "Trung", "Vy");

    private final String intakeUrl;
    private final JsonHttp http;
    private final Tokens tokens;
    private final DossierPlan plan;
    private final Random random;
    private int stepsDone;
    private int stepIndex;
    private JsonNode state;
    private OffsetDateTime lastStepAt;

    DossierReplay(String intakeUrl, JsonHttp http, Tokens tokens, DossierPlan plan) {
        this.intakeUrl = intakeUrl;
        this.http = http;
        this.tokens = tokens;
        this.plan = plan;
        this.random = new Random(plan.seed());
    }

    /** Answers the result's timeliness (EARLY, ON_TIME, LATE), or null for a dossier left open or withdrawn. */
    String run() throws IOException, InterruptedException {
        receive();
        lastStepAt = plan.receivedAt();
        if (plan.supplement()) {
            supplement();
        }
        OffsetDateTime end = plan.firstHalf() ? H1_END : H2_END;
        return switch (plan.outcome()) {
            case IN_TIME -> resolve(inTimeResolution(end), Set.of("EARLY", "ON_TIME"));
            case LATE -> {
                apologyIfPlanned();
                yield resolve(lateResolution(end), Set.of("LATE"));
            }
            case OVERDUE_THEN_RESOLVED_IN_H2 -> {
                checkOverdueAtEndOfJune();
                apologyIfPlanned();
                LocalDate day = pick(workingDays(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 8, 31)));
                yield resolve(officeTime(day), Set.of("LATE"));
            }
            case OVERDUE_STILL_OPEN -> {
                if (plan.firstHalf()) {
                    checkOverdueAtEndOfJune();
                }
                apologyIfPlanned();
                yield null;
            }
            case WITHDRAWN -> {
                OffsetDateTime at = after(lastStepAt, Duration.ofHours(2 + random.nextInt(48)));
                step("withdrawal", at, Map.of("withdrawnAt", at));
                yield null;
            }
        };
    }

    private void receive() throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", plan.procedure().code);
        body.put("unitCode", plan.unitCode());
        body.put("channel", plan.channel());
        if (plan.onlineLevel() != null) {
            body.put("onlineLevel", plan.onlineLevel());
        }
        body.put("receivedAt", plan.receivedAt());
        body.put("dossierCode", plan.code());
        body.put("applicant", Map.of(
                "name", pick(FAMILY) + " " + pick(MIDDLE) + " " + pick(GIVEN),
                "idNumber", "087%09d".formatted(random.nextInt(1_000_000_000)),
                "phone", "09%08d".formatted(random.nextInt(100_000_000))));
        // An online dossier comes from the portal, which a clerk takes in; a kiosk receives only at its counter.
        String receiver = plan.channel().equals("ONLINE") ? tokens.clerk(plan.unitCode()) : tokens.kiosk(plan.unitCode());
        JsonHttp.Answer answer = http.post(intakeUrl + "/api/dossiers", receiver, body,
                Map.of("Idempotency-Key", plan.idempotencyKey()));
        expect(answer, 201, "receive");
        JsonHttp.Answer full = http.get(intakeUrl + "/api/dossiers/" + plan.code(), tokens.clerk(plan.unitCode()));
        expect(full, 200, "read back");
        state = full.body();
        stepsDone = state.path("history").size() - 1;
    }

    /** Form 02 the next working day (before any due time of 3 working days or more); the supplement comes days later. */
    private void supplement() throws IOException, InterruptedException {
        LocalDate requestDay = CALENDAR.nextWorkingDay(plan.receivedAt().toLocalDate());
        OffsetDateTime requestedAt = requestDay.atTime(9 + random.nextInt(2), random.nextInt(60)).atZone(VietnamTime.ZONE).toOffsetDateTime();
        JsonNode paused = step("supplement-requests", requestedAt, Map.of("requestedAt", requestedAt,
                "reason", "Thiếu bản sao giấy tờ tùy thân có chứng thực"));
        if (paused != null && !paused.path("paused").asBoolean()) {
            throw new IllegalStateException(plan.code() + ": the supplement request did not stop the clock");
        }
        LocalDate back = onOrNextWorkingDay(requestDay.plusDays(2 + random.nextInt(6)));
        OffsetDateTime receivedAt = back.atTime(8 + random.nextInt(2), random.nextInt(60)).atZone(VietnamTime.ZONE).toOffsetDateTime();
        step("supplement-received", receivedAt, Map.of("receivedAt", receivedAt));
    }

    /** Form 04, sent on the due date before the due time; the new appointment is days later. */
    private void apologyIfPlanned() throws IOException, InterruptedException {
        if (!plan.apology()) {
            return;
        }
        OffsetDateTime dueAt = dueAt();
        OffsetDateTime issuedAt = dueAt.minusHours(1 + random.nextInt(3));
        if (!issuedAt.isAfter(lastStepAt)) {
            issuedAt = lastStepAt.plusMinutes(1);
        }
        step("apologies", issuedAt, Map.of("issuedAt", issuedAt, "newAppointmentAt", dueAt.plusDays(3 + random.nextInt(5)),
                "reason", "Cần xác minh thêm thông tin với cơ quan liên quan"));
    }

    /** EARLY: a working day before the due date; ON_TIME: on the due date before the due time. */
    private OffsetDateTime inTimeResolution(OffsetDateTime end) {
        OffsetDateTime early = earlyResolution(end);
        OffsetDateTime onTime = onTimeResolution(end);
        OffsetDateTime first = plan.preferOnTime() ? onTime : early;
        OffsetDateTime chosen = first != null ? first : (plan.preferOnTime() ? early : onTime);
        if (chosen == null) {
            throw new IllegalStateException(plan.code() + ": no time to resolve it in time before " + end);
        }
        return chosen;
    }

    private OffsetDateTime earlyResolution(OffsetDateTime end) {
        LocalDate lastEarly = dueDate().minusDays(1);
        if (lastEarly.isAfter(end.toLocalDate())) {
            lastEarly = end.toLocalDate();
        }
        List<LocalDate> days = workingDays(lastStepAt.toLocalDate(), lastEarly);
        if (days.isEmpty()) {
            return null;
        }
        OffsetDateTime at = after(officeTime(pick(days)), Duration.ZERO);
        return at.toLocalDate().isAfter(lastEarly) ? null : at;
    }

    private OffsetDateTime onTimeResolution(OffsetDateTime end) {
        OffsetDateTime dueAt = dueAt();
        if (dueAt.isAfter(end.plusMinutes(15))) {
            return null;
        }
        OffsetDateTime at = dueAt.minusMinutes(5 + random.nextInt(115));
        if (!at.isAfter(lastStepAt)) {
            at = lastStepAt.plusMinutes(1);
        }
        return at.isAfter(dueAt) ? null : at;
    }

    private OffsetDateTime lateResolution(OffsetDateTime end) {
        OffsetDateTime dueAt = dueAt();
        if (!dueAt.isBefore(end)) {
            throw new IllegalStateException(plan.code() + ": due " + dueAt + ", too late to be late before " + end);
        }
        OffsetDateTime at = dueAt.plusHours(2 + random.nextInt(24 * 12));
        return at.isAfter(end) ? dueAt.plusSeconds(1 + random.nextInt((int) Duration.between(dueAt, end).toSeconds()))
                : at;
    }

    private void checkOverdueAtEndOfJune() {
        if (!dueAt().isBefore(H1_END)) {
            throw new IllegalStateException(plan.code() + ": due " + dueAt() + ", not overdue by 30 June");
        }
    }

    private String resolve(OffsetDateTime at, Set<String> expected) throws IOException, InterruptedException {
        String decision = plan.refused() ? "REFUSED" : "APPROVED";
        JsonNode resolved = step("result", at, Map.of("resolvedAt", at, "decision", decision));
        String timeliness = (resolved != null ? resolved : state).path("timeliness").asText();
        if (!expected.contains(timeliness)) {
            throw new IllegalStateException(plan.code() + ": resolved " + timeliness + " at " + at + ", due "
                    + dueAt() + "; planned " + expected);
        }
        return timeliness;
    }

    /** Posts the next step unless a previous run already did; answers the dossier after it (null when skipped). */
    private JsonNode step(String path, OffsetDateTime at, Map<String, Object> body)
            throws IOException, InterruptedException {
        lastStepAt = at;
        if (stepIndex++ < stepsDone) {
            return null;
        }
        JsonHttp.Answer answer = http.post(intakeUrl + "/api/dossiers/" + plan.code() + "/" + path,
                tokens.clerk(plan.unitCode()), body, Map.of());
        expect(answer, 200, path);
        state = answer.body();
        return state;
    }

    private OffsetDateTime dueAt() {
        return OffsetDateTime.parse(state.path("dueAt").asText()).atZoneSameInstant(VietnamTime.ZONE).toOffsetDateTime();
    }

    private LocalDate dueDate() {
        return LocalDate.parse(state.path("dueDate").asText());
    }

    private OffsetDateTime officeTime(LocalDate day) {
        int minute = 7 * 60 + 45 + random.nextInt(8 * 60);  // 07:45 .. 15:44
        return day.atTime(LocalTime.of(minute / 60, minute % 60)).atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    /** {@code at}, moved after the previous step when it would come before it. */
    private OffsetDateTime after(OffsetDateTime at, Duration gap) {
        OffsetDateTime candidate = gap.isZero() ? at : lastStepAt.plus(gap);
        return candidate.isAfter(lastStepAt) ? candidate : lastStepAt.plusMinutes(10 + random.nextInt(30));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private void expect(JsonHttp.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(plan.code() + ": " + what + " answered " + answer.status() + " "
                    + answer.body());
        }
    }

    private static LocalDate onOrNextWorkingDay(LocalDate day) {
        return CALENDAR.isWorkingDay(day) ? day : CALENDAR.nextWorkingDay(day);
    }
}
