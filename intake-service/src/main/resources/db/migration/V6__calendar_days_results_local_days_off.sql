-- Procedures whose law counts days (ngày) rather than working days: processing time in calendar days.
ALTER TABLE procedure DROP CONSTRAINT procedure_processing_unit_check;
ALTER TABLE procedure ADD CONSTRAINT procedure_processing_unit_check
    CHECK (processing_unit IN ('WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS'));

-- The unit the dossier's deadline was computed in at receipt: a later change of the procedure's unit must not change
-- how an open dossier pauses and resumes. NULL for dossiers received before this column: the procedure's unit.
ALTER TABLE dossier ADD COLUMN deadline_unit text
    CHECK (deadline_unit IN ('WORKING_DAYS', 'WORKING_HOURS', 'CALENDAR_DAYS'));

-- The result step: how the result reached the applicant (optional), and the working days it was handled
-- (app.DossierLifecycle, domain.HandlingTime), both published on dossier.resolved.
ALTER TABLE dossier ADD COLUMN result_delivery text CHECK (result_delivery IN ('ELECTRONIC', 'PAPER', 'POSTAL'));
ALTER TABLE dossier ADD COLUMN handling_working_days integer CHECK (handling_working_days >= 0);

-- Each time a supplement request stopped the clock, until the supplement restarted it: the days between do not
-- count as handling time. Only stops that stopped the clock (requested before dueAt) are kept.
CREATE TABLE dossier_clock_stop (
    id           bigserial PRIMARY KEY,
    dossier_code text NOT NULL REFERENCES dossier (code),
    requested_at timestamptz NOT NULL,
    restarted_at timestamptz NOT NULL,
    CHECK (restarted_at >= requested_at)
);
CREATE INDEX dossier_clock_stop_dossier ON dossier_clock_stop (dossier_code);

-- A province's own days off (ngày nghỉ của địa phương), closed on top of the national calendar: a range of dates and
-- its reason. Each change is published as calendar.changed of every year it touches.
CREATE TABLE local_day_off (
    id        bigserial PRIMARY KEY,
    first_day date NOT NULL,
    last_day  date NOT NULL,
    reason    text NOT NULL,
    CHECK (first_day <= last_day)
);

-- A calendar year may now exist for its local days off alone: schedule_entered is true once an administrator
-- entered the year's official schedule (PUT /api/calendar/{year}); every year stored before had one.
ALTER TABLE calendar_year ADD COLUMN schedule_entered boolean NOT NULL DEFAULT true;
