package vn.motcua.intake.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import vn.motcua.config.ProductionStart;

/** The entry point: a production start refuses demo or missing secrets first (service-kit's ProductionStart). */
@QuarkusMain
public class IntakeMain implements QuarkusApplication {

    public static void main(String... args) {
        ProductionStart.run(IntakeMain.class, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
