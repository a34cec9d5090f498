package vn.motcua.devstack.demo;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sa Đéc's units through the two-level local government of 1 July 2025, entered as it happened
 * (docs/time-and-counting.md, "Two-level local government"): the new province of Đồng Tháp and its ward Sa Đéc come
 * into being on 1/7/2025; the former city and its nine wards and communes close that day into the ward. Intake then
 * moves their open dossiers to the ward; every report of before 1/7/2025 stays as it was.
 *
 * <p>Wards 1–4, Tân Quy Tây and Tân Khánh Đông went into the ward Sa Đéc by the sources consulted; An Hòa, Tân Quy
 * Đông and Tân Phú Đông are put there too so that their dossiers have a home, which no source consulted confirms.
 * Each change is a {@code PUT /api/units/{code}} whose same-day rerun is a correction, so a rerun changes nothing.
 */
public final class SaDecReorganisation {

    public static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    public static final String PROVINCE = "DONGTHAP";
    public static final String WARD = "SADEC-PSD";
    public static final String CITY = "SADEC";

    /** The former city's wards and communes, by code, with their names (as in intake's first catalogue). */
    static final Map<String, String> FORMER_UNITS = formerUnits();

    /** One PUT: the unit's code and the state it enters. */
    public record Change(String code, Map<String, Object> state) {
    }

    private SaDecReorganisation() {
    }

    /** The changes in an order intake accepts: a parent and a successor exist before they are named. */
    public static List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(PROVINCE, open("UBND tỉnh Đồng Tháp", null)));
        changes.add(new Change(WARD, open("UBND phường Sa Đéc", PROVINCE)));
        FORMER_UNITS.forEach((code, name) -> changes.add(new Change(code, closed(name, CITY))));
        changes.add(new Change(CITY, closed("UBND thành phố Sa Đéc", null)));
        return List.copyOf(changes);
    }

    /** Enters every change as the demo's admin; throws on the first one intake refuses. */
    public static void apply(String intakeUrl, Tokens tokens) throws IOException, InterruptedException {
        JsonHttp http = new JsonHttp();
        for (Change change : changes()) {
            JsonHttp.Answer answer = http.put(intakeUrl + "/api/units/" + change.code(), tokens.user("admin"),
                    change.state());
            if (answer.status() != 200) {
                throw new IllegalStateException("PUT /api/units/" + change.code() + " answered " + answer.status()
                        + ": " + answer.body());
            }
        }
        System.out.printf("demo: the units of 1/7/2025 entered: %s and %s; %s and its %d wards and communes "
                + "closed into %s%n", PROVINCE, WARD, CITY, FORMER_UNITS.size(), WARD);
    }

    private static Map<String, Object> open(String name, String parentCode) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("parentCode", parentCode);
        state.put("effectiveFrom", EFFECTIVE.toString());
        return state;
    }

    private static Map<String, Object> closed(String name, String parentCode) {
        Map<String, Object> state = open(name, parentCode);
        state.put("closed", true);
        state.put("successorCode", WARD);
        return state;
    }

    private static Map<String, String> formerUnits() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("SADEC-P1", "UBND Phường 1");
        units.put("SADEC-P2", "UBND Phường 2");
        units.put("SADEC-P3", "UBND Phường 3");
        units.put("SADEC-P4", "UBND Phường 4");
        units.put("SADEC-TQT", "UBND Xã Tân Quy Tây");
        units.put("SADEC-TKD", "UBND Xã Tân Khánh Đông");
        units.put("SADEC-AH", "UBND Phường An Hòa");
        units.put("SADEC-TQD", "UBND Phường Tân Quy Đông");
        units.put("SADEC-TPD", "UBND Xã Tân Phú Đông");
        return java.util.Collections.unmodifiableMap(units);
    }
}
