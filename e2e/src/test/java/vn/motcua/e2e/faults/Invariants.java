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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What must hold once the load has stopped and the suite is quiet, each checked against intake's database:
 * the kiosks' dossiers are there once each; every dossier has exactly its events on dossier-events, in order;
 * deadline-service tracks every one as intake has it; every alert that fell due is on deadline-alerts, none twice by
 * id; stats' report equals a recount; no dead letters. Each violation names the first offending dossier or alert.
 */
final class Invariants implements AutoCloseable {

    /** The alert tick runs every second: an alert due longer ago than this must be out. */
    private static final Duration ALERT_GRACE = Duration.ofSeconds(5);
    private static final String[] WARDS = {"SADEC-P1", "SADEC-P2", "SADEC-P3", "SADEC-P4", "SADEC-AH", "SADEC-TQD",
            "SADEC-TKD", "SADEC-TQT", "SADEC-TPD"};

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
        String kafka = infrastructure.kafka.bootstrapServers();
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
        Map<String, List<Event>> events = eventsByDossier(dossierEvents.readToEnd());
        List<Alert> alerts = alerts(deadlineAlerts.readToEnd());
        Counter lost = new Counter();
        Counter countedTwice = new Counter();

        Map<String, List<String>> violations = new LinkedHashMap<>();
        violations.put("kiosks", kiosks(intake, lost, countedTwice));
        violations.put("dossier-events", dossierEvents(intake, events, lost));
        violations.put("deadline-service tracking", tracking(intake, deadline, lost));
        violations.put("overdue lists", overdueLists(intake, now));
        violations.put("deadline-alerts", alertsDue(intake, events, alerts, now, lost));
        violations.put("stats report", statsReports(intake, now, lost, countedTwice));
        List<String> letters = deadLetters();
        violations.put("dead letters", letters);

        int eventCount = events.values().stream().mapToInt(List::size).sum();
        int distinctEvents = (int) events.values().stream().flatMap(List::stream).map(Event::id).distinct().count();
        int distinctAlerts = (int) alerts.stream().map(Alert::id).distinct().count();
        Figures figures = new Figures(intake.dossiers().size(), distinctEvents, eventCount - distinctEvents,
                distinctAlerts, alerts.size() - distinctAlerts, letters.size(), lost.value, countedTwice.value);
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

    private List<String> kiosks(IntakeRecords intake, Counter lost, Counter countedTwice) {
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

    // ---- dossier-events -----------------------------------------------------------------------------------------

    record Event(String id, long sequence, String type, Instant dueAt, Instant newAppointmentAt, long offset) {
    }

    private static Map<String, List<Event>> eventsByDossier(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Event>> byDossier = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode event = Http.json(record.value());
            JsonNode data = event.path("data");
            byDossier.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(new Event(event.path("id").asText(),
                    data.path("sequence").asLong(), event.path("type").asText(), instant(data.path("dueAt")),
                    instant(data.path("newAppointmentAt")), record.offset()));
        }
        return byDossier;
    }

    private static List<String> dossierEvents(IntakeRecords intake, Map<String, List<Event>> events, Counter lost) {
        List<String> found = new ArrayList<>();
        for (IntakeRecords.Dossier dossier : intake.dossiers().values()) {
            String code = dossier.code();
            List<String> steps = intake.steps().getOrDefault(code, List.of()).stream()
                    .map(step -> step.sequence() + " " + step.type()).toList();
            List<String> outbox = intake.outbox().getOrDefault(code, List.of()).stream()
                    .map(row -> row.sequence() + " " + row.type() + " " + row.eventId()).toList();
            List<String> expectedSteps = new ArrayList<>();
            for (long sequence = 1; sequence <= dossier.sequence(); sequence++) {
                expectedSteps.add(String.valueOf(sequence));
            }
            if (!steps.stream().map(step -> step.split(" ")[0]).toList().equals(expectedSteps)
                    || !outbox.stream().map(row -> row.substring(0, row.lastIndexOf(' '))).toList().equals(steps)) {
                found.add("dossier " + code + " (sequence " + dossier.sequence() + "): intake's own steps " + steps
                        + " and outbox rows " + outbox + " disagree");
                continue;
            }
            // Each event once, in the order of its first appearance; a repeat (the relay sent it again after a
            // crash before it could mark it sent) is a redelivery, which consumers drop by sequence.
            Set<String> seen = new HashSet<>();
            List<String> onTopic = new ArrayList<>();
            for (Event event : events.getOrDefault(code, List.of())) {
                if (seen.add(event.id())) {
                    onTopic.add(event.sequence() + " " + event.type() + " " + event.id());
                }
            }
            if (!onTopic.equals(outbox)) {
                if (onTopic.size() < outbox.size()) {
                    lost.add();
                }
                found.add("dossier " + code + ": intake has the events " + outbox + " but dossier-events carries "
                        + onTopic + " (first appearances, in order)");
            }
        }
        new TreeSet<>(events.keySet()).stream().filter(code -> !intake.dossiers().containsKey(code)).findFirst()
                .ifPresent(code -> found.add("dossier-events carries " + code + ", which intake's database does not "
                        + "hold"));
        return found;
    }

    // ---- deadline-service ---------------------------------------------------------------------------------------

