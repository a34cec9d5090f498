package vn.motcua.deadline.domain;

import java.time.Instant;

/**
 * One alert of a deadline.
 *
 * @param type  a {@code deadline.*} event type
 * @param at    from when it may be sent
 * @param about the due instant it is about (dueAt, or the apology's new appointment); with the dossier and type
 *              the key that makes it once-only
 */
public record PlannedAlert(String type, Instant at, Instant about) {
}
