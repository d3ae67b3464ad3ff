"""Incident filters, readable incident rows and zero-filled trends, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session
from warehouse_fixture import HOSTILE_TITLE, fill_warehouse

from warehouse.db import make_engine, session_scope
from warehouse.filters import IncidentFilter
from warehouse.queries import list_incidents
from warehouse.trends import trend_table


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    fill_warehouse(db_url)
    engine = make_engine(db_url)
    with session_scope(engine) as s:
        yield s
    engine.dispose()


def ids(session: Session, **conditions: object) -> list[int]:
    return [row.id for row in list_incidents(session, filters=IncidentFilter(**conditions))]  # type: ignore[arg-type]


def test_every_filter_selects_what_it_says(session: Session) -> None:
    assert ids(session) == [45, 44, 43, 42, 41, 40]  # newest first
    assert ids(session, since=date(2026, 3, 3)) == [45, 44, 43, 42]
    assert ids(session, until=date(2026, 3, 3)) == [42, 41, 40]
    assert ids(session, since=date(2026, 3, 1), until=date(2026, 3, 31)) == [44, 43, 42]
    assert ids(session, provinces=("Balochistan",)) == [45, 41]
    assert ids(session, provinces=("Balochistan", "Sindh")) == [45, 44, 41]
    assert ids(session, districts=("Bannu", "Peshawar")) == [42, 40]
    assert ids(session, groups=("TTP",)) == [43, 40]
    assert ids(session, attack_types=("bombing", "suicide_bombing")) == [41, 40]
    assert ids(session, event_types=("security_operation",)) == [43]
    assert ids(session, event_types=("attack",)) == [45, 44, 42, 41, 40]
    assert ids(session, claimed=True) == [45, 40]
    assert ids(session, claimed=False) == [44, 43, 42, 41]
    assert ids(session, min_confidence=0.8) == [45, 43, 40]
    assert ids(session, limit=2) == [45, 44]
    assert ids(session, groups=("TTP",), event_types=("attack",), claimed=True) == [40]
    assert ids(session, provinces=("Punjab",)) == []


def test_filter_rejects_impossible_ranges() -> None:
    with pytest.raises(ValueError, match="after"):
        IncidentFilter(since=date(2026, 2, 1), until=date(2026, 1, 1))
    with pytest.raises(ValueError, match="between 0 and 1"):
        IncidentFilter(min_confidence=1.5)


def test_incident_rows_are_readable(session: Session) -> None:
    rows = {row.id: row for row in list_incidents(session)}
    # Highest label confidence wins the headline; on a tie the earliest report does.
    assert rows[40].headline == "Peshawar market blast toll rises to five; TTP claims"
    assert rows[42].headline == "Gunmen attack police post in Bannu"
    assert rows[41].headline == HOSTILE_TITLE  # stored as written; escaping is the renderer's job
    assert rows[40].first_report_at == datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
    assert rows[40].last_report_at == datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    assert rows[40].sources == ["https://www.dawn.com/news/1001", "https://tribune.com.pk/story/2002"]
    assert (rows[40].latitude, rows[40].longitude) == (34.01, 71.58)  # Peshawar's centroid in the gazetteer
    assert (rows[44].latitude, rows[44].longitude) == (None, None)  # no district, no point
    assert all(row.town is None for row in rows.values())  # not stored by the place extractor today
    assert rows[40].revision == 2 and rows[44].confidence == pytest.approx(0.45)
    payload = rows[40].as_dict()
    assert list(payload)[:3] == ["id", "occurred_on", "event_type"] and list(payload)[-1] == "sources"
    assert payload["first_report_at"] == "2026-01-10T08:00:00Z" and payload["occurred_on"] == "2026-01-10"


def trend(
    session: Session, by: str, period: str, today: date = date(2026, 4, 10), **conditions: object
) -> list[tuple[Any, ...]]:
    table = trend_table(session, by, period, IncidentFilter(**conditions), today=today)  # type: ignore[arg-type]
    return [(p.bucket, p.key, p.attacks, p.killed, p.injured, p.killed_unknown, p.injured_unknown, p.operations,
             p.militants_killed, p.partial) for p in table.points]  # fmt: skip


def test_trends_fill_every_period_and_count_unknown_tolls(session: Session) -> None:
    rows = trend(session, "province", "month", until=date(2026, 4, 30))
    buckets = sorted({r[0] for r in rows})
    assert buckets == ["2026-01", "2026-02", "2026-03", "2026-04"]  # February had nothing and is still there
    assert len(rows) == 4 * 3  # every month x every province with an incident
    by_key = {(r[0], r[1]): r[2:] for r in rows}
    assert by_key[("2026-02", "Balochistan")] == (0, 0, 0, 0, 0, 0, 0, False)
    # Quetta's toll is unknown: counted, not guessed; its attacker killed counts as a militant killed.
    assert by_key[("2026-01", "Balochistan")] == (1, 0, 7, 1, 0, 0, 1, False)
    assert by_key[("2026-03", "Khyber Pakhtunkhwa")] == (1, 2, 0, 0, 1, 1, 8, False)  # an attack and an operation
    # April is observed only up to "today" (April 10): partial.
    assert by_key[("2026-04", "Balochistan")] == (1, 0, 0, 0, 0, 0, 0, True)


def test_trend_partial_periods_and_day_week_buckets(session: Session) -> None:
    weekly = trend(session, "group", "week", since=date(2026, 3, 4), until=date(2026, 3, 22), groups=("unknown",))
    assert [(r[0], r[1], r[2], r[9]) for r in weekly] == [
        ("2026-W10", "unknown", 0, True),  # Mon 2 - Sun 8 March, cut by --since 4 March (Bannu on the 3rd is out)
        ("2026-W11", "unknown", 0, False),
        ("2026-W12", "unknown", 1, False),  # the Sindh killing on 21 March; --until is that week's Sunday
    ]
    cut = trend(session, "group", "week", since=date(2026, 3, 9), until=date(2026, 3, 20))  # Friday: W12 cut
    assert [(r[0], r[9]) for r in cut] == [("2026-W11", False), ("2026-W12", True)]
    daily = trend(session, "district", "day", since=date(2026, 3, 20), until=date(2026, 3, 21))
    assert [(r[0], r[1], r[2], r[7]) for r in daily] == [
        ("2026-03-20", "North Waziristan", 0, 1),
        ("2026-03-20", "unknown", 0, 0),
        ("2026-03-21", "North Waziristan", 0, 0),
        ("2026-03-21", "unknown", 1, 0),
    ]


def test_trends_filter_one_dimension_while_grouping_by_another(session: Session) -> None:
    rows = trend(session, "attack_type", "month", provinces=("Khyber Pakhtunkhwa",), since=date(2026, 1, 1),
                 until=date(2026, 3, 31))  # fmt: skip
    keys = sorted({r[1] for r in rows})
    assert keys == ["armed_assault", "bombing", "none"]  # 'none': the operation has no attack type
    assert sum(r[2] for r in rows) == 2 and sum(r[7] for r in rows) == 1


def test_trend_limit_keeps_the_busiest_keys(session: Session) -> None:
    rows = trend(session, "district", "month", until=date(2026, 4, 30), limit=2, event_types=("attack",))
    # Five districts have one attack each ("unknown" included); ties go alphabetically.
    assert sorted({r[1] for r in rows}) == ["Bannu", "Kech"]
    assert trend(session, "province", "month", provinces=("Punjab",)) == []
