package vn.motcua.deadline.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.deadline.alert.DueSoonPolicy;

import java.time.Clock;

/** The one clock of the service, in Vietnam's zone. Tests and demos replace it with a bean of their own. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(DueSoonPolicy.VIETNAM);
    }
}
