-- Erasure of an applicant's personal data (Law 91/2025/QH15): after the retention that follows the dossier's
-- closing, or on the citizen's request through an admin. The dossier row stays (code, dates, statuses, everything
-- the counts need); name, ID number and phone become NULL, and so do the clerk's free-text reasons that could name
-- the applicant. The request fingerprint, a hash of the request with the ID number, goes too.
ALTER TABLE dossier ALTER COLUMN applicant_name DROP NOT NULL,
                    ALTER COLUMN applicant_id_number DROP NOT NULL,
                    ADD COLUMN applicant_erased_at timestamptz;

-- One row per erased dossier: when, why (RETENTION or REQUEST), by whom (name, token sub and azp).
CREATE TABLE applicant_erasure (
    dossier_code text        PRIMARY KEY REFERENCES dossier (code),
    erased_at    timestamptz NOT NULL,
    reason       text        NOT NULL,
    erased_by    text        NOT NULL,
    erased_by_sub text,
    erased_by_azp text
);

-- What the retention job looks for: closed dossiers not yet erased, by the day they closed.
CREATE INDEX dossier_closed_not_erased ON dossier (COALESCE(resolved_at, withdrawn_at))
    WHERE applicant_erased_at IS NULL AND status IN ('RESOLVED', 'WITHDRAWN');
