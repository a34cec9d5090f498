package vn.motcua.deadline.app;

/** Connects an engine to Kafka (messaging implements it): the tracker gets each dossier event as it is read. */
@FunctionalInterface
public interface DossierFeeds {

    /** @param instanceName the Kafka client id, to tell the instances apart in the group and the logs */
    DossierFeed connect(String instanceName, DeadlineTracker tracker);
}
