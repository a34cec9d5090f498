package vn.motcua.intake.bench;

import vn.motcua.testkit.Infrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.motcua.infra.DemoKafkaLogins;
import vn.motcua.infra.KeycloakService;

import java.util.Map;

/**
 * What the packaged service needs to take the benchmark's dossiers: an issuer to verify the kiosks' tokens against
 * (the testkit's real Keycloak with the realm motcua; the prod jar refuses to start without one), and a backdate
 * window wide enough for their 2022 receipt times, as {@code ./devstack --demo} opens it; and, since the packaged jar
 * starts as production, intake's demo Kafka login and leave to start with the test servers' demo secrets.
 */
public class SignedInKiosksResource implements QuarkusTestResourceLifecycleManager {

    /** Working days from 2022 to well after today: the same window as the demo's replay. */
    static final String HISTORICAL_BACKDATE_WINDOW = "5000";

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", Infrastructure.keycloak().issuer(),
                "motcua.intake.backdate-window", HISTORICAL_BACKDATE_WINDOW,
                "motcua.kafka.password", DemoKafkaLogins.INTAKE.password(),
                "motcua.security.allow-demo-secrets", "true");
    }

    @Override
    public void stop() {
        // the shared Keycloak stops when this JVM exits
    }
}
