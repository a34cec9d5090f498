-- Units over time (docs/time-and-counting.md, "Units over time"): each unit's states, oldest first. A state holds
-- from effective_from (a date in Vietnam) until the unit's next state; NULL only on a first state, for a unit that
-- existed before any date the suite knows. A closed state dissolves the unit into successor_code from that day and
-- repeats the last name and parent. unit.name and unit.parent_code stay: the latest open state, as published.
CREATE TABLE unit_state (
    id             bigserial PRIMARY KEY,
    unit_code      text    NOT NULL REFERENCES unit (code),
    effective_from date,
    name           text    NOT NULL,
    parent_code    text REFERENCES unit (code),
    closed         boolean NOT NULL DEFAULT false,
    successor_code text REFERENCES unit (code),
    CHECK (closed = (successor_code IS NOT NULL))
);
-- One state per unit and day, and at most one "since always".
CREATE UNIQUE INDEX unit_state_unit_day ON unit_state (unit_code, COALESCE(effective_from, DATE '0001-01-01'));

-- Every unit entered before units had dates: one state since always.
INSERT INTO unit_state (unit_code, effective_from, name, parent_code)
SELECT code, NULL, name, parent_code FROM unit;

-- The counter that received the dossier (receivedAtUnit); unit_code is the unit handling it, which a transfer
-- changes. NULL only on rows an older build writes during an upgrade: read as unit_code.
ALTER TABLE dossier ADD COLUMN received_at_unit text REFERENCES unit (code);
UPDATE dossier SET received_at_unit = unit_code;

-- Every move of a dossier to its closed unit's successor: whose staff keep reading it.
CREATE TABLE dossier_transfer (
    dossier_code   text        NOT NULL REFERENCES dossier (code),
    sequence       bigint      NOT NULL,
    from_unit      text        NOT NULL,
    to_unit        text        NOT NULL,
    transferred_at timestamptz NOT NULL,
    PRIMARY KEY (dossier_code, sequence)
);
