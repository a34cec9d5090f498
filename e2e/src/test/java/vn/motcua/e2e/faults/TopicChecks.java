package vn.motcua.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.e2e.Http;

import java.nio.charset.StandardCharsets;
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
 * The two topics against intake's database: every dossier has exactly its events on dossier-events, in order;
 * every alert that fell due is on deadline-alerts, once, with the id the contract derives, about an instant one of
 * the dossier's events carries. Each violation names the dossier or alert.
 */
final class TopicChecks {

    /** The alert tick runs every second: an alert due longer ago than this must be out. */
    static final Duration ALERT_GRACE = Duration.ofSeconds(5);

    private TopicChecks() {
    }

    record Event(String id, long sequence, String type, Instant dueAt, Instant newAppointmentAt, long offset) {
    }

    static Map<String, List<Event>> eventsByDossier(List<ConsumerRecord<String, byte[]>> records) {
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

    static List<String> dossierEvents(IntakeRecords intake, Map<String, List<Event>> events, Tally lost) {
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

    record Alert(String id, String type, String code, Instant dueAt, int partition, long offset) {
        String describe() {
            return type + " of " + code + " due " + dueAt + " (id " + id + ")";
        }
    }

    static List<Alert> alerts(List<ConsumerRecord<String, byte[]>> records) {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode alert = Http.json(record.value());
            alerts.add(new Alert(alert.path("id").asText(), alert.path("type").asText(),
                    alert.path("data").path("dossierCode").asText(), instant(alert.path("data").path("dueAt")),
                    record.partition(), record.offset()));
        }
        return alerts;
    }

    static List<String> alertsDue(IntakeRecords intake, Map<String, List<Event>> events, List<Alert> alerts,
                                          Instant now, Tally lost) {
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

    static Instant instant(JsonNode text) {
        return text.isMissingNode() || text.isNull() ? null : OffsetDateTime.parse(text.asText()).toInstant();
    }
}
