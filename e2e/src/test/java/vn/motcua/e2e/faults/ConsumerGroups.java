package vn.motcua.e2e.faults;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the broker knows of the services' consumer groups: how far behind they are, and who owns what. */
final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    ConsumerGroups(Map<String, Object> kafkaAdmin) {
        admin = Admin.create(kafkaAdmin);
    }

    /** Records on these topics the group has not committed yet: 0 when it has processed everything. */
    long lag(String group, List<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var description : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                description.partitions().forEach(partition -> latest.put(
                        new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the lag of " + group + ": " + e, e);
        }
    }

    /**
     * True when the group is stable with exactly this many members and every partition of the topic assigned: a
     * killed member has been dropped (after the session timeout) and its partitions are being consumed again.
     */
    boolean isSettled(String group, String topic, int members) throws InterruptedException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(10, TimeUnit.SECONDS).get(group);
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            long assigned = description.members().stream().map(MemberDescription::assignment)
                    .flatMap(assignment -> assignment.topicPartitions().stream())
                    .filter(partition -> partition.topic().equals(topic)).count();
            return description.groupState() == GroupState.STABLE && description.members().size() == members
                    && assigned == partitions;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
