package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A steady load on both intake instances: kiosks POST new dossiers at a fixed pace, each with an Idempotency-Key
 * of its own, and clerks take the lifecycle steps of earlier ones a few seconds later. A refused or unanswered
 * call (instance killed, database restarting) is tried again on the other instance, the same request with the same
 * key, until it is accepted: the kiosk's retry must find the first result, never create a second dossier. What
 * the kiosks were told is kept in the {@link Ledger}; intake's database is the truth the invariants check.
 */
final class KioskLoad implements AutoCloseable {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration GIVE_UP = Duration.ofMinutes(3);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] UNITS = {"SADEC", "SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4", "SADEC-AH",
            "SADEC-TQD", "SADEC-TKD", "SADEC-TQT", "SADEC-TPD"};
    /** Procedure code and the online levels it offers (intake's V2__sa_dec_catalogue.sql). */
    private static final Map<String, List<Integer>> PROCEDURES = Map.of(
            "1.001193", List.of(3, 4), "1.000894", List.of(3), "1.004873", List.of(3, 4), "2.000815", List.of(),
            "2.000884", List.of(), "2.000720", List.of(3, 4), "1.009994", List.of(3, 4), "1.004227", List.of(3),
            "1.001776", List.of(3, 4));
    private static final List<String> PROCEDURE_CODES = PROCEDURES.keySet().stream().sorted().toList();

    private final List<String> intakes;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Ledger ledger = new Ledger();
    private final DelayQueue<Work> steps = new DelayQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private KioskLoad(List<String> intakes, Supplier<String> token, int kiosks, double postsPerSecondEach, int clerks,
                      long seed) {
        this.intakes = intakes;
        this.token = token;
        for (int i = 0; i < kiosks; i++) {
            int kiosk = i;
            Random random = new Random(seed + i);
            threads.add(new Thread(guarded(() -> kiosk(kiosk, random, postsPerSecondEach)), "faults-kiosk-" + i));
        }
        for (int i = 0; i < clerks; i++) {
            int clerk = i;
            Random random = new Random(seed + 1000 + i);
            threads.add(new Thread(guarded(() -> clerk(clerk, random)), "faults-clerk-" + i));
        }
        threads.forEach(Thread::start);
    }

    static KioskLoad start(List<String> intakes, Supplier<String> token, int kiosks, double postsPerSecondEach,
                           int clerks, long seed) {
        return new KioskLoad(intakes, token, kiosks, postsPerSecondEach, clerks, seed);
    }

    Ledger ledger() {
        return ledger;
    }

    /** Stops taking new work; each kiosk finishes the dossier in hand (until accepted), each clerk its step. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(GIVE_UP.toMillis() + 10_000);
            if (thread.isAlive()) {
                throw new IllegalStateException(thread.getName() + " did not finish within " + GIVE_UP);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    // ---- kiosks -------------------------------------------------------------------------------------------------

    private void kiosk(int kiosk, Random random, double perSecond) {
        long period = (long) (1_000_000_000L / perSecond);
        long next = System.nanoTime() + random.nextInt((int) Math.min(period, Integer.MAX_VALUE));
        for (long n = 1; running; n++) {
            if (!pauseUntil(next)) {
                return;
            }
            // Steady, not bursty: a kiosk held up by a fault does not make up for lost time.
            next = Math.max(next + period, System.nanoTime());
            DossierPlan plan = DossierPlan.draw(random);
            String key = "faults-kiosk-" + kiosk + "-" + n;
            String body = submission(plan, random);
            String code = postUntilAccepted(kiosk, key, body);
            if (code != null) {
                ledger.accepted(key, code, plan);
                if (!plan.steps.isEmpty()) {
                    steps.add(new Work(code, plan, 0, Instant.now().plusMillis(1_000 + random.nextInt(4_000))));
                }
            }
        }
    }

    /** The same request with the same key until intake answers 201 (or the kiosk gives up, which fails the suite). */
    private String postUntilAccepted(int kiosk, String key, String body) {
        Instant giveUp = Instant.now().plus(GIVE_UP);
        int instance = kiosk % intakes.size();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            ledger.posts.incrementAndGet();
            if (attempt > 1) {
                ledger.retries.incrementAndGet();
            }
            try {
                HttpResponse<String> answer = send(intakes.get(instance) + "/api/dossiers", body, key);
                if (answer.statusCode() == 201) {
                    return JSON.readTree(answer.body()).path("code").asText();
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    ledger.unexpected("POST " + key + " answered " + answer.statusCode() + ": " + answer.body());
                    return null;
                }
                ledger.refused.incrementAndGet();
            } catch (IOException e) {
                ledger.refused.incrementAndGet();
            }
            if (Instant.now().isAfter(giveUp)) {
                ledger.unexpected("POST " + key + " not accepted within " + GIVE_UP + " (" + attempt + " attempts)");
                return null;
            }
            instance = (instance + 1) % intakes.size();
            backOff(backoff);
            backoff = longer(backoff);
        }
    }

    private static String submission(DossierPlan plan, Random random) {
        String procedure = PROCEDURE_CODES.get(random.nextInt(PROCEDURE_CODES.size()));
        List<Integer> levels = PROCEDURES.get(procedure);
        ObjectNode body = JSON.createObjectNode()
                .put("procedureCode", procedure)
                .put("unitCode", UNITS[random.nextInt(UNITS.length)]);
        int channel = random.nextInt(20);
        if (channel < 9 && !levels.isEmpty()) {
            body.put("channel", "ONLINE").put("onlineLevel", levels.get(random.nextInt(levels.size())));
        } else {
            body.put("channel", channel < 17 ? "DIRECT" : "POSTAL");
        }
        if (plan.receivedWeeksAgo) {
            // 35 to 60 days ago: even 15 working days and a Tết holiday later, long overdue now.
            Instant receivedAt = Instant.now().minus(Duration.ofDays(35)).minusSeconds(random.nextInt(25 * 86_400));
            body.put("receivedAt", receivedAt.truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime()
                    .toString());
        } else if (random.nextBoolean()) {
            // The kiosk's own clock; the others leave the time to intake (now). A retry sends the same body.
            body.put("receivedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime()
                    .toString());
        }
        body.putObject("applicant").put("name", "Công dân " + random.nextInt(100_000))
                .put("idNumber", String.format("087%09d", random.nextInt(1_000_000_000)));
        return body.toString();
    }

    // ---- clerks -------------------------------------------------------------------------------------------------

    private void clerk(int clerk, Random random) {
        while (running) {
            Work work;
            try {
                work = steps.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (work == null) {
                continue;
            }
            DossierPlan.Step step = work.plan.steps.get(work.step);
            if (take(clerk, work.code, step, random) && work.step + 1 < work.plan.steps.size()) {
                steps.add(new Work(work.code, work.plan, work.step + 1,
                        Instant.now().plusMillis(2_000 + random.nextInt(6_000))));
            }
        }
    }

    /** One step, tried again on the other instance while unanswered; true when the dossier took it. */
    private boolean take(int clerk, String code, DossierPlan.Step step, Random random) {
        String body = stepBody(step, random);
        Instant giveUp = Instant.now().plus(GIVE_UP);
        int instance = clerk % intakes.size();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = send(intakes.get(instance) + "/api/dossiers/" + code + "/" + step.path,
                        body, null);
                if (answer.statusCode() == 200) {
                    ledger.steps.incrementAndGet();
                    if (step == DossierPlan.Step.APOLOGY) {
                        ledger.appointment(Instant.parse(JSON.readTree(body).path("newAppointmentAt").asText()));
                    }
                    return true;
                }
                if (answer.statusCode() == 409 && attempt > 1) {
                    // The first attempt may have gone through unanswered: the dossier's status tells.
                    return tookEarlier(instance, code, step);
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    ledger.unexpected(step.path + " of " + code + " answered " + answer.statusCode() + ": "
                            + answer.body());
                    return false;
                }
            } catch (IOException e) {
                // unanswered: tried again
            }
            ledger.stepRetries.incrementAndGet();
            if (Instant.now().isAfter(giveUp)) {
                ledger.unexpected(step.path + " of " + code + " not answered within " + GIVE_UP);
                return false;
            }
            instance = (instance + 1) % intakes.size();
            backOff(backoff);
            backoff = longer(backoff);
        }
    }

    private boolean tookEarlier(int instance, String code, DossierPlan.Step step) throws IOException {
        try {
            HttpResponse<String> dossier = http.send(HttpRequest.newBuilder(
                            URI.create(intakes.get(instance) + "/api/dossiers/" + code)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token.get()).GET().build(), HttpResponse.BodyHandlers.ofString());
            String status = JSON.readTree(dossier.body()).path("status").asText();
            boolean took = status.equals(step.statusAfter);
            if (!took) {
                ledger.unexpected(step.path + " of " + code + " refused (409) on retry; the dossier is " + status);
            }
            return took;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String stepBody(DossierPlan.Step step, Random random) {
        ObjectNode body = JSON.createObjectNode();
        switch (step) {
            case SUPPLEMENT_REQUEST -> body.put("reason", "Thiếu bản sao giấy khai sinh");
            case APOLOGY -> body.put("reason", "Cần xác minh thêm").put("newAppointmentAt",
                    Instant.now().plusSeconds(10 + random.nextInt(30)).truncatedTo(ChronoUnit.SECONDS).toString());
            case RESULT -> body.put("decision", random.nextInt(30) == 0 ? "REFUSED" : "APPROVED");
            default -> {
            }
        }
        return body.toString();
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    /** A load thread that fails is a failure of the suite, not a silent drop in the load. */
    private Runnable guarded(Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                ledger.unexpected(Thread.currentThread().getName() + " failed: " + e);
                throw e;
            }
        };
    }

    private HttpResponse<String> send(String url, String json, String idempotencyKey) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the load's threads are never interrupted", e);
        }
    }

    /** The kiosk's pace: waits for its next slot; false once the load is stopping. */
    private boolean pauseUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return running;
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : doubled;
    }

    /** A kiosk's pause between two tries of the same call (a backoff, not a wait for a condition). */
    private static void backOff(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the load's threads are never interrupted", e);
        }
    }

    private record Work(String code, DossierPlan plan, int step, Instant readyAt) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(Instant.now(), readyAt));
        }

        @Override
        public int compareTo(Delayed other) {
            return readyAt.compareTo(((Work) other).readyAt);
        }
    }

    /** What the kiosks and clerks were told, and how often they had to try again. */
    static final class Ledger {
        final Map<String, String> codeByKey = new ConcurrentHashMap<>();
        final Map<String, DossierPlan> planByCode = new ConcurrentHashMap<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final AtomicLong posts = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong steps = new AtomicLong();
        final AtomicLong stepRetries = new AtomicLong();
        final AtomicReference<Instant> lastAppointment = new AtomicReference<>(Instant.EPOCH);

        void accepted(String key, String code, DossierPlan plan) {
            codeByKey.put(key, code);
            planByCode.put(code, plan);
        }

        void unexpected(String what) {
            unexpected.add(what);
        }

        void appointment(Instant at) {
            lastAppointment.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
