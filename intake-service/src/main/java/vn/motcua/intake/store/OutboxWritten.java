package vn.motcua.intake.store;

/** Outbox rows were written: observed after their commit (at once without a transaction) to wake the relay. */
public record OutboxWritten() {
}
