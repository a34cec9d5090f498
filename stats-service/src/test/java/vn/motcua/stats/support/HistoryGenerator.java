package vn.motcua.stats.support;

import vn.motcua.calendar.Timeliness;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.Channel;
import vn.motcua.events.EventTypes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random dossier histories between {@link #FIRST_DAY} and a "now": every channel and online level, supplements
 * (some requested after dueAt, which does not stop the clock), apologies, early/on-time/late results, withdrawals,
 * dossiers still open and still paused, overdue alerts; several units, one of them unknown to the catalogue.
 */
public final class HistoryGenerator {

    public static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 3);
    public static final List<String> UNITS =
            List.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-AH", "SADEC-TKD", "LAPVO-X");

    private final Random random;
    private final Instant now;

    public HistoryGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    public List<History> generate(String prefix, int count) {
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            histories.add(one(prefix + "-" + i));
        }
        return histories;
    }

    private History one(String code) {
        long days = ChronoUnit.DAYS.between(FIRST_DAY, now.atZone(VietnamTime.ZONE).toLocalDate());
        LocalDate day = FIRST_DAY.plusDays(random.nextInt((int) days));
        Instant receivedAt = day.atTime(LocalTime.of(7, 30)).plusSeconds(random.nextInt(9 * 3600))
                .atZone(VietnamTime.ZONE).toInstant();
        Channel channel = Channel.values()[random.nextInt(3)];
        Integer level = channel == Channel.ONLINE ? 3 + random.nextInt(2) : null;
        String unit = UNITS.get(random.nextInt(UNITS.size()));

        List<History.Step> steps = new ArrayList<>();
        List<Instant> alerts = new ArrayList<>();
        Instant dueAt = fivePm(receivedAt, 1 + random.nextInt(15));
        steps.add(new History.Step(EventTypes.RECEIVED, receivedAt, dueAt, null));
        Instant t = receivedAt;

        if (random.nextInt(4) == 0) {
            Instant requested = t.plus(randomDuration(20));
            if (requested.isAfter(now)) {
                return done(code, unit, channel, level, receivedAt, steps, alerts, dueAt);
            }
            steps.add(new History.Step(EventTypes.SUPPLEMENT_REQUESTED, requested, dueAt, null));
            t = requested;
            if (random.nextInt(5) > 0) {
                Instant back = t.plus(randomDuration(15));
                if (back.isAfter(now)) {
                    return done(code, unit, channel, level, receivedAt, steps, alerts, null);
                }
                if (!requested.isAfter(dueAt)) {
                    // The clock restarts with the time that was left.
                    long left = Duration.between(requested, dueAt).toDays();
                    dueAt = fivePm(back, Math.max(0, left));
                }
                steps.add(new History.Step(EventTypes.SUPPLEMENT_RECEIVED, back, dueAt, null));
                t = back;
            } else {
                // Never supplemented: paused for good, unless the request came after dueAt (which does not pause).
                boolean paused = !requested.isAfter(dueAt);
                return done(code, unit, channel, level, receivedAt, steps, alerts, paused ? null : dueAt);
            }
        }
        if (random.nextInt(7) == 0) {
            Instant apology = t.plus(randomDuration(10));
            if (apology.isAfter(now)) {
                return done(code, unit, channel, level, receivedAt, steps, alerts, dueAt);
            }
            steps.add(new History.Step(EventTypes.APOLOGY_ISSUED, apology, dueAt, null));
            t = apology;
        }
        Instant closing = t.plus(randomDuration(random.nextInt(3) == 0 ? 40 : 12));
        if (!closing.isAfter(now)) {
            if (random.nextInt(10) == 0) {
                steps.add(new History.Step(EventTypes.WITHDRAWN, closing, dueAt, null));
            } else {
                steps.add(new History.Step(EventTypes.RESOLVED, closing, dueAt, timeliness(closing, dueAt)));
            }
        }
        return done(code, unit, channel, level, receivedAt, steps, alerts, dueAt);
    }

    /** Adds the overdue alert deadline-service would have raised: a minute after dueAt, if still open then. */
    private History done(String code, String unit, Channel channel, Integer level, Instant receivedAt,
                         List<History.Step> steps, List<Instant> alerts, Instant runningDueAt) {
        History.Step last = steps.get(steps.size() - 1);
        boolean closed = last.type().equals(EventTypes.RESOLVED) || last.type().equals(EventTypes.WITHDRAWN);
        if (runningDueAt != null) {
            Instant alert = runningDueAt.plusSeconds(60);
            if (alert.isBefore(now) && (!closed || last.at().isAfter(alert))) {
                alerts.add(alert);
            }
        }
        return new History(code, unit, channel, level, receivedAt, List.copyOf(steps), List.copyOf(alerts));
    }

    private Duration randomDuration(int maxDays) {
        return Duration.ofSeconds(60 + (long) random.nextInt(maxDays * 24 * 3600));
    }

    private static Instant fivePm(Instant from, long days) {
        return from.atZone(VietnamTime.ZONE).toLocalDate().plusDays(days).atTime(17, 0).atZone(VietnamTime.ZONE).toInstant();
    }

    private static Timeliness timeliness(Instant at, Instant dueAt) {
        if (at.isAfter(dueAt)) {
            return Timeliness.LATE;
        }
        return at.atZone(VietnamTime.ZONE).toLocalDate().isBefore(dueAt.atZone(VietnamTime.ZONE).toLocalDate())
                ? Timeliness.EARLY : Timeliness.ON_TIME;
    }
}
