#!/bin/bash
# Each service that uses PostgreSQL owns a database through a login role of its own, which may connect to nothing
# else; the superuser is for the operator only. Run once, when the data volume is new.
set -euo pipefail
for service in intake deadline; do
  password_variable="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v role="$service" -v password="${!password_variable:?$password_variable is not set}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
