package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.Generators.cutoff;
import static vn.motcua.calendar.Generators.instant;
import static vn.motcua.calendar.Generators.intIn;
import static vn.motcua.calendar.VietnamTime.ZONE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the calendar and the deadline arithmetic over random instants of 2000–2098 (so that deadlines of up
 * to 400 working days, plus supplements, stay within the supported years 2000–2100).
 *
 * <p>Each property runs {@value #TRIES} cases drawn by {@link Generators} from a random with a fixed seed, so every
 * run tries the same cases. A failing case is named in the assertion message (its inputs, its try and the seed).
 */
class WorkCalendarPropertyTest {

    private static final int TRIES = 1_000;

    private final DeadlineCalculator calc = DeadlineCalculator.vietnam();
    private final WorkCalendar calendar = calc.calendar();

    @Test
    void dueDateIsAlwaysAWorkingDay() {
        record Case(OffsetDateTime t, int n, LocalTime cutoff) {
        }
        forAll(1, r -> new Case(instant(r), intIn(r, 0, 400), cutoff(r)), c -> {
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n()), c.cutoff());
            assertThat(calendar.isWorkingDay(d.dueDate())).as("due date %s is a working day", d.dueDate()).isTrue();
            OffsetDateTime closing = ZonedDateTime.of(d.dueDate(), LocalTime.of(17, 0), ZONE).toOffsetDateTime();
            assertThat(d.dueAt()).isEqualTo(closing);
        });
    }

    @Test
    void workingHourDeadlinesEndOnWorkingDaysInsideOfficeHours() {
        record Case(OffsetDateTime t, int hours) {
        }
        forAll(2, r -> new Case(instant(r), intIn(r, 1, 300)), c -> {
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingHours(c.hours()), null);
            assertThat(calendar.isWorkingDay(d.dueDate())).as("due date %s is a working day", d.dueDate()).isTrue();
            LocalTime at = d.dueAt().toLocalTime();
            assertThat(at).isStrictlyBetween(LocalTime.of(7, 30), LocalTime.of(17, 0).plusNanos(1));
            boolean inLunchBreak = at.isAfter(LocalTime.of(11, 30)) && !at.isAfter(LocalTime.of(13, 30));
            assertThat(inLunchBreak).as("dueAt %s in the lunch break", at).isFalse();
            assertThat(d.dueAt()).isAfter(c.t());
        });
    }

    @Test
    void moreWorkingDaysNeverGiveAnEarlierDueDate() {
        record Case(OffsetDateTime t, int n, int more) {
        }
        forAll(3, r -> new Case(instant(r), intIn(r, 0, 400), intIn(r, 0, 60)), c -> {
            Deadline shorter = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n()), null);
            Deadline longer = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n() + c.more()), null);
            assertThat(longer.dueDate()).isAfterOrEqualTo(shorter.dueDate());
            if (c.more() > 0) {
                assertThat(longer.dueDate()).isAfter(shorter.dueDate());
            }
        });
    }

    @Test
    void workingDaysBetweenStartDayAndDueDateEqualN() {
        record Case(OffsetDateTime t, int n, LocalTime cutoff) {
        }
        forAll(4, r -> new Case(instant(r), intIn(r, 0, 400), cutoff(r)), c -> {
            LocalDate start = calc.startDay(c.t().toInstant(), c.cutoff());
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n()), c.cutoff());
            assertThat(calendar.workingDaysBetween(start, d.dueDate()))
                    .as("working days from start day %s to due date %s", start, d.dueDate())
                    .isEqualTo(c.n());
        });
    }

    /**
     * A supplement requested during the office's working time (a working day, before the cut-off) and received at
     * the same instant leaves the deadline as it was. (Per docs/time-and-counting.md, "Supplements", the day of the
     * request is used up, and a supplement received after the cut-off or on a day off starts counting on the next
     * working day, so outside working time even an instant pause costs the office one working day.)
     */
    @Test
    void pauseOfZeroLengthChangesNothing() {
        record Case(OffsetDateTime t, int n, int daysLater, int minuteOfDay) {
        }
        Function<SplittableRandom, Case> draw =
                r -> new Case(instant(r), intIn(r, 0, 60), intIn(r, 0, 60), intIn(r, 7 * 60 + 30, 16 * 60 + 59));
        forAll(5, draw, c -> {
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n()), null);
            LocalDate start = calc.startDay(c.t().toInstant(), null);
            LocalDate day = calendar.addWorkingDays(start, Math.min(c.daysLater(), c.n()));
            OffsetDateTime p = ZonedDateTime.of(day, LocalTime.of(c.minuteOfDay() / 60, c.minuteOfDay() % 60), ZONE)
                    .toOffsetDateTime();
            if (p.isBefore(c.t())) {
                p = c.t();
            }
            if (!calendar.isWorkingDay(p.toLocalDate()) || !p.toLocalTime().isBefore(LocalTime.of(17, 0))) {
                return; // t itself was after hours on its start day; covered by the cases above
            }
            assertThat(calc.resume(calc.pause(d, p), p, null)).as("paused and resumed at %s", p).isEqualTo(d);
        });
    }

    @Test
    void zeroLengthPauseOfWorkingHoursChangesNothing() {
        record Case(OffsetDateTime t, int hours, int permille) {
        }
        forAll(6, r -> new Case(instant(r), intIn(r, 1, 100), intIn(r, 0, 1000)), c -> {
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingHours(c.hours()), null);
            long span = d.dueAt().toEpochSecond() - c.t().toEpochSecond();
            OffsetDateTime p = c.t().plusSeconds(span * c.permille() / 1000);
            assertThat(calc.resume(calc.pause(d, p), p, null)).as("paused and resumed at %s", p).isEqualTo(d);
        });
    }

    @Test
    void resumeKeepsTheRemainingWorkingDays() {
        record Case(OffsetDateTime t, int n, int pauseDays, int supplementDays) {
        }
        forAll(7, r -> new Case(instant(r), intIn(r, 0, 60), intIn(r, 0, 60), intIn(r, 0, 400)), c -> {
            Deadline d = calc.dueFor(c.t(), ProcessingTime.workingDays(c.n()), null);
            OffsetDateTime p = c.t().plusDays(Math.min(c.pauseDays(), c.n()));
            OffsetDateTime received = p.plusDays(c.supplementDays()).plusHours(c.supplementDays() % 11);
            Pause pause = calc.pause(d, p);
            Deadline resumed = calc.resume(pause, received, null);
            if (pause.clockStopped()) {
                assertThat(pause.remainingWorkingDays())
                        .as("working days left when paused at %s", p)
                        .isEqualTo(calendar.workingDaysBetween(p.toLocalDate(), d.dueDate()));
                assertThat(calendar.workingDaysBetween(calc.startDay(received.toInstant(), null), resumed.dueDate()))
                        .as("working days from resuming at %s to the new due date %s", received, resumed.dueDate())
                        .isEqualTo(pause.remainingWorkingDays());
            } else {
                assertThat(resumed).as("resumed at %s after the deadline had passed", received).isEqualTo(d);
            }
        });
    }

    @Test
    void indexAgreesWithADayByDayWalk() {
        record Case(OffsetDateTime t, int n) {
        }
        forAll(8, r -> new Case(instant(r), intIn(r, 0, 120)), c -> {
            LocalDate start = c.t().toLocalDate();
            LocalDate walked = start;
            for (int left = c.n(); left > 0; ) {
                walked = walked.plusDays(1);
                if (calendar.isWorkingDay(walked)) {
                    left--;
                }
            }
            assertThat(calendar.addWorkingDays(start, c.n())).isEqualTo(walked);
        });
    }

    /**
     * Checks {@code property} on {@value #TRIES} cases drawn by {@code draw} from a random seeded with {@code seed}.
     * The first failing case stops the run, with its inputs in the message.
     */
    private static <C> void forAll(long seed, Function<SplittableRandom, C> draw, Consumer<C> property) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= TRIES; i++) {
            C c = draw.apply(random);
            try {
                property.accept(c);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try %d of %d (seed %d) failed for %s: %s"
                        .formatted(i, TRIES, seed, c, e.getMessage()), e);
            }
        }
    }
}
