package vn.motcua.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The numeric metrics of every Kafka client in this JVM as meters of one registry, added and removed by each
 * client's {@link MicrometerClientMetrics}.
 *
 * <p>Prometheus wants one set of tag keys per meter name, and Kafka keeps some metrics at two levels under one name
 * ({@code records-lag-max} of the client and of each partition): a meter that differs only in its keys is dropped
 * by the Prometheus registry. So every meter of a name carries the union of the keys its variants have, an absent
 * key as an empty value, which Prometheus treats as no label at all. The union is JVM-wide, because one client's
 * per-partition variant widens the name for every other client too.
 *
 * <p>For a topic whose name has a dot, the consumer also keeps deprecated copies of its topic and partition metrics
 * tagged with the name's dots as underscores; they are left out, or every sum by topic would count twice. (A client
 * reading both {@code a.b} and {@code a_b} loses the latter's: Kafka warns against such names for this reason.)
 */
final class KafkaMeters {

    static final KafkaMeters GLOBAL = new KafkaMeters(Metrics.globalRegistry);

    private final MeterRegistry registry;
    private final Map<String, SortedSet<String>> tagKeysByName = new HashMap<>();
    private final Map<MetricName, Registered> registered = new HashMap<>();
    /** Per client, the underscore spellings of the dotted topics it has metrics of. */
    private final Map<Object, Set<String>> deprecatedTopicNames = new HashMap<>();

    KafkaMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics with a number to show: versions and commit ids are strings. */
    static boolean isNumeric(KafkaMetric metric) {
        return metric.metricValue() instanceof Number;
    }

    /** Prometheus' usual names for Kafka: {@code kafka.consumer.fetch.manager.records.lag.max}. */
    static String meterName(MetricName metric) {
        String group = metric.group().endsWith("-metrics")
                ? metric.group().substring(0, metric.group().length() - "-metrics".length())
                : metric.group();
        return ("kafka." + group + "." + metric.name()).replace('-', '.');
    }

    synchronized void add(Object owner, KafkaMetric metric) {
        MetricName id = metric.metricName();
        Registered previous = registered.get(id);
        if (previous != null && previous.owner != owner) {
            // Two clients with one client.id: the first keeps its meters, as Kafka's JMX keeps its first MBean.
            return;
        }
        if (isDeprecatedCopy(owner, id)) {
            return;
        }
        if (previous != null) {
            registry.remove(previous.meter);
        }
        String name = meterName(id);
        SortedSet<String> keys = tagKeysByName.computeIfAbsent(name, any -> new TreeSet<>());
        if (!keys.containsAll(id.tags().keySet())) {
            keys.addAll(id.tags().keySet());
            registered.values().stream().filter(other -> other.name.equals(name) && other != previous)
                    .forEach(other -> {
                        registry.remove(other.meter);
                        other.meter = register(other.metric, name, keys);
                    });
        }
        registered.put(id, new Registered(owner, metric, name, register(metric, name, keys)));
    }

    synchronized void remove(Object owner, MetricName id) {
        Registered entry = registered.get(id);
        if (entry == null || entry.owner != owner) {
            return;
        }
        registered.remove(id);
        registry.remove(entry.meter);
        if (registered.values().stream().noneMatch(other -> other.name.equals(entry.name))) {
            tagKeysByName.remove(entry.name);
        }
    }

    synchronized void removeAll(Object owner) {
        List<MetricName> owned = registered.entrySet().stream().filter(entry -> entry.getValue().owner == owner)
                .map(Map.Entry::getKey).toList();
        owned.forEach(id -> remove(owner, id));
        deprecatedTopicNames.remove(owner);
    }

    /** Kafka registers the deprecated copy first: the dotted original, when it comes, removes what is there. */
    private boolean isDeprecatedCopy(Object owner, MetricName id) {
        String topic = id.tags().get("topic");
        if (topic == null || topic.isEmpty()) {
            return false;
        }
        Set<String> deprecated = deprecatedTopicNames.computeIfAbsent(owner, any -> new HashSet<>());
        if (!topic.contains(".")) {
            return deprecated.contains(topic);
        }
        String underscored = topic.replace('.', '_');
        if (deprecated.add(underscored)) {
            registered.entrySet().stream()
                    .filter(entry -> entry.getValue().owner == owner
                            && underscored.equals(entry.getKey().tags().get("topic")))
                    .map(Map.Entry::getKey).toList()
                    .forEach(copy -> remove(owner, copy));
        }
        return false;
    }

    private Meter register(KafkaMetric metric, String name, Set<String> keys) {
        Map<String, String> tags = metric.metricName().tags();
        List<Tag> padded = keys.stream().map(key -> Tag.of(key, tags.getOrDefault(key, ""))).toList();
        String description = metric.metricName().description();
        // Kafka's *-total metrics only grow while the client lives: counters, so that rate() works on them.
        // The meters hold the metric weakly; this class holds it until the client removes it.
        if (metric.metricName().name().endsWith("-total")) {
            return FunctionCounter.builder(name, metric, KafkaMeters::value).tags(padded).description(description)
                    .register(registry);
        }
        return Gauge.builder(name, metric, KafkaMeters::value).tags(padded).description(description)
                .register(registry);
    }

    private static double value(KafkaMetric metric) {
        return metric.metricValue() instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static final class Registered {
        final Object owner;
        final KafkaMetric metric;
        final String name;
        Meter meter;

        Registered(Object owner, KafkaMetric metric, String name, Meter meter) {
            this.owner = owner;
            this.metric = metric;
            this.name = name;
            this.meter = meter;
        }
    }
}
