package vn.motcua.stats.messaging;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import vn.motcua.kafka.KafkaClients;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.motcua.stats.app.RebuildStatus.Partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How far a whole consumer group has come on some topics, as the broker knows it (its committed offsets against
 * each partition's end), whichever instances own the partitions. The loop commits after the effect, so a
 * committed offset at the end means every record of the partition is in the database.
 */
final class GroupProgress implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;

    GroupProgress(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = KafkaClients.connection(kafkaConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(config);
    }

    /**
     * Every partition of {@code topics}, in order. A partition the group has not committed on counts from its
     * earliest offset (what retention kept), so a group that has read nothing is behind by all of it.
     */
    List<Partition> of(String group, Collection<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                latest.put(partition, OffsetSpec.latest());
                earliest.put(partition, OffsetSpec.earliest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<Partition> partitions = new ArrayList<>();
            for (TopicPartition partition : latest.keySet()) {
                long end = ends.get(partition).offset();
                OffsetAndMetadata at = committed.get(partition);
                long position = at != null ? at.offset() : starts.get(partition).offset();
                partitions.add(new Partition(partition.topic(), partition.partition(), position, end,
                        Math.max(0, end - position)));
            }
            partitions.sort(Comparator.comparing(Partition::topic).thenComparingInt(Partition::partition));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the progress of " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the progress of " + group + ": " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }
}
