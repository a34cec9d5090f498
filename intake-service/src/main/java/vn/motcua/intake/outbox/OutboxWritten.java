package vn.motcua.intake.outbox;

/** Fired inside the writing transaction; observed after commit to wake the relay at once. */
public record OutboxWritten() {
}
