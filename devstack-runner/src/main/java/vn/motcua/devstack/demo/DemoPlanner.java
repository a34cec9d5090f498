package vn.motcua.devstack.demo;

import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Plans the demo's dossiers from a seed. The counts are fixed so that the H1 city report is exact; the seed only
 * chooses which dossier is which, and when.
 *
 * <pre>
 * H1 (received 2022-01-04 .. 2022-06-30):                 2264 = the source's "received"
 *   channel: 1512 ONLINE (level 3 or 4 as the procedure offers), 690 DIRECT, 62 POSTAL
 *   IN_TIME                        2114  resolved EARLY or ON_TIME in H1   = "early or on time"
 *   LATE                             96  resolved after dueAt, in H1       ┐
 *   OVERDUE_THEN_RESOLVED_IN_H2      42  open and overdue at 30/6           ├ 150 = "late or overdue"
 *   OVERDUE_STILL_OPEN               12  open and overdue at 30/6, and now ┘
 *   withdrawn 0, pending within the deadline at 30/6 0, carried over 0 (nothing before 2022)
 * H2 (received 2022-07-01 .. 2022-09-30): 336 = 300 IN_TIME, 18 LATE, 6 WITHDRAWN, 12 OVERDUE_STILL_OPEN
 * </pre>
 * LATE and overdue dossiers are received by 31 May, so that even the longest procedure (15 working days) is due
 * before 30 June. Supplements (the clock stops) only on procedures of 3 working days or more; about 4 in 10 late
 * dossiers get an apology (form 04) before their due time; about 3 in 100 results are refusals (form 03).
 */
final class DemoPlanner {

    static final int H1_RECEIVED = 2264;
    static final int H1_ONLINE = 1512;
    static final int H1_POSTAL = 62;
    static final int H1_LATE = 96;
    static final int H1_OVERDUE_THEN_RESOLVED = 42;
    static final int H1_OVERDUE_STILL_OPEN = 12;
    static final int H1_IN_TIME = H1_RECEIVED - H1_LATE - H1_OVERDUE_THEN_RESOLVED - H1_OVERDUE_STILL_OPEN;

    static final int H2_IN_TIME = 300;
    static final int H2_LATE = 18;
    static final int H2_WITHDRAWN = 6;
    static final int H2_OVERDUE_STILL_OPEN = 12;

    /** The one calendar of the suite; the demo only uses it to place realistic times (intake computes every due date). */
    static final WorkCalendar CALENDAR = WorkCalendar.vietnam();
    private static final List<String> WARDS = List.of("SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4", "SADEC-AH",
            "SADEC-TQD", "SADEC-TKD", "SADEC-TQT", "SADEC-TPD");
    private static final LocalDate H1_FIRST = LocalDate.of(2022, 1, 4);
    private static final LocalDate H1_LAST = LocalDate.of(2022, 6, 30);
    private static final LocalDate LATE_LAST = LocalDate.of(2022, 5, 31);
    private static final LocalDate SUPPLEMENT_LAST = LocalDate.of(2022, 5, 20);
    private static final LocalDate H2_FIRST = LocalDate.of(2022, 7, 1);
    private static final LocalDate H2_LAST = LocalDate.of(2022, 9, 30);

    private final Random random;
    private final long seed;

    DemoPlanner(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    List<DossierPlan> plan() {
        List<Draft> drafts = new ArrayList<>();
        drafts.addAll(half(H1_ONLINE, H1_RECEIVED - H1_ONLINE, H1_POSTAL, H1_FIRST, H1_LAST,
                List.of(count(Outcome.LATE, H1_LATE), count(Outcome.OVERDUE_THEN_RESOLVED_IN_H2, H1_OVERDUE_THEN_RESOLVED),
                        count(Outcome.OVERDUE_STILL_OPEN, H1_OVERDUE_STILL_OPEN))));
        int h2 = H2_IN_TIME + H2_LATE + H2_WITHDRAWN + H2_OVERDUE_STILL_OPEN;
        int h2Online = h2 * 7 / 10;
        drafts.addAll(half(h2Online, h2 - h2Online, 10, H2_FIRST, H2_LAST,
                List.of(count(Outcome.LATE, H2_LATE), count(Outcome.WITHDRAWN, H2_WITHDRAWN),
                        count(Outcome.OVERDUE_STILL_OPEN, H2_OVERDUE_STILL_OPEN))));
        drafts.sort(Comparator.comparing((Draft d) -> d.receivedAt).thenComparing(d -> d.unitCode));
        List<DossierPlan> plans = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            plans.add(drafts.get(i).toPlan(i + 1));
        }
        return plans;
    }

