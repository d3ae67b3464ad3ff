"""Classification speed on 2 CPU cores: `khabar classify` end to end next to a naive per-article path.

The naive path is what one would write first: a `transformers` feature-extraction pipeline on the same
MiniLM encoder (PyTorch), one article at a time, mean-pooled, then the same trained heads — and then the
same place/group/casualty rules, so both paths produce the same fields.

Usage: python bench/classify.py [--articles 600] [--naive 100] [--write]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bench.benchmd import update_section  # noqa: E402

SECTION = "## Classification speed"
WORK = REPO_ROOT / "var" / "bench"


def articles(n: int) -> list[dict[str, Any]]:
    """n realistic reports: the test split's texts, cycled, each with its own id."""
    rows = [
        json.loads(line)
        for line in (REPO_ROOT / "classifiers" / "data" / "test.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [
        {"id": f"bench-{i}", "title": rows[i % len(rows)]["title"], "text": rows[i % len(rows)]["text"]}
        for i in range(n)
    ]


def end_to_end(items: list[dict[str, Any]]) -> float:
    """Wall seconds for the `khabar classify` command on a JSONL file, process start and model load included."""
    WORK.mkdir(parents=True, exist_ok=True)
    source, out = WORK / "classify-in.jsonl", WORK / "classify-out.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    khabar = Path(sys.executable).with_name("khabar")
    command = [str(khabar)] if khabar.exists() else [sys.executable, "-m", "khabar.cli"]
    started = time.perf_counter()
    subprocess.run([*command, "classify", "--input", str(source), "--output", str(out)], check=True,
                   capture_output=True)  # fmt: skip
    seconds = time.perf_counter() - started
    labelled = sum(1 for line in out.read_text(encoding="utf-8").splitlines() if '"event_type"' in line)
    assert labelled == len(items), f"only {labelled} of {len(items)} labelled"
    return seconds


def in_process(items: list[dict[str, Any]]) -> tuple[float, float]:
    """(load seconds, classify seconds) for the batched ONNX path inside one process."""
    from classifiers.classify import Classifier

    started = time.perf_counter()
    classifier = Classifier.load()
    loaded = time.perf_counter()
    classifier.classify([(r["title"], r["text"]) for r in items])
    return loaded - started, time.perf_counter() - loaded


def naive(items: list[dict[str, Any]]) -> float:
    """Seconds for the naive path over the items (pipeline load excluded, as it is paid once)."""
    import numpy as np
    import torch
    from transformers import pipeline

    from classifiers import encoder
    from classifiers.casualties import extract_casualties
    from classifiers.event_model import ARTIFACTS_DIR, HEADS_FILE
    from classifiers.groups import identify_group
    from classifiers.places import locate

    torch.set_num_threads(2)
    extractor = pipeline("feature-extraction", model=str(encoder.source_model_dir()), framework="pt", device="cpu")
    with np.load(ARTIFACTS_DIR / HEADS_FILE) as heads:
        event_w, event_b = heads["event_coef"], heads["event_intercept"]
        attack_w, attack_b = heads["attack_coef"], heads["attack_intercept"]
    started = time.perf_counter()
    for r in items:
        text = encoder.join_title_text(r["title"], r["text"])
        tokens = np.asarray(extractor(text, truncation=True, max_length=encoder.MAX_TOKENS))[0]
        vector = tokens.mean(axis=0)
        vector = vector / np.linalg.norm(vector)
        int((vector @ event_w.T + event_b).argmax())
        int((vector @ attack_w.T + attack_b).argmax())
        locate(r["title"], r["text"])
        identify_group(r["title"], r["text"])
        extract_casualties(r["title"], r["text"])
    return time.perf_counter() - started


def section_text(results: dict[str, float], n: int, n_naive: int, command: str) -> str:
    e2e = n / results["end_to_end"]
    inproc = n / results["in_process"]
    slow = n_naive / results["naive"]
    return "\n".join(
        [
            SECTION,
            "",
            "Articles per second on 2 CPU cores (test-split reports, ~150–400 words each).",
            "",
            f"- command: `{command}`",
            f"- date: {date.today().isoformat()}; Python {platform.python_version()}; {os.cpu_count()} cores",
            "",
            "| path | articles | seconds | articles/s |",
            "|---|---|---|---|",
            f"| `khabar classify` end to end (process start + model load + JSONL in/out) | {n} | "
            f"{results['end_to_end']:.1f} | **{e2e:.1f}** |",
            f"| same, in process, model already loaded (batched ONNX int8) | {n} | {results['in_process']:.1f} | "
            f"{inproc:.1f} |",
            f"| naive: `transformers` pipeline, one article at a time (PyTorch fp32) | {n_naive} | "
            f"{results['naive']:.1f} | {slow:.1f} |",
            "",
            f"End to end is {e2e / slow:.1f}× the naive path (target: ≥ 50 articles/s and ≥ 3×). Model load in"
            f" process: {results['load']:.1f} s.",
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--naive", type=int, default=100, help="articles for the (slow) naive path")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    items = articles(args.articles)
    results = {"end_to_end": end_to_end(items)}
    results["load"], results["in_process"] = in_process(items)
    results["naive"] = naive(items[: args.naive])
    text = section_text(results, args.articles, args.naive, "python bench/classify.py --write")
    print(text)
    if args.write:
        update_section(REPO_ROOT / "BENCHMARKS.md", SECTION, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
