package vn.motcua.stats.support;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.motcua.calendar.VietnamTime;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.Decision;
import vn.motcua.events.DossierData;
import vn.motcua.events.EventCodec;
import vn.motcua.events.EventTypes;
import vn.motcua.kafka.KafkaClients;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** Histories as the CloudEvents intake-service and deadline-service would publish, and a producer for them. */
public final class Events {

    private static final URI INTAKE = URI.create("/motcua/intake-service");
    private static final URI DEADLINE = URI.create("/motcua/deadline-service");

    private Events() {
    }

    /** A dossier event or an alert, with the topic it belongs on. */
    public record Outgoing(boolean alert, String key, CloudEvent event) {
    }

    public static List<Outgoing> of(History h) {
        List<Outgoing> out = new ArrayList<>();
        long sequence = 0;
        for (History.Step s : h.steps()) {
            sequence++;
            OffsetDateTime at = local(s.at());
            boolean resolved = s.type().equals(EventTypes.RESOLVED);
            DossierData data = new DossierData(h.code(), h.unit(), h.procedure(), h.channel(), h.onlineLevel(),
                    local(h.receivedAt()), s.dueAt().atZone(VietnamTime.ZONE).toLocalDate(), local(s.dueAt()), sequence,
                    s.type().equals(EventTypes.SUPPLEMENT_REQUESTED) ? at : null, null,
                    s.type().equals(EventTypes.SUPPLEMENT_RECEIVED) ? at : null,
                    s.type().equals(EventTypes.APOLOGY_ISSUED) ? at.plusDays(3) : null,
                    resolved ? at : null, resolved ? Decision.APPROVED : null, s.timeliness(),
                    s.type().equals(EventTypes.WITHDRAWN) ? at : null,
                    resolved ? h.resultDelivery() : null, resolved ? h.handlingWorkingDays(s.at()) : null);
            out.add(new Outgoing(false, h.code(), EventCodec.dossierEvent(s.type(), INTAKE, at, data)));
        }
        for (Instant alert : h.alerts()) {
            History.Step last = h.steps().get(h.steps().size() - 1);
            AlertData data = new AlertData(h.code(), h.unit(), h.procedure(), last.dueAt().atZone(VietnamTime.ZONE).toLocalDate(),
                    local(last.dueAt()), null, h.steps().size());
            out.add(new Outgoing(true, h.code(), EventCodec.alert(EventTypes.OVERDUE, DEADLINE, local(alert), data)));
        }
        return out;
    }

    public static List<Outgoing> of(List<History> histories) {
        List<Outgoing> out = new ArrayList<>();
        histories.forEach(h -> out.addAll(of(h)));
        return out;
    }

    public static Producer<String, byte[]> producer(Map<String, Object> kafkaAdmin) {
        return new KafkaProducer<>(KafkaClients.producerConfig(kafkaAdmin));
    }

    public static void send(Producer<String, byte[]> producer, String dossierTopic, String alertTopic,
                            List<Outgoing> events) {
        List<Future<?>> sent = new ArrayList<>();
        for (Outgoing o : events) {
            sent.add(producer.send(new ProducerRecord<>(o.alert() ? alertTopic : dossierTopic, o.key(),
                    EventCodec.write(o.event()))));
        }
        producer.flush();
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("broker refused an event", e);
            }
        }
    }

    private static OffsetDateTime local(Instant t) {
        return t.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
