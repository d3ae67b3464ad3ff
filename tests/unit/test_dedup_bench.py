"""The incident-dedup benchmark (bench/dedup.py): its pairwise metric on hand-made clusters, and a data
set that regenerates byte-for-byte."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from benchscripts import load_bench_script

bench = load_bench_script("dedup")
data = bench.dedup_data

# Gold: a, b, c are one attack, d, e another, f a third told once; n is a court story (no incident).
GOLD: dict[str, str | None] = {"a": "E1", "b": "E1", "c": "E1", "d": "E2", "e": "E2", "f": "E3", "n": None}


def scores(gold: dict[str, str | None], predicted: list[list[str]]) -> tuple[int, int, int, float, float, float]:
    s = bench.pairwise(gold, predicted)
    return s.tp, s.fp, s.fn, s.precision, s.recall, s.f1


def test_perfect_clustering_scores_one() -> None:
    predicted = [["a", "b", "c"], ["d", "e"], ["f"]]
    assert scores(GOLD, predicted) == (4, 0, 0, 1.0, 1.0, 1.0)
    assert bench.exact_clusters(GOLD, predicted) == 1.0


def test_mixed_errors_count_each_pair_once() -> None:
    # Predicted pairs ab, cd, ce, de, fn; gold pairs ab, ac, bc, de.
    predicted = [["a", "b"], ["c", "d", "e"], ["f", "n"]]
    tp, fp, fn, p, r, f1 = scores(GOLD, predicted)
    assert (tp, fp, fn) == (2, 3, 2)
    assert p == pytest.approx(2 / 5) and r == pytest.approx(2 / 4)
    assert f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert bench.exact_clusters(GOLD, predicted) == 0.0  # every gold event is missing or has a stranger


def test_a_non_incident_merged_is_a_false_pair_with_every_member() -> None:
    gold: dict[str, str | None] = {"a": "E1", "b": "E1", "n": None}
    assert scores(gold, [["a", "b", "n"]]) == pytest.approx((1, 2, 0, 1 / 3, 1.0, 0.5))
    assert bench.exact_clusters(gold, [["a", "b", "n"]]) == 0.0
    # Left alone, in an incident of its own or in none, it costs nothing.
    assert scores(gold, [["a", "b"], ["n"]]) == (1, 0, 0, 1.0, 1.0, 1.0)
    assert scores(gold, [["a", "b"]]) == (1, 0, 0, 1.0, 1.0, 1.0)
    # Two non-incident stories merged with each other are a false pair too.
    assert scores({"n": None, "m": None}, [["n", "m"]])[:3] == (0, 1, 0)


def test_a_report_in_no_incident_loses_all_its_pairs() -> None:
    gold: dict[str, str | None] = {"a": "E1", "b": "E1", "c": "E1"}
    tp, fp, fn, p, r, f1 = scores(gold, [["a", "b"]])
    assert (tp, fp, fn, p) == (1, 0, 2, 1.0)
    assert r == pytest.approx(1 / 3) and f1 == pytest.approx(0.5)


def test_singletons_only_have_no_pairs_to_get_wrong() -> None:
    gold: dict[str, str | None] = {"a": "E1", "b": "E2"}
    assert scores(gold, [["a"], ["b"]]) == (0, 0, 0, 1.0, 1.0, 1.0)
    assert scores(gold, [["a", "b"]])[:3] == (0, 1, 0)


def test_generator_reproduces_the_committed_file(tmp_path: Path) -> None:
    out = tmp_path / "dedup.jsonl"
    data.write(data.build(), out)
    assert out.read_bytes() == data.DATA_FILE.read_bytes()


def test_data_set_shape() -> None:
    rows = data.load()
    required = {"id", "event", "title", "text", "published", "url", "source", "labels"}
    assert all(required <= set(r) for r in rows)
    assert all(r["published"].endswith("+05:00") for r in rows)
    sizes = Counter(r["event"] for r in rows)
    assert 150 <= len(sizes) <= 250 and 400 <= len(rows) <= 550
    assert set(sizes.values()) <= {1, 2, 3, 4}
    # Unique URLs and bodies: the warehouse stores one story once, which would silently drop a report.
    assert len({r["url"] for r in rows}) == len(rows)
    assert len({" ".join(r["text"].lower().split()) for r in rows}) == len(rows)
    for event in sizes:
        types = {r["labels"]["event_type"] for r in rows if r["event"] == event}
        assert len(types) == 1, event
    assert data.DATA_FILE.stat().st_size < 500_000
