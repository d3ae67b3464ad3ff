"""`make airflow-init` writes an airflow.cfg that finds this repository's DAGs, loads no examples, binds loopback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from khabar.airflow_config import set_options

REPO_ROOT = Path(__file__).resolve().parents[2]

READ_BACK = """
import json
from airflow.configuration import conf
print(json.dumps({
    "dags_folder": conf.get("core", "dags_folder"),
    "load_examples": conf.getboolean("core", "load_examples"),
    "host": conf.get("api", "host"),
    "port": conf.getint("api", "port"),
    "execution_api_server_url": conf.get("core", "execution_api_server_url"),
    "jwt_secret": bool(conf.get("api_auth", "jwt_secret")),
}))
"""


def test_set_options_replaces_keys_in_their_section_and_adds_missing_ones() -> None:
    text = "[core]\n# dags_folder = /commented\ndags_folder = /old\n\n[api]\nport = 1\n\n[logging]\nhost = keep\n"
    out = set_options(text, {"core": {"dags_folder": "/new", "load_examples": "False"}, "api": {"host": "127.0.0.1"}})
    assert out == (
        "[core]\n# dags_folder = /commented\ndags_folder = /new\nload_examples = False\n\n"
        "[api]\nport = 1\nhost = 127.0.0.1\n\n[logging]\nhost = keep\n"
    )
    assert set_options("", {"api": {"host": "h"}}) == "\n[api]\nhost = h\n"


def test_written_config_is_what_airflow_reads(tmp_path: Path) -> None:
    home = tmp_path / "airflow"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")} | {"PYTHONPATH": str(REPO_ROOT)}
    command = [sys.executable, "-m", "khabar.airflow_config", "--home", str(home)]
    command += ["--dags-folder", str(REPO_ROOT / "dags")]
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=tmp_path)
    written = (home / "airflow.cfg").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", READ_BACK],
        env=env | {"AIRFLOW_HOME": str(home)},
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "dags_folder": str(REPO_ROOT / "dags"),
        "load_examples": False,
        "host": "127.0.0.1",
        "port": 8080,
        "execution_api_server_url": "http://127.0.0.1:8080/execution/",
        "jwt_secret": True,
    }
    assert written.count("\ndags_folder = ") == 1
