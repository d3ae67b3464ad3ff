"""The extraction benchmark's metric (bench/extraction.py) on hand-computed examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from benchscripts import load_bench_script

bench = load_bench_script("extraction")


def test_tokens_are_unicode_word_runs() -> None:
    assert bench.tokenize("Hello, world! It's 5pm.") == ["Hello", "world", "It", "s", "5pm"]
    assert bench.tokenize("کرم میں حملہ۔") == ["کرم", "میں", "حملہ"]
    assert bench.tokenize(None) == []


def test_shingles_are_a_multiset_of_4_grams() -> None:
    sh = bench.shingles(["a", "b", "c", "d", "a", "b", "c", "d"])
    assert sum(sh.values()) == 5
    assert sh[("a", "b", "c", "d")] == 2
    # a non-empty text shorter than four tokens is one shingle; an empty one has none
    assert bench.shingles(["x", "y"]) == {("x", "y"): 1}
    assert not bench.shingles([])


def test_identical_texts() -> None:
    s = bench.score_page("a b c d e", "a, b; c d e!")
    assert (s.tp, s.fp, s.fn, s.exact) == (1.0, 0.0, 0.0, True)


def test_missing_tail_is_normalised_per_page() -> None:
    # truth {abcd, bcde}, prediction {abcd}: tp 1, fn 1, normalised by their sum 2
    s = bench.score_page("a b c d e", "a b c d")
    assert (s.tp, s.fp, s.fn, s.exact) == (0.5, 0.0, 0.5, False)


def test_repeats_count_as_a_multiset() -> None:
    # truth abcd x2, bcda, cdab, dabc; prediction abcd x1: tp 1, fn 4
    s = bench.score_page("a b c d a b c d", "a b c d")
    assert (s.tp, s.fp, s.fn) == pytest.approx((0.2, 0.0, 0.8))


def test_short_texts_compare_as_single_shingles() -> None:
    s = bench.score_page("x y", "x y z")
    assert (s.tp, s.fp, s.fn) == (0.0, 0.5, 0.5)


def test_summary_means_skip_undefined_pages() -> None:
    half = bench.score_page("a b c d e", "a b c d")  # P 1, R 0.5
    empty_prediction = bench.score_page("a b c d", "")  # P undefined, R 0
    both_empty = bench.score_page("", "")  # fp = fn = 0: P 1, R 1
    summary = bench.summarize([half, empty_prediction])
    assert summary.precision == 1.0
    assert summary.recall == pytest.approx(0.25)
    assert summary.f1 == pytest.approx(2 * 1.0 * 0.25 / 1.25)
    assert summary.accuracy == 0.0

    summary = bench.summarize([half, both_empty])
    assert (summary.precision, summary.recall) == pytest.approx((1.0, 0.75))
    assert summary.accuracy == 0.5


def test_benchmarks_md_section_is_replaced_not_duplicated(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\n## Extraction\n\nold\n\n## Classification\n\nkept\n", encoding="utf-8")
    bench.update_benchmarks_md(path, "## Extraction\n\nnew\n")
    text = path.read_text(encoding="utf-8")
    assert text.count("## Extraction") == 1
    assert "new" in text and "old" not in text
    assert "## Classification\n\nkept" in text


def test_benchmark_scores_an_untimed_round_and_times_the_others() -> None:
    pages = [
        bench.Page(f"p{i}", f"https://x.example/{i}", b"", f"report number {i} from the district") for i in range(3)
    ]
    calls: list[str] = []

    # bench.Page is a class of a script loaded at run time: unknown to the type checker.
    def perfect(page: Any) -> str | None:
        calls.append("perfect")
        return cast("str | None", page.truth)

    def empty(page: Any) -> str | None:
        calls.append("empty")
        return None

    results = bench.run_benchmark({"perfect": perfect, "trafilatura": empty}, pages, rounds=2)
    # an untimed round, then timed round 1 in the given order and round 2 reversed: neither always runs first
    untimed = ["perfect"] * 3 + ["empty"] * 3
    assert calls == untimed + ["perfect"] * 3 + ["empty"] * 3 + ["empty"] * 3 + ["perfect"] * 3
    by_name = {r.name: r for r in results}
    assert by_name["perfect"].summary.f1 == 1.0
    assert by_name["trafilatura"].summary.recall == 0.0
    assert by_name["perfect"].summary.pages == 3
    assert len(by_name["perfect"].cpu_rounds) == 2


def test_results_table_reports_cost_per_page_against_plain_trafilatura() -> None:
    summary = bench.Summary(0.98, 0.97, 0.99, 0.5, 200)
    mine = bench.RunResult("khabar", summary, seconds=5.0, cpu_seconds=4.8, scores={})
    plain = bench.RunResult("trafilatura", summary, seconds=4.1, cpu_seconds=4.0, scores={})
    assert mine.ms_per_page == pytest.approx(24.0)
    assert bench.cost_ratio(mine, plain) == pytest.approx(1.2)
    table = bench.results_table([mine, plain])
    assert "| khabar | 0.980 | 0.970 | 0.990 | 0.500 | 5.0 | 4.8 | 24.0 | 1.20× |" in table
    assert "| trafilatura |" in table and "| 1.00× |" in table


def test_round_ratios_pair_the_rounds() -> None:
    summary = bench.Summary(1.0, 1.0, 1.0, 1.0, 10)
    mine = bench.RunResult("khabar", summary, 1.0, 1.0, {}, cpu_rounds=(1.5, 1.1, 1.0))
    plain = bench.RunResult("trafilatura", summary, 1.0, 1.0, {}, cpu_rounds=(1.0, 1.0, 0.8))
    assert bench.round_ratios(mine, plain) == pytest.approx([1.5, 1.1, 1.25])
