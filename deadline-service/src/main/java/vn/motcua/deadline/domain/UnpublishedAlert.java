package vn.motcua.deadline.domain;

import java.time.Instant;
import java.util.UUID;

/** An alert recorded in {@code alerts_sent} whose publication was never confirmed: its id, key and JSON as sent. */
public record UnpublishedAlert(UUID eventId, String dossierCode, String json, Instant attemptedAt) {
}
