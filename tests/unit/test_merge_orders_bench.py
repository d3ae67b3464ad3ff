"""The arrival-order merging benchmark (bench/merge_orders.py): how it cuts a set into batches, and that
later batches resolve against what earlier ones stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from benchscripts import load_bench_script

from domain.incidents import MatchPolicy, Report

bench = load_bench_script("merge_orders")


def _report(n: int, day: int, text: str, district: str) -> Report:
    return Report(
        article_id=n, at=datetime(2026, 3, day, 8, tzinfo=UTC), text=text, event_type="attack",
        attack_type="bombing", group_code="unknown", claimed=False, province="Khyber Pakhtunkhwa",
        district=district, killed=4, injured=None, militants_killed=None, confidence={}, overall=0.9, p_attack=0.9,
    )  # fmt: skip


def _rows() -> tuple[list[dict[str, Any]], list[Report]]:
    rows, reports = [], []
    for n, (event, day, source, district) in enumerate(
        [("E1", 1, "dawn", "Bannu"), ("E1", 1, "geo", "Bannu"), ("E2", 5, "dawn", "Swat"), ("E3", 9, "ary", "Tank")],
        start=1,
    ):
        rows.append({"id": f"r{n}", "event": event, "source": source, "labels": {"event_type": "attack"}})
        text = f"Blast at the {district} police checkpost\nA bomb hit the {district} police checkpost; four killed."
        reports.append(_report(n, day, text, district))
    return rows, reports


def test_arrival_batches_hold_every_report_once_in_two_phases_at_the_median_event_start() -> None:
    rows, reports = _rows()
    batches = bench.arrival_batches(rows, reports, seed=0)
    assert len(batches) == 4
    assert sorted(r.article_id for batch in batches for r in batch) == [1, 2, 3, 4]
    early = {r.article_id for batch in batches[:2] for r in batch}
    assert early == {1, 2}  # events start on days 1, 5 and 9: the median start is day 5
    for batch in batches:  # one site's outlets per batch
        assert len({rows[r.article_id - 1]["source"] for r in batch}) <= 2


def test_a_later_batch_joins_what_an_earlier_one_stored() -> None:
    _, reports = _rows()
    resolver = bench.resolve_batches([[reports[0]], [reports[1], reports[2], reports[3]]], MatchPolicy())
    clusters = sorted(sorted(r.article_id for r in c.reports) for c in resolver.clusters())
    assert clusters == [[1, 2], [3], [4]]
    [bannu] = [c for c in resolver.clusters() if len(c.reports) == 2]
    assert bannu.incident_id == 1_000_001  # the incident the first batch stored, not a new one


def test_opened_twice_counts_the_events_whose_reports_opened_two_stored_attack_incidents() -> None:
    rows, reports = _rows()
    opened: list[Report] = []
    bench.resolve_batches([[reports[0]], [reports[1], reports[2], reports[3]]], MatchPolicy(), opened)
    assert sorted(r.article_id for r in opened) == [1, 3, 4]  # the second Bannu report joined the first
    assert bench.opened_twice(rows, reports, opened) == 0
    # Told apart (another town in the text, another district), the second Bannu report opens its own incident.
    apart = _report(2, 1, "Gunmen raid a Kohat school\nGunmen stormed a school in Kohat.", "Kohat")
    opened = []
    bench.resolve_batches([[reports[0]], [apart, reports[2], reports[3]]], MatchPolicy(), opened)
    assert bench.opened_twice(rows, [reports[0], apart, *reports[2:]], opened) == 1
