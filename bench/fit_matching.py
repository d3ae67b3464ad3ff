"""Fit the incident matcher's weights (`domain/data/matching.json`) on the tuning sets only.

Usage: python bench/fit_matching.py [--write] [--unlabelled-only] [--sets dedup-dev,coverage-dev]

The tuning reports are classified by the shipped model (labels and embeddings as the pipeline stores
them). Every pair the resolver would compare — both reports an attack or operation by the model's labels,
and `comparable` (within the date window or a follow-up's reach, not in different provinces) — becomes
one example: its `pair_features`, and whether the two reports describe one gold event. A logistic
regression per feature set (with embeddings, text only) gives the weights. A third set, over the text
evidence alone, weighs a story the classifier read as `other` (`Resolver.attach`): every report with at
least `stray_floor` P(attack) against every attack or operation report of its days. Then the resolver runs
over each tuning set with the new weights and prints pairwise F1 for a grid of join thresholds and of stray
thresholds, so the thresholds are chosen on the same tuning data.
The scored sets (`dedup`, `coverage-test`) are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from itertools import combinations, permutations
from pathlib import Path
from typing import Any

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.dedup import gold_event, pairwise  # noqa: E402
from bench.matching_sets import TUNING_SETS, load_set  # noqa: E402
from domain.incidents import (  # noqa: E402
    FEATURES,
    RESOLVED_EVENT_TYPES,
    UNLABELLED_FEATURES,
    MatchModel,
    MatchPolicy,
    Report,
    Resolver,
    Weights,
    comparable,
    default_model,
    pair_features,
    resolve,
)

WEIGHTS_FILE = REPO_ROOT / "domain" / "data" / "matching.json"
TEXT_ONLY = tuple(f for f in FEATURES if f != "cosine")


def reports_for(rows: Sequence[dict[str, Any]], policy: MatchPolicy) -> list[Report]:
    """The rows as the resolver would see them after the shipped model labelled them."""
    from classifiers.classify import Classifier

    labels = Classifier.load().classify([(r["title"], r["text"]) for r in rows])
    reports = []
    for i, (row, lab) in enumerate(zip(rows, labels, strict=True)):
        reports.append(
            Report(
                article_id=i + 1,
                at=datetime.fromisoformat(row["published"]),
                text=f"{row['title']}\n{row['text'][: policy.text_chars]}",
                event_type=lab.event_type.value,
                attack_type=lab.attack_type.value if lab.attack_type else None,
                group_code=lab.group.value,
                claimed=lab.claimed,
                province=lab.province.value if lab.province else None,
                district=lab.district,
                killed=lab.killed,
                injured=lab.injured,
                militants_killed=lab.militants_killed,
                confidence=lab.confidence,
                evidence=lab.evidence,
                overall=lab.overall_confidence,
                p_attack=lab.p_attack,
                embedding=lab.embedding,
            )
        )
    return reports


def examples(
    rows: Sequence[dict[str, Any]], reports: Sequence[Report], policy: MatchPolicy
) -> tuple[list[dict[str, float]], list[int]]:
    xs, ys = [], []
    for (ra, a), (rb, b) in combinations(zip(rows, reports, strict=True), 2):
        if a.event_type not in RESOLVED_EVENT_TYPES or b.event_type not in RESOLVED_EVENT_TYPES:
            continue
        if not comparable(a, b, policy):
            continue
        xs.append(pair_features(a, b, policy))
        ea = gold_event(ra)
        ys.append(int(ea is not None and ea == gold_event(rb)))
    return xs, ys


def unlabelled_examples(
    rows: Sequence[dict[str, Any]], reports: Sequence[Report], policy: MatchPolicy
) -> tuple[list[dict[str, float]], list[int]]:
    """Pairs for the weights of a report without labels (`Resolver.attach`): every report the classifier gave
    at least `stray_floor` P(attack), whatever it labelled it, against every attack or operation report of
    its days. Only the text evidence (UNLABELLED_FEATURES) is used, so its own labels do not matter."""
    xs, ys = [], []
    for (ra, a), (rb, b) in permutations(zip(rows, reports, strict=True), 2):
        if a.p_attack < policy.stray_floor or b.event_type not in RESOLVED_EVENT_TYPES or b.embedding is None:
            continue
        if a.embedding is None or abs((a.day - b.day).days) > policy.window_days:
            continue
        xs.append(pair_features(a, b, policy))
        ea = gold_event(ra)
        ys.append(int(ea is not None and ea == gold_event(rb)))
    return xs, ys


def fit(xs: Sequence[dict[str, float]], ys: Sequence[int], names: Sequence[str]) -> Weights:
    from sklearn.linear_model import LogisticRegression

    matrix = np.array([[x[n] for n in names] for x in xs], dtype=np.float64)
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(matrix, np.array(ys))
    return Weights(
        round(float(model.intercept_[0]), 4),
        {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
    )


def pairwise_f1(
    rows: Sequence[dict[str, Any]], reports: Sequence[Report], resolver: Resolver
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of the resolver's incidents (bench/dedup.py's metric)."""
    by_article = {r.article_id: row["id"] for r, row in zip(reports, rows, strict=True)}
    gold = {row["id"]: gold_event(row) for row in rows}
    scores = pairwise(gold, [[by_article[r.article_id] for r in c.reports] for c in resolver.clusters()])
    return scores.precision, scores.recall, scores.f1


