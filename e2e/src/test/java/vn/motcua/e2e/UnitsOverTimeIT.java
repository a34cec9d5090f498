package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.testkit.TopicReader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Units over time on the packaged suite (docs/time-and-counting.md, "Units over time"), on a tree of this test's
 * own: a province, a city under it and two wards under the city, with dossiers of 2022 and dossiers of May 2025
 * still open. On 1/7/2025 the city and its wards close into a new ward under the province. The 2022-H1 reports of
 * the city and the province stay as they were in every column; receiving at a closed ward is refused naming the
 * successor; the open dossiers move to the new ward, are in its overdue list and are carried over into its
 * 2025-H2 report. And in another province, a dossier received at one commune's counter for the other commune
 * follows the commune that handles it: its slip names both, its alert and its report are the handling commune's,
 * and the report by receiving counter shows where it came in.
 */
class UnitsOverTimeIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    private static final String PROVINCE = "E2E-P" + RUN;
    private static final String CITY = "E2E-C" + RUN;
    private static final String WARD_1 = "E2E-W1" + RUN;
    private static final String WARD_2 = "E2E-W2" + RUN;
    private static final String NEW_WARD = "E2E-N" + RUN;
    /** Another province's two communes, for receipt across boundaries (the tree above closes its units). */
    private static final String PROVINCE_B = "E2E-Q" + RUN;
    private static final String COMMUNE_A = "E2E-A" + RUN;
    private static final String COMMUNE_B = "E2E-B" + RUN;
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Suite suite;
    private static String admin;

    @BeforeAll
    static void aProvinceWithACityAndTwoWards() throws Exception {
        suite = Suite.shared();
        admin = suite.tokens.user("admin");
        putUnit(PROVINCE, "{\"name\": \"Tỉnh thử nghiệm\"}");
        putUnit(CITY, "{\"name\": \"Thành phố thử nghiệm\", \"parentCode\": \"" + PROVINCE + "\"}");
        putUnit(WARD_1, "{\"name\": \"Phường Một thử nghiệm\", \"parentCode\": \"" + CITY + "\"}");
        putUnit(WARD_2, "{\"name\": \"Phường Hai thử nghiệm\", \"parentCode\": \"" + CITY + "\"}");
        putUnit(PROVINCE_B, "{\"name\": \"Tỉnh thử nghiệm khác\"}");
        putUnit(COMMUNE_A, "{\"name\": \"Xã An thử nghiệm\", \"parentCode\": \"" + PROVINCE_B + "\"}");
        putUnit(COMMUNE_B, "{\"name\": \"Xã Bình thử nghiệm\", \"parentCode\": \"" + PROVINCE_B + "\"}");
    }

    @Test
    void closing_the_city_and_its_wards_changes_no_past_report_and_moves_the_open_dossiers() throws Exception {
        // 2022: resolved in time, resolved late, and one open across the half-year end and resolved in August.
        resolve(receive(WARD_1, "2022-03-01T09:00:00+07:00", "DIRECT"), "2022-03-03T10:00:00+07:00");
        resolve(receive(WARD_2, "2022-04-04T09:00:00+07:00", "ONLINE"), "2022-04-20T10:00:00+07:00");
        resolve(receive(CITY, "2022-06-27T09:00:00+07:00", "POSTAL"), "2022-08-02T10:00:00+07:00");
        List<String> open2025 = List.of(receive(WARD_1, "2025-05-05T09:00:00+07:00", "DIRECT"),
                receive(WARD_2, "2025-05-06T09:00:00+07:00", "ONLINE"));
        // The past reports as they stand once stats has every 2022 event: the city's dossier, pending on 30 June, is
        // placed within or past its deadline by its clock, which its August result moves; a snapshot taken before
        // that result arrived would differ from the same report afterwards, with no closing involved.
        await("the city's August result in 2022-H2").atMost(ARRIVAL).untilAsserted(() ->
                assertThat(report("2022-H2", CITY).path("resolved").path("total").asLong()).isEqualTo(1));
        JsonNode city2022 = awaitReport("2022-H1", CITY, 3);
        JsonNode province2022 = awaitReport("2022-H1", PROVINCE, 3);

        putUnit(NEW_WARD, "{\"name\": \"Phường Mới thử nghiệm\", \"parentCode\": \"" + PROVINCE
                + "\", \"effectiveFrom\": \"2025-07-01\"}");
        for (String code : List.of(WARD_1, WARD_2, CITY)) {
            String parent = code.equals(CITY) ? PROVINCE : CITY;
            putUnit(code, "{\"name\": \"Đơn vị đã giải thể\", \"parentCode\": \"" + parent
                    + "\", \"effectiveFrom\": \"2025-07-01\", \"closed\": true, \"successorCode\": \"" + NEW_WARD
                    + "\"}");
        }

        Http.Answer refused = post(WARD_1, null, "2025-07-02T09:00:00+07:00", "DIRECT");
        assertThat(refused.status()).as("receiving at a closed ward: %s", refused.body()).isEqualTo(409);
        assertThat(refused.body().toString()).contains(NEW_WARD);

        await("the open dossiers in the new ward's overdue list").atMost(ARRIVAL).untilAsserted(() -> {
            Http.Answer overdue = Http.get(suite.deadline.url("/api/deadlines/overdue?unit=" + NEW_WARD), admin);
            assertThat(overdue.status()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            overdue.body().forEach(dossier -> listed.add(dossier.path("code").asText()));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(open2025);
        });
        await("carried over into the new ward's 2025-H2").atMost(ARRIVAL).untilAsserted(() -> {
            JsonNode report = report("2025-H2", NEW_WARD);
            assertThat(report.path("received").path("carriedOver").asLong()).isEqualTo(2);
            assertThat(report.path("pending").path("overdue").asLong()).isEqualTo(2);
        });
        assertThat(report("2025-H2", WARD_1).path("received").path("total").asLong()).isZero();
        assertThat(report("2025-H1", WARD_1).path("received").path("total").asLong()).isEqualTo(1);
        assertThat(withoutAsOf(report("2022-H1", CITY))).as("the city's 2022-H1").isEqualTo(withoutAsOf(city2022));
        assertThat(withoutAsOf(report("2022-H1", PROVINCE))).as("the province's 2022-H1")
                .isEqualTo(withoutAsOf(province2022));
    }

    @Test
    void a_dossier_received_at_one_communes_counter_follows_the_commune_that_handles_it() throws Exception {
        String code = COMMUNE_B + ".E2E-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer slip = post(COMMUNE_A, code, "2024-04-01T09:00:00+07:00", "DIRECT", COMMUNE_B);
        assertThat(slip.status()).as("%s", slip.body()).isEqualTo(201);
        assertThat(slip.body().path("unitCode").asText()).isEqualTo(COMMUNE_B);
        assertThat(slip.body().path("receivedAtUnit").asText()).isEqualTo(COMMUNE_A);

        Http.Answer printed = Http.get(suite.intake.url("/api/dossiers/" + code + "/slip"), admin);
        assertThat(printed.status()).isEqualTo(200);
        assertThat(printed.body().asText()).contains("Xã An thử nghiệm", "Xã Bình thử nghiệm");

        try (TopicReader<JsonNode> alerts = new TopicReader<>(suite.kafka.adminConnection(), suite.deadlineAlerts,
                Http::json)) {
            await("the overdue alert, for the handling commune").atMost(ARRIVAL).until(() -> alerts.values().stream()
                    .anyMatch(alert -> alert.path("type").asText().equals("deadline.overdue")
                            && alert.path("data").path("dossierCode").asText().equals(code)
                            && alert.path("data").path("unitCode").asText().equals(COMMUNE_B)));
        }
        await("the handling commune's report, by receiving counter").atMost(ARRIVAL).untilAsserted(() -> {
            JsonNode report = Http.get(suite.stats.url("/api/stats/reports/2024-Q2?unit=" + COMMUNE_B
                    + "&by=receivingUnit")).body();
            assertThat(report.path("received").path("total").asLong()).isEqualTo(1);
            assertThat(report.path("rows").size()).isEqualTo(1);
            assertThat(report.path("rows").get(0).path("code").asText()).isEqualTo(COMMUNE_A);
        });
        assertThat(report("2024-Q2", COMMUNE_A).path("received").path("total").asLong())
                .as("the counter's own report does not count it").isZero();
    }

    private static void putUnit(String code, String json) throws Exception {
        Http.Answer answer = Http.put(suite.intake.url("/api/units/" + code), admin, json);
        assertThat(answer.status()).as("PUT %s: %s", code, answer.body()).isEqualTo(200);
    }

    private static String receive(String unit, String receivedAt, String channel) throws Exception {
        String code = unit + ".E2E-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Answer slip = post(unit, code, receivedAt, channel);
        assertThat(slip.status()).as("POST %s: %s", code, slip.body()).isEqualTo(201);
        return code;
    }

    private static Http.Answer post(String unit, String code, String receivedAt, String channel) throws Exception {
        return post(unit, code, receivedAt, channel, unit);
    }

    private static Http.Answer post(String counter, String code, String receivedAt, String channel,
                                    String handlingUnit) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("procedureCode", "1.004873").put("unitCode", handlingUnit)
                .put("receivedAtUnit", counter).put("channel", channel).put("receivedAt", receivedAt);
        if (channel.equals("ONLINE")) {
            body.put("onlineLevel", 4);
        }
        if (code != null) {
            body.put("dossierCode", code);
        }
        body.putObject("applicant").put("name", "Trần Văn Thử").put("idNumber", "087090001111");
        String key = "e2e-" + (code == null ? UUID.randomUUID() : code);
        return Http.post(suite.intake.url("/api/dossiers"), admin, body.toString(), key);
    }

    private static void resolve(String code, String resolvedAt) throws Exception {
        Http.Answer answer = Http.post(suite.intake.url("/api/dossiers/" + code + "/result"), admin,
                "{\"decision\": \"APPROVED\", \"resolvedAt\": \"" + resolvedAt + "\"}", "e2e-result-" + code);
        assertThat(answer.status()).as("result of %s: %s", code, answer.body()).isEqualTo(200);
    }

    private static JsonNode awaitReport(String period, String unit, long received) {
        JsonNode[] last = new JsonNode[1];
        await(period + " of " + unit).atMost(ARRIVAL).untilAsserted(() -> {
            last[0] = report(period, unit);
            assertThat(last[0].path("received").path("total").asLong()).isEqualTo(received);
        });
        return last[0];
    }

    private static JsonNode report(String period, String unit) throws Exception {
        Http.Answer answer = Http.get(suite.stats.url("/api/stats/reports/" + period + "?unit=" + unit));
        assertThat(answer.status()).as("%s of %s: %s", period, unit, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode withoutAsOf(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("asOf");
        return copy;
    }
}
