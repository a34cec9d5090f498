package vn.motcua.intake.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the service: every "now" comes from here, so tests and demos can move time. */
public class ClockProducer {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(VIETNAM);
    }
}
