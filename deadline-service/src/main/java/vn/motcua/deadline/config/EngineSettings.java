package vn.motcua.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import vn.motcua.deadline.domain.DueSoonPolicy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What the alert engine is told: {@code motcua.consumer.group} and the {@code motcua.alerts.*} keys of
 * application.properties (deadline-service/README.md, "Configuration"). The suite's shared mappings hold the rest: topic names in {@link vn.motcua.config.TopicsConfig}, {@code motcua.consumer.max-silence} in
 * {@link vn.motcua.config.ConsumerSettings}; both may map keys under {@code motcua.consumer}.
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
