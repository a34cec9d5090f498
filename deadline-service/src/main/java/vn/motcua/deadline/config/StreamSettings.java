package vn.motcua.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code motcua.alerts.stream.*} keys: what GET /api/alerts/stream holds open and how it keeps streams alive
 * (table in deadline-service/README.md, "Configuration").
 */
@ConfigMapping(prefix = "motcua.alerts.stream")
public interface StreamSettings {

    /** A comment on every open stream this often, so proxies keep an idle stream open and dead clients show. */
    @WithDefault("15s")
    Duration heartbeat();

    /** Open streams on this instance at most; one more is answered 429. */
    @WithDefault("200")
    int maxConnections();

    /**
     * Open streams from one client address at most: the address a trusted proxy forwards for, else the connection's;
     * an IPv6 client counted by its /64.
     */
    @WithDefault("5")
    int maxPerClient();

    /**
     * Open streams of one user at most (the token's subject): behind one address many users may share, and one
     * user's token opens no more from many addresses.
     */
    @WithDefault("5")
    int maxPerUser();

    /**
     * The proxies (addresses or CIDR blocks, e.g. {@code 10.0.0.0/8,fd00::/8}) whose Forwarded or X-Forwarded-For
     * headers name the client for max-per-client; none by default, so such headers are ignored.
     */
    Optional<List<String>> trustedProxies();

    /** Events written to a stream and not yet taken by its client; beyond this the client is too slow and dropped. */
    @WithDefault("1000")
    int maxBacklog();

    /**
     * Alerts read per page of a Last-Event-ID replay (at most half of max-backlog): the replay pages on until it is
     * caught up, each page once the client has taken most of the one before.
     */
    @WithDefault("500")
    int replayPage();
}
