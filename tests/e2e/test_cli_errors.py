"""Bad input to the CLI: one line on stderr, a non-zero status, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from childenv import passthrough

from khabar.cli import main


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as a user runs it, with HOME and the data directory inside the test's tmp dir."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HF_HUB_OFFLINE": "1",
        "HOME": str(home),
        "KHABAR_DATA_DIR": str(home / "data"),
        "KHABAR_CRAWL_ALLOW_NETWORKS": "127.0.0.0/8",
    }
    return subprocess.run(
        [sys.executable, "-m", "khabar.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env | passthrough(),
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("khabar:")]
    assert len(lines) == 1, proc.stderr
    assert fragment in lines[0], lines[0]


def test_missing_sources_file(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "run", "--sources", str(tmp_path / "nope.yaml"), "--db", f"sqlite:///{tmp_path}/w.db")
    assert_one_line_error(proc, "sources file not found")


def test_unreadable_yaml(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources: [\n  - name: x\n", encoding="utf-8")
    proc = run_cli(tmp_path, "crawl", "--sources", str(bad), "--db", f"sqlite:///{tmp_path}/w.db")
    assert_one_line_error(proc, "not valid YAML")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "warehouse"),
        ("mysql+nosuchdriver://x/y", "warehouse"),
        ("postgresql+psycopg2://postgres@127.0.0.1:1/test", "cannot connect"),
    ],
)
def test_bad_database_url(tmp_path: Path, url: str, fragment: str) -> None:
    proc = run_cli(tmp_path, "incidents", "--db", url)
    assert_one_line_error(proc, fragment)


def test_bad_since_date(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "incidents", "--since", "last tuesday", "--db", f"sqlite:///{tmp_path}/w.db")
    assert_one_line_error(proc, "Invalid value for '--since': expected a day (2026-03-01)")


def test_bad_trend_dimension(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "trends", "--by", "colour", "--db", f"sqlite:///{tmp_path}/w.db")
    assert_one_line_error(proc, "Invalid value for '--by': 'colour' is not one of")


def test_classify_missing_input(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "classify", "--input", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "o.jsonl"))
    assert_one_line_error(proc, "input file not found")


def test_classify_malformed_line_is_reported_and_the_rest_labelled(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good = {"id": "a", "title": "Blast kills three in Quetta", "text": "QUETTA: Three people were killed."}
    source.write_text(json.dumps(good) + "\n{not json\n" + json.dumps(good | {"id": "b"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli(tmp_path, "classify", "--input", str(source), "--output", str(out), "--baseline")
    assert_one_line_error(proc, "1 input line(s) not labelled")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["a", None, "b"]
    assert records[1]["error"].startswith("line 2: not valid JSON")
    assert records[0]["event_type"] == "attack" and records[0]["province"] == "Balochistan"


def classify_one_with_model_dir(home: Path, model_dir: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """`khabar classify` on one report with KHABAR_MODEL_DIR set; the process and its output file."""
    source = home / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "title": "Blast in Quetta", "text": "Three were killed."}) + "\n")
    out = home / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "khabar.cli", "classify", "--input", str(source), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "KHABAR_MODEL_DIR": str(model_dir)} | passthrough(),
    )
    return proc, out


def test_classify_reads_the_model_configured_for_the_pipeline(tmp_path: Path) -> None:
    """`khabar classify` labels with KHABAR_MODEL_DIR, the model `khabar run` uses, not always the shipped one."""
    from classifiers.event_model import MODEL_DIR, EventModel

    candidate = tmp_path / "candidate"
    candidate.mkdir()
    for item in MODEL_DIR.iterdir():
        if item.name != "calibration.json":
            (candidate / item.name).symlink_to(item)
    (candidate / "calibration.json").write_text('{"platt": {}}\n', encoding="utf-8")  # raw scores: another version
    version = EventModel(candidate).version
    assert version != EventModel(MODEL_DIR).version
    proc, out = classify_one_with_model_dir(tmp_path, candidate)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["model_version"].startswith(version + "+")


def test_classify_with_a_model_dir_that_holds_no_model_is_one_line(tmp_path: Path) -> None:
    proc, out = classify_one_with_model_dir(tmp_path, tmp_path / "nope")
    assert_one_line_error(proc, "no usable model in")
    assert not out.exists() or not out.read_text(encoding="utf-8")


def test_extract_missing_file(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "extract", str(tmp_path / "missing.html"))
    assert_one_line_error(proc, "1 of 1 input(s) could not be extracted")
    assert json.loads(proc.stdout)["error"] == "file not found"


def test_unknown_command_is_one_line() -> None:
    assert main(["frobnicate"]) == 2


def test_classify_null_title_is_empty_and_a_bad_line_keeps_its_id(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "no-title", "title": None, "text": "QUETTA: Three people were killed in a blast on Jinnah Road."},
        {"id": "bad-text", "title": "Blast", "text": 5},
    ]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run_cli(tmp_path, "classify", "--input", str(source), "--output", str(out), "--baseline")
    assert_one_line_error(proc, "1 input line(s) not labelled")
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["id"] == "no-title" and first["title"] == "" and first["event_type"] == "attack"
    assert second == {"line": 2, "id": "bad-text", "error": "line 2: 'title' and 'text' must be strings"}


def test_a_setting_that_does_not_validate_is_named(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "khabar.cli", "sources", "--db", f"sqlite:///{tmp_path / 'w.sqlite'}"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KHABAR_ALERT_MIN_P_ATTACK": "high"} | passthrough(),
    )
    assert proc.returncode == 2
    assert_one_line_error(proc, "bad setting KHABAR_ALERT_MIN_P_ATTACK: Input should be a valid number")
    assert "high" not in proc.stderr  # the value itself is never echoed (it could be a secret)
