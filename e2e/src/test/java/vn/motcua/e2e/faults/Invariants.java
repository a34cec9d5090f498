package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import vn.motcua.e2e.Http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold once the load has stopped and the suite is quiet, each checked against intake's database:
 * the kiosks' dossiers are there once each; every dossier has exactly its events on dossier-events, in order;
 * deadline-service tracks every one as intake has it; every alert that fell due is on deadline-alerts, none twice by
 * id; stats' report equals a recount; no dead letters. Each violation names the first offending dossier or alert.
 */
final class Invariants implements AutoCloseable {

    private static final Duration ALERT_GRACE = TopicChecks.ALERT_GRACE;

    private final OwnInfrastructure infrastructure;
    private final Fleet fleet;
    private final KioskLoad.Ledger ledger;
    private final TopicContents dossierEvents;
    private final TopicContents deadlineAlerts;
    private final List<TopicContents> deadLetters = new ArrayList<>();
    private final ConsumerGroups groups;

    Invariants(OwnInfrastructure infrastructure, Fleet fleet, KioskLoad.Ledger ledger) {
        this.infrastructure = infrastructure;
        this.fleet = fleet;
        this.ledger = ledger;
        Map<String, Object> kafka = infrastructure.kafka.adminConnection();
        dossierEvents = new TopicContents(kafka, OwnInfrastructure.DOSSIER_EVENTS);
        deadlineAlerts = new TopicContents(kafka, OwnInfrastructure.DEADLINE_ALERTS);
        OwnInfrastructure.DEAD_LETTER_TOPICS.forEach(topic -> deadLetters.add(new TopicContents(kafka, topic)));
        groups = new ConsumerGroups(kafka);
    }

    /** The figures of one look at the whole suite. */
    record Figures(int dossiers, int events, int redeliveredEvents, int alerts, int duplicateAlerts,
                   int deadLetters, int lost, int countedTwice) {
    }

    /** One look: what is not quiet yet, what is violated (by invariant, in order), and the figures. */
    record Verdict(List<String> notQuiet, Map<String, List<String>> violations, Figures figures) {

        boolean holds() {
            return notQuiet.isEmpty() && violations.values().stream().allMatch(List::isEmpty);
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            if (!notQuiet.isEmpty()) {
                text.append("not quiet: ").append(String.join("; ", notQuiet)).append('\n');
            }
            violations.forEach((invariant, found) -> {
                if (!found.isEmpty()) {
                    text.append(invariant).append(": ").append(found.size()).append(" violation(s), first: ")
                            .append(String.join(" | ", found.subList(0, Math.min(5, found.size())))).append('\n');
                }
            });
            return text.append(figures).toString();
        }
    }

    /** A look that could not be completed (a server not answering yet) counts as not quiet. */
    Verdict lookSafely() {
        try {
            return check();
        } catch (Exception | AssertionError e) {
            return new Verdict(List.of("the look failed: " + e), Map.of(),
                    new Figures(0, 0, 0, 0, 0, 0, 0, 0));
        }
    }

    Verdict check() throws Exception {
        Instant now = Instant.now();
        IntakeRecords intake;
        DeadlineRecords deadline;
        try (Connection connection = infrastructure.connect("intake")) {
            intake = IntakeRecords.read(connection);
        }
        try (Connection connection = infrastructure.connect("deadline")) {
            deadline = DeadlineRecords.read(connection, (int) ALERT_GRACE.toSeconds());
        }
        Map<String, List<TopicChecks.Event>> events = TopicChecks.eventsByDossier(dossierEvents.readToEnd());
        List<TopicChecks.Alert> alerts = TopicChecks.alerts(deadlineAlerts.readToEnd());
        Tally lost = new Tally();
        Tally countedTwice = new Tally();

        Map<String, List<String>> violations = new LinkedHashMap<>();
        violations.put("kiosks", kiosks(intake, lost, countedTwice));
        violations.put("dossier-events", TopicChecks.dossierEvents(intake, events, lost));
        violations.put("deadline-service tracking", StateChecks.tracking(intake, deadline, lost));
        violations.put("overdue lists", StateChecks.overdueLists(fleet.urls(Fleet.Service.DEADLINE),
                infrastructure.adminToken(), intake, now));
        violations.put("deadline-alerts", TopicChecks.alertsDue(intake, events, alerts, now, lost));
        violations.put("stats report", StateChecks.statsReports(fleet.urls(Fleet.Service.STATS).get(0), intake, now,
                lost, countedTwice));
        List<String> letters = deadLetters();
        violations.put("dead letters", letters);

        int eventCount = events.values().stream().mapToInt(List::size).sum();
        int distinctEvents = (int) events.values().stream().flatMap(List::stream).map(TopicChecks.Event::id)
                .distinct().count();
        int distinctAlerts = (int) alerts.stream().map(TopicChecks.Alert::id).distinct().count();
        Figures figures = new Figures(intake.dossiers().size(), distinctEvents, eventCount - distinctEvents,
                distinctAlerts, alerts.size() - distinctAlerts, letters.size(), lost.value(), countedTwice.value());
        return new Verdict(notQuiet(intake, deadline, now), violations, figures);
    }

