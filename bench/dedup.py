"""Incident dedup: do the reports of one attack, from several outlets and the next day's follow-ups, merge
into one incident, and do different attacks stay apart?

Usage: python bench/dedup.py [--db URL] [--errors N] [--write]
       python bench/dedup.py --dev             # the tuning set: another seed, built in memory
       python bench/dedup.py --regenerate      # rewrite bench/data/dedup.jsonl (bench/dedup_data.py)

The labelled clusters (`bench/data/dedup.jsonl`, made by bench/dedup_data.py; see bench/data/README.md)
are stored as articles in a fresh warehouse (a temporary SQLite file, or an empty database given with
--db) and go through the pipeline's own stages: `classify_pending` with the shipped model, then
`resolve_pending`. `incident_articles` is read back and scored with pairwise precision, recall and F1 over
pairs of reports. The same articles are also resolved from their GOLD labels (stored with `save_labels`
under the model version `gold-dedup`, resolved by `resolve_incidents` in a transaction that is then
rolled back), which measures matching on its own, without classification errors.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench import dedup_data  # noqa: E402
from bench.benchmd import update_section  # noqa: E402
from bench.matching_sets import SETS, load_set  # noqa: E402
from domain.incidents import PKT  # noqa: E402

SECTION = "## Incident dedup"
# The sets scored in BENCHMARKS.md; tuning sets are printed only.
SECTIONS = {
    "dedup": SECTION,
    "coverage-test": "## Incident merging on realistic coverage",
    "dedup-dev": "## Incident dedup (tuning set)",
    "coverage-dev": "## Incident merging on realistic coverage (tuning split)",
    "real-test": "## Incident merging on real reporting (test pages)",
    "real-dev": "## Incident merging on real reporting (dev pages)",
    "retold-test": "## Incident merging on real reporting, retold (test pages)",
    "retold-dev": "## Incident merging on real reporting, retold (dev pages)",
}
GOLD_VERSION = "gold-dedup"
TARGET_F1 = 0.90  # SPEC.md's quality bar for incident dedup
LABEL_FIELDS = ("event_type", "attack_type", "group", "claimed", "province", "district", "killed", "injured")

Pair = frozenset[str]


# ---------------------------------------------------------------- the metric


@dataclass(frozen=True, slots=True)
class PairScores:
    """Pairwise counts: a pair of reports is positive when both are in one gold incident event."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_event(row: Mapping[str, Any]) -> str | None:
    """The gold incident event of a report; None for a non-incident story (in no incident)."""
    return row["event"] if row["labels"]["event_type"] != "other" else None


def pairs_of(clusters: Iterable[Iterable[str]]) -> set[Pair]:
    """Every unordered pair of reports that share a cluster."""
    return {frozenset(p) for c in clusters for p in combinations(sorted(set(c)), 2)}


def gold_clusters(gold: Mapping[str, str | None]) -> list[list[str]]:
    """Report ids per gold incident event; reports whose event is None (not an incident) are in none."""
    by_event: dict[str, list[str]] = {}
    for report, event in gold.items():
        if event is not None:
            by_event.setdefault(event, []).append(report)
    return list(by_event.values())


def pairwise(gold: Mapping[str, str | None], predicted: Iterable[Iterable[str]]) -> PairScores:
    """Pairwise counts of predicted incidents against the gold events.

    Only pairs inside one gold incident event are positive, so a non-incident report merged into an
    incident makes a false-positive pair with every report it was merged with, and a report left out of
    every incident loses all its pairs (false negatives).
    """
    truth = pairs_of(gold_clusters(gold))
    guessed = pairs_of(predicted)
    return PairScores(tp=len(truth & guessed), fp=len(guessed - truth), fn=len(truth - guessed))


def exact_clusters(gold: Mapping[str, str | None], predicted: Iterable[Iterable[str]]) -> float:
    """Share of gold incident events that are exactly one predicted incident (no report missing or extra)."""
    events = [frozenset(c) for c in gold_clusters(gold)]
    found = {frozenset(c) for c in predicted}
    return sum(e in found for e in events) / len(events) if events else 1.0


# ---------------------------------------------------------------- error analysis


@dataclass(slots=True)
class Outcome:
    """One resolver run scored: the figures of the table and the error pairs behind them."""

    name: str
    clusters: list[list[str]]
    labels: dict[str, dict[str, Any]]
    scores: PairScores
    exact: float
    incidents: int
    non_incidents_attached: int
    non_incidents_merged: int
    reports_left_out: int
    false_merges: dict[str, list[Pair]] = field(default_factory=dict)
    splits: dict[str, list[Pair]] = field(default_factory=dict)


