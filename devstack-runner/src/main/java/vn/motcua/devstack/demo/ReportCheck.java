package vn.motcua.devstack.demo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Reads the H1 city report from stats-service until it shows the demo's figures (the events travel through
 * Kafka, so the totals arrive a little after the last POST), then prints it.
 */
final class ReportCheck {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final String reportUrl;
    private final JsonHttp http = new JsonHttp();

    ReportCheck(String statsUrl) {
        this.reportUrl = statsUrl + "/api/stats/reports/2022-H1?unit=SADEC";
    }

    /** Exit code for the demo: 0 when the report matches or is not served yet, 2 when it shows other figures. */
    int awaitAndPrint() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonHttp.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = http.get(reportUrl);
            } catch (IOException e) {
                last = null;
            }
            if (last != null && last.status() == 200 && SaDecDemo.figuresOf(last.body()).equals(SaDecDemo.EXPECTED)) {
                System.out.println("demo: GET " + reportUrl + "\n" + last.body().toPrettyString());
                System.out.println("demo: the report shows the source figures " + SaDecDemo.EXPECTED);
                return 0;
            }
            if (last != null && last.status() == 404 && !last.body().has("unit")) {
                break;
            }
            Thread.sleep(2000);
        }
        if (last == null || last.status() != 200) {
            System.out.println("demo: stats-service does not serve " + reportUrl + " yet ("
                    + (last == null ? "no answer" : last.status()) + "); the demo's H1 city figures are "
                    + SaDecDemo.EXPECTED);
            return 0;
        }
        Map<String, Long> shown = SaDecDemo.figuresOf(last.body());
        System.out.println("demo: GET " + reportUrl + "\n" + last.body().toPrettyString());
        System.out.println("demo: MISMATCH: the report shows " + shown + ", expected " + SaDecDemo.EXPECTED);
        return 2;
    }
}
