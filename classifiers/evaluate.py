"""Event-model metrics over a labelled JSONL split: `python -m classifiers.evaluate dev test`."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifiers.event_model import ATTACK_LABELS, EVENT_LABELS, EventModel

DATA_DIR = Path(__file__).resolve().parent / "data"
NONE = "none"


@dataclass(slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(slots=True)
class EvalReport:
    """Event accuracy, end-to-end attack-type macro-F1, per-class scores and confusion matrices.

    The attack-type scores compare the predicted attack type (none unless the model says "attack")
    with the gold one (none unless the report is an attack), so missed or invented attacks count.
    """

    n: int
    event_accuracy: float
    attack_macro_f1: float
    event_scores: dict[str, ClassScore]
    attack_scores: dict[str, ClassScore]
    event_confusion: dict[str, dict[str, int]]
    attack_confusion: dict[str, dict[str, int]]
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "event_accuracy": round(self.event_accuracy, 4),
            "attack_macro_f1": round(self.attack_macro_f1, 4),
            "event_f1": {k: round(v.f1, 4) for k, v in self.event_scores.items()},
            "attack_f1": {k: round(v.f1, 4) for k, v in self.attack_scores.items()},
        }


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, ClassScore]:
    scores = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == label for p in pred)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = ClassScore(precision, recall, f1, n_gold)
    return scores


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    matrix = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        matrix[g][p] += 1
    return matrix


def evaluate_rows(model: EventModel, rows: Sequence[dict[str, Any]]) -> EvalReport:
    started = time.perf_counter()
    preds = model.predict([(r["title"], r["text"]) for r in rows])
    seconds = time.perf_counter() - started
    gold_e = [r["event_type"] for r in rows]
    pred_e = [p.event_type.value for p in preds]
    gold_a = [r["attack_type"] or NONE for r in rows]
    pred_a = [p.attack_type.value if p.attack_type else NONE for p in preds]
    attack_scores = per_class(gold_a, pred_a, ATTACK_LABELS)
    present = [s.f1 for s in attack_scores.values() if s.support]
    errors = [
        {"id": r["id"], "gold": [ge, ga], "pred": [pe, pa], "title": r["title"]}
        for r, ge, pe, ga, pa in zip(rows, gold_e, pred_e, gold_a, pred_a, strict=True)
        if ge != pe or ga != pa
    ]
    return EvalReport(
        n=len(rows),
        event_accuracy=sum(g == p for g, p in zip(gold_e, pred_e, strict=True)) / max(1, len(rows)),
        attack_macro_f1=sum(present) / max(1, len(present)),
        event_scores=per_class(gold_e, pred_e, EVENT_LABELS),
        attack_scores=attack_scores,
        event_confusion=confusion(gold_e, pred_e, EVENT_LABELS),
        attack_confusion=confusion(gold_a, pred_a, [*ATTACK_LABELS, NONE]),
        seconds=seconds,
        errors=errors,
    )


def evaluate_file(model: EventModel, path: Path) -> EvalReport:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return evaluate_rows(model, rows)


def format_report(name: str, report: EvalReport) -> str:
    lines = [
        f"== {name}: n={report.n}  event accuracy {report.event_accuracy:.3f}  "
        f"attack-type macro-F1 {report.attack_macro_f1:.3f}  ({report.n / max(report.seconds, 1e-9):.1f} texts/s)",
        f"{'class':<24}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}",
    ]
    for scores in (report.event_scores, report.attack_scores):
        for label, s in scores.items():
            lines.append(f"{label:<24}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.support:>6}")
    for title, matrix in (("event", report.event_confusion), ("attack type", report.attack_confusion)):
        labels = list(matrix)
        lines.append(f"confusion ({title}; rows gold, columns predicted, in this order: {', '.join(labels)})")
        for g in labels:
            lines.append(f"  {g:<24}" + " ".join(f"{matrix[g][p]:>4}" for p in labels))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("splits", nargs="*", default=["dev"], help="split names or JSONL paths")
    parser.add_argument("--model-dir", type=Path, default=None)
    parser.add_argument("--errors", action="store_true", help="list misclassified reports")
    args = parser.parse_args(argv)
    model = EventModel.load(args.model_dir)
    print(f"model {model.version}")
    for split in args.splits:
        if split.endswith(".jsonl"):
            report = evaluate_file(model, Path(split))
        else:
            from classifiers.data.corpus import load_split

            report = evaluate_rows(model, load_split(split))
        print(format_report(split, report))
        if args.errors:
            for e in report.errors:
                print(f"  {e['id']}: gold {e['gold']} pred {e['pred']} — {e['title']}")


if __name__ == "__main__":
    main()
