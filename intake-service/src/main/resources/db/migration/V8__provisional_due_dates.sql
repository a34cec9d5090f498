-- Provisional due dates (docs/time-and-counting.md, "Provisional due dates"): a due date counted across a year that
-- had no official schedule (neither shipped nor entered through PUT /api/calendar/{year}), on the Labour Code rule,
-- and so may move when the year's schedule arrives. Recomputed by intake whenever the due date is computed.
-- Existing rows default to false (not computed here: which years have a shipped schedule is known to the code only);
-- a schedule change of a year their range touches recomputes them, the flag included.
ALTER TABLE dossier ADD COLUMN due_date_provisional boolean NOT NULL DEFAULT false;

-- The processing time and cut-off the deadline was computed with at receipt, so that a calendar change recomputes
-- the due date with the same rules even after the procedure was changed in the catalogue. Existing rows take their
-- procedure's values as they stand now, where the procedure still counts in the unit the dossier was counted in (rows
-- from before deadline_unit take the procedure's unit, as the code did for them); the others stay NULL and keep their
-- due date when the calendar changes.
ALTER TABLE dossier ADD COLUMN deadline_amount integer CHECK (deadline_amount >= 0);
ALTER TABLE dossier ADD COLUMN deadline_cutoff time;
UPDATE dossier d SET deadline_amount = p.processing_amount, deadline_cutoff = p.cutoff,
                     deadline_unit = p.processing_unit
FROM procedure p
WHERE p.code = d.procedure_code AND p.processing_unit = COALESCE(d.deadline_unit, p.processing_unit);

-- Open dossiers a calendar change may move, by the range their deadline was counted over.
CREATE INDEX dossier_open_due_date ON dossier (due_date) WHERE status IN ('RECEIVED', 'SUPPLEMENT_REQUESTED');
