package vn.motcua.stats.app;

import java.util.List;

/**
 * What only Kafka can do for {@link GenerationFollower}: run one generation's consumer loops, and tell how far a
 * whole consumer group has come. A port, so that the follow and flip rules stay here while the loops, the dead
 * letters, the admin client and the loops' gauges and health checks stay at the Kafka edge that implements it.
 */
public interface GenerationFeeds extends AutoCloseable {

    /**
     * Starts the generation's loops: dossier-events and deadline-alerts with {@code group} (a group with offsets goes
     * on from them; a new one reads from the topics' start) into {@code graph}'s projection, and the compacted
     * catalogue with {@code catalogueGroup} into its units and procedures. Neither served nor built until
     * {@link #assign} says so.
     */
    Feed start(GenerationGraph graph, String group, String catalogueGroup);

    /**
     * These feeds now serve and build (either may be null): their metrics tags and health checks follow, at once. A
     * feed leaving its role gives up its tags before another takes them.
     */
    void assign(Feed serving, Feed building);

    /**
     * Every partition of dossier-events and deadline-alerts, with {@code group}'s committed offset against its end,
     * whichever instances own them. Throws when the broker cannot be asked.
     */
    List<RebuildStatus.Partition> progress(String group);

    /** Lets go of what the feeds share (dead-letter producer, admin client); every feed is closed before. */
    @Override
    void close();

    /** One generation's running loops on this instance. */
    interface Feed extends AutoCloseable {

        /** Both loops are polling. */
        boolean isRunning();

        /**
         * The catalogue loop, owning its partitions, has read each to the end at least once since it started: the
         * generation's database holds every unit published before. Stays true.
         */
        boolean catalogueLoaded();

        /** Stops both loops; what was processed is committed. */
        @Override
        void close();
    }
}
