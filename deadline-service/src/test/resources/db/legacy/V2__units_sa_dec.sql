-- What databases created before the catalogue topic hold (devstack data): the seeded units migration as it was,
-- shortened to two rows. Only UnitsMigrationTest applies it, to check that such a database still starts.
create table units (
    code         varchar(64)  primary key,
    name         varchar(200) not null,
    parent_code  varchar(64)  references units (code)
);

insert into units (code, name, parent_code) values
    ('SADEC',     'UBND thành phố Sa Đéc', null),
    ('SADEC-P1',  'UBND Phường 1',          'SADEC');
