"""The labelled sets incident matching is tuned and scored on, as rows of one shape.

- `dedup`: `bench/data/dedup.jsonl`, generated clusters with hard distractors (bench/dedup_data.py); its
  tuning twin `dedup-dev` is built in memory from another seed and never written.
- `coverage-dev` / `coverage-test`: `bench/data/coverage.yaml`, clusters written for the project after the
  way real outlets cover one attack (early reports, toll revisions, claims, rewrites, foreign copies), split
  per event.
- `real-dev` / `real-test`: the labelled real pages of `bench/real/pages.jsonl` whose text is in the
  gitignored cache (bench/real/README.md); the gold event is the page's `incident` key. Pages carry a date,
  not a time: each is placed at noon Pakistan time of its date (undated pages are left out).
- `retold-dev` / `retold-test`: the same pages with our retellings of them as their text
  (`var/real/retold.jsonl`, gitignored like the cache; an empty list without it).

Every row: id, event (gold key), title, text, published (ISO, +05:00), url, source, role, scenario, labels.
Tuning (`bench/fit_matching.py`) reads only `dedup-dev` and `coverage-dev`; hand-made matching choices are
also checked on `retold-dev`. The benchmarks score `dedup`, `coverage-test` and `retold-test`.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import yaml

from bench import dedup_data

COVERAGE_FILE = Path(__file__).resolve().parent / "data" / "coverage.yaml"


def real_rows(split: str, texts: Path | None = None) -> list[dict[str, Any]]:
    """The real pages of one split with their texts — the cache of the real copy, or `texts` (our retellings,
    `bench.real_news.RETOLD`) — as benchmark rows (an empty list without the texts)."""
    # The model stack's imports only when real pages are read.
    from bench.real_news import DEFAULT_CACHE, PAGES, read_cache, read_jsonl

    texts = texts or DEFAULT_CACHE
    if not texts.exists():
        return []
    cache = read_cache(texts)
    rows = []
    for n, page in enumerate(read_jsonl(PAGES)):
        got = cache.get(page["url"])
        if page["split"] != split or got is None or not page["published"]:
            continue
        text = got["text"].strip()
        title = got.get("title") or text.split("\n", 1)[0][:120]
        rows.append(
            {
                "id": f"p{n:04d}",
                "event": page["incident"],
                "title": title,
                "text": text,
                "published": f"{page['published']}T12:00:00+05:00",
                "url": page["url"],
                "source": page["outlet"],
                "role": page["kind"],
                "scenario": "real",
                "labels": dict(page["labels"]),
            }
        )
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return rows


SETS = ("dedup", "dedup-dev", "coverage-dev", "coverage-test", "real-dev", "real-test", "retold-dev", "retold-test")
TUNING_SETS = ("dedup-dev", "coverage-dev")


def coverage_rows(split: str, path: Path = COVERAGE_FILE) -> list[dict[str, Any]]:
    """The coverage clusters of one split, as benchmark rows in publication order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = []
    for event in data["events"]:
        if event["split"] != split:
            continue
        for report in event["reports"]:
            rows.append(
                {
                    "id": report["id"],
                    "event": event["key"],
                    "title": report["title"],
                    "text": report["text"].strip(),
                    "published": str(report["published"]),
                    "url": report["url"],
                    "source": report["source"],
                    "role": report["role"],
                    "scenario": event["scenario"],
                    "labels": dict(report["labels"]),
                }
            )
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return rows


def load_set(name: str) -> list[dict[str, Any]]:
    if name == "dedup":
        return dedup_data.load()
    if name == "dedup-dev":
        return [asdict(line) for line in dedup_data.build(dedup_data.DEV_SEED)]
    if name in ("coverage-dev", "coverage-test"):
        return coverage_rows(name.split("-", 1)[1])
    if name in ("real-dev", "real-test"):
        return real_rows(name.split("-", 1)[1])
    if name in ("retold-dev", "retold-test"):
        from bench.real_news import RETOLD

        return real_rows(name.split("-", 1)[1], RETOLD)
    raise ValueError(f"unknown set {name!r}; one of {', '.join(SETS)}")
