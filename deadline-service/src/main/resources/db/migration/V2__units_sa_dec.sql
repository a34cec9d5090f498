-- Administrative units for ?unit= filtering. intake-service owns the catalogue (GET /api/units) and ships the same
-- codes; this copy only knows the hierarchy: a parent unit sees its children.
create table units (
    code         varchar(64)  primary key,
    name         varchar(200) not null,
    parent_code  varchar(64)  references units (code)
);

insert into units (code, name, parent_code) values
    ('SADEC',     'UBND thành phố Sa Đéc', null),
    ('SADEC-P1',  'UBND Phường 1',          'SADEC'),
    ('SADEC-P2',  'UBND Phường 2',          'SADEC'),
    ('SADEC-P3',  'UBND Phường 3',          'SADEC'),
    ('SADEC-P4',  'UBND Phường 4',          'SADEC'),
    ('SADEC-AH',  'UBND Phường An Hòa',     'SADEC'),
    ('SADEC-TQD', 'UBND Phường Tân Quy Đông', 'SADEC'),
    ('SADEC-TKD', 'UBND xã Tân Khánh Đông', 'SADEC'),
    ('SADEC-TQT', 'UBND xã Tân Quy Tây',    'SADEC'),
    ('SADEC-TPD', 'UBND xã Tân Phú Đông',   'SADEC');
