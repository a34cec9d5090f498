package vn.motcua.intake.messaging;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;
import vn.motcua.intake.Dossiers;
import vn.motcua.testkit.DedicatedInfrastructure;
import vn.motcua.testkit.DedicatedInfrastructureResource;
import vn.motcua.testkit.InjectInfrastructure;
import vn.motcua.testkit.TopicReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka goes away for a while: intake keeps answering, and every event goes out, in order, once it is back. */
@QuarkusTest
@WithTestResource(value = DedicatedInfrastructureResource.class,
        initArgs = @ResourceArg(name = "needs", value = "kafka,postgres"),
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class KafkaOutageTest {

    @InjectInfrastructure
    DedicatedInfrastructure infrastructure;

    @Inject
    OutboxRelay relay;

    @Test
    void intakeGoesOnWhileKafkaIsDownAndEveryEventArrivesInOrderAfterwards() {
        List<String> before = receive(3, "2022-03-01T08:00:00+07:00");
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            reader.until(all -> before.stream().allMatch(code -> !Dossiers.eventsOf(all, code).isEmpty()));
        }

        infrastructure.kafka().suspend();
        List<String> during = receive(25, "2022-03-02T08:00:00+07:00");
        for (String code : during.subList(0, 10)) {
            Dossiers.step(code, "supplement-requests", Map.of("requestedAt", "2022-03-02T10:00:00+07:00", "reason", "x"))
                    .statusCode(200);
            Dossiers.step(code, "supplement-received", Map.of("receivedAt", "2022-03-03T10:00:00+07:00"))
                    .statusCode(200);
            Dossiers.step(code, "result", Map.of("resolvedAt", "2022-03-04T10:00:00+07:00", "decision", "APPROVED"))
                    .statusCode(200);
        }
        assertThat(relay.backlog()).isGreaterThanOrEqualTo(55);

        infrastructure.kafka().restart();
        try (TopicReader<CloudEvent> reader = Dossiers.eventReader()) {
            List<CloudEvent> events = reader.until(all -> during.stream().allMatch(code ->
                    distinctSequences(Dossiers.eventsOf(all, code)).size() == (during.indexOf(code) < 10 ? 4 : 1)));
            for (String code : during) {
                // Redelivery after an ambiguous failure may repeat an event, never reorder one.
                assertThat(distinctSequences(Dossiers.eventsOf(events, code))).isSorted();
            }
        }
    }

    private static List<Long> distinctSequences(List<CloudEvent> events) {
        List<Long> sequences = new ArrayList<>();
        for (CloudEvent event : events) {
            long sequence = EventCodec.dossierData(event).sequence();
            if (sequences.isEmpty() || sequences.get(sequences.size() - 1) != sequence) {
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    private static List<String> receive(int count, String receivedAt) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(Dossiers.receive("1.004873", "SADEC-P1", receivedAt));
        }
        return codes;
    }
}
