package vn.motcua.e2e;

import org.junit.jupiter.api.Test;
import vn.motcua.infra.DemoKafkaLogins;
import vn.motcua.infra.KafkaLogin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A supervisor's command-line tool, Debian's kcat, logged in as {@code alerts-reader} as the README shows: it reads
 * the alerts of the demo's replay, and is refused the dossier events. Outside CI the test skips without kcat; with
 * {@code CI=true} a missing kcat fails it ({@code .ci/run} installs it).
 */
class SupervisorsKcatIT {

    private static final Path KCAT = Path.of("/usr/bin/kcat");

    @Test
    void alertsReaderReadsTheAlertsAndNothingElse() throws Exception {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(KCAT).as("CI=true: kcat must run in CI (apt-get install kcat)").isExecutable();
        }
        assumeTrue(Files.isExecutable(KCAT), "no " + KCAT + ": apt-get install kcat");
        Suite suite = Suite.shared();
        Suite.demoReplayed();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(kcat(suite, DemoKafkaLogins.ALERTS_READER, suite.deadlineAlerts).output)
                        .contains("\"type\":\"deadline."));

        Run refused = kcat(suite, DemoKafkaLogins.ALERTS_READER, suite.dossierEvents);
        assertThat(refused.status).isNotZero();
        assertThat(refused.output).doesNotContain("\"applicant\"").containsIgnoringCase("authoriz");
    }

    private record Run(int status, String output) {
    }

    /** Reads a topic from its beginning to its end, as a supervisor would, and answers what kcat printed. */
    private static Run kcat(Suite suite, KafkaLogin login, String topic) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KCAT.toString(), "-C", "-b",
                suite.kafka.bootstrapServers(), "-t", topic, "-o", "beginning", "-e", "-q",
                "-X", "security.protocol=SASL_PLAINTEXT", "-X", "sasl.mechanism=PLAIN",
                "-X", "sasl.username=" + login.user(), "-X", "sasl.password=" + login.password()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kcat did not end: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
