-- The outbox carries two streams: each dossier's events, and the catalogue's changes (units, procedures, calendar
-- years). A row names its stream (the relay maps it to the configured topic) and its record key: the dossier code,
-- or unit:<code>, procedure:<code>, calendar:<year>. sequence is the key's own sequence or version.
ALTER TABLE outbox_event RENAME COLUMN dossier_code TO record_key;
ALTER TABLE outbox_event ADD COLUMN stream text NOT NULL DEFAULT 'dossier-events'
    CHECK (stream IN ('dossier-events', 'catalogue'));
