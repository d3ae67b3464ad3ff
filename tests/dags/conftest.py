"""Airflow test environment: a private AIRFLOW_HOME under pytest's basetemp, examples off, dags/ as DAG folder.

Airflow reads its configuration once, when `airflow` is first imported, so the tests in this folder import
it only inside fixtures and test bodies, after `airflow_home` has set the environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DAGS_FOLDER = REPO_ROOT / "dags"


def airflow_environment(home: Path) -> dict[str, str]:
    """The variables that keep Airflow inside `home`: config, SQLite metadata DB, logs."""
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__LOGGING__BASE_LOG_FOLDER": str(home / "logs"),
        # Nothing in these tests may reach out to the network or a real executor.
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
    }


@pytest.fixture(scope="session", autouse=True)
def airflow_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("airflow_home")
    if "airflow" in sys.modules:
        import airflow.configuration

        if Path(airflow.configuration.AIRFLOW_HOME) != home:
            pytest.fail(
                "airflow was imported before tests/dags/conftest.py could point AIRFLOW_HOME at a temp dir "
                f"(it uses {airflow.configuration.AIRFLOW_HOME}); import airflow lazily in tests"
            )
    with pytest.MonkeyPatch.context() as mp:
        for key, value in airflow_environment(home).items():
            mp.setenv(key, value)
        yield home


@pytest.fixture(scope="session")
def migrated_metadata_db(airflow_home: Path) -> Path:
    """`airflow db migrate` once per session (about 3 s on SQLite), in a subprocess so it cannot leak state."""
    result = subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"airflow db migrate failed:\n{result.stdout}\n{result.stderr}"
    db = airflow_home / "airflow.db"
    assert db.is_file()
    return db
