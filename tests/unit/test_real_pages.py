"""bench/real/pages.jsonl, the hand-labelled real reporting: well-formed, no page text, labels inside the taxonomy."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from benchscripts import load_bench_script

from domain.records import LABEL_FIELDS

try:
    from domain.gazetteer import load_gazetteer
    from domain.taxonomy import AttackType, EventType, Group, Province
except ImportError:  # the package was called models/ before
    from models.gazetteer import load_gazetteer  # type: ignore[no-redef]
    from models.taxonomy import AttackType, EventType, Group, Province  # type: ignore[no-redef]

PAGES = Path(__file__).resolve().parents[2] / "bench" / "real" / "pages.jsonl"
FIELDS = {"url", "outlet", "published", "incident", "kind", "split", "labels"}
LABELS = set(LABEL_FIELDS)
FIGURES = ("killed", "injured", "militants_killed")


@pytest.fixture(scope="module")
def pages() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_size_and_spread(pages: list[dict[str, Any]]) -> None:
    scored = [p for p in pages if p["split"] != "extra"]
    assert len(scored) >= 300
    assert len({p["outlet"] for p in scored}) >= 40


def test_extra_pages_are_other_pages_and_events_than_the_scored_ones(pages: list[dict[str, Any]]) -> None:
    """The `extra` pages (retold and labelled on the retelling, a second development set) share no page and no
    incident with dev or test."""
    extra = [p for p in pages if p["split"] == "extra"]
    scored = [p for p in pages if p["split"] != "extra"]
    assert len(extra) >= 200
    assert not {p["url"] for p in extra} & {p["url"] for p in scored}
    assert not {p["incident"] for p in extra} & {p["incident"] for p in scored}


def test_labels_are_taxonomy_values(pages: list[dict[str, Any]]) -> None:
    for p in pages:
        labels = p["labels"]
        assert labels["event_type"] in {e.value for e in EventType}
        assert labels["group"] in {g.value for g in Group}
        assert isinstance(labels["claimed"], bool)
        if labels["event_type"] == EventType.ATTACK.value:
            assert labels["attack_type"] in {a.value for a in AttackType}, p["url"]
        else:
            assert labels["attack_type"] is None, p["url"]
        for field in FIGURES:
            assert labels[field] is None or (isinstance(labels[field], int) and labels[field] >= 0), p["url"]


def test_places_are_gazetteer_districts_of_their_province(pages: list[dict[str, Any]]) -> None:
    gazetteer = load_gazetteer()
    for p in pages:
        labels = p["labels"]
        if labels["province"] is not None:
            assert labels["province"] in {v.value for v in Province}, p["url"]
        if labels["district"] is not None:
            district = gazetteer.district(labels["district"])
            assert district.province.value == labels["province"], p["url"]


def test_other_pages_carry_no_place_figures_or_group(pages: list[dict[str, Any]]) -> None:
    for p in (p for p in pages if p["labels"]["event_type"] == EventType.OTHER.value):
        labels = p["labels"]
        assert labels["group"] == Group.UNKNOWN.value and labels["claimed"] is False, p["url"]
        assert all(labels[f] is None for f in ("province", "district", *FIGURES)), p["url"]


def test_incidents_sit_in_one_split_and_urls_are_unique(pages: list[dict[str, Any]]) -> None:
    splits: dict[str, set[str]] = defaultdict(set)
    for p in pages:
        splits[p["incident"]].add(p["split"])
    assert all(len(s) == 1 for s in splits.values())
    urls = [p["url"] for p in pages]
    assert len(urls) == len(set(urls))


def test_file_is_sorted_by_incident_then_url(pages: list[dict[str, Any]]) -> None:
    keys = [(p["incident"], p["url"]) for p in pages]
    assert keys == sorted(keys)


def test_the_cache_reader_drops_the_corpus_date_stamp(tmp_path: Path) -> None:
    read_cache = load_bench_script("real_news").read_cache
    cache = tmp_path / "cache.jsonl"
    rows = [
        {"url": "https://a.example/1", "title": "", "text": " date 2023-12-03 At least nine people were killed."},
        {"url": "https://a.example/2", "title": "T", "text": "QUETTA: A date 2023-12-03 line stays inside."},
    ]
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = read_cache(cache)
    assert got["https://a.example/1"]["text"] == "At least nine people were killed."
    assert got["https://a.example/2"]["text"] == rows[1]["text"]
    assert got["https://a.example/2"]["title"] == "T"


def test_a_retelling_gives_its_first_line_as_the_title(tmp_path: Path) -> None:
    """Retellings are {url, text}: headline, blank line, body; the benches pass the headline as the title, as a
    crawler does (left in the body, a headline without a full stop would be dropped as page furniture)."""
    read_cache = load_bench_script("real_news").read_cache
    cache = tmp_path / "retold.jsonl"
    rows = [
        {"url": "https://a.example/1", "text": "Blast kills 4 in Quetta\n\nQUETTA: Four people died.\n\nMore."},
        {"url": "https://a.example/2", "text": "QUETTA: Four people died.\nPolice said so."},
    ]
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = read_cache(cache)
    assert (got["https://a.example/1"]["title"], got["https://a.example/1"]["text"]) == (
        "Blast kills 4 in Quetta",
        "QUETTA: Four people died.\n\nMore.",
    )
    assert (got["https://a.example/2"]["title"], got["https://a.example/2"]["text"]) == ("", rows[1]["text"])


RETOLD = PAGES.parents[2] / "var" / "real" / "retold.jsonl"  # gitignored, like the cache of the real copy


def test_no_page_text_is_committed_under_bench_real() -> None:
    """The real pages' text, and our retellings of it, stay in var/ (gitignored): bench/real holds URLs and labels."""
    for path in PAGES.parent.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not {"text", "body", "title"} & set(json.loads(line)), path.name


