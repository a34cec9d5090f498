package vn.motcua.intake;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.events.Topics;
import vn.motcua.infra.KafkaLogin;
import vn.motcua.kafka.KafkaClients;
import vn.motcua.testkit.TestKafka;
import vn.motcua.testkit.TopicReader;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running service's catalogue topic, read as a downstream consumer reads it, and written as another instance would. */
public final class CatalogueTopic {

    private CatalogueTopic() {
    }

    public static String name() {
        return ConfigProvider.getConfig().getValue("motcua.topics.catalogue", String.class);
    }

    public static TopicReader<CloudEvent> reader() {
        return new TopicReader<>(kafkaAdmin(), name(), EventCodec::read);
    }

    /** The records this instance's consumer could not use. */
    public static TopicReader<CloudEvent> deadLetterReader() {
        return new TopicReader<>(kafkaAdmin(), Topics.deadLetterTopic(name()), EventCodec::read);
    }

    /** The events of one record key (= subject), in the order read. */
    public static List<CloudEvent> eventsOf(List<CloudEvent> events, String key) {
        return events.stream().filter(event -> key.equals(event.subject())).toList();
    }

    public static long version(CloudEvent event) {
        return switch (event.type()) {
            case EventTypes.UNIT_CHANGED -> EventCodec.unitData(event).version();
            case EventTypes.PROCEDURE_CHANGED -> EventCodec.procedureData(event).version();
            case EventTypes.CALENDAR_CHANGED -> EventCodec.calendarData(event).version();
            default -> throw new AssertionError("not a catalogue event: " + event.type());
        };
    }

    /** Publishes as another intake instance's relay would: keyed by subject; to one partition when given. */
    public static RecordMetadata publish(CloudEvent event, Integer partition) throws Exception {
        return publish(kafkaAdmin(), event, partition);
    }

    /** Publishes logged in as this principal of the suite, e.g. one that may not write the catalogue. */
    public static RecordMetadata publishAs(KafkaLogin login, CloudEvent event) throws Exception {
        String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return publish(login.clientProperties(bootstrapServers), event, null);
    }

    private static RecordMetadata publish(Map<String, Object> connection, CloudEvent event, Integer partition)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClients.producerConfig(connection))) {
            return producer.send(new ProducerRecord<>(name(), partition, event.subject(), EventCodec.write(event)))
                    .get(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> kafkaAdmin() {
        return TestKafka.admin();
    }
}
