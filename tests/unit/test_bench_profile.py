"""bench/pipeline.py --profile: py-spy's raw samples summarised per process and package."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchscripts import load_bench_script

pipeline = load_bench_script("pipeline")

RAW = "\n".join(
    [
        'process 10:"";<module> (khabar/cli.py:5);classify (classifiers/classify.py:9);'
        "Session.run (onnxruntime/capi/onnxruntime_inference_collection.py:220) 6",
        'process 10:"";<module> (khabar/cli.py:5);resolve (domain/incidents.py:40);<genexpr> (re/__init__.py:3) 2',
        'process 10:"";process 11:"/venv/bin/python -m khabar.crawl_child";<module> (khabar/crawl_child.py:27);'
        "parse (crawlers/generic.py:77);extract (trafilatura/core.py:359) 3",
        'process 10:"";process 11:"/venv/bin/python -m khabar.crawl_child";<module> (khabar/crawl_child.py:27);'
        "run (twisted/internet/asyncioreactor.py:257);create_task (asyncio/base_events.py:436) 1",
        "not a sample line",
    ]
)


def test_samples_are_summed_per_process_and_package(tmp_path: Path) -> None:
    raw = tmp_path / "raw.txt"
    raw.write_text(RAW, encoding="utf-8")
    text = pipeline.profile_summary(raw)
    run, crawl = text.split("**crawl process**")
    assert run.startswith("**khabar run**: 8 samples")
    assert "| onnxruntime | 75% | 75% |" in run and "| classifiers | 75% | 0% |" in run
    assert "| domain | 25% | 0% |" in run and "| python (stdlib) | 25% | 25% |" in run  # re is the stdlib
    assert crawl.startswith(": 4 samples")
    assert "| trafilatura | 75% | 75% |" in crawl and "| twisted | 25% | 0% |" in crawl
    assert "extract (trafilatura/core.py) 75%" in crawl


def test_run_env_passes_on_the_callers_alert_threshold_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KHABAR_ALERT_MIN_P_ATTACK", "0.3")
    monkeypatch.setenv("KHABAR_DATABASE_URL", "postgresql://elsewhere/db")
    env = pipeline.run_env(tmp_path, "http://127.0.0.1:9/hook")
    assert env["KHABAR_ALERT_MIN_P_ATTACK"] == "0.3"
    assert "KHABAR_DATABASE_URL" not in env  # the benchmark's own scratch warehouse, whatever the caller's
    monkeypatch.delenv("KHABAR_ALERT_MIN_P_ATTACK")
    assert "KHABAR_ALERT_MIN_P_ATTACK" not in pipeline.run_env(tmp_path, "http://127.0.0.1:9/hook")
