package vn.motcua.deadline;

import org.junit.jupiter.api.Test;
import vn.motcua.testkit.ServiceSkeleton;

/** The one package skeleton of every service (testkit's ServiceSkeleton), on deadline-service's main classes. */
class ArchitectureTest {

    @Test
    void followsTheServiceSkeleton() {
        ServiceSkeleton.check("vn.motcua.deadline");
    }
}
