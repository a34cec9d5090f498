-- The two services that use PostgreSQL each own a database (no service reads another's).
CREATE DATABASE intake;
CREATE DATABASE deadline;
