package vn.motcua.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.motcua.events.CloudEvent;

/** A readable event of a batch with the record it came in. */
public record ConsumedEvent(CloudEvent event, ConsumerRecord<String, byte[]> record) {
}
