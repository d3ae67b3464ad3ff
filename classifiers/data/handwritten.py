"""Hand-written reports: the JSONL batches in `handwritten/`, read in a fixed order and numbered per split.

Each batch file was written by one hand (see the data README); a line holds one report with its split,
published date, style, title, text and every label field. Ids are `hand-<split>-NNN`, numbered per split
in the order of BATCHES and of the lines inside each file, so adding a batch at the end never renames
an existing report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from classifiers.data.generate import Report

HAND_DIR = Path(__file__).resolve().parent / "handwritten"
# Order matters for the ids: the first batch, then later batches in the order they were written.
BATCHES = (
    "batch1_train",
    "batch1_dev",
    "batch1_test",
    "freeform_attacks",
    "freeform_other",
    "freeform_dev",
    "realistic_train",
    "realistic_train2",
    "realistic_train3",
)
LABEL_FIELDS = (
    "event_type",
    "attack_type",
    "group",
    "claimed",
    "province",
    "district",
    "killed",
    "injured",
    "militants_killed",
)
_ROW_FIELDS = {"split", "published", "style", "title", "text", *LABEL_FIELDS}


def read_batch(name: str) -> list[dict[str, Any]]:
    """The rows of one batch file; ValueError names the line at fault."""
    path = HAND_DIR / f"{name}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row, dict) or set(row) != _ROW_FIELDS:
            raise ValueError(f"{path.name}:{number}: expected exactly the fields {sorted(_ROW_FIELDS)}")
        rows.append(row)
    return rows


def reports(split: str) -> list[Report]:
    """The hand-written reports of one split, in batch order, with their ids."""
    from classifiers.data.generate import Report

    out: list[Report] = []
    for name in BATCHES:
        for row in read_batch(name):
            if row["split"] != split:
                continue
            labels = {k: row[k] for k in LABEL_FIELDS}
            rid = f"hand-{split}-{len(out) + 1:03d}"
            out.append(Report(rid, row["title"], row["text"], row["published"], style=row["style"], **labels))
    return out
