-- Units of the one-stop shop (đơn vị): Sa Đéc city and its wards and communes.
CREATE TABLE unit (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    parent_code text REFERENCES unit (code)
);

-- Administrative procedures (thủ tục hành chính) with their legal processing time.
CREATE TABLE procedure (
    code              text PRIMARY KEY,
    name              text NOT NULL,
    field             text NOT NULL,
    processing_amount integer NOT NULL CHECK (processing_amount >= 0),
    processing_unit   text NOT NULL CHECK (processing_unit IN ('WORKING_DAYS', 'WORKING_HOURS')),
    cutoff            time,
    online_levels     text NOT NULL DEFAULT ''
);

-- Official days off and working Saturdays of a year, as published by the government or the province.
CREATE TABLE calendar_day (
    id    bigserial PRIMARY KEY,
    year  integer NOT NULL,
    day   date    NOT NULL,
    kind  text    NOT NULL CHECK (kind IN ('CLOSED', 'WORKING_SATURDAY')),
    name  text    NOT NULL DEFAULT '',
    UNIQUE (year, day)
);

CREATE SEQUENCE dossier_number;

CREATE TABLE dossier (
    code                     text PRIMARY KEY,
    lookup_code              text NOT NULL UNIQUE,
    procedure_code           text NOT NULL REFERENCES procedure (code),
    unit_code                text NOT NULL REFERENCES unit (code),
    channel                  text NOT NULL,
    online_level             integer,
    status                   text NOT NULL,
    received_at              timestamptz NOT NULL,
    due_date                 date NOT NULL,
    due_at                   timestamptz NOT NULL,
    last_step_at             timestamptz NOT NULL,
    sequence                 bigint NOT NULL,
    -- supplement pause (yêu cầu bổ sung): what is left of the clock while the citizen supplements
    pause_requested_at       timestamptz,
    pause_clock_stopped      boolean,
    pause_remaining_days     integer,
    pause_remaining_seconds  bigint,
    new_appointment_at       timestamptz,
    resolved_at              timestamptz,
    decision                 text,
    timeliness               text,
    withdrawn_at             timestamptz,
    request_hash             text NOT NULL,
    -- personal data: never leaves this service
    applicant_name           text NOT NULL,
    applicant_id_number      text NOT NULL,
    applicant_phone          text
);
CREATE INDEX dossier_unit_received ON dossier (unit_code, received_at);

-- Every step of a dossier, in order (the tracking log, form 06).
CREATE TABLE dossier_step (
    id           bigserial PRIMARY KEY,
    dossier_code text   NOT NULL REFERENCES dossier (code),
    sequence     bigint NOT NULL,
    type         text   NOT NULL,
    occurred_at  timestamptz NOT NULL,
    note         text,
    UNIQUE (dossier_code, sequence)
);

-- A kiosk's retry with the same Idempotency-Key answers the first result again.
CREATE TABLE idempotency_key (
    key          text PRIMARY KEY,
    request_hash text NOT NULL,
    dossier_code text NOT NULL REFERENCES dossier (code),
    created_at   timestamptz NOT NULL
);

-- Transactional outbox: written in the same transaction as the dossier, published by the relay in id order.
CREATE TABLE outbox_event (
    id           bigserial PRIMARY KEY,
    dossier_code text NOT NULL,
    sequence     bigint NOT NULL,
    type         text NOT NULL,
    payload      text NOT NULL,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX outbox_unsent ON outbox_event (id) WHERE sent_at IS NULL;
