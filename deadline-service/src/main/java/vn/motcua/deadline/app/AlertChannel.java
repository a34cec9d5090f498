package vn.motcua.deadline.app;

import vn.motcua.deadline.domain.UnpublishedAlert;
import vn.motcua.events.CloudEvent;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The deadline-alerts topic as the alert tick and the recovery need it. A port: the use cases stay off Kafka's API,
 * and messaging's {@code AlertPublisher} implements it.
 */
public interface AlertChannel {

    /** Sends these alerts and returns only once the broker acknowledged all; throws otherwise. */
    void publish(List<CloudEvent> alerts);

    /** Sends again, byte for byte, alerts as {@code alerts_sent} recorded them; throws unless all are acknowledged. */
    void republish(List<UnpublishedAlert> alerts);

    /** The ids among these alerts that the topic already holds, committed: those must not be sent again. */
    Set<UUID> onTopic(List<UnpublishedAlert> alerts);
}
