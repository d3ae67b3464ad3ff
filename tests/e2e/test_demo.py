"""`khabar demo` as a user runs it: the whole pipeline on the bundled site, in a fresh data directory."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from childenv import passthrough


def test_demo_runs_the_whole_pipeline(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KHABAR_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "khabar.cli", "demo"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env | passthrough(),
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert "Traceback" not in proc.stderr
    stored = re.search(r"stored (\d+) article\(s\)", out)
    assert stored and int(stored.group(1)) == 53  # every story once, though the wire has two sources
    assert "attacks by province per month" in out and "newest incidents" in out
    alerts = re.search(r"alerts received by the local webhook: (\d+)", out)
    assert alerts and int(alerts.group(1)) > 0
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'data' / 'demo.sqlite'}")
    with engine.connect() as conn:
        assert conn.scalar(sa.text("select count(*) from articles")) == 53
        attacks = conn.scalar(sa.text("select count(*) from incidents where event_type = 'attack'"))
        sent = conn.scalar(sa.text("select count(*) from alerts where status = 'sent' and kind = 'new'"))
        # One "new" alert per attack incident (the demo's threshold admits them all), never two.
        assert 0 < sent <= attacks
        assert conn.scalar(sa.text("select count(*) from (select distinct incident_id from alerts) x")) == sent
    engine.dispose()
    scores = re.search(r"event_type (\d+)/(\d+)", out)
    assert scores and int(scores.group(2)) == 53
