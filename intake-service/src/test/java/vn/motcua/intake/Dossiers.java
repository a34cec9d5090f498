package vn.motcua.intake;

import vn.motcua.testkit.TestKafka;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.testkit.TopicReader;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies, calls and event reads shared by the intake tests. */
public final class Dossiers {

    private Dossiers() {
    }

    public static Map<String, Object> direct(String procedureCode, String unitCode, String receivedAt) {
        return Map.of("procedureCode", procedureCode, "unitCode", unitCode, "channel", "DIRECT",
                "receivedAt", receivedAt, "applicant", applicant());
    }

    public static Map<String, Object> applicant() {
        return Map.of("name", "Nguyễn Thị Bích", "idNumber", "087190001234", "phone", "0912345678");
    }

    public static ValidatableResponse post(Object body) {
        return RestAssured.given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/dossiers").then();
    }

    public static String receive(String procedureCode, String unitCode, String receivedAt) {
        return post(direct(procedureCode, unitCode, receivedAt)).statusCode(201).extract().path("code");
    }

    /** A PUT of the catalogue API (units, procedures, calendar years). */
    public static ValidatableResponse put(String path, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    public static ValidatableResponse step(String code, String step, Object body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body)
                .post("/api/dossiers/{code}/" + step, code).then();
    }

    /** Reads the running service's dossier-events topic from the start, as a downstream consumer would. */
    public static TopicReader<CloudEvent> eventReader() {
        Map<String, Object> kafkaAdmin = TestKafka.admin();
        String topic = ConfigProvider.getConfig().getValue("motcua.topics.dossier-events", String.class);
        return new TopicReader<>(kafkaAdmin, topic, EventCodec::read);
    }

    /** The events of one dossier, in the order they were read. */
    public static List<CloudEvent> eventsOf(List<CloudEvent> events, String dossierCode) {
        return events.stream().filter(event -> dossierCode.equals(event.subject())).toList();
    }
}
