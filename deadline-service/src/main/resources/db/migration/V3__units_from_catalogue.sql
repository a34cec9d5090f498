-- Administrative units for ?unit= filtering, built from the compacted catalogue topic (unit.changed) only:
-- intake-service owns the catalogue. The seeded copy (V2__units_sa_dec.sql) is gone; a database that applied it
-- forgets its rows here and rebuilds them from the topic (quarkus.flyway.ignore-migration-patterns=*:missing lets
-- it start without the V2 file). A new database never had the table, hence "if not exists".
create table if not exists units (
    code         varchar(64)  primary key,
    name         text         not null,
    parent_code  varchar(64)
);

-- A child may be read before its parent (the topic keeps no order across keys), and a parent may be unknown yet.
alter table units drop constraint if exists units_parent_code_fkey;
-- The catalogue's names are not bounded at 200 characters; a longer one must not stop the consumer.
alter table units alter column name type text;

delete from units;

-- The catalogue's per-unit version: a unit.changed applies only above it, so duplicates and replays change nothing.
alter table units add column if not exists version bigint not null default 0;
