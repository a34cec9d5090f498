package vn.motcua.stats.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.stats.period.Period;

import java.time.Clock;

/** The one clock of the service, in Asia/Ho_Chi_Minh; tests replace it with a settable one. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(Period.ZONE);
    }
}
