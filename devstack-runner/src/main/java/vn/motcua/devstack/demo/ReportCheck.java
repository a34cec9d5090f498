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

    /** Exit code for the demo: 0 when the report shows the figures; 2 when it shows others or never answers. */
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
            Thread.sleep(2000);
        }
        if (last == null || last.status() != 200) {
            System.out.println("demo: FAILED: stats-service did not serve " + reportUrl + " within " + PATIENCE
                    + " (" + (last == null ? "no answer" : "status " + last.status()) + "); expected "
                    + SaDecDemo.EXPECTED);
            return 2;
        }
        Map<String, Long> shown = SaDecDemo.figuresOf(last.body());
        System.out.println("demo: GET " + reportUrl + "\n" + last.body().toPrettyString());
        System.out.println("demo: FAILED: the report shows " + shown + ", expected " + SaDecDemo.EXPECTED);
        return 2;
    }
}
