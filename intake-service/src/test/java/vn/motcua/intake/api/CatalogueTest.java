package vn.motcua.intake.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.InfrastructureResource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static vn.motcua.intake.Dossiers.put;

@QuarkusTest
// Not about access: an admin, who acts for every unit and may backdate (AccessMatrixTest is about access).
@TestSecurity(user = "test-admin", roles = "admin")
@WithTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"))
class CatalogueTest {

    @Test
    void shipsSaDecWithItsWardsAndCommunes() {
        RestAssured.get("/api/units").then().statusCode(200)
                .body("code", hasItems("SADEC", "SADEC-P1", "SADEC-AH", "SADEC-TPD"))
                .body("find { it.code == 'SADEC' }.name", equalTo("UBND thành phố Sa Đéc"))
                .body("findAll { it.parentCode == 'SADEC' }", hasSize(9));
        RestAssured.get("/api/units/SADEC-P2").then().statusCode(200).body("parentCode", equalTo("SADEC"));
        RestAssured.get("/api/units/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unitsAreKeptAndCheckedAgainstTheirParent() {
        put("/api/units/SADEC-TEST", Map.of("name", "Tổ công tác thử", "parentCode", "SADEC")).statusCode(200);
        put("/api/units/SADEC-ORPHAN", Map.of("name", "x", "parentCode", "NOWHERE")).statusCode(400)
                .body("errors.field", hasItem("parentCode"));
        put("/api/units/SADEC", Map.of("name", "x", "parentCode", "SADEC-TEST")).statusCode(400)
                .body("errors.field", hasItem("parentCode"));
    }

    @Test
    void unitCodesNamesAndParentsAreCheckedFieldByField() {
        put("/api/units/sadec-x", Map.of("name", "x", "parentCode", "SADEC")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        put("/api/units/" + "A".repeat(33), Map.of("name", "x")).statusCode(400)
                .body("errors.field", equalTo(List.of("code")));
        put("/api/units/SADEC-EMPTY", Map.of("name", " ", "parentCode", "SADEC")).statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
        put("/api/units/SADEC-EMPTY", Map.of("parentCode", "SADEC")).statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
        put("/api/units/SADEC-SELF", Map.of("name", "x", "parentCode", "SADEC-SELF")).statusCode(400)
                .body("errors.field", equalTo(List.of("parentCode")));
        put("/api/units/SADEC-LOWER", Map.of("name", "x", "parentCode", "sadec")).statusCode(400)
                .body("errors.field", equalTo(List.of("parentCode")));
        for (String code : List.of("SADEC-EMPTY", "SADEC-SELF", "SADEC-LOWER")) {
            RestAssured.get("/api/units/" + code).then().statusCode(404);
        }
    }

    /** A tree of any depth; a unit moves under another parent, but never under its own descendant. */
    @Test
    void unitsFormATreeOfAnyDepthAndMoveWithinIt() {
        put("/api/units/CT-PROVINCE", Map.of("name", "Tỉnh thử")).statusCode(200);
        put("/api/units/CT-CITY", Map.of("name", "Thành phố thử", "parentCode", "CT-PROVINCE")).statusCode(200);
        put("/api/units/CT-WARD", Map.of("name", "Phường thử", "parentCode", "CT-CITY")).statusCode(200);
        put("/api/units/CT-DISTRICT", Map.of("name", "Huyện thử", "parentCode", "CT-PROVINCE")).statusCode(200);

        put("/api/units/CT-WARD", Map.of("name", "Xã thử", "parentCode", "CT-DISTRICT")).statusCode(200)
                .body("parentCode", equalTo("CT-DISTRICT")).body("name", equalTo("Xã thử"));
        put("/api/units/CT-PROVINCE", Map.of("name", "Tỉnh thử", "parentCode", "CT-WARD")).statusCode(400)
                .body("errors.field", equalTo(List.of("parentCode")));

        List<String> order = RestAssured.get("/api/units").then().statusCode(200).extract().path("code");
        assertThat(order.indexOf("CT-PROVINCE")).isLessThan(order.indexOf("CT-DISTRICT"));
        assertThat(order.indexOf("CT-DISTRICT")).isLessThan(order.indexOf("CT-WARD"));
        assertThat(order.indexOf("CT-CITY")).isLessThan(order.indexOf("CT-WARD"));
        RestAssured.get("/api/units/CT-PROVINCE").then().statusCode(200).body("parentCode", equalTo(null));
    }

    @Test
    void proceduresAreKeptWithTheirProcessingTime() {
        put("/api/procedures/9.000001", Map.of("name", "Thủ tục thử nghiệm", "field", "Thử nghiệm",
                "processingTime", Map.of("amount", 5, "unit", "WORKING_DAYS"), "cutoff", "15:00",
                "onlineLevels", List.of(4, 3))).statusCode(200).body("onlineLevels", equalTo(List.of(3, 4)));
        RestAssured.get("/api/procedures/9.000001").then().statusCode(200)
                .body("processingTime.amount", equalTo(5)).body("cutoff", equalTo("15:00"));
        // Received Mon 7/2/2022 16:00, after the procedure's own 15:00 cut-off: starts Tue 8/2, due Tue 15/2.
        Dossiers.post(Dossiers.direct("9.000001", "SADEC", "2022-02-07T16:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-02-15"));
    }

    /** The catalogue is cached for intake: a change must still count from the very next dossier. */
    @Test
    void aChangedProcedureOrANewUnitCountsForTheNextDossier() {
        Map<String, Object> procedure = new java.util.HashMap<>(Map.of("name", "Thủ tục đổi thời hạn", "field", "Thử",
                "processingTime", Map.of("amount", 2, "unit", "WORKING_DAYS")));
        put("/api/procedures/9.000010", procedure).statusCode(200);
        // Received Tue 1/3/2022 08:00: due after 2 working days, then after 5.
        Dossiers.post(Dossiers.direct("9.000010", "SADEC", "2022-03-01T08:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-03-03"));
        procedure.put("processingTime", Map.of("amount", 5, "unit", "WORKING_DAYS"));
        put("/api/procedures/9.000010", procedure).statusCode(200);
        Dossiers.post(Dossiers.direct("9.000010", "SADEC", "2022-03-01T08:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-03-08"));

        Dossiers.post(Dossiers.direct("9.000010", "SADEC-NEW", "2022-03-01T08:00:00+07:00")).statusCode(400)
                .body("errors.field", hasItem("unitCode"));
        put("/api/units/SADEC-NEW", Map.of("name", "Bộ phận mới", "parentCode", "SADEC")).statusCode(200);
        Dossiers.post(Dossiers.direct("9.000010", "SADEC-NEW", "2022-03-01T08:00:00+07:00")).statusCode(201);
    }

    @Test
    void badProceduresAreRefusedFieldByField() {
        put("/api/procedures/9.000002", Map.of("name", "x", "field", "y",
                "processingTime", Map.of("amount", -1, "unit", "WORKING_DAYS"), "cutoff", "3pm",
                "onlineLevels", List.of(5)))
                .statusCode(400)
                .body("errors.field", hasItems("processingTime.amount", "cutoff", "onlineLevels"));
        put("/api/procedures/9.000003", Map.of("name", "x", "field", "y",
                "processingTime", Map.of("amount", 0, "unit", "WORKING_HOURS")))
                .statusCode(400).body("errors.field", hasItem("processingTime.amount"));
    }

    @Test
    void the2025And2026SchedulesAreOfficial() {
        RestAssured.get("/api/calendar/2025").then().statusCode(200)
                .body("official", equalTo(true))
                .body("closedDays.date", hasItems("2025-01-27", "2025-05-02", "2025-09-01"))
                .body("workingSaturdays.date", equalTo(List.of("2025-04-26")));
        RestAssured.get("/api/calendar/2026").then().statusCode(200)
                .body("official", equalTo(true))
                .body("closedDays.date", hasItems("2026-01-02", "2026-02-16", "2026-04-27", "2026-08-31"))
                .body("workingSaturdays.date", equalTo(List.of("2026-01-10", "2026-08-22")));
    }

    @Test
    void theCalendarShowsOfficialYearsAndTakesNewOnes() {
        RestAssured.get("/api/calendar/2024").then().statusCode(200)
                .body("official", equalTo(true))
                .body("closedDays.date", hasItems("2024-02-08", "2024-04-18", "2024-04-29", "2024-09-03"))
                .body("workingSaturdays.date", equalTo(List.of("2024-05-04")));
        RestAssured.get("/api/calendar/2031").then().statusCode(200).body("official", equalTo(false));

        // Received Thu 30/12/2021, 3 working days: Fri 31/12, then 2022's Tue 4/1 and Wed 5/1 (Mon 3/1 is closed).
        Dossiers.post(Dossiers.direct("1.004873", "SADEC", "2021-12-30T09:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-01-05"));
        // An administrator enters 2021's schedule with Fri 31/12 closed: due dates move, without a code change.
        put("/api/calendar/2021", Map.of("closedDays", List.of(Map.of("date", "2021-01-01", "name", "Tết Dương lịch"),
                Map.of("date", "2021-12-31", "name", "Nghỉ theo quyết định của tỉnh")), "workingSaturdays", List.of()))
                .statusCode(200).body("official", equalTo(true))
                .body("closedDays.date", hasItem("2021-12-31"));
        Dossiers.post(Dossiers.direct("1.004873", "SADEC", "2021-12-30T09:00:00+07:00")).statusCode(201)
                .body("dueDate", equalTo("2022-01-06"));

        put("/api/calendar/2030", Map.of("closedDays", List.of(Map.of("date", "2030-01-05"))))
                .statusCode(400).body("errors.field", hasItem("closedDays[0].date"));
        put("/api/calendar/1999", Map.of("closedDays", List.of())).statusCode(400).body("errors.field", hasItem("year"));
    }
}
