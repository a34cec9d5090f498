package vn.motcua.kafka;

import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

import java.util.List;
import java.util.Map;

/**
 * Puts a Kafka client's numeric metrics (lag, fetch and request rates, buffer use, ...) into Micrometer's global
 * registry, to which Quarkus adds the registry behind /q/metrics. Set on every client by {@link KafkaClients}
 * ({@code metric.reporters}), so it needs no change where the clients are made; Kafka instantiates one per client
 * and tells it of every metric added, removed, and of the client's close.
 */
public final class MicrometerClientMetrics implements MetricsReporter {

    private final KafkaMeters meters;

    public MicrometerClientMetrics() {
        this(KafkaMeters.GLOBAL);
    }

    MicrometerClientMetrics(KafkaMeters meters) {
        this.meters = meters;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // Nothing to configure: the registry is the global one.
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        if (KafkaMeters.isNumeric(metric)) {
            meters.add(this, metric);
        }
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        meters.remove(this, metric.metricName());
    }

    /** The client closed: its meters go, so a scrape never shows a closed client's last values. */
    @Override
    public void close() {
        meters.removeAll(this);
    }
}
