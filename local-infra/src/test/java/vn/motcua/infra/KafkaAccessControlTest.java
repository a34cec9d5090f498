package vn.motcua.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker of the suite on its own: who gets in, and who may write or read which topic. */
class KafkaAccessControlTest {

    private static final SuiteTopics TOPICS = SuiteTopics.STANDARD;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startTheBroker() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(List.of(TOPICS.dossierEvents(), TOPICS.deadlineAlerts(),
                SuiteTopics.deadLetters(TOPICS.dossierEvents())), 1);
        kafka.createCompactedTopic(TOPICS.catalogue(), 1);
        kafka.grantSuiteAcls(TOPICS);
    }

    @AfterAll
    static void stopTheBroker() {
        kafka.close();
    }

    @Test
    void anAnonymousClientCannotConnect() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "request.timeout.ms", 2000, "default.api.timeout.ms", 3000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(5, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaLogin impostor = new KafkaLogin(DemoKafkaLogins.INTAKE.user(), "guessed");
        try (Admin admin = Admin.create(impostor.clientProperties(kafka.bootstrapServers()))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void statsMayNotWriteDossierEvents() {
        assertWriteRefused(DemoKafkaLogins.STATS, TOPICS.dossierEvents());
    }

    @Test
    void intakeWritesDossierEventsAndDeadlineServiceReadsThem() throws Exception {
        send(DemoKafkaLogins.INTAKE, TOPICS.dossierEvents());
        assertThat(readAll(DemoKafkaLogins.DEADLINE, TOPICS.dossierEvents())).isNotEmpty();
    }

    @Test
    void onlyIntakeWritesTheCatalogue() {
        for (KafkaLogin other : List.of(DemoKafkaLogins.DEADLINE, DemoKafkaLogins.STATS, DemoKafkaLogins.AUDITOR,
                DemoKafkaLogins.ALERTS_READER)) {
            assertWriteRefused(other, TOPICS.catalogue());
        }
    }

    @Test
    void theAuditorReadsEveryTopicAndWritesNone() throws Exception {
        send(DemoKafkaLogins.INTAKE, TOPICS.dossierEvents());
        assertThat(readAll(DemoKafkaLogins.AUDITOR, TOPICS.dossierEvents())).isNotEmpty();
        assertWriteRefused(DemoKafkaLogins.AUDITOR, TOPICS.deadlineAlerts());
    }

    @Test
    void theAlertsReaderReadsDeadlineAlertsOnly() throws Exception {
        send(DemoKafkaLogins.DEADLINE, TOPICS.deadlineAlerts());
        assertThat(readAll(DemoKafkaLogins.ALERTS_READER, TOPICS.deadlineAlerts())).isNotEmpty();
        assertThatThrownBy(() -> readAll(DemoKafkaLogins.ALERTS_READER, TOPICS.dossierEvents()))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    /** What kcat from Debian (librdkafka 2.0.2) can use: PLAIN, for the tools' read-only principals only. */
    @Test
    void theAlertsReaderMayLogInWithPlainAndAServiceMayNot() {
        Map<String, Object> alertsReader = plain(DemoKafkaLogins.ALERTS_READER);
        try (Admin admin = Admin.create(alertsReader)) {
            assertThat(admin.describeCluster().clusterId()).succeedsWithin(Duration.ofSeconds(10));
        }
        try (Admin admin = Admin.create(plain(DemoKafkaLogins.INTAKE))) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> plain(KafkaLogin login) {
        Map<String, Object> config = new HashMap<>(login.clientProperties(kafka.bootstrapServers()));
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + login.user() + "\" password=\"" + login.password() + "\";");
        return config;
    }

    @Test
    void aServiceMayNotUseAnotherServicesConsumerGroup() {
        Map<String, Object> config = consumerConfig(DemoKafkaLogins.STATS);
        config.put("group.id", "deadline-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPICS.dossierEvents()));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }
    }

    /**
     * A principal with no write anywhere is refused its producer id first (cluster authorisation), one with writes
     * elsewhere the topic itself.
     */
    private static void assertWriteRefused(KafkaLogin login, String topic) {
        assertThatThrownBy(() -> send(login, topic)).as(login.user() + " writing " + topic)
                .cause().isInstanceOfAny(TopicAuthorizationException.class, ClusterAuthorizationException.class);
    }

    private static void send(KafkaLogin login, String topic) throws Exception {
        Map<String, Object> config = login.clientProperties(kafka.bootstrapServers());
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        config.put("max.block.ms", 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "SADEC-1", "{}")).get(15, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(KafkaLogin login, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(login))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(10));
            return records.records(partition).stream().map(r -> r.value()).toList();
        }
    }

    private static Map<String, Object> consumerConfig(KafkaLogin login) {
        Map<String, Object> config = new HashMap<>(login.clientProperties(kafka.bootstrapServers()));
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        config.put("auto.offset.reset", "earliest");
        config.put("enable.auto.commit", false);
        return config;
    }
}
