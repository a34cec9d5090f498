package vn.motcua.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.Set;

/**
 * For a {@code @QuarkusTest} that stops infrastructure under the running application: it gets servers of its own,
 * injected into its {@link InjectInfrastructure} field. Init arg {@code needs} as for {@link InfrastructureResource}.
 */
public class DedicatedInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private Set<String> needs = InfrastructureResource.ALL;
    private DedicatedInfrastructure infrastructure;

    @Override
    public void init(Map<String, String> initArgs) {
        needs = InfrastructureResource.needs(initArgs);
    }

    @Override
    public Map<String, String> start() {
        infrastructure = DedicatedInfrastructure.start(needs);
        return infrastructure.config();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(infrastructure,
                new TestInjector.AnnotatedAndMatchesType(InjectInfrastructure.class, DedicatedInfrastructure.class));
    }

    @Override
    public void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }
}
