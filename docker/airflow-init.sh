#!/usr/bin/env bash
# One-shot `airflow-init` service: migrate the Airflow metadata DB, create the admin login, bring the
# warehouse schema to head. Every other Airflow service waits for this to exit 0. Safe to re-run.
set -euo pipefail

mkdir -p "${AIRFLOW_HOME}/logs" "${AIRFLOW_HOME}/auth" "${KHABAR_DATA_DIR}"

airflow db migrate

# SimpleAuthManager (Airflow's built-in, dev-grade) reads user passwords from this JSON file; write the
# admin's from the environment instead of letting the api-server generate and print one.
python - <<'PY'
import json, os
path = os.environ["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"]
with open(path, "w", encoding="utf-8") as handle:
    json.dump({"admin": os.environ["AIRFLOW_ADMIN_PASSWORD"]}, handle)
os.chmod(path, 0o600)
PY

# The ingest DAG's upgrade_db task does this too; doing it here means the first run finds the schema ready.
khabar db upgrade

echo "airflow-init: done"
