"""bench/data/coverage.yaml, the hand-written coverage clusters: well-formed, labels inside the taxonomy and the
gazetteer, reports of an event in publication order, and splits that keep each distractor next to its neighbour."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from domain.gazetteer import load_gazetteer
from domain.records import LABEL_FIELDS
from domain.taxonomy import AttackType, EventType, Group, Province

ROOT = Path(__file__).resolve().parents[2]
COVERAGE = ROOT / "bench" / "data" / "coverage.yaml"
REAL_PAGES = ROOT / "bench" / "real" / "pages.jsonl"

EVENT_FIELDS = {"key", "split", "scenario", "modelled_on", "reports"}
REPORT_FIELDS = {"id", "source", "url", "published", "role", "title", "text", "labels"}
SPLITS = {"dev", "test"}
SCENARIOS = {
    "single",
    "evolving",
    "same_district_same_day",
    "same_province_day_apart",
    "operation_near_attack",
    "other_near_attack",
    "hoax",
    "operation",
    "other",
    "late_follow_up",
    "late_distractor",
}
ROLES = {
    "early",
    "report",
    "rewrite",
    "foreign",
    "toll",
    "claim",
    "counter_claim",
    "denial",
    "funeral",
    "arrest",
    "op_end",
    "operation",
    "hoax",
    "drill",
    "foiled",
    "other",
}
FIGURES = ("killed", "injured", "militants_killed")
ATTACK = EventType.ATTACK.value
OPERATION = EventType.SECURITY_OPERATION.value
OTHER = EventType.OTHER.value

Event = dict[str, Any]
Report = dict[str, Any]


@pytest.fixture(scope="module")
def events() -> list[Event]:
    data = yaml.safe_load(COVERAGE.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and set(data) == {"events"}
    assert isinstance(data["events"], list)
    return data["events"]


def reports_of(events: list[Event]) -> list[Report]:
    return [r for e in events for r in e["reports"]]


def published(report: Report) -> datetime:
    return datetime.fromisoformat(report["published"])


def event_type(event: Event) -> str:
    """The event type most of the event's reports carry (an attack may have a stray `other` denial)."""
    return str(Counter(r["labels"]["event_type"] for r in event["reports"]).most_common(1)[0][0])


def event_district(event: Event) -> str | None:
    named = Counter(r["labels"]["district"] for r in event["reports"] if r["labels"]["district"])
    return str(named.most_common(1)[0][0]) if named else None


def event_province(event: Event) -> str | None:
    named = Counter(r["labels"]["province"] for r in event["reports"] if r["labels"]["province"])
    return named.most_common(1)[0][0] if named else None


def event_attack_type(event: Event) -> str | None:
    # The type the last attack report gives: early reports often say only "blast".
    types = [r["labels"]["attack_type"] for r in event["reports"] if r["labels"]["attack_type"]]
    return types[-1] if types else None


def event_day(event: Event) -> date:
    return published(event["reports"][0]).date()


def test_size_and_shape(events: list[Event]) -> None:
    reports = reports_of(events)
    assert 50 <= len(events) <= 70
    assert 180 <= len(reports) <= 220
    for e in events:
        assert set(e) == EVENT_FIELDS, e.get("key")
        assert e["split"] in SPLITS, e["key"]
        assert e["scenario"] in SCENARIOS, e["key"]
        assert isinstance(e["reports"], list) and e["reports"], e["key"]
        for r in e["reports"]:
            assert set(r) == REPORT_FIELDS, r.get("id")
            assert set(r["labels"]) == set(LABEL_FIELDS), r["id"]
            assert r["role"] in ROLES, r["id"]
            assert r["source"] and r["source"] == r["source"].lower() and " " not in r["source"], r["id"]
            assert isinstance(r["title"], str) and r["title"].strip(), r["id"]
            words = len(r["text"].split())
            assert 60 <= words <= 250, (r["id"], words)


def test_keys_ids_and_urls_are_unique(events: list[Event]) -> None:
    keys = [e["key"] for e in events]
    assert len(keys) == len(set(keys))
    reports = reports_of(events)
    ids = [r["id"] for r in reports]
    assert len(ids) == len(set(ids))
    urls = [r["url"] for r in reports]
    assert len(urls) == len(set(urls))
    assert all(u.startswith("https://") for u in urls)


def test_modelled_on_names_a_real_incident_or_nothing(events: list[Event]) -> None:
    incidents = {json.loads(line)["incident"] for line in REAL_PAGES.read_text(encoding="utf-8").splitlines() if line}
    for e in events:
        assert e["modelled_on"] is None or e["modelled_on"] in incidents, e["key"]


def test_labels_are_taxonomy_values(events: list[Event]) -> None:
    for r in reports_of(events):
        labels = r["labels"]
        assert labels["event_type"] in {t.value for t in EventType}, r["id"]
        assert labels["group"] in {g.value for g in Group}, r["id"]
        assert isinstance(labels["claimed"], bool), r["id"]
        if labels["claimed"]:
            assert labels["group"] != Group.UNKNOWN.value, r["id"]
        if labels["event_type"] == ATTACK:
            assert labels["attack_type"] in {a.value for a in AttackType}, r["id"]
            assert labels["province"] is not None, r["id"]
        else:
            assert labels["attack_type"] is None, r["id"]
        for field in FIGURES:
            value = labels[field]
            assert value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0), r["id"]


