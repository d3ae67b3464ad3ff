#!/usr/bin/env bash
# Runs once, on the first start of an empty data directory (postgres image's /docker-entrypoint-initdb.d):
# creates a login role and an owned database for the Airflow metadata (`airflow`) and the khabar warehouse
# (`khabar`). Passwords come from the environment and are passed as psql variables, never spliced into SQL.
set -euo pipefail

create_database() {
    local name="$1" password="$2"
    psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres \
        -v name="${name}" -v password="${password}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    echo "init-databases: created role and database ${name}"
}

create_database airflow "${AIRFLOW_DB_PASSWORD:?AIRFLOW_DB_PASSWORD is not set}"
create_database khabar "${KHABAR_DB_PASSWORD:?KHABAR_DB_PASSWORD is not set}"
