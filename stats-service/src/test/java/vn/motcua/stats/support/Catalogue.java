package vn.motcua.stats.support;

import java.util.Map;
import vn.motcua.testkit.TestKafka;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.motcua.events.EventCodec;
import vn.motcua.events.Topics;
import vn.motcua.events.UnitData;
import vn.motcua.testkit.TestBed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Units onto a test bed's catalogue topic, as intake-service publishes them ({@code unit.changed}, key
 * {@code unit:<code>}): the service has no other source of units, so a test that reports by unit publishes the
 * units it needs first.
 */
public final class Catalogue {

    private static final URI INTAKE = URI.create("/motcua/intake-service");

    /** Sa Đéc city and its wards and communes, as intake-service's migration loads them. */
    public static final List<UnitData> SA_DEC = List.of(
            unit("SADEC", "UBND thành phố Sa Đéc", null),
            unit("SADEC-P1", "Phường 1", "SADEC"),
            unit("SADEC-P2", "Phường 2", "SADEC"),
            unit("SADEC-P3", "Phường 3", "SADEC"),
            unit("SADEC-P4", "Phường 4", "SADEC"),
            unit("SADEC-AH", "Phường An Hòa", "SADEC"),
            unit("SADEC-TQD", "Phường Tân Quy Đông", "SADEC"),
            unit("SADEC-TKD", "Xã Tân Khánh Đông", "SADEC"),
            unit("SADEC-TQT", "Xã Tân Quy Tây", "SADEC"),
            unit("SADEC-TPD", "Xã Tân Phú Đông", "SADEC"));

    private Catalogue() {
    }

    /** Version 1 of a unit. */
    public static UnitData unit(String code, String name, String parentCode) {
        return new UnitData(code, name, parentCode, 1);
    }

    /** The record intake-service would publish for this state of the unit. */
    public static ProducerRecord<String, byte[]> record(String topic, UnitData unit) {
        return new ProducerRecord<>(topic, Topics.unitKey(unit.code()),
                EventCodec.write(EventCodec.unitChanged(INTAKE, OffsetDateTime.now(), unit)));
    }

    /** The same record on a given partition: what is sent after it there is read after it. */
    public static ProducerRecord<String, byte[]> onPartition(int partition, ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), partition, record.key(), record.value());
    }

    /** Any value under any key, on the partition the key would go to. */
    public static ProducerRecord<String, byte[]> raw(String topic, String key, String value) {
        return new ProducerRecord<>(topic, partitionOf(key), key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The partition Kafka's default partitioner gives a key on a test bed's topic: records on one are read in order. */
    public static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % TestBed.PARTITIONS;
    }

    /** Publishes and waits for the broker's acknowledgement of each record. */
    public static void publish(Map<String, Object> kafkaAdmin, String topic, List<UnitData> units) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        units.forEach(unit -> records.add(record(topic, unit)));
        send(kafkaAdmin, records);
    }

    public static void send(Map<String, Object> kafkaAdmin, List<ProducerRecord<String, byte[]>> records) {
        try (Producer<String, byte[]> producer = Events.producer(kafkaAdmin)) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("broker refused a catalogue record", e);
        }
    }

    /**
     * Publishes onto the running service's catalogue topic and waits until {@code GET /api/stats/units} lists each
     * unit with that name and parent.
     */
    public static void publishAndAwait(Map<String, Object> kafkaAdmin, String topic, List<UnitData> units) {
        publish(kafkaAdmin, topic, units);
        awaitListed(units);
    }

    /** The same, onto the topic and broker of the running {@code @QuarkusTest} application. */
    public static void publishToServiceAndAwait(List<UnitData> units) {
        var config = ConfigProvider.getConfig();
        publishAndAwait(TestKafka.admin(),
                config.getValue("motcua.topics.catalogue", String.class), units);
    }

    public static void awaitListed(List<UnitData> units) {
        await("the units on GET /api/stats/units").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<UnitData> listed = RestAssured.get("/api/stats/units").then().statusCode(200).extract()
                            .jsonPath().getList("", java.util.Map.class).stream()
                            .map(u -> new UnitData((String) u.get("code"), (String) u.get("name"),
                                    (String) u.get("parentCode"), 0))
                            .toList();
                    for (UnitData unit : units) {
                        assertThat(listed).contains(new UnitData(unit.code(), unit.name(), unit.parentCode(), 0));
                    }
                });
    }
}