def test_places_are_gazetteer_districts_of_their_province(events: list[Event]) -> None:
    gazetteer = load_gazetteer()
    for r in reports_of(events):
        labels = r["labels"]
        if labels["province"] is not None:
            assert labels["province"] in {p.value for p in Province}, r["id"]
        if labels["district"] is not None:
            assert labels["province"] is not None, r["id"]
            assert gazetteer.district(labels["district"]).province.value == labels["province"], r["id"]


def test_other_reports_carry_no_place_figures_or_group(events: list[Event]) -> None:
    for r in (r for r in reports_of(events) if r["labels"]["event_type"] == OTHER):
        labels = r["labels"]
        assert labels["group"] == Group.UNKNOWN.value and labels["claimed"] is False, r["id"]
        assert all(labels[f] is None for f in ("province", "district", *FIGURES)), r["id"]


def test_published_has_a_timezone_and_follows_the_first_report(events: list[Event]) -> None:
    for e in events:
        times = [published(r) for r in e["reports"]]
        assert all(t.tzinfo is not None for t in times), e["key"]
        assert times == sorted(times), e["key"]
        # Coverage of one attack spans a few days; a late follow-up comes up to four weeks on.
        span = timedelta(days=28 if e["scenario"] == "late_follow_up" else 14)
        assert times[-1] - times[0] <= span, e["key"]


def test_late_follow_ups_come_past_the_window_and_their_distractors_stay_close(events: list[Event]) -> None:
    late = [e for e in events if e["scenario"] == "late_follow_up"]
    assert {e["split"] for e in late} == SPLITS
    for e in late:
        first = published(e["reports"][0])
        assert any(published(r) - first > timedelta(days=5) for r in e["reports"]), e["key"]
    for e in (e for e in events if e["scenario"] == "late_distractor"):
        twins = [
            o
            for o in late
            if event_district(o) == event_district(e) and timedelta(0) < event_day(e) - event_day(o) <= timedelta(30)
        ]
        assert twins and all(o["split"] == e["split"] for o in twins), e["key"]


def test_roles_fit_the_event(events: list[Event]) -> None:
    for e in events:
        kind = event_type(e)
        roles = {r["role"] for r in e["reports"]}
        if kind == ATTACK:
            assert not roles & {"operation", "hoax", "drill", "foiled"}, e["key"]
        else:
            assert e["scenario"] in {
                "operation_near_attack",
                "other_near_attack",
                "late_distractor",
                "hoax",
                "operation",
                "other",
            }
            assert not roles & {"early", "toll", "claim", "counter_claim", "funeral", "op_end"}, e["key"]


def test_every_split_has_attack_clusters_and_distractors(events: list[Event]) -> None:
    for split in SPLITS:
        mine = [e for e in events if e["split"] == split]
        clusters = [e for e in mine if event_type(e) == ATTACK and len(e["reports"]) >= 3]
        assert len(clusters) >= 8, split
        scenarios = {e["scenario"] for e in mine}
        assert {"same_district_same_day", "operation_near_attack", "other_near_attack"} <= scenarios, split
        assert {OPERATION, OTHER} <= {event_type(e) for e in mine}, split


def test_distractors_sit_in_the_split_of_their_neighbour(events: list[Event]) -> None:
    attacks = [e for e in events if event_type(e) == ATTACK]
    for e in events:
        place, day = event_district(e), event_day(e)
        if e["scenario"] == "same_district_same_day":
            twins = [o for o in attacks if o is not e and event_district(o) == place and event_day(o) == day]
            assert twins, e["key"]
        elif e["scenario"] == "operation_near_attack":
            twins = [o for o in attacks if event_district(o) == place and abs((event_day(o) - day).days) <= 1]
            assert twins, e["key"]
        elif e["scenario"] == "same_province_day_apart":
            twins = [
                o
                for o in attacks
                if o is not e
                and o["scenario"] == e["scenario"]
                and event_province(o) == event_province(e)
                and event_district(o) != place
                and abs((event_day(o) - day).days) == 1
                and event_attack_type(o) == event_attack_type(e)
            ]
            assert twins, e["key"]
        else:
            continue
        assert all(o["split"] == e["split"] for o in twins), e["key"]


def test_no_neighbours_straddle_the_splits(events: list[Event]) -> None:
    # Events in one district within two days of each other are the hard pairs; they must be scored together.
    placed = [(e, event_district(e), event_day(e)) for e in events if event_district(e)]
    for a, place_a, day_a in placed:
        for b, place_b, day_b in placed:
            if place_a == place_b and abs((day_a - day_b).days) <= 2:
                assert a["split"] == b["split"], (a["key"], b["key"])
