-- event_id is now the alert's deterministic id (name-based UUID of dossier, type and due instant): the same alert
-- sent twice carries the same id. Rows written before this migration keep their random ids.
create unique index alerts_sent_event_id_idx on alerts_sent (event_id);

-- The alert as published, and the order alerts were sent in: GET /api/alerts/stream with Last-Event-ID replays
-- the alerts sent after the named one. Older rows have no JSON and are never replayed.
alter table alerts_sent add column alert_json text;
alter table alerts_sent add column send_order bigserial;
create unique index alerts_sent_send_order_idx on alerts_sent (send_order);