    // ---- quiet --------------------------------------------------------------------------------------------------

    private List<String> notQuiet(IntakeRecords intake, DeadlineRecords deadline, Instant now) throws Exception {
        List<String> busy = new ArrayList<>();
        if (intake.unsent() > 0) {
            busy.add("intake's outbox holds " + intake.unsent() + " unpublished events");
        }
        long deadlineLag = groups.lag("deadline-service", List.of(OwnInfrastructure.DOSSIER_EVENTS));
        if (deadlineLag > 0) {
            busy.add("deadline-service is " + deadlineLag + " records behind on dossier-events");
        }
        long statsLag = groups.lag("stats-service", List.of(OwnInfrastructure.DOSSIER_EVENTS,
                OwnInfrastructure.DEADLINE_ALERTS));
        if (statsLag > 0) {
            busy.add("stats-service is " + statsLag + " records behind on dossier-events and deadline-alerts");
        }
        if (deadline.alertsDueButUnsent() > 0) {
            busy.add(deadline.alertsDueButUnsent() + " deadlines have an alert due for more than " + ALERT_GRACE);
        }
        if (now.isBefore(ledger.lastAppointment.get().plus(ALERT_GRACE))) {
            busy.add("the last apology's appointment (" + ledger.lastAppointment.get() + ") is not past yet");
        }
        return busy;
    }

    // ---- kiosks -------------------------------------------------------------------------------------------------

    private List<String> kiosks(IntakeRecords intake, Tally lost, Tally countedTwice) {
        List<String> found = new ArrayList<>(ledger.unexpected);
        ledger.codeByKey.forEach((key, code) -> {
            String stored = intake.codeByKey().get(key);
            if (stored == null || !intake.dossiers().containsKey(code)) {
                lost.add();
                found.add("kiosk key " + key + " was answered with dossier " + code
                        + ", which intake's database does not hold");
            } else if (!stored.equals(code)) {
                countedTwice.add();
                found.add("kiosk key " + key + " was answered with " + code + " but intake stores it for " + stored);
            }
        });
        Set<String> answered = new HashSet<>(ledger.codeByKey.values());
        intake.dossiers().keySet().stream().filter(code -> !answered.contains(code)).sorted().forEach(code -> {
            countedTwice.add();
            found.add("dossier " + code + " is in intake's database but no kiosk was answered with it (a second "
                    + "dossier for a retried key?)");
        });
        return found;
    }

    // ---- dead letters -------------------------------------------------------------------------------------------

    /** The load sends nothing unusable, and every outage is shorter than the retry window: nothing belongs here. */
    private List<String> deadLetters() {
        List<String> found = new ArrayList<>();
        for (TopicContents topic : deadLetters) {
            for (ConsumerRecord<String, byte[]> record : topic.readToEnd()) {
                found.add(record.topic() + "@" + record.partition() + ":" + record.offset() + " key " + record.key()
                        + ", " + header(record, "dlq-reason") + " (from " + header(record, "dlq-origin") + ")");
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "no " + name : new String(header.value(), StandardCharsets.UTF_8);
    }

    // ---- evidence -----------------------------------------------------------------------------------------------

    /**
     * Both topics as read, one record a line (partition, offset, broker timestamp, key, id, type, sequence or dueAt),
     * for reading a failure against the services' logs and the faults' times.
     */
    void writeTopics(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(folder.resolve("dossier-events.tsv")))) {
            out.println("partition\toffset\ttimestamp\tkey\tid\ttype\tsequence\tdueAt");
            for (ConsumerRecord<String, byte[]> record : dossierEvents.readToEnd()) {
                JsonNode event = Http.json(record.value());
                out.println(line(record, event, event.path("data").path("sequence").asText()));
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(folder.resolve("deadline-alerts.tsv")))) {
            out.println("partition\toffset\ttimestamp\tkey\tid\ttype\tdossierSequence\tdueAt");
            for (ConsumerRecord<String, byte[]> record : deadlineAlerts.readToEnd()) {
                JsonNode alert = Http.json(record.value());
                out.println(line(record, alert, alert.path("data").path("dossierSequence").asText()));
            }
        }
    }

    private static String line(ConsumerRecord<String, byte[]> record, JsonNode event, String sequence) {
        return String.join("\t", String.valueOf(record.partition()), String.valueOf(record.offset()),
                Instant.ofEpochMilli(record.timestamp()).toString(), record.key(), event.path("id").asText(),
                event.path("type").asText(), sequence, event.path("data").path("dueAt").asText());
    }

    @Override
    public void close() {
        dossierEvents.close();
        deadlineAlerts.close();
        deadLetters.forEach(TopicContents::close);
        groups.close();
    }
}
