package vn.motcua.intake.domain;

/**
 * Outbox rows were written: fired by the store, observed by the relay after their commit (at once without a
 * transaction) to wake it. In the domain because both sides may know it and neither may know the other.
 */
public record OutboxWritten() {
}