def print_grids(model: MatchModel, data: dict[str, tuple[list[dict[str, Any]], list[Report]]]) -> None:
    """Pairwise F1 on each tuning set for a grid of join thresholds, then of stray thresholds."""
    for join in (0.3, 0.4, 0.5, 0.6, 0.7):
        cells = []
        for name, (rows, reports) in data.items():
            resolver = Resolver((), MatchPolicy(join=join, bridge=max(join, 0.8)), model)
            for report in sorted(reports, key=lambda r: (r.at, r.article_id)):
                if report.event_type in RESOLVED_EVENT_TYPES:
                    resolver.add(report)
            p, r, f = pairwise_f1(rows, reports, resolver)
            cells.append(f"{name} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"join {join:.1f}: " + "; ".join(cells))
    # Then the stories read as `other` (`Resolver.attach`), after the reports themselves, as `resolve` does.
    for stray in (0.3, 0.4, 0.5, 0.6, 0.7, None):
        cells = []
        for name, (rows, reports) in data.items():
            labelled = [r for r in reports if r.event_type in RESOLVED_EVENT_TYPES]
            others = [r for r in reports if stray is not None and r.event_type not in RESOLVED_EVENT_TYPES]
            resolver = resolve(labelled, (), MatchPolicy(stray=stray or 1.0), model, strays=others)
            p, r, f = pairwise_f1(rows, reports, resolver)
            cells.append(f"{name} P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"stray {stray if stray is not None else 'off'}: " + "; ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(TUNING_SETS))
    parser.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS_FILE.name}")
    parser.add_argument(
        "--unlabelled-only", action="store_true", help="refit only the weights for stories read as `other`"
    )
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    if set(names) - set(TUNING_SETS):
        parser.error(f"fit on tuning sets only ({', '.join(TUNING_SETS)})")
    policy = MatchPolicy()
    data = {}
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    ux: list[dict[str, float]] = []
    uy: list[int] = []
    for name in names:
        rows = load_set(name)
        reports = reports_for(rows, policy)
        data[name] = (rows, reports)
        x, y = examples(rows, reports, policy)
        xs += x
        ys += y
        x, y = unlabelled_examples(rows, reports, policy)
        ux += x
        uy += y
        print(f"{name}: {len(rows)} reports; pairs so far {len(xs)} ({sum(ys)} same), unlabelled {len(ux)} ({sum(uy)})")
    unlabelled = fit(ux, uy, UNLABELLED_FEATURES)
    if args.unlabelled_only:
        shipped = default_model()
        model = MatchModel(shipped.with_embeddings, shipped.text_only, unlabelled)
    else:
        model = MatchModel(fit(xs, ys, FEATURES), fit(xs, ys, TEXT_ONLY), unlabelled)
    for label, w in (
        ("with embeddings", model.with_embeddings),
        ("text only", model.text_only),
        ("unlabelled", unlabelled),
    ):
        print(f"{label}: bias {w.bias:+.2f} " + " ".join(f"{k} {v:+.2f}" for k, v in w.weights.items()))
    print_grids(model, data)
    if args.write:
        payload = {
            "fitted_on": names,
            "fitted_by": "bench/fit_matching.py",
            "with_embeddings": {"bias": model.with_embeddings.bias, "weights": dict(model.with_embeddings.weights)},
            "text_only": {"bias": model.text_only.bias, "weights": dict(model.text_only.weights)},
            "unlabelled": {"bias": unlabelled.bias, "weights": dict(unlabelled.weights)},
        }
        WEIGHTS_FILE.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
