package vn.motcua.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Kiosks POSTing new dossiers on an open-loop schedule for a fixed time: the n-th POST is due at start + n / rate
 * whatever the answers so far, taken by the next free one of many threads. A slow answer does not slow the schedule
 * down; only when every thread waits for an answer do POSTs leave late, and those still due when the time is up are
 * not sent: the rate achieved (what the table reports) is then below the one asked for. Each kiosk uses its unit's token (cached by the caller) and an Idempotency-Key, as
 * the kiosks do.
 */
public final class PacedPosts {

    /** Sa Đéc's units, each with a kiosk client in the demo realm (keycloak/demo-realm.json). */
    public static final List<String> UNITS = List.of("SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4",
            "SADEC-AH", "SADEC-TQD", "SADEC-TKD", "SADEC-TQT", "SADEC-TPD");

    /**
     * @param ackNanos        the 201s' {@link System#nanoTime()}, ascending
     * @param maxLateNanos    how late the latest POST left against its schedule (the kiosks' own backlog)
     * @param answerNanos     p50, p99 and max of POST to 201
     */
    public record Result(long[] ackNanos, double askedPerSecond, double achievedPerSecond, int refused,
                         int unanswered, long maxLateNanos, long[] answerNanos, List<String> firstErrors) {

        public String describe() {
            return String.format(Locale.ROOT, "%d acknowledged at %.0f POSTs/s (asked %.0f), %d refused, %d unanswered, "
                            + "latest POST %.0f ms behind schedule, POST to 201: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                    ackNanos.length, achievedPerSecond, askedPerSecond, refused, unanswered, maxLateNanos / 1e6,
                    answerNanos[0] / 1e6, answerNanos[1] / 1e6, answerNanos[2] / 1e6,
                    firstErrors.isEmpty() ? "" : "; first errors: " + firstErrors);
        }
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private final AtomicLong acknowledged = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String dossiersUrl;
    private final Function<String, String> kioskToken;
    private final int threads;

    /** @param kioskToken a unit's kiosk token (the caller caches it: one login per unit, not per POST) */
    public PacedPosts(String dossiersUrl, Function<String, String> kioskToken, int threads) {
        this.dossiersUrl = dossiersUrl;
        this.kioskToken = kioskToken;
        this.threads = threads;
    }

    /** Dossiers acknowledged (201) by all runs so far: what the counts reach once they have caught up. */
    public long acknowledged() {
        return acknowledged.get();
    }

    public Result run(double perSecond, Duration duration) throws InterruptedException {
        int total = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        long period = Math.round(1e9 / perSecond);
        String run = "bench-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
        long[] acks = new long[total];
        long[] answers = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicLong maxLate = new AtomicLong();
        List<String> errors = new CopyOnWriteArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = start + duration.toNanos();
        List<Thread> kiosks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread kiosk = new Thread(() -> {
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    long due = start + n * period;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait);
                    } else if (System.nanoTime() >= end) {
                        break; // the time is up: POSTs still due are not sent, the rate achieved shows them missing
                    } else {
                        maxLate.accumulateAndGet(-wait, Math::max);
                    }
                    String unit = UNITS.get(n % UNITS.size());
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request(unit, n, run + "-" + n),
                                HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (answer.statusCode() == 201) {
                            acknowledged.incrementAndGet();
                            acks[n] = at;
                            answers[n] = at - sent;
                        } else {
                            refused.incrementAndGet();
                            note(errors, answer.statusCode() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        unanswered.incrementAndGet();
                        note(errors, e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-kiosk-" + t);
            kiosk.start();
            kiosks.add(kiosk);
        }
        for (Thread kiosk : kiosks) {
            kiosk.join();
        }
        long[] acknowledged = Arrays.stream(acks).filter(at -> at != 0).sorted().toArray();
        long[] answerTimes = Arrays.stream(answers).filter(at -> at != 0).sorted().toArray();
        // Over the time asked for: 201s that came later (answers in flight at the end) stretch the time they took.
        double achieved = acknowledged.length == 0 ? 0
                : acknowledged.length * 1e9 / (Math.max(end, acknowledged[acknowledged.length - 1]) - start);
        return new Result(acknowledged, perSecond, achieved, refused.get(), unanswered.get(), maxLate.get(),
                new long[]{Freshness.percentile(answerTimes, 0.50), Freshness.percentile(answerTimes, 0.99),
                        answerTimes.length == 0 ? 0 : answerTimes[answerTimes.length - 1]}, List.copyOf(errors));
    }

    private HttpRequest request(String unit, int n, String idempotencyKey) {
        // Half at the counter, half by post (a kiosk may not claim ONLINE): both count under "received" in form 06.
        String channel = n % 2 == 0 ? "\"channel\": \"DIRECT\"" : "\"channel\": \"POSTAL\"";
        String body = """
                {"procedureCode": "1.004873", "unitCode": "%s", %s,
                 "applicant": {"name": "Công dân %d", "idNumber": "087%09d"}}""".formatted(unit, channel, n, n);
        return HttpRequest.newBuilder(URI.create(dossiersUrl)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + kioskToken.apply(unit))
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void note(List<String> errors, String error) {
        if (errors.size() < 3) {
            errors.add(error.length() > 300 ? error.substring(0, 300) + "…" : error);
        }
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
