-- One row per dossier ever seen on dossier-events. Closed dossiers stay (status RESOLVED / WITHDRAWN) so that a
-- late older event cannot reopen them; last_sequence guards against duplicates and out-of-order delivery.
create table deadlines (
    dossier_code                 varchar(64)  primary key,
    unit_code                    varchar(64)  not null,
    procedure_code               varchar(64),
    partition_no                 integer      not null,   -- partition of dossier-events the events came from
    last_sequence                bigint       not null,
    status                       varchar(16)  not null,   -- OPEN, RESOLVED, WITHDRAWN
    paused                       boolean      not null,   -- supplement requested before dueAt, not yet received
    received_at                  timestamptz  not null,
    due_date                     date,
    due_at                       timestamptz,
    new_appointment_at           timestamptz,             -- form 04 apology: the new date given to the citizen
    closed_at                    timestamptz,
    due_soon_sent_for            timestamptz,             -- the dueAt whose due-soon alert was sent (or skipped)
    overdue_sent_for             timestamptz,             -- the dueAt whose overdue alert was sent
    appointment_missed_sent_for  timestamptz,             -- the newAppointmentAt whose alert was sent
    next_alert_at                timestamptz,             -- earliest instant an alert falls due; null = none
    updated_at                   timestamptz  not null default now()
);

-- The alert tick reads only rows coming due: its cost follows the number of due rows, not of open dossiers.
create index deadlines_next_alert_idx on deadlines (next_alert_at) where next_alert_at is not null;

-- GET /api/deadlines/overdue: open, running dossiers by dueAt.
create index deadlines_open_due_idx on deadlines (due_at) where status = 'OPEN' and not paused;

-- Each alert once per (dossier, type, due instant), whatever the number of instances.
create table alerts_sent (
    dossier_code  varchar(64)  not null,
    alert_type    varchar(64)  not null,
    due_at        timestamptz  not null,
    event_id      uuid         not null,
    sent_at       timestamptz  not null,
    primary key (dossier_code, alert_type, due_at)
);
