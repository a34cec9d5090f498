-- The records of who read applicant data and who recorded each step keep, besides the name shown, the token's
-- subject (`sub`, stable when a user is renamed) and authorised party (`azp`, the client: which kiosk or which
-- application the person used). Rows written before stay NULL rather than guess.
ALTER TABLE applicant_read ADD COLUMN read_by_sub text, ADD COLUMN read_by_azp text;
ALTER TABLE dossier_step ADD COLUMN recorded_by_sub text, ADD COLUMN recorded_by_azp text;