def _event_facts(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per gold event: type, province, district and day (the earliest report's Pakistan date)."""
    facts: dict[str, dict[str, Any]] = {}
    for r in rows:
        lab = r["labels"]
        f = facts.setdefault(
            r["event"], {"event_type": lab["event_type"], "province": None, "district": None, "day": None}
        )
        f["province"] = f["province"] or lab["province"]
        f["district"] = f["district"] or lab["district"]
        day = datetime.fromisoformat(r["published"]).astimezone(PKT).date()
        f["day"] = min(f["day"], day) if f["day"] else day
    return facts


def false_merge_kind(a: dict[str, Any], b: dict[str, Any], facts: Mapping[str, dict[str, Any]]) -> str:
    """Why two reports of different events should have stayed apart: how the two events relate."""
    ea, eb = facts[a["event"]], facts[b["event"]]
    if "other" in (ea["event_type"], eb["event_type"]):
        return "non-incident story merged into an incident"
    if ea["event_type"] != eb["event_type"]:
        return "attack merged with a security operation"
    days = abs((ea["day"] - eb["day"]).days)
    when = "same day" if days == 0 else "a day apart" if days == 1 else f"{days} days apart"
    if ea["district"] == eb["district"]:
        return f"two events in one district, {when}"
    if ea["province"] == eb["province"]:
        return f"two events in one province, {when}"
    return f"two events in different provinces, {when}"


def split_cause(a: dict[str, Any], b: dict[str, Any], labels: Mapping[str, dict[str, Any]], attached: set[str]) -> str:
    """Why two reports of one event ended in different incidents, judged by the labels the resolver saw."""
    la, lb = labels[a["id"]], labels[b["id"]]
    if a["id"] not in attached or b["id"] not in attached:
        return "a report labelled `other` (in no incident)"
    if la["province"] and lb["province"] and la["province"] != lb["province"]:
        return "provinces differ (never compared)"
    if la["event_type"] != lb["event_type"]:
        return "event types differ"
    if la["district"] and lb["district"] and la["district"] != lb["district"]:
        return "districts differ"
    if la["attack_type"] != lb["attack_type"]:
        return "attack types differ"
    if la["group"] != lb["group"]:
        return "groups differ"
    return "labels agree: text evidence too weak"


def score_run(
    name: str, rows: Sequence[dict[str, Any]], clusters: list[list[str]], labels: dict[str, dict[str, Any]]
) -> Outcome:
    """Score one run's incidents and sort every error pair by kind, so the table says what went wrong."""
    gold = {r["id"]: gold_event(r) for r in rows}
    by_id = {r["id"]: r for r in rows}
    facts = _event_facts(rows)
    truth, guessed = pairs_of(gold_clusters(gold)), pairs_of(clusters)
    attached = {r for c in clusters for r in c}
    outcome = Outcome(
        name=name,
        clusters=clusters,
        labels=labels,
        scores=pairwise(gold, clusters),
        exact=exact_clusters(gold, clusters),
        incidents=len(clusters),
        non_incidents_attached=sum(1 for r in attached if gold[r] is None),
        non_incidents_merged=sum(1 for c in clusters if len(c) > 1 for r in c if gold[r] is None),
        reports_left_out=sum(1 for r, e in gold.items() if e is not None and r not in attached),
    )
    for pair in sorted(guessed - truth, key=sorted):
        a, b = (by_id[x] for x in sorted(pair))
        outcome.false_merges.setdefault(false_merge_kind(a, b, facts), []).append(pair)
    for pair in sorted(truth - guessed, key=sorted):
        a, b = (by_id[x] for x in sorted(pair))
        outcome.splits.setdefault(split_cause(a, b, labels, attached), []).append(pair)
    return outcome


# ---------------------------------------------------------------- the pipeline run


@dataclass(slots=True)
class Run:
    """What one benchmark run read back: incidents from the model's labels and from the gold labels."""

    model_version: str
    predicted: list[list[str]]
    predicted_labels: dict[str, dict[str, Any]]
    gold: list[list[str]]
    seconds: dict[str, float]


def _articles(rows: Sequence[dict[str, Any]]) -> list[Any]:
    from crawlers.urls import content_hash
    from domain.records import Article

    out = []
    for r in rows:
        published = datetime.fromisoformat(r["published"])
        out.append(
            Article(
                url=r["url"],
                canonical_url=r["url"],
                source=r["source"],
                title=r["title"],
                text=r["text"],
                content_hash=content_hash(r["text"]),
                fetched_at=published.astimezone(UTC),
                published_at=published,
                language="en",
                http_status=200,
            )
        )
    return out


def _gold_labels(row: dict[str, Any]) -> Any:
    from domain.records import ArticleLabels
    from domain.taxonomy import AttackType, EventType, Group, Province

    lab = row["labels"]
    return ArticleLabels(
        event_type=EventType(lab["event_type"]),
        attack_type=AttackType(lab["attack_type"]) if lab["attack_type"] else None,
        group=Group(lab["group"]),
        claimed=bool(lab["claimed"]),
        province=Province(lab["province"]) if lab["province"] else None,
        district=lab["district"],
        killed=lab["killed"],
        injured=lab["injured"],
        militants_killed=lab["militants_killed"],
        model_version=GOLD_VERSION,
        confidence={name: 1.0 for name in (*LABEL_FIELDS, "militants_killed")},
    )


def _clusters(session: Any, report_of: Mapping[int, str]) -> list[list[str]]:
    import sqlalchemy as sa

    from warehouse import schema

    link = schema.IncidentArticle
    members: dict[int, list[str]] = {}
    for incident_id, article_id in session.execute(
        sa.select(link.incident_id, link.article_id).order_by(link.incident_id, link.article_id)
    ):
        members.setdefault(incident_id, []).append(report_of[article_id])
    return list(members.values())


@contextmanager
def _warehouse_url(db_url: str | None) -> Iterator[str]:
    if db_url:
        yield db_url
        return
    with tempfile.TemporaryDirectory(prefix="khabar-dedup-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'dedup.sqlite'}"


def run_pipeline(rows: Sequence[dict[str, Any]], db_url: str) -> Run:
    """Store the reports, resolve them from gold labels (rolled back), then classify and resolve for real."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from khabar.pipeline import classify_pending, resolve_pending, upgrade_db, warehouse, warehouse_session
    from warehouse import load, schema
    from warehouse.db import display_url
    from warehouse.incidents import resolve_incidents

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    upgrade_db(db_url)
    with warehouse_session(db_url) as session:
        if session.scalar(sa.select(sa.func.count()).select_from(schema.Article)):
            raise SystemExit(f"bench/dedup.py needs an empty warehouse; {display_url(db_url)} has articles")
        ids = load.store_articles(session, _articles(rows)).inserted
        if len(ids) != len(rows):
            raise SystemExit(f"only {len(ids)} of {len(rows)} reports were stored (duplicate URL or body?)")
        for article_id, row in zip(ids, rows, strict=True):
            load.save_labels(session, article_id, _gold_labels(row))
    report_of = dict(zip(ids, (r["id"] for r in rows), strict=True))
    seconds["store"] = time.perf_counter() - started

    started = time.perf_counter()
    with warehouse(db_url) as engine, Session(engine) as session:
        resolve_incidents(session, GOLD_VERSION)
        gold = _clusters(session, report_of)
        session.rollback()  # leave only articles and labels for the pipeline's own stages
    seconds["resolve (gold labels)"] = time.perf_counter() - started

    started = time.perf_counter()
    classified = classify_pending(db_url)
    version = classified.model_version
    seconds["classify_pending"] = time.perf_counter() - started
    started = time.perf_counter()
    resolve_pending(db_url, model_version=version)
    seconds["resolve_pending"] = time.perf_counter() - started

    lab = schema.ArticleLabel
    with warehouse_session(db_url) as session:
        predicted = _clusters(session, report_of)
        labels = {
            report_of[row.article_id]: {
                "event_type": row.event_type,
                "attack_type": row.attack_type,
                "group": row.group_code,
                "claimed": row.claimed,
                "province": row.province,
                "district": row.district,
                "killed": row.killed,
                "injured": row.injured,
            }
            for row in session.scalars(sa.select(lab).where(lab.model_version == version))
        }
    return Run(version, predicted, labels, gold, seconds)


# ---------------------------------------------------------------- output


def label_accuracy(rows: Sequence[dict[str, Any]], predicted: Mapping[str, dict[str, Any]]) -> dict[str, float]:
    """Exact-match accuracy of the model's labels on this set, per field the resolver uses."""
    fields = ("event_type", "attack_type", "province", "district")
    return {f: sum(predicted[r["id"]][f] == r["labels"][f] for r in rows) / len(rows) for f in fields}


def metrics_table(outcomes: Sequence[Outcome], gold_events: int) -> str:
    lines = [
        "| labels given to the resolver | pairwise F1 | precision | recall | exact clusters | incidents "
        f"(gold: {gold_events}) | non-incident stories in an incident (merged) | incident reports in no incident |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        s = o.scores
        lines.append(
            f"| {o.name} | **{s.f1:.3f}** | {s.precision:.3f} | {s.recall:.3f} | {o.exact:.3f} | {o.incidents} | "
            f"{o.non_incidents_attached} ({o.non_incidents_merged}) | {o.reports_left_out} |"
        )
    return "\n".join(lines)


def errors_table(outcomes: Sequence[Outcome]) -> str:
    header = "| error pairs | " + " | ".join(o.name for o in outcomes) + " |"
    lines = [header, "|---|" + "---|" * len(outcomes)]
    for attr, label in (("false_merges", "wrongly merged"), ("splits", "wrongly split")):
        kinds = sorted({k for o in outcomes for k in getattr(o, attr)})
        for kind in kinds:
            cells = " | ".join(str(len(getattr(o, attr).get(kind, []))) for o in outcomes)
            lines.append(f"| {label}: {kind} | {cells} |")
    return "\n".join(lines)


def describe(set_name: str, rows: Sequence[dict[str, Any]]) -> list[str]:
    """The section's opening paragraph: what the set is."""
    events = {r["event"] for r in rows}
    incident_events = {r["event"] for r in rows if r["labels"]["event_type"] != "other"}
    others = sum(r["labels"]["event_type"] == "other" for r in rows)
    if set_name.startswith(("real", "retold")):
        texts = (
            "text is in the gitignored cache"
            if set_name.startswith("real")
            else "text we retold in our own words (`var/real/retold.jsonl`)"
        )
        return [
            f"Real published pages (`bench/real/pages.jsonl`, {set_name.split('-')[1]} split) whose {texts}:",
            f"{len(rows)} dated pages of {len(events)} real events ({len(incident_events)} attacks",
            f"and operations, {others} pages of other stories), several outlets per attack; the gold event is the",
            "page's",
            "`incident` key. Pages carry a date only, so each is placed at noon Pakistan time. The pages go through",
            "`classify_pending` (shipped model) and `resolve_pending` in a fresh warehouse.",
        ]
    if set_name.startswith("coverage"):
        roles = Counter(r["role"] for r in rows)
        return [
            "How real outlets tell one attack, written for the project: `bench/data/coverage.yaml` "
            f"({set_name.split('-')[1]} split) holds {len(rows)} reports of {len(events)} events",
            f"({len(incident_events)} attacks and operations, {others} non-incident reports) — early 'blast'",
            "reports, toll revisions, blame then a claim, city vs district, foreign wires naming only the province,",
            "funerals and arrests, 'operation ends' follow-ups — next to hard distractors (how it was written:",
            f"`bench/data/README.md`). Roles: {', '.join(f'{k} {v}' for k, v in sorted(roles.items()))}.",
            "The reports go through `classify_pending` (shipped model) and `resolve_pending` in a fresh warehouse.",
        ]
    return [
        "Do reports of one attack from several outlets, and the next day's follow-ups, merge into one incident,",
        "while different attacks stay apart? `bench/data/dedup.jsonl` holds "
        f"{len(rows)} generated reports of {len(events)} events",
        f"({len(incident_events)} attacks and security operations told by 1–4 outlets, and {others} non-incident",
        "stories), with hard distractors next to each other: two attacks in one district on one day, the same",
        "attack type in one province a day apart, an operation in the district of an attack, court cases and",
        "analysis about that district (how it is made: `bench/data/README.md`). The reports are stored in a",
        "fresh warehouse and run through the pipeline's stages, `classify_pending` (shipped model) and",
        "`resolve_pending`; `incident_articles` is read back. The gold-label row resolves the same articles",
        "from their gold labels instead, which measures matching alone.",
    ]


def section_text(
    set_name: str,
    rows: Sequence[dict[str, Any]],
    run: Run,
    outcomes: Sequence[Outcome],
    command: str,
    total_s: float,
    db: str,
) -> str:
    incident_events = {r["event"] for r in rows if r["labels"]["event_type"] != "other"}
    description = describe(set_name, rows)
    acc = label_accuracy(rows, run.predicted_labels)
    acc_text = ", ".join(f"{k} {v:.3f}" for k, v in acc.items())
    scenarios = Counter(r["scenario"] for r in rows)
    return "\n".join(
        [
            SECTIONS[set_name],
            "",
            *description,
            "",
            "Pairwise metric: every pair of reports in one predicted incident is a predicted pair; a pair is",
            "correct when both reports belong to the same gold incident event. A non-incident story merged into an",
            "incident is a false pair with each report it joined; an incident report left out of every incident",
            "misses all its pairs. Exact clusters = share of gold events that are exactly one predicted incident.",
            "",
            f"- command: `{command}`",
            f"- date: {date.today().isoformat()}, model `{run.model_version}`, resolver `MatchPolicy()` defaults",
            f"- machine: {os.cpu_count()} CPU cores; warehouse: {db}; whole run {total_s:.1f} s",
            f"- reports per scenario: {', '.join(f'{k} {v}' for k, v in sorted(scenarios.items()))}",
            "",
            metrics_table(outcomes, len(incident_events)),
            "",
            f"Target: pairwise F1 ≥ {TARGET_F1:.2f} (SPEC.md). Model labels on this set, exact match: {acc_text}.",
            "",
            "Error pairs by kind (a wrong merge by how the two events relate; a split by the first reason, in",
            "the resolver's order, that the two reports' labels could not be matched):",
            "",
            errors_table(outcomes),
            "",
        ]
    )


def examples(rows: Sequence[dict[str, Any]], outcome: Outcome, per_kind: int) -> str:
    """A few error pairs per kind, with titles and the labels the resolver saw (for --errors)."""
    by_id = {r["id"]: r for r in rows}

    def show(report: str) -> str:
        r, lab = by_id[report], outcome.labels[report]
        place = lab["district"] or lab["province"] or "-"
        return (
            f"    {report} [{r['event']} {r['role']}, {r['published'][:16]}] {r['title'][:90]}\n"
            f"      labels: {lab['event_type']}/{lab['attack_type']} @ {place}"
        )

    out = [f"### {outcome.name}"]
    for attr in ("false_merges", "splits"):
        for kind, pairs in sorted(getattr(outcome, attr).items()):
            out.append(f"{attr} — {kind}: {len(pairs)} pairs")
            for pair in pairs[:per_kind]:
                a, b = sorted(pair)
                out += [show(a), show(b)]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="an EMPTY warehouse to use (default: a temporary SQLite file)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N example pairs per error kind")
    parser.add_argument("--write", action="store_true", help="update the section in BENCHMARKS.md")
    parser.add_argument("--regenerate", action="store_true", help="rewrite bench/data/dedup.jsonl and exit")
    parser.add_argument("--dev", action="store_true", help="score the tuning set (another seed, never written)")
    parser.add_argument("--set", choices=SETS, default="dedup", help="which labelled set (see bench/matching_sets.py)")
    args = parser.parse_args(argv)
    set_name = "dedup-dev" if args.dev else args.set
    if args.regenerate:
        lines = dedup_data.build()
        dedup_data.write(lines)
        print(f"wrote {len(lines)} reports of {len({x.event for x in lines})} events to {dedup_data.DATA_FILE}")
        return 0
    logging.basicConfig(level=logging.WARNING)
    if args.write and set_name not in ("dedup", "coverage-test", "real-test", "real-dev", "retold-test", "retold-dev"):
        parser.error("--write records the scored sets only (dedup, coverage-test, real-*, retold-*), not a tuning set")
    rows = load_set(set_name)
    started = time.perf_counter()
    with _warehouse_url(args.db) as url:
        run = run_pipeline(rows, url)
        db = "PostgreSQL (--db)" if url.startswith("postgresql") else "SQLite (temporary file)"
    total = time.perf_counter() - started
    gold_labels = {r["id"]: r["labels"] for r in rows}
    outcomes = [
        score_run("model labels (pipeline)", rows, run.predicted, run.predicted_labels),
        score_run("gold labels", rows, run.gold, gold_labels),
    ]
    command = (
        "python bench/dedup.py"
        + (f" --set {set_name}" if set_name != "dedup" else "")
        + (" --db URL" if args.db else "")
        + (" --write" if args.write else "")
    )
    section = section_text(set_name, rows, run, outcomes, command, total, db)
    print(section)
    print("stage seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in run.seconds.items()), file=sys.stderr)
    if args.errors:
        for outcome in outcomes:
            print(examples(rows, outcome, args.errors), file=sys.stderr)
    if args.write:
        update_section(REPO_ROOT / "BENCHMARKS.md", SECTIONS[set_name], section)
        print("updated BENCHMARKS.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
