-- Every committed change of a unit, procedure or calendar year raises its version by one and is published with it
-- (unit.changed, procedure.changed, calendar.changed). 0 means never published: the first start publishes every
-- row once, as version 1.
ALTER TABLE unit ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE procedure ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- A year with an official schedule entered here, and its version. A year may have no days at all (nothing closed).
CREATE TABLE calendar_year (
    year    integer PRIMARY KEY,
    version bigint  NOT NULL DEFAULT 0
);
INSERT INTO calendar_year (year) SELECT DISTINCT year FROM calendar_day;
ALTER TABLE calendar_day ADD FOREIGN KEY (year) REFERENCES calendar_year (year);

-- One row once the whole catalogue went out on the first start, inserted in the transaction that publishes it and
-- under the catalogue lock: a second instance starting at the same moment waits, then finds the row.
CREATE TABLE catalogue_published (
    id           boolean PRIMARY KEY DEFAULT true CHECK (id),
    published_at timestamptz NOT NULL
);