@pytest.mark.skipif(not RETOLD.exists(), reason="no retellings on this machine (bench/real/README.md)")
def test_retellings_follow_the_labelled_pages(pages: list[dict[str, Any]]) -> None:
    retold = [json.loads(line) for line in RETOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    order = {p["url"]: i for i, p in enumerate(pages)}
    urls = [r["url"] for r in retold]
    assert all(set(r) == {"url", "text"} for r in retold)
    assert set(urls) <= set(order) and len(urls) == len(set(urls))
    assert [order[u] for u in urls] == sorted(order[u] for u in urls)  # the pages' own order
    # Written per machine and possibly in part (bench/real/README.md): the benches count the pages without text.
    assert all(len(r["text"].split()) >= 20 for r in retold)


def test_retold_pages_are_merging_rows_keyed_by_their_incident(pages: list[dict[str, Any]], tmp_path: Path) -> None:
    sets = load_bench_script("matching_sets")
    dev = [p for p in pages if p["split"] == "dev" and p["published"]][:3]
    texts = tmp_path / "retold.jsonl"
    texts.write_text("".join(json.dumps({"url": p["url"], "text": "A blast killed three people."}) + "\n" for p in dev))
    rows = sets.real_rows("dev", texts)
    assert {r["url"] for r in rows} == {p["url"] for p in dev}
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    by_url = {p["url"]: p for p in pages}
    for row in rows:
        page = by_url[row["url"]]
        assert row["event"] == page["incident"] and row["labels"] == page["labels"]
        assert row["published"] == f"{page['published']}T12:00:00+05:00"
    assert sets.real_rows("test", texts) == []  # only the split asked for


def test_the_retellings_are_split_into_briefs_and_assembled_in_the_pages_order(
    pages: list[dict[str, Any]], tmp_path: Path
) -> None:
    retold = load_bench_script("retold")
    written = retold.split(3, tmp_path)
    assert sum(written.values()) == len(pages)
    brief = [json.loads(line) for line in (tmp_path / "dev_0.in.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(set(row) == {"url", "outlet", "published", "kind", "labels"} for row in brief)
    dev = [p["url"] for p in pages if p["split"] == "dev"]
    lines = [
        json.dumps({"url": dev[2], "text": "Blast kills 4\n\nFour died."}),
        "not json",
        json.dumps({"url": "https://unknown.example/1", "text": "x"}),
        json.dumps({"url": dev[0], "text": " "}),
        json.dumps({"url": dev[1], "text": "Gunmen kill 2\n\nTwo died."}),
        json.dumps({"url": dev[1], "text": "a second text of the same page is ignored"}),
    ]
    (tmp_path / "dev_0.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "retold.jsonl"
    n, skipped = retold.assemble(tmp_path, out)
    assert n == 2 and skipped == {"not JSON": 1, "not a labelled page": 1, "no text": 1}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["url"] for r in rows] == [dev[1], dev[2]]
    assert rows[0]["text"].startswith("Gunmen kill 2")


def test_attack_macro_f1_leaves_out_a_class_nobody_has_or_was_given() -> None:
    """The usual macro-F1: a class absent from the gold pages and from the predictions is left out; a class
    only predicted stays in at 0 (a false hijacking costs)."""
    score = load_bench_script("real_news").score

    def page(attack_type: str) -> dict[str, Any]:
        return {"labels": {**dict.fromkeys(LABELS), "event_type": "attack", "attack_type": attack_type}}

    def pred(attack_type: str) -> dict[str, Any]:
        return {"event_type": "attack", "attack_type": attack_type, "confidence": {"event_type": 0.9}}

    gold = [page("bombing"), page("bombing"), page("armed_assault")]
    right = score(gold, [pred("bombing"), pred("bombing"), pred("armed_assault")])
    assert right.attack_macro_f1_present == 1.0
    assert right.attack_macro_f1 < 1.0  # every class of the taxonomy counts there
    wrong = score(gold, [pred("bombing"), pred("hijacking"), pred("armed_assault")])
    # bombing 2/3, armed_assault 1, hijacking 0 (given, never gold)
    assert abs(wrong.attack_macro_f1_present - (2 / 3 + 1 + 0) / 3) < 1e-9