    private record Count(Outcome outcome, int n) {
    }

    private static Count count(Outcome outcome, int n) {
        return new Count(outcome, n);
    }

    /** One half-year: exact channel counts, exact outcome counts (the rest IN_TIME), shuffled together. */
    private List<Draft> half(int online, int offline, int postal, LocalDate first, LocalDate last, List<Count> others) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < online; i++) {
            drafts.add(new Draft(pick(true), "ONLINE"));
        }
        for (int i = 0; i < offline; i++) {
            drafts.add(new Draft(pick(false), i < postal ? "POSTAL" : "DIRECT"));
        }
        Collections.shuffle(drafts, random);
        int next = 0;
        for (Count count : others) {
            for (int i = 0; i < count.n(); i++) {
                drafts.get(next++).outcome = count.outcome();
            }
        }
        for (Draft draft : drafts) {
            draft.complete(first, last);
        }
        return drafts;
    }

    private DemoProcedure pick(boolean online) {
        int total = 0;
        for (DemoProcedure p : DemoProcedure.values()) {
            total += online ? p.onlineWeight : p.offlineWeight;
        }
        int r = random.nextInt(total);
        for (DemoProcedure p : DemoProcedure.values()) {
            r -= online ? p.onlineWeight : p.offlineWeight;
            if (r < 0) {
                return p;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private final class Draft {
        final DemoProcedure procedure;
        final String channel;
        Outcome outcome = Outcome.IN_TIME;
        String unitCode;
        Integer onlineLevel;
        OffsetDateTime receivedAt;
        boolean supplement;
        boolean apology;
        boolean preferOnTime;
        boolean refused;
        long dossierSeed;

        Draft(DemoProcedure procedure, String channel) {
            this.procedure = procedure;
            this.channel = channel;
        }

        void complete(LocalDate first, LocalDate last) {
            unitCode = procedure.cityLevel ? "SADEC" : WARDS.get(random.nextInt(WARDS.size()));
            if (channel.equals("ONLINE")) {
                onlineLevel = procedure.onlineLevels.contains(4) && random.nextInt(100) < 45 ? 4 : 3;
            }
            boolean mustBeDueInHalf = outcome == Outcome.LATE || outcome.name().startsWith("OVERDUE");
            LocalDate lastDay = mustBeDueInHalf && last.getMonthValue() == 6 ? LATE_LAST
                    : mustBeDueInHalf ? last.minusMonths(1) : last;
            receivedAt = receivedTime(first, lastDay);
            LocalDate supplementLast = last.getMonthValue() == 6 ? SUPPLEMENT_LAST : last.minusMonths(1);
            supplement = procedure.allowsSupplement() && !receivedAt.toLocalDate().isAfter(supplementLast)
                    && outcome != Outcome.WITHDRAWN
                    && random.nextInt(100) < (outcome == Outcome.IN_TIME ? 10 : 30);
            apology = outcome != Outcome.IN_TIME && outcome != Outcome.WITHDRAWN && random.nextInt(100) < 40;
            preferOnTime = random.nextInt(100) < 30;
            refused = random.nextInt(100) < 3;
            dossierSeed = random.nextLong();
        }

        /** Counters and post offices work office hours; the portal takes dossiers at any hour, weekends too. */
        private OffsetDateTime receivedTime(LocalDate first, LocalDate last) {
            boolean anyHour = channel.equals("ONLINE") && random.nextInt(100) < 15
                    && last.isAfter(first.plusDays(10));
            if (anyHour) {
                LocalDate day = first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) - 9));
                return day.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60))).atZone(VietnamTime.ZONE).toOffsetDateTime();
            }
            List<LocalDate> days = workingDays(first, last);
            LocalDate day = days.get(random.nextInt(days.size()));
            int minute = 7 * 60 + 30 + random.nextInt(9 * 60);  // 07:30 .. 16:29
            return day.atTime(minute / 60, minute % 60).atZone(VietnamTime.ZONE).toOffsetDateTime();
        }

        DossierPlan toPlan(int index) {
            // A client code lives in its unit's namespace, "{unit}." (intake refuses codes of its own form).
            String code = "%s.%s-%05d".formatted(unitCode, receivedAt.format(DateTimeFormatter.ofPattern("yyMMdd")), index);
            return new DossierPlan(index, code, "sadec-demo-" + seed + "-" + index, procedure, unitCode, channel,
                    onlineLevel, receivedAt, outcome, supplement, apology, preferOnTime, refused, dossierSeed);
        }
    }

    /** The working days from {@code first} to {@code last}, both included. */
    static List<LocalDate> workingDays(LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).filter(CALENDAR::isWorkingDay).toList();
    }
}
