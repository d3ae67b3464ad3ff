"""Score a demo run against the sample stories' own labels: what the demo shows is measured, not claimed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import sqlalchemy as sa

from crawlers.urls import canonical_url
from khabar.pipeline import warehouse_session
from warehouse.schema import Article, ArticleLabel, IncidentArticle

FIELDS = ("event_type", "attack_type", "group", "province", "district", "killed", "injured")


@dataclass(frozen=True, slots=True)
class Scorecard:
    stories: int
    labelled: int
    correct: dict[str, int]
    dedup_precision: float
    dedup_recall: float

    def lines(self) -> list[str]:
        per_field = ", ".join(f"{f} {self.correct[f]}/{self.labelled}" for f in FIELDS)
        f1 = _f1(self.dedup_precision, self.dedup_recall)
        return [
            f"labels vs the stories' own: {per_field}",
            f"same-attack merging (pairwise): precision {self.dedup_precision:.2f}, recall "
            f"{self.dedup_recall:.2f}, F1 {f1:.2f}",
        ]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _value(v: Any) -> Any:
    return getattr(v, "value", v)


def score_demo(db_url: str, stories: Iterable[Any]) -> Scorecard:
    """Compare stored labels and incident membership with each story's `expected` labels."""
    by_url = {canonical_url(s.url): s for s in stories}
    with warehouse_session(db_url) as session:
        rows = session.execute(
            sa.select(Article.canonical_url, ArticleLabel, IncidentArticle.incident_id)
            .join(ArticleLabel, ArticleLabel.article_id == Article.id)
            .outerjoin(IncidentArticle, IncidentArticle.article_id == Article.id)
        ).all()
        got = {
            url: (
                {
                    "event_type": label.event_type,
                    "attack_type": label.attack_type,
                    "group": label.group_code,
                    "province": label.province,
                    "district": label.district,
                    "killed": label.killed,
                    "injured": label.injured,
                },
                incident,
            )
            for url, label, incident in rows
            if url in by_url
        }
    correct = dict.fromkeys(FIELDS, 0)
    for url, (labels, _) in got.items():
        expected = by_url[url].expected
        for field in FIELDS:
            correct[field] += labels[field] == _value(getattr(expected, field))
    urls = sorted(got)
    true_pairs = {
        (a, b)
        for a, b in combinations(urls, 2)
        if by_url[a].expected.incident and by_url[a].expected.incident == by_url[b].expected.incident
    }
    found_pairs = {(a, b) for a, b in combinations(urls, 2) if got[a][1] is not None and got[a][1] == got[b][1]}
    both = len(true_pairs & found_pairs)
    precision = both / len(found_pairs) if found_pairs else 1.0
    recall = both / len(true_pairs) if true_pairs else 1.0
    return Scorecard(len(by_url), len(got), correct, precision, recall)
