package vn.motcua.intake;

import org.junit.jupiter.api.Test;
import vn.motcua.testkit.ServiceSkeleton;

/** intake-service keeps the one package skeleton of the suite. */
class ArchitectureTest {

    @Test
    void followsTheServiceSkeleton() {
        ServiceSkeleton.check("vn.motcua.intake");
    }
}
