package vn.motcua.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Says at start as whom the service logs in to Kafka, and warns while the demo's secrets are allowed, so that an
 * operator reading the log sees both (the checks themselves ran before Quarkus started: ProductionStart).
 */
@ApplicationScoped
public class LoginsAtStart {

    private static final Logger LOG = Logger.getLogger(LoginsAtStart.class);

    void report(@Observes StartupEvent started, KafkaLoginSettings kafka, DemoSecretsSetting demoSecrets) {
        LOG.infof("Kafka login: principal %s", kafka.user());
        if (demoSecrets.allowDemoSecrets()) {
            LOG.warn("motcua.security.allow-demo-secrets is on: this start may use the demo's known secrets (a local"
                    + " demo only)");
        }
    }
}