    private static List<String> tracking(IntakeRecords intake, DeadlineRecords deadline, Counter lost) {
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

    private List<String> overdueLists(IntakeRecords intake, Instant now) throws Exception {
        Set<String> expected = new TreeSet<>();
        intake.dossiers().values().stream().filter(d -> d.clockRuns() && d.dueAt().isBefore(now))
                .forEach(d -> expected.add(d.code()));
        List<String> found = new ArrayList<>();
        for (String url : fleet.urls(Fleet.Service.DEADLINE)) {
            Http.Answer answer = Http.get(url + "/api/deadlines/overdue");
            if (answer.status() != 200) {
                found.add(url + "/api/deadlines/overdue answered " + answer.status());
                continue;
            }
            Set<String> listed = new TreeSet<>();
            answer.body().forEach(item -> listed.add(item.path("code").asText()));
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

    // ---- deadline-alerts ----------------------------------------------------------------------------------------

    record Alert(String id, String type, String code, Instant dueAt, int partition, long offset) {
        String describe() {
            return type + " of " + code + " due " + dueAt + " (id " + id + ")";
        }
    }

    private static List<Alert> alerts(List<ConsumerRecord<String, byte[]>> records) {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode alert = Http.json(record.value());
            alerts.add(new Alert(alert.path("id").asText(), alert.path("type").asText(),
                    alert.path("data").path("dossierCode").asText(), instant(alert.path("data").path("dueAt")),
                    record.partition(), record.offset()));
        }
        return alerts;
    }

    private static List<String> alertsDue(IntakeRecords intake, Map<String, List<Event>> events, List<Alert> alerts,
                                          Instant now, Counter lost) {
        List<String> found = new ArrayList<>();
        Map<String, List<Alert>> byId = new LinkedHashMap<>();
        alerts.forEach(alert -> byId.computeIfAbsent(alert.id(), id -> new ArrayList<>()).add(alert));
        byId.values().stream().filter(copies -> copies.size() > 1).forEach(copies -> found.add("alert "
                + copies.get(0).describe() + " is on deadline-alerts " + copies.size() + " times, at offsets "
                + copies.stream().map(a -> a.partition() + "@" + a.offset()).toList()));
        for (List<Alert> copies : byId.values()) {
            Alert alert = copies.get(0);
            if (!intake.dossiers().containsKey(alert.code())) {
                found.add("alert " + alert.describe() + " is about a dossier intake does not hold");
                continue;
            }
            String expectedId = alertId(alert.code(), alert.type(), alert.dueAt());
            if (!alert.id().equals(expectedId)) {
                found.add("alert " + alert.describe() + " should have the id " + expectedId);
            }
            List<Event> history = events.getOrDefault(alert.code(), List.of());
            boolean aboutAnAppointment = alert.type().equals("deadline.appointment-missed");
            boolean known = history.stream().anyMatch(event -> alert.dueAt().equals(
                    aboutAnAppointment ? event.newAppointmentAt() : event.dueAt()));
            if (!known) {
                found.add("alert " + alert.describe() + " is about an instant no event of the dossier carries");
            }
        }
        Set<String> sent = byId.keySet();
        Instant dueBy = now.minus(ALERT_GRACE);
        for (IntakeRecords.Dossier dossier : intake.dossiers().values()) {
            if (!dossier.clockRuns()) {
                continue;
            }
            List<String[]> due = new ArrayList<>();
            if (dossier.dueAt().isBefore(dueBy)) {
                due.add(new String[]{"deadline.overdue", dossier.dueAt().toString()});
            } else if (dossier.dueAt().minus(Fleet.Service.DUE_SOON_LEAD).isBefore(dueBy)) {
                due.add(new String[]{"deadline.due-soon", dossier.dueAt().toString()});
            }
            if (dossier.newAppointmentAt() != null && dossier.newAppointmentAt().isBefore(dueBy)) {
                due.add(new String[]{"deadline.appointment-missed", dossier.newAppointmentAt().toString()});
            }
            for (String[] alert : due) {
                String id = alertId(dossier.code(), alert[0], Instant.parse(alert[1]));
                if (!sent.contains(id)) {
                    lost.add();
                    found.add(alert[0] + " of " + dossier.code() + " due " + alert[1] + " (id " + id
                            + ") fell due but is not on deadline-alerts");
                }
            }
        }
        return found;
    }

    /** docs/contracts.md, Alerts: a name-based UUID of {@code <code>|<type>|<due instant in UTC>}. */
    private static String alertId(String code, String type, Instant dueAt) {
        return UUID.nameUUIDFromBytes((code + "|" + type + "|" + dueAt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- stats-service ------------------------------------------------------------------------------------------

    private List<String> statsReports(IntakeRecords intake, Instant now, Counter lost, Counter countedTwice)
            throws Exception {
        List<String> found = new ArrayList<>();
        String stats = fleet.urls(Fleet.Service.STATS).get(0);
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

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Instant instant(JsonNode text) {
        return text.isMissingNode() || text.isNull() ? null : OffsetDateTime.parse(text.asText()).toInstant();
    }

    private static String first(Set<String> codes) {
        return codes.isEmpty() ? "none" : codes.iterator().next() + (codes.size() > 1 ? " (and " + (codes.size() - 1)
                + " more)" : "");
    }

    private static final class Counter {
        int value;

        void add() {
            value++;
        }

        void add(long n) {
            value += (int) n;
        }
    }

    @Override
    public void close() {
        dossierEvents.close();
        deadlineAlerts.close();
        deadLetters.forEach(TopicContents::close);
        groups.close();
    }
}
