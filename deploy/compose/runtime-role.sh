#!/bin/sh
# Runs once, when the postgres image creates a service's database (docker-entrypoint-initdb.d):
# the database belongs to POSTGRES_USER (<service>_owner, which runs the migrations); the service
# itself logs in as RUNTIME_ROLE, which the migrations grant row access to and nothing more.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$RUNTIME_ROLE" -v password="$RUNTIME_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"role";
SQL
