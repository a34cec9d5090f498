package vn.motcua.deadline.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;
import vn.motcua.deadline.app.LiveAlerts;
import vn.motcua.deadline.app.UnitDirectory;
import vn.motcua.deadline.config.StreamSettings;
import vn.motcua.deadline.domain.UnitFilter;
import vn.motcua.deadline.domain.UnitScope;
import vn.motcua.deadline.store.DeadlineStore;
import vn.motcua.events.AlertData;
import vn.motcua.events.CloudEvent;
import vn.motcua.events.EventCodec;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands each alert to the open SSE streams whose unit covers the alert's unit, by the tree as it stands when the
 * alert comes: a ward added or moved under a subscriber's unit after it subscribed is covered from then on.
 * Streams are capped in total, per client address and per user; each gets a heartbeat comment, and a stream that names the
 * last alert it saw (Last-Event-ID) first gets the alerts of its units sent after it, from {@code alerts_sent}, page
 * by page until caught up. The alerts come from messaging's reader of deadline-alerts, through the
 * {@link LiveAlerts} port.
 */
@ApplicationScoped
public class AlertBroadcaster implements LiveAlerts {

    private static final Logger LOG = Logger.getLogger(AlertBroadcaster.class);

    /** How long a replay waits for its client to take a page before giving the stream up. */
    private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(30);

    private final UnitDirectory units;
    private final DeadlineStore store;
    private final StreamSettings settings;
    private final List<StreamSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeat;

    public AlertBroadcaster(UnitDirectory units, DeadlineStore store, StreamSettings settings) {
        this.units = units;
        this.store = store;
        this.settings = settings;
    }

    @PostConstruct
    void startHeartbeat() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "alert-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopHeartbeat() {
        heartbeat.shutdownNow();
    }

    /**
     * Opens a stream, or answers false when the caps are reached (nothing was written to the sink then). With a
     * last event id, the alerts of the filter sent after it come first, then the live ones, none twice.
     *
     * @param client     the client's address, for the per-address cap
     * @param user       who the caller is (the token's subject), for the per-user cap
     * @param until      when the caller's authentication expires: the stream ends then, so a revoked or expired
     *                   caller does not go on reading; empty for never
     * @param disconnect closes the client's connection; run when the client falls more than the backlog behind
     */
    public boolean subscribe(UnitFilter filter, String client, String user, Optional<UUID> lastEventId,
                             Optional<Instant> until, SseEventSink sink, Sse sse, Runnable disconnect) {
        StreamSubscriber subscriber = new StreamSubscriber(filter, client, user, sink, sse, settings.maxBacklog(),
                lastEventId.isPresent(), subscribers::remove, disconnect);
        if (!admit(subscriber)) {
            return false;
        }
        // A comment first, so the client has the response headers and knows it is subscribed.
        subscriber.comment("subscribed");
        until.ifPresent(end -> heartbeat.schedule(() -> expire(subscriber),
                Math.max(0, Duration.between(Instant.now(), end).toMillis()), TimeUnit.MILLISECONDS));
        lastEventId.ifPresent(id -> replay(subscriber, id));
        return true;
    }

    @Override
    public void broadcast(CloudEvent alert, AlertData data) {
        StreamSubscriber.Alert outgoing = new StreamSubscriber.Alert(alert,
                new String(EventCodec.write(alert), StandardCharsets.UTF_8));
        List<String> lineage = null; // the alert's unit and those above it, read once and only if a filter needs it
        for (StreamSubscriber subscriber : subscribers) {
            if (subscriber.isClosed()) {
                subscribers.remove(subscriber);
                continue;
            }
            if (!subscriber.filter().isAll() && lineage == null) {
                lineage = units.lineage(data.unitCode());
            }
            if (subscriber.filter().covers(lineage)) {
                subscriber.deliver(outgoing);
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Counting and adding under one lock, so that two requests at once cannot both take the last slot. */
    private synchronized boolean admit(StreamSubscriber subscriber) {
        subscribers.removeIf(StreamSubscriber::isClosed);
        long fromClient = subscribers.stream().filter(s -> s.client().equals(subscriber.client())).count();
        long ofUser = subscribers.stream().filter(s -> s.user().equals(subscriber.user())).count();
        if (subscribers.size() >= settings.maxConnections() || fromClient >= settings.maxPerClient()
                || ofUser >= settings.maxPerUser()) {
            return false;
        }
        subscribers.add(subscriber);
        return true;
    }

    /**
     * Pages through the alerts of the stream's units after the named one until caught up. The units are selected
     * in the query (by the tree as it stands now), so another unit's burst cannot push the stream's own alerts off a
     * page; the position moves only over alerts sent here or of units outside the stream's scope. Between pages the
     * client must have taken most of what it was sent, so a long replay is paced by the client rather than dropping
     * it for its backlog.
     */
    private void replay(StreamSubscriber subscriber, UUID lastEventId) {
        try {
            Optional<Long> position = store.sendOrderOf(lastEventId);
            if (position.isPresent()) {
                UnitScope scope = units.scope(subscriber.filter());
                int room = Math.max(1, settings.maxBacklog() / 2);
                int page = Math.min(settings.replayPage(), room);
                long after = position.get();
                List<DeadlineStore.SentAlert> alerts;
                do {
                    if (!subscriber.awaitBacklogAtMost(room, REPLAY_PATIENCE)) {
                        throw new IllegalStateException("the client does not take the replay");
                    }
                    alerts = store.alertsSentAfter(after, scope, page);
                    for (DeadlineStore.SentAlert sent : alerts) {
                        subscriber.replay(new StreamSubscriber.Alert(
                                EventCodec.read(sent.json().getBytes(StandardCharsets.UTF_8)), sent.json()));
                        after = sent.sendOrder();
                    }
                } while (alerts.size() == page && !subscriber.isClosed());
            }
            subscriber.goLive();
        } catch (RuntimeException e) {
            // The database away: closed rather than left with a gap; the client reconnects with the same id.
            LOG.warnf("alert stream replay failed, closing the stream: %s", e.getMessage());
            subscribers.remove(subscriber);
            subscriber.close();
        }
    }

    /** The caller's authentication ended: so does the stream; the client reconnects with a fresh one. */
    private void expire(StreamSubscriber subscriber) {
        if (subscriber.isClosed()) {
            return;
        }
        try {
            subscriber.comment(" authentication expired"); // on the wire: ": authentication expired"
        } catch (RuntimeException alreadyGone) {
            // closed meanwhile; ended below all the same
        }
        subscribers.remove(subscriber);
        subscriber.close();
    }

    /** Keeps idle streams open through proxies, and finds the closed ones, whose slots it frees. */
    private void beat() {
        for (StreamSubscriber subscriber : subscribers) {
            try {
                if (subscriber.isClosed()) {
                    subscribers.remove(subscriber);
                } else {
                    subscriber.comment(" keep-alive"); // on the wire: ": keep-alive"
                }
            } catch (RuntimeException e) {
                // one broken stream must not end the heartbeat of the others
                subscribers.remove(subscriber);
            }
        }
    }
}
