-- Who recorded each step and when (besides `occurred_at`, when it happened), who received each dossier
-- (a kiosk may read back the slips it issued), and every read of an applicant's personal data. Rows written before
-- this migration have no recorder: they stay NULL rather than name somebody who did not do it.
ALTER TABLE dossier ADD COLUMN received_by text;
ALTER TABLE dossier_step ADD COLUMN recorded_by text;
ALTER TABLE dossier_step ADD COLUMN recorded_at timestamptz;

CREATE TABLE applicant_read (
    id           bigserial   PRIMARY KEY,
    dossier_code text        NOT NULL REFERENCES dossier (code),
    read_by      text        NOT NULL,
    read_at      timestamptz NOT NULL
);
CREATE INDEX applicant_read_dossier ON applicant_read (dossier_code, read_at);
CREATE INDEX applicant_read_reader ON applicant_read (read_by, read_at);
