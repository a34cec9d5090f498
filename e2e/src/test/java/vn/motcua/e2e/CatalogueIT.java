package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One catalogue for the whole suite, end to end: a province, a district under it and a ward and a commune under
 * the district, added through intake-service's API only, are known to deadline-service and stats-service within
 * 5 s of the last PUT (through the compacted catalogue topic), and the dossiers of the ward and the commune count
 * in the district's and the province's reports, overdue lists and alert streams.
 */
class CatalogueIT {

    /** 3 working days: received Wednesday 1 March 2023 at 09:00, due Monday 6 March at 17:00. */
    private static final String PROCEDURE = "1.004873";
    private static final Duration CATALOGUE_DELAY = Duration.ofSeconds(5);

    private static Suite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = Suite.shared();
    }

    @Test
    void a_district_added_through_intake_counts_in_reports_overdue_lists_and_alert_streams() throws Exception {
        String province = "E2E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String district = province + "-Q";
        String ward = district + "-P";
        String commune = district + "-X";
        putUnit(province, "Tỉnh thử nghiệm", null);
        putUnit(district, "Thành phố thử nghiệm", province);
        putUnit(ward, "Phường thử nghiệm", district);
        putUnit(commune, "Xã thử nghiệm", district);

        await("deadline-service and stats-service know the new tree").atMost(CATALOGUE_DELAY)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(Http.get(suite.deadline.url("/api/deadlines/overdue?unit=" + district), admin()).status())
                            .isEqualTo(200);
                    JsonNode units = Http.get(suite.stats.url("/api/stats/units")).body();
                    assertThat(depthOf(units, ward)).isEqualTo(depthOf(units, province) + 2);
                    assertThat(depthOf(units, commune)).isEqualTo(depthOf(units, province) + 2);
                });

        try (AlertStream districtAlerts = new AlertStream(suite.deadline.url("/api/alerts/stream?unit=" + district),
                admin())) {
            assertThat(districtAlerts.status()).isEqualTo(200);
            String overdue = receive(ward, "DIRECT", null, "2023-03-01T09:00:00+07:00");
            String early = receive(ward, "ONLINE", 4, "2023-03-02T10:00:00+07:00");
            step(early, "result", "{\"resolvedAt\": \"2023-03-03T10:00:00+07:00\", \"decision\": \"APPROVED\"}");
            String onTime = receive(commune, "DIRECT", null, "2023-03-01T09:00:00+07:00");
            step(onTime, "result", "{\"resolvedAt\": \"2023-03-06T16:00:00+07:00\", \"decision\": \"APPROVED\"}");
            String late = receive(commune, "POSTAL", null, "2023-03-01T09:00:00+07:00");
            step(late, "result", "{\"resolvedAt\": \"2023-03-08T09:00:00+07:00\", \"decision\": \"REFUSED\"}");
            String withdrawn = receive(commune, "DIRECT", null, "2023-03-01T09:00:00+07:00");
            step(withdrawn, "withdrawal", "{\"withdrawnAt\": \"2023-03-02T09:00:00+07:00\"}");

            Map<String, Long> expected = Map.ofEntries(
                    Map.entry("received.total", 5L), Map.entry("received.newOnline", 1L),
                    Map.entry("received.newDirectOrPostal", 4L), Map.entry("received.carriedOver", 0L),
                    Map.entry("resolved.total", 3L), Map.entry("resolved.early", 1L),
                    Map.entry("resolved.onTime", 1L), Map.entry("resolved.late", 1L),
                    Map.entry("pending.total", 1L), Map.entry("pending.withinDeadline", 0L),
                    Map.entry("pending.overdue", 1L), Map.entry("withdrawn", 1L),
                    Map.entry("online.level3", 0L), Map.entry("online.level4", 1L),
                    Map.entry("summary.onTimeOrEarly", 2L), Map.entry("summary.lateOrOverdue", 2L));
            for (String unit : List.of(district, province)) {
                await("2023-H1 report of " + unit).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(columns(Http.get(suite.stats.url("/api/stats/reports/2023-H1?unit=" + unit))
                                .body(), expected.keySet())).isEqualTo(expected));
                await("overdue list of " + unit).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(Http.get(suite.deadline.url("/api/deadlines/overdue?unit=" + unit), admin()).body()
                                .toString()).contains(overdue).doesNotContain(early, onTime, withdrawn));
            }
            await("deadline.overdue of " + overdue + " on the district's stream").atMost(Duration.ofSeconds(30))
                    .until(() -> districtAlerts.alerts().stream().anyMatch(alert ->
                            overdue.equals(alert.path("subject").asText())
                                    && "deadline.overdue".equals(alert.path("type").asText())));
        }
    }

    private static void putUnit(String code, String name, String parent) throws Exception {
        String json = parent == null ? "{\"name\": \"%s\"}".formatted(name)
                : "{\"name\": \"%s\", \"parentCode\": \"%s\"}".formatted(name, parent);
        Http.Answer answer = Http.put(suite.intake.url("/api/units/" + code), admin(), json);
        assertThat(answer.status()).as("PUT unit %s: %s", code, answer.body()).isEqualTo(200);
    }

    private static String receive(String unit, String channel, Integer onlineLevel, String receivedAt)
            throws Exception {
        String code = unit + "." + UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"procedureCode": "%s", "unitCode": "%s", "channel": "%s", %s
                 "receivedAt": "%s", "dossierCode": "%s",
                 "applicant": {"name": "Trần Thị Bình", "idNumber": "087090004321"}}
                """.formatted(PROCEDURE, unit, channel,
                onlineLevel == null ? "" : "\"onlineLevel\": " + onlineLevel + ",", receivedAt, code);
        Http.Answer answer = Http.post(suite.intake.url("/api/dossiers"), admin(), json, "e2e-catalogue-" + code);
        assertThat(answer.status()).as("POST dossier: %s", answer.body()).isEqualTo(201);
        return code;
    }

    private static void step(String code, String path, String json) throws Exception {
        Http.Answer answer = Http.post(suite.intake.url("/api/dossiers/" + code + "/" + path), admin(), json, null);
        assertThat(answer.status()).as("%s of %s: %s", path, code, answer.body()).isEqualTo(200);
    }

    /** The new units have no kiosks or clerks in the realm: the administrator who made them records everything. */
    private static String admin() {
        return suite.tokens.user("admin");
    }

    private static int depthOf(JsonNode units, String code) {
        for (JsonNode unit : units) {
            if (code.equals(unit.path("code").asText())) {
                return unit.path("depth").asInt();
            }
        }
        throw new AssertionError(code + " is not among stats-service's units yet");
    }

    private static Map<String, Long> columns(JsonNode report, java.util.Set<String> paths) {
        java.util.Map<String, Long> values = new java.util.HashMap<>();
        for (String path : paths) {
            JsonNode node = report;
            for (String part : path.split("\\.")) {
                node = node.path(part);
            }
            values.put(path, node.isMissingNode() ? null : node.asLong());
        }
        return values;
    }
}
