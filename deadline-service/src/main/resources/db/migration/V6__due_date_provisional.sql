-- Whether the dossier's due date is provisional: it depends on a year without an official schedule and may still
-- move (a dossier.due-date-changed then moves it). Rows written before this migration, and events that do not say,
-- read as not provisional, as the contract says of an absent dueDateProvisional.
alter table deadlines add column due_date_provisional boolean not null default false;
