package vn.motcua.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.motcua.deadline.domain.DueSoonPolicy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What the alert engine is told: the {@code motcua.consumer.*} and {@code motcua.alerts.*} keys of
 * application.properties (table in the README, deadline-service, Configuration). Topic names are the suite's one
 * mapping, {@link vn.motcua.config.TopicsConfig}.
 */
@ConfigMapping(prefix = "motcua")
public interface EngineSettings {

    Consumer consumer();

    Alerts alerts();

    default DueSoonPolicy dueSoon() {
        return new DueSoonPolicy(alerts().dueSoonLead(), alerts().dueSoonTime());
    }

    interface Consumer {
        /** The group of the dossier-events consumers; every instance of the service uses the same one. */
        @WithDefault("deadline-service")
        String group();

        /** The group on the catalogue topic, {@code <group>-catalogue}: the instances share one units table. */
        default String catalogueGroup() {
            return group() + "-catalogue";
        }

        /**
         * A consumer loop is not live when no poll has returned for this long: above the loop's own longest waits
         * (30 s between attempts to rejoin, 10 s for a client call), so only a stuck or dead loop gets this far.
         */
        @WithDefault("60s")
        Duration maxSilence();
    }

    interface Alerts {
        /** How often due alerts are looked for. */
        @WithDefault("1s")
        Duration tick();

        /** due-soon at this local time on the due date … */
        @WithDefault("07:30")
        LocalTime dueSoonTime();

        /** … unless a lead before dueAt is set. */
        Optional<Duration> dueSoonLead();

        /** Rows claimed per transaction. */
        @WithDefault("500")
        int batchSize();

        /**
         * How long an alert recorded but not yet marked published is left to the tick that sends it before the
         * recovery reads deadline-alerts back and settles it: well above the producer's delivery timeout (10 s,
         * KafkaClients), so that the recovery never races a send still in flight.
         */
        @WithDefault("45s")
        Duration publishLease();
    }
}
