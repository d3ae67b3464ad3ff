"""`make airflow-init`: an airflow.cfg for running this repository's DAGs locally, safe by default.

Airflow writes a default airflow.cfg (with fresh secret keys) the first time it is imported with a new
AIRFLOW_HOME; its `dags_folder` is then `$AIRFLOW_HOME/dags`, example DAGs are loaded and the API server
would listen on every interface. This sets, in place and keeping everything else (comments, keys):

- [core] dags_folder = this repository's dags/, load_examples = False, and the execution API's URL;
- [api] host = 127.0.0.1 (loopback only unless --host says otherwise), port, base_url.

So `airflow dags test khabar_ingest`, `airflow standalone` and the UI all find the same two DAGs, with
nothing but AIRFLOW_HOME set. Run as `python -m khabar.airflow_config --home DIR --dags-folder DIR`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import typer

_SECTION = re.compile(r"^\s*\[(?P<name>[^\]]+)\]\s*$")


def set_options(text: str, options: dict[str, dict[str, str]]) -> str:
    """`text` (an ini file) with each section's keys set: a key's line replaced, or added to its section."""
    lines = text.splitlines()
    pending = {section: dict(values) for section, values in options.items()}
    out: list[str] = []
    section: str | None = None

    def flush(name: str | None) -> None:
        if name is not None and pending.get(name):
            # Before the blank lines that end the section, so the added keys stay with it.
            trailing: list[str] = []
            while out and not out[-1].strip():
                trailing.append(out.pop())
            out.extend(f"{key} = {value}" for key, value in pending.pop(name).items())
            out.extend(trailing)

    for line in lines:
        match = _SECTION.match(line)
        if match:
            flush(section)
            section = match["name"].strip()
            out.append(line)
            continue
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(("#", ";")) else None
        if section is not None and key is not None and key in pending.get(section, {}):
            out.append(f"{key} = {pending[section].pop(key)}")
            continue
        out.append(line)
    flush(section)
    for name, values in pending.items():
        if values:
            out.extend(["", f"[{name}]", *(f"{key} = {value}" for key, value in values.items())])
    return "\n".join(out) + "\n"


def local_options(dags_folder: Path, host: str, port: int) -> dict[str, dict[str, str]]:
    base_url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    return {
        "core": {
            "dags_folder": str(dags_folder),
            "load_examples": "False",
            "execution_api_server_url": f"{base_url}/execution/",
        },
        "api": {"host": host, "port": str(port), "base_url": base_url},
    }


def write_config(home: Path, dags_folder: Path, host: str = "127.0.0.1", port: int = 8080) -> Path:
    """Create AIRFLOW_HOME's airflow.cfg if needed (Airflow's own defaults and keys), then set our options."""
    home.mkdir(parents=True, exist_ok=True)
    os.environ["AIRFLOW_HOME"] = str(home)
    os.environ.pop("AIRFLOW_CONFIG", None)
    from airflow.configuration import write_default_airflow_configuration_if_needed

    write_default_airflow_configuration_if_needed()  # what the airflow command does first
    path = home / "airflow.cfg"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(set_options(text, local_options(dags_folder.resolve(), host, port)), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khabar.airflow_config", description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=Path(os.environ.get("AIRFLOW_HOME") or "var/airflow"))
    parser.add_argument("--dags-folder", type=Path, default=Path(__file__).resolve().parent.parent / "dags")
    parser.add_argument("--host", default="127.0.0.1", help="where the API server listens (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    path = write_config(args.home.resolve(), args.dags_folder, args.host, args.port)
    typer.echo(f"{path}: dags_folder={args.dags_folder.resolve()} load_examples=False api={args.host}:{args.port}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
