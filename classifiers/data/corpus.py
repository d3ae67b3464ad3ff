"""The labelled corpus as one list per split: generated reports (`generated/<split>.jsonl`) + hand-written ones.

Every report is stored once: the generator writes only its own reports, the hand-written batches live in
`handwritten/`, and this loader joins them (generated first, then hand-written, as training always read
them). `corpus_sha256` fingerprints a split's content for the model metadata.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from classifiers.data import handwritten

DATA_DIR = Path(__file__).resolve().parent
GENERATED_DIR = DATA_DIR / "generated"
SPLITS = ("train", "dev", "test")


def generated_path(split: str, data_dir: Path | None = None) -> Path:
    return (data_dir or GENERATED_DIR) / f"{split}.jsonl"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_split(split: str, generated_dir: Path | None = None) -> list[dict[str, Any]]:
    """Every report of a split: the generated ones, then the hand-written ones (ids `hand-<split>-NNN`)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (expected one of {SPLITS})")
    rows = read_jsonl(generated_path(split, generated_dir))
    return rows + [asdict(r) for r in handwritten.reports(split)]


def corpus_sha256(rows: list[dict[str, Any]]) -> str:
    """A fingerprint of a split's content (independent of where its reports are stored)."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, ensure_ascii=False, sort_keys=True).encode())
        digest.update(b"\n")
    return digest.hexdigest()
