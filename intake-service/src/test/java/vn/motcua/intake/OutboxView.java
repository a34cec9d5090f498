package vn.motcua.intake;

import vn.motcua.testkit.Management;
import io.restassured.RestAssured;

import javax.sql.DataSource;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outbox as an operator sees it: its gauges in /q/metrics, its check in /q/health/well, and the table itself. */
public final class OutboxView {

    public static final String BACKLOG = "motcua_outbox_backlog";
    public static final String OLDEST_UNSENT_AGE = "motcua_outbox_oldest_unsent_age_seconds";

    private OutboxView() {
    }

    /** A gauge's value as scraped from /q/metrics. */
    public static double gauge(String prometheusName) {
        String metrics = RestAssured.get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + Pattern.quote(prometheusName) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        if (!line.find()) {
            throw new AssertionError(prometheusName + " is not in /q/metrics");
        }
        return Double.parseDouble(line.group(2));
    }

    /** The data of the outbox check in /q/health/well (which answers 200 while it is UP). */
    public static Map<String, Object> wellnessData() {
        return RestAssured.get(Management.url("/q/health/well")).then().statusCode(200).extract()
                .path("checks.find { it.name == 'intake-service outbox' }.data");
    }

    /** Rows the broker has not acknowledged, counted in the table. */
    public static long unsentRows(DataSource dataSource) {
        return Rows.number(dataSource, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
    }
}
