package vn.motcua.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Each service's entry point calls this: a production start ({@code java -jar}) with a known or missing secret
 * stops before anything connects (Flyway would migrate the database first), naming every problem and exiting with
 * status 78 (configuration error). Dev mode and tests are not checked.
 */
public final class ProductionStart {

    public static final int CONFIGURATION_ERROR = 78;

    private ProductionStart() {
    }

    public static void run(Class<? extends QuarkusApplication> application, String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Config config = ConfigProvider.getConfig();
            List<String> problems = ProductionSettings.problems(name -> config.getOptionalValue(name, String.class));
            if (!problems.isEmpty()) {
                if (config.getOptionalValue(ProductionSettings.ALLOW_DEMO_SECRETS, Boolean.class).orElse(false)) {
                    System.err.println("WARNING: demo secrets allowed (" + ProductionSettings.ALLOW_DEMO_SECRETS
                            + "), a local demo only: " + String.join("; ", problems));
                } else {
                    problems.forEach(problem -> System.err.println("REFUSED TO START: " + problem));
                    System.exit(CONFIGURATION_ERROR);
                }
            }
        }
        Quarkus.run(application, args);
    }
}
