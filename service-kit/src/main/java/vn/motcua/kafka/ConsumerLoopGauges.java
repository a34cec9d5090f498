package vn.motcua.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;

/**
 * A consumer loop's own gauges, tagged {@code loop=<name>}: {@code motcua.consumer.lag} (records not yet processed
 * on the partitions it owns, as read at its last poll; Prometheus {@code motcua_consumer_lag_records}) and
 * {@code motcua.consumer.last.poll.age} (seconds since a poll returned; {@code
 * motcua_consumer_last_poll_age_seconds}). Kafka's own client metrics are in {@link MicrometerClientMetrics}.
 */
public final class ConsumerLoopGauges implements AutoCloseable {

    public static final String LAG = "motcua.consumer.lag";
    public static final String LAST_POLL_AGE = "motcua.consumer.last.poll.age";
    public static final String LOOP_TAG = "loop";

    private final MeterRegistry registry;
    private final List<Meter> meters;

    private ConsumerLoopGauges(MeterRegistry registry, List<Meter> meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /**
     * Registers the two gauges for the loop; {@link #close()} removes them when the loop stops. Use a stable name
     * ({@code catalogue}, not the loop's random client id): one series per loop across restarts.
     */
    public static ConsumerLoopGauges bind(MeterRegistry registry, String loopName, EventConsumerLoop loop) {
        Tags tags = Tags.of(LOOP_TAG, loopName);
        // A gauge registered again under the same id answers the first one's object: a loop of an earlier start in
        // this JVM (tests, dev mode) that was not unbound would be read instead of this one.
        List.of(LAG, LAST_POLL_AGE).forEach(name -> registry.find(name).tags(tags).meters().forEach(registry::remove));
        Gauge lag = Gauge.builder(LAG, loop, ConsumerLoopGauges::totalLag).tags(tags).baseUnit("records")
                .description("records not yet processed on the partitions the loop owns, at its last poll")
                .strongReference(true).register(registry);
        Gauge lastPoll = Gauge.builder(LAST_POLL_AGE, loop, running -> running.millisSinceLastPoll() / 1000.0)
                .tags(tags).baseUnit("seconds").description("time since the loop's last poll returned")
                .strongReference(true).register(registry);
        return new ConsumerLoopGauges(registry, List.of(lag, lastPoll));
    }

    private static double totalLag(EventConsumerLoop loop) {
        return loop.lag().values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
