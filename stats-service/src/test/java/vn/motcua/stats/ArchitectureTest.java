package vn.motcua.stats;

import org.junit.jupiter.api.Test;
import vn.motcua.testkit.ServiceSkeleton;

/** The one package skeleton of the suite's services (api, app, domain, store, messaging, config). */
class ArchitectureTest {

    @Test
    void followsTheServiceSkeleton() {
        ServiceSkeleton.check("vn.motcua.stats");
    }
}
