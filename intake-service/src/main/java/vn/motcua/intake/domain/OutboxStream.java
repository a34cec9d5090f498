package vn.motcua.intake.domain;

/**
 * The logical stream an outbox row belongs to: the relay publishes each to its configured topic. Shared by the
 * store, which writes and reads the rows, and the relay, which never sees the store.
 */
public enum OutboxStream {
    DOSSIER_EVENTS,
    CATALOGUE
}
