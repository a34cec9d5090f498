package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.events.UnitState;
import vn.motcua.intake.CatalogueTopic;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Rows;
import vn.motcua.intake.TestClock;
import vn.motcua.testkit.InfrastructureResource;
import vn.motcua.testkit.TopicReader;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static vn.motcua.intake.Dossiers.put;

/**
 * Units over time (docs/time-and-counting.md, "Units over time"): dated states, the state and tree of a day, and
 * every refusal of {@code PUT /api/units/{code}} naming its field with nothing stored or published. Today is
 * Thu 10/7/2025 in Vietnam during each test.
 */
@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class UnitsOverTimeTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    /** Each test's own units: the database is shared with the other tests of the JVM. */
    private String prefix;

    @BeforeEach
    void onThursday10July2025() {
        clock.set(OffsetDateTime.parse("2025-07-10T10:00:00+07:00").toInstant());
        prefix = "UT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    @AfterEach
    void backToRealTime() {
        clock.release();
    }

    @Test
    void aFirstStateWithoutDateHoldsSinceAlwaysAndLaterOnesFromTheirDay() {
        String city = prefix + "CITY";
        String ward = prefix + "W1";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + ward, Map.of("name", "Phường 1", "parentCode", city)).statusCode(200)
                .body("history", hasSize(1)).body("history[0].effectiveFrom", equalTo(null));
        put("/api/units/" + ward, Map.of("name", "Phường Một", "parentCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200).body("name", equalTo("Phường Một")).body("history", hasSize(2));

        RestAssured.get("/api/units/" + ward).then().statusCode(200)
                .body("name", equalTo("Phường Một")).body("effectiveFrom", equalTo("2025-07-01"))
                .body("history.name", equalTo(List.of("Phường 1", "Phường Một")));
        RestAssured.get("/api/units/" + ward + "?on=2025-06-30").then().statusCode(200)
                .body("name", equalTo("Phường 1")).body("history", hasSize(2));
        RestAssured.get("/api/units/" + ward + "?on=1990-01-01").then().statusCode(200)
                .body("name", equalTo("Phường 1"));

        // The same day again corrects the latest state.
        put("/api/units/" + ward, Map.of("name", "Phường I", "parentCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200).body("history.name", equalTo(List.of("Phường 1", "Phường I")));
        // Without a date: from today, a state of its own.
        put("/api/units/" + ward, Map.of("name", "Phường Nhất", "parentCode", city)).statusCode(200)
                .body("effectiveFrom", equalTo("2025-07-10")).body("history", hasSize(3));
        // Restating the latest adds no state.
        put("/api/units/" + ward, Map.of("name", "Phường Nhất", "parentCode", city)).statusCode(200)
                .body("history", hasSize(3));
    }

    @Test
    void aUnitWithAFirstDayExistsFromThatDayOnly() {
        String city = prefix + "CITY";
        String fresh = prefix + "NEW";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + fresh, Map.of("name", "Phường mới", "parentCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200);

        RestAssured.get("/api/units/" + fresh + "?on=2025-06-30").then().statusCode(404)
                .contentType("application/problem+json");
        RestAssured.get("/api/units/" + fresh + "?on=2025-07-01").then().statusCode(200)
                .body("parentCode", equalTo(city));
        RestAssured.get("/api/units?on=2025-06-30").then().statusCode(200)
                .body("code", hasItem(city)).body("code", not(hasItem(fresh)));
        List<String> tree = RestAssured.get("/api/units?on=2025-07-01").then().statusCode(200).extract().path("code");
        assertThat(tree).contains(city, fresh);
        assertThat(tree.indexOf(city)).isLessThan(tree.indexOf(fresh));

        // Received before it existed: 409, saying from when.
        Dossiers.post(Dossiers.direct("1.004873", fresh, "2025-06-30T09:00:00+07:00")).statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("unitCode"))).body("existsFrom", equalTo("2025-07-01"));
        Dossiers.post(Dossiers.direct("1.004873", fresh, "2025-07-01T09:00:00+07:00")).statusCode(201);
    }

    @Test
    void aDayThatIsNotADateIsRefusedNamingOn() {
        RestAssured.get("/api/units?on=2025-13-01").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("on")));
        RestAssured.get("/api/units/SADEC?on=tomorrow").then().statusCode(400)
                .body("errors.field", equalTo(List.of("on")));
    }

    @Test
    void aClosedUnitStaysInTheTreeUnderItsLastParentWithItsSuccessor() {
        String city = prefix + "CITY";
        String old = prefix + "OLD";
        String successor = prefix + "SUCC";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + old, Map.of("name", "Phường cũ", "parentCode", city)).statusCode(200);
        put("/api/units/" + successor, Map.of("name", "Phường mới", "parentCode", city)).statusCode(200);
        put("/api/units/" + old, Map.of("closed", true, "successorCode", successor, "effectiveFrom", "2025-07-01"))
                .statusCode(200).body("closed", equalTo(true)).body("successorCode", equalTo(successor))
                .body("name", equalTo("Phường cũ")).body("parentCode", equalTo(city));
        RestAssured.get("/api/units?on=2025-07-05").then().statusCode(200)
                .body("find { it.code == '" + old + "' }.closed", equalTo(true))
                .body("find { it.code == '" + old + "' }.parentCode", equalTo(city));
        RestAssured.get("/api/units/" + old + "?on=2025-06-30").then().statusCode(200).body("closed", equalTo(false));
    }

    @Test
    void everyRefusalNamesItsFieldAndStoresNothing() {
        String city = prefix + "CITY";
        String ward = prefix + "W1";
        String later = prefix + "LATER";
        String closed = prefix + "GONE";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + ward, Map.of("name", "Phường 1", "parentCode", city)).statusCode(200);
        put("/api/units/" + ward, Map.of("name", "Phường Một", "parentCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200);
        put("/api/units/" + later, Map.of("name", "Phường sau", "parentCode", city, "effectiveFrom", "2025-07-05"))
                .statusCode(200);
        put("/api/units/" + closed, Map.of("name", "Phường giải thể", "parentCode", city)).statusCode(200);
        put("/api/units/" + closed, Map.of("closed", true, "successorCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200);

        // effectiveFrom before the unit's latest state
        refused(ward, Map.of("name", "x", "parentCode", city, "effectiveFrom", "2025-06-30"), "effectiveFrom");
        // a parent that does not exist on effectiveFrom: not yet, closed by then, or not at all
        refused(prefix + "A", Map.of("name", "x", "parentCode", later, "effectiveFrom", "2025-07-04"), "parentCode");
        refused(prefix + "A", Map.of("name", "x", "parentCode", closed, "effectiveFrom", "2025-07-02"), "parentCode");
        refused(prefix + "A", Map.of("name", "x", "parentCode", prefix + "NONE"), "parentCode");
        // closed without a successor, a successor without closed
        refused(ward, Map.of("closed", true, "effectiveFrom", "2025-07-08"), "successorCode");
        refused(ward, Map.of("name", "x", "parentCode", city, "successorCode", later, "effectiveFrom", "2025-07-08"),
                "closed");
        // a successor missing, not existing yet, closed on the closing day, the unit itself, or below it
        refused(ward, closing(prefix + "NONE", "2025-07-08"), "successorCode");
        refused(ward, closing(later, "2025-07-04"), "successorCode");
        refused(ward, closing(closed, "2025-07-08"), "successorCode");
        refused(ward, closing(ward, "2025-07-08"), "successorCode");
        refused(city, closing(ward, "2025-07-08"), "successorCode");
        // closing a unit that never existed
        refused(prefix + "NEVER", closing(city, "2025-07-08"), "closed");
        // a cycle today, and one that a state of another unit would make only on a later day
        refused(city, Map.of("name", "x", "parentCode", ward, "effectiveFrom", "2025-07-08"), "parentCode");
        String p = prefix + "P";
        String q = prefix + "Q";
        put("/api/units/" + p, Map.of("name", "Tỉnh P")).statusCode(200);
        put("/api/units/" + q, Map.of("name", "Tỉnh Q")).statusCode(200);
        put("/api/units/" + q, Map.of("name", "Tỉnh Q", "parentCode", p, "effectiveFrom", "2025-09-01"))
                .statusCode(200);
        refused(p, Map.of("name", "Tỉnh P", "parentCode", q, "effectiveFrom", "2025-08-01"), "parentCode");
        RestAssured.get("/api/units/" + prefix + "A").then().statusCode(404);
        RestAssured.get("/api/units/" + prefix + "NEVER").then().statusCode(404);
    }

    @Test
    void theCatalogueEventCarriesTheWholeHistory() {
        String city = prefix + "CITY";
        String ward = prefix + "W1";
        String successor = prefix + "SUCC";
        put("/api/units/" + city, Map.of("name", "Thành phố thử")).statusCode(200);
        put("/api/units/" + successor, Map.of("name", "Phường mới", "parentCode", city)).statusCode(200);
        put("/api/units/" + ward, Map.of("name", "Phường 1", "parentCode", city)).statusCode(200);
        put("/api/units/" + ward, Map.of("name", "Phường Một", "parentCode", city, "effectiveFrom", "2025-07-01"))
                .statusCode(200);
        put("/api/units/" + ward, closing(successor, "2025-07-08")).statusCode(200);

        List<UnitState> history = List.of(UnitState.open(null, "Phường 1", city),
                UnitState.open(LocalDate.parse("2025-07-01"), "Phường Một", city),
                new UnitState(LocalDate.parse("2025-07-08"), "Phường Một", city, true, successor));
        String key = Topics.unitKey(ward);
        try (TopicReader<CloudEvent> reader = CatalogueTopic.reader()) {
            List<CloudEvent> events = reader.until(all -> CatalogueTopic.eventsOf(all, key).size() >= 3);
            List<UnitData> versions = CatalogueTopic.eventsOf(events, key).stream().map(EventCodec::unitData)
                    .sorted(Comparator.comparingLong(UnitData::version)).toList();
            assertThat(versions).extracting(UnitData::version).containsExactly(1L, 2L, 3L);
            assertThat(versions.get(0).history()).containsExactly(history.get(0));
            assertThat(versions.get(2)).isEqualTo(new UnitData(ward, "Phường Một", city, 3, history));
        }
    }

    private static Map<String, Object> closing(String successor, String from) {
        return Map.of("closed", true, "successorCode", successor, "effectiveFrom", from);
    }

    /** 400 naming exactly {@code field}; the unit's history and the outbox as they were. */
    private void refused(String code, Map<String, Object> body, String field) {
        Object before = history(code);
        long rows = Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ?",
                Topics.unitKey(code));
        put("/api/units/" + code, new HashMap<>(body)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of(field)));
        assertThat(history(code)).as("%s with %s", code, body).isEqualTo(before);
        assertThat(Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE record_key = ?",
                Topics.unitKey(code))).isEqualTo(rows);
    }

    private static Object history(String code) {
        return RestAssured.get("/api/units/" + code).then().extract().path("history");
    }
}
