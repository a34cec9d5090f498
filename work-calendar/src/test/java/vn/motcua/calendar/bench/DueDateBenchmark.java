package vn.motcua.calendar.bench;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.motcua.calendar.DayOff;
import vn.motcua.calendar.Deadline;
import vn.motcua.calendar.DeadlineCalculator;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.calendar.WorkCalendar;
import vn.motcua.calendar.YearSchedule;

/**
 * Due dates of 30-working-day procedures for dossiers received at random instants of 2000–2098: the indexed
 * {@link DeadlineCalculator} against the naive way, a day-by-day loop over holiday sets. Run by
 * {@link DueDateBenchmarkRunner}; never part of {@code verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DueDateBenchmark {

    static final int WORKING_DAYS = 30;
    private static final int SAMPLES = 4096;

    private final DeadlineCalculator indexed = DeadlineCalculator.vietnam();
    private final ProcessingTime thirtyDays = ProcessingTime.workingDays(WORKING_DAYS);
    private NaiveDueDates naive;
    private Instant[] receivedAt;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        naive = new NaiveDueDates(indexed.calendar());
        Random random = new Random(42);
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2098-12-31T00:00:00Z").getEpochSecond();
        receivedAt = new Instant[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            receivedAt[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
            Deadline a = indexed.dueFor(receivedAt[i], thirtyDays, null);
            Deadline b = naive.dueFor(receivedAt[i], WORKING_DAYS);
            if (!a.equals(b)) { // the baseline must give the same answers, or the comparison means nothing
                throw new IllegalStateException("baseline disagrees at " + receivedAt[i] + ": " + a + " vs " + b);
            }
        }
    }

    private Instant nextReceivedAt() {
        next = (next + 1) & (SAMPLES - 1);
        return receivedAt[next];
    }

    @Benchmark
    public Deadline indexedDueDate() {
        return indexed.dueFor(nextReceivedAt(), thirtyDays, null);
    }

    @Benchmark
    public Deadline naiveDayByDayDueDate() {
        return naive.dueFor(nextReceivedAt(), WORKING_DAYS);
    }

    /**
     * What one writes without an index: per day, look at the weekday and the year's closed weekdays and working
     * Saturdays (hash sets), and walk forward one day at a time.
     */
    static final class NaiveDueDates {
        private static final LocalTime CLOSE = LocalTime.of(17, 0);
        private final Set<LocalDate> closedWeekdays = new HashSet<>();
        private final Set<LocalDate> workingSaturdays = new HashSet<>();

        NaiveDueDates(WorkCalendar calendar) {
            for (int year = 2000; year <= 2100; year++) {
                YearSchedule schedule = calendar.schedule(year);
                schedule.closedDays().stream().map(DayOff::date).forEach(closedWeekdays::add);
                schedule.workingSaturdays().stream().map(DayOff::date).forEach(workingSaturdays::add);
            }
        }

        boolean isWorkingDay(LocalDate day) {
            DayOfWeek dow = day.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY) {
                return workingSaturdays.contains(day);
            }
            return dow != DayOfWeek.SUNDAY && !closedWeekdays.contains(day);
        }

        LocalDate nextWorkingDay(LocalDate day) {
            LocalDate d = day.plusDays(1);
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        Deadline dueFor(Instant receivedAt, int n) {
            LocalDateTime local = LocalDateTime.ofInstant(receivedAt, VietnamTime.ZONE);
            LocalDate day = local.toLocalDate();
            LocalDate start = isWorkingDay(day) && local.toLocalTime().isBefore(CLOSE) ? day : nextWorkingDay(day);
            LocalDate due = start;
            for (int i = 0; i < n; i++) {
                due = nextWorkingDay(due);
            }
            return new Deadline(due, OffsetDateTime.of(due, CLOSE, VietnamTime.ZONE.getRules().getOffset(receivedAt)));
        }
    }
}
