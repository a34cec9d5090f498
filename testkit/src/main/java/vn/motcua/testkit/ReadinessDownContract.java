package vn.motcua.testkit;

import org.junit.jupiter.api.Test;

/**
 * The readiness test every service runs on servers of its own: ready with a check UP for each, then each server
 * stopped under the running service turns its own check DOWN. A service's test extends it and adds
 * {@code @QuarkusTest} and {@code @WithTestResource(value = DedicatedInfrastructureResource.class, initArgs =
 * @ResourceArg(name = "needs", value = "…"), scope = TestResourceScope.RESTRICTED_TO_CLASS)}.
 */
public abstract class ReadinessDownContract {

    @InjectInfrastructure
    protected DedicatedInfrastructure infrastructure;

    @Test
    void downWhenItsInfrastructureStops() {
        Readiness.assertDownWhenEachServerStops(infrastructure);
    }
}
