"""Incident merging by arrival order: pairwise F1 of the resolver alone when reports come as one batch in
publication order, and when they come as the pipeline meets them — per source, in batches, with what earlier
batches stored.

Usage: python bench/merge_orders.py [--sets dedup-dev,coverage-dev,dedup,coverage-test] [--seeds 5]

Each set's reports are labelled once by the shipped classifier (labels and embeddings as the pipeline
stores them) and handed straight to `domain.incidents.resolve`, so this measures the resolver's order
dependence, not storage. "Arrival": the set is split in two phases at the median event start (the first
report of each gold event), as `bench/alerts.py` lists them over two runs; each phase's outlets are put on
one of two sites at random (one seed per run); the four batches are resolved in turn, each with the
incidents the earlier ones left (stored: not moved by the second look), and stories read as `other` are
offered as strays in their batch, as `warehouse.incidents.resolve_incidents` does. Prints the one-batch
F1 and the mean (min–max) over the seeds, each with "opened twice": the gold events whose reports opened more
than one stored attack incident over the batches, summed over the seeds (each such incident is a 'new' alert
of its own when its P(attack) is high enough, even if a later report merges it away).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from itertools import count
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.dedup import gold_event  # noqa: E402
from bench.fit_matching import pairwise_f1, reports_for  # noqa: E402
from bench.matching_sets import SETS, load_set  # noqa: E402
from domain.incidents import RESOLVED_EVENT_TYPES, MatchPolicy, Report, Resolver, resolve  # noqa: E402


def resolve_batches(
    batches: Sequence[Sequence[Report]], policy: MatchPolicy, opened: list[Report] | None = None
) -> Resolver:
    """Resolve each batch in turn against what the earlier ones stored; `opened` gets the first report of each
    attack incident a batch stores that is news of an attack (each one a 'new' alert when its P(attack) is high
    enough; not one told only by arrests and the like, `aftermath_only`)."""
    ids = count(1)
    stored: list[Any] = []
    resolver = Resolver((), policy)
    for batch in batches:
        labelled = [r for r in batch if r.event_type in RESOLVED_EVENT_TYPES]
        strays = [r for r in batch if r.event_type not in RESOLVED_EVENT_TYPES]
        resolver = resolve(labelled, stored, policy, strays=strays)
        stored = resolver.clusters()
        for cluster in stored:
            if cluster.incident_id is None:
                cluster.incident_id = next(ids) + 1_000_000
                fields = cluster.fields
                if opened is not None and fields["event_type"] == "attack" and not fields["aftermath_only"]:
                    opened.append(cluster.reports[0])
            cluster.steps = []
    return resolver


def opened_twice(rows: Sequence[dict[str, Any]], reports: Sequence[Report], opened: Sequence[Report]) -> int:
    """Gold events whose reports opened more than one stored incident."""
    event = {r.article_id: gold_event(row) for row, r in zip(rows, reports, strict=True)}
    counts = Counter(event[r.article_id] for r in opened if event[r.article_id] is not None)
    return sum(1 for n in counts.values() if n > 1)


def arrival_batches(
    rows: Sequence[dict[str, Any]], reports: Sequence[Report], seed: int, chunk: int = 0
) -> list[list[Report]]:
    """Two phases split at the median event start, each as two sites' batches (outlets split at random);
    with `chunk`, each site's batch comes in pieces of that many, the two sites' pieces taking turns (as the
    crawl hands a source's articles over while it crawls on, KHABAR_CRAWL_BATCH_WAIT_S)."""
    first: dict[str, Any] = {}
    for row, report in zip(rows, reports, strict=True):
        event = gold_event(row) or row["id"]
        first[event] = min(first.get(event, report.at), report.at)
    median = sorted(first.values())[len(first) // 2]
    rnd = random.Random(seed)
    site = {outlet: rnd.random() < 0.5 for outlet in sorted({row["source"] for row in rows})}
    phases = [
        [
            [r for row, r in zip(rows, reports, strict=True) if (r.at < median) == early and site[row["source"]] == a]
            for a in (True, False)
        ]
        for early in (True, False)
    ]
    if not chunk:
        return [batch for phase in phases for batch in phase]
    batches = []
    for phase in phases:
        pieces = [[batch[i : i + chunk] for i in range(0, len(batch), chunk)] for batch in phase]
        for turn in range(max(len(p) for p in pieces)):
            batches += [p[turn] for p in pieces if turn < len(p)]
    return batches


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="dedup-dev,coverage-dev,dedup,coverage-test")
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--chunk", type=int, default=0, help="reports per piece of a site's batch (0: whole)")
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    unknown = set(names) - set(SETS)
    if unknown:
        parser.error(f"unknown sets: {', '.join(sorted(unknown))} (known: {', '.join(SETS)})")
    policy = MatchPolicy()
    for name in names:
        rows = load_set(name)
        if not rows:
            print(f"{name}: no rows (the real pages need their text cache: bench/real/README.md)")
            continue
        reports = reports_for(rows, policy)
        opened_once: list[Report] = []
        one = pairwise_f1(rows, reports, resolve_batches([reports], policy, opened_once))[2]
        split = opened_twice(rows, reports, opened_once)
        arrival, twice = [], 0
        for seed in range(args.seeds):
            opened: list[Report] = []
            batches = arrival_batches(rows, reports, seed, args.chunk)
            arrival.append(pairwise_f1(rows, reports, resolve_batches(batches, policy, opened))[2])
            twice += opened_twice(rows, reports, opened)
        print(
            f"{name}: publication order {one:.3f}, opened twice {split}; arrival {statistics.mean(arrival):.3f} "
            f"({min(arrival):.3f}–{max(arrival):.3f}, {args.seeds} seeds), opened twice {twice}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
