"""The HTML report in a real headless Chromium: charts and map render, nothing is fetched, nothing errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cdp import chromium_page, install_chromium_if_allowed

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "var" / "report-screenshot.png"


@pytest.fixture(scope="module")
def chromium() -> Path:
    path, note = install_chromium_if_allowed()
    if path is None:
        pytest.skip(note)
    print(f"chromium: {note}")  # noqa: T201 — shown with -s or -rP: how long the CI install took
    return path


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a fresh demo warehouse, written by the CLI as a user would."""
    home = tmp_path_factory.mktemp("report-home")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "KHABAR_DATA_DIR": str(home / "data")}
    db = f"sqlite:///{home / 'demo.sqlite'}"
    for args in (["demo", "--db", db], ["report", "--db", db, "--output", str(home / "report.html")]):
        done = subprocess.run([sys.executable, "-m", "khabar.cli", *args], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr[-2000:]
    return home / "report.html"


SIZES = """
(() => {
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
  return {
    charts: [...document.querySelectorAll('svg.chart')].map(box),
    bars: document.querySelectorAll('svg.chart rect.bar').length,
    map: [...document.querySelectorAll('svg.map')].map(box),
    provinces: document.querySelectorAll('svg.map path.province').length,
    circles: [...document.querySelectorAll('svg.map circle.incident')].map(box),
    rows: document.querySelectorAll('#latest tr[id^=incident-]').length,
    links: [...document.querySelectorAll('#latest a')].map(a => a.href),
    scripts: document.scripts.length,
  };
})()
"""


def test_report_renders_offline_in_chromium(chromium: Path, demo_report: Path) -> None:
    url = demo_report.as_uri()
    with chromium_page(chromium) as page:
        page.send("Page.navigate", url=url)
        page.wait_for("Page.loadEventFired")
        page.drain(1.0)
        found = page.evaluate(SIZES)
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(SCREENSHOT)
        page.drain(0.5)
    assert len(found["charts"]) >= 9  # attacks, killed, injured by province, group and attack type
    assert all(w > 100 and h > 50 for w, h in found["charts"]), found["charts"]
    assert found["bars"] > 20
    [(map_w, map_h)] = found["map"]
    assert map_w > 300 and map_h > 250
    assert found["provinces"] == 7  # the boundaries came from the installed package, FATA folded into KP
    assert found["circles"] and all(w > 0 and h > 0 for w, h in found["circles"])
    assert found["rows"] > 10 and found["links"] and found["scripts"] == 0
    assert page.console_errors == []
    assert set(page.requests) == {url}, page.requests  # the file itself and nothing else
    assert SCREENSHOT.stat().st_size > 10_000
