package vn.motcua.deadline.app;

import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;

/**
 * Where the reader of deadline-alerts hands each alert as it comes: the open SSE streams (api's
 * {@code AlertBroadcaster}). A port, so that the Kafka edge never calls the HTTP edge.
 */
public interface LiveAlerts {

    void broadcast(CloudEvent alert, AlertData data);
}
