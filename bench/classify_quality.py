"""Classification quality on the held-out test split: every field, the model next to the keyword baseline.

Usage: python bench/classify_quality.py [--split test|dev] [--write]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.benchmd import update_section  # noqa: E402
from classifiers.classify import Classifier  # noqa: E402
from classifiers.evaluate import confusion, per_class  # noqa: E402
from domain.taxonomy import AttackType  # noqa: E402

SECTION = "## Classification quality"
DATA = REPO_ROOT / "classifiers" / "data"
EXACT_FIELDS = ("event_type", "group", "claimed", "province", "district", "killed", "injured", "militants_killed")
# SPEC.md's quality bars, checked on the test split.
TARGETS = {
    "event_type": 0.95,
    "attack_type_macro_f1": 0.85,
    "group": 0.90,
    "province": 0.97,
    "district": 0.90,
    "killed": 0.85,
    "injured": 0.85,
}


@dataclass(frozen=True, slots=True)
class FieldScores:
    name: str
    accuracy: dict[str, float]
    attack_macro_f1: float
    attack_per_class: dict[str, Any]
    attack_confusion: dict[str, dict[str, int]]
    seconds: float


def load_split(split: str) -> list[dict[str, Any]]:
    from classifiers.data.corpus import load_split as load_corpus_split

    return load_corpus_split(split)


def score(name: str, classifier: Classifier, rows: Sequence[dict[str, Any]]) -> FieldScores:
    started = time.perf_counter()
    predicted = [x.as_json() for x in classifier.classify([(r["title"], r["text"]) for r in rows])]
    seconds = time.perf_counter() - started
    accuracy = {f: sum(p[f] == r[f] for p, r in zip(predicted, rows, strict=True)) / len(rows) for f in EXACT_FIELDS}
    # Attack type over the reports that really are attacks; a missed attack counts as a wrong type.
    attacks = [(r, p) for r, p in zip(rows, predicted, strict=True) if r["event_type"] == "attack"]
    labels = [a.value for a in AttackType]
    gold = [r["attack_type"] for r, _ in attacks]
    pred = [p["attack_type"] or "none" for _, p in attacks]
    classes = per_class(gold, pred, labels)
    macro = sum(c.f1 for c in classes.values()) / len(classes)
    return FieldScores(name, accuracy, macro, classes, confusion(gold, pred, [*labels, "none"]), seconds)


def table(results: Sequence[FieldScores], n: int) -> str:
    header = "| field | target | " + " | ".join(r.name for r in results) + " |"
    lines = [header, "|---|---|" + "---|" * len(results)]
    rows = [("event_type accuracy", "event_type"), ("attack_type macro-F1", "attack_type_macro_f1")]
    rows += [(f"{f} accuracy", f) for f in EXACT_FIELDS if f != "event_type"]
    for label, key in rows:
        target = TARGETS.get(key)
        values = [r.attack_macro_f1 if key == "attack_type_macro_f1" else r.accuracy[key] for r in results]
        cells = " | ".join(f"{v:.3f}" for v in values)
        lines.append(f"| {label} | {f'≥ {target:.2f}' if target else '—'} | {cells} |")
    speeds = " | ".join(f"{n / r.seconds:.0f}/s" for r in results)
    lines.append(f"| articles per second (in process) | — | {speeds} |")
    return "\n".join(lines)


def confusion_table(result: FieldScores) -> str:
    labels = list(result.attack_confusion)
    short = {label: label.replace("_", " ") for label in labels}
    lines = ["| gold ↓ / predicted → | " + " | ".join(short[label] for label in labels) + " |"]
    lines.append("|---|" + "---|" * len(labels))
    for gold in labels:
        if gold == "none":
            continue
        cells = " | ".join(str(result.attack_confusion[gold].get(p, 0)) for p in labels)
        lines.append(f"| {short[gold]} | {cells} |")
    return "\n".join(lines)


def section_text(results: Sequence[FieldScores], split: str, n: int, command: str, version: str) -> str:
    model = results[0]
    per_class_lines = [
        f"| {label} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} | {c.support} |"
        for label, c in model.attack_per_class.items()
    ]
    return "\n".join(
        [
            SECTION,
            "",
            f"Every field of `Classifier.classify` on the **{split}** split ({n} reports, written separately",
            "from the training data and never trained or tuned on; see `classifiers/data/README.md`).",
            "Accuracy is exact match over all reports (null = null counts as correct); attack_type macro-F1 is",
            "over the reports that are attacks, a missed attack counting as a wrong type.",
            "",
            f"- command: `{command}`",
            f"- date: {date.today().isoformat()}, model `{version}`",
            "- machine: 2 CPU cores",
            "",
            table(results, n),
            "",
            "Attack type per class (model):",
            "",
            "| attack_type | precision | recall | F1 | support |",
            "|---|---|---|---|---|",
            *per_class_lines,
            "",
            "Attack-type confusion (model; `none` = predicted not an attack):",
            "",
            confusion_table(model),
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test", choices=["test", "dev"])
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    rows = load_split(args.split)
    model = Classifier.load()
    results = [score("model", model, rows), score("keyword baseline", Classifier.load(baseline=True), rows)]
    print(table(results, len(rows)))
    print()
    print(confusion_table(results[0]))
    if args.write:
        command = f"python bench/classify_quality.py --split {args.split} --write"
        update_section(
            REPO_ROOT / "BENCHMARKS.md", SECTION, section_text(results, args.split, len(rows), command, model.version)
        )
        print("updated BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
