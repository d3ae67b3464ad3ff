"""`khabar incidents --format json|csv` read incidents a page at a time: same rows, same order, any page size."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from typing import Any

import pytest

from khabar.output import OutputFormat
from khabar.views import INCIDENT_COLUMNS, write_incidents
from warehouse import schema
from warehouse.db import make_engine, session_scope, upgrade
from warehouse.filters import IncidentFilter
from warehouse.queries import iter_incidents, list_incidents


@pytest.mark.parametrize("chunk", [1, 2, 7, 1000])
def test_pages_give_the_same_incidents_in_the_same_order(db_url: str, chunk: int) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with session_scope(engine) as session:
        for k in range(1, 24):  # several incidents share a day, so paging must break ties by id
            day = date(2026, 4, 1) + timedelta(days=k // 4)
            fields = {"event_type": "attack", "group_code": "unknown", "claimed": False, "province": "Sindh"}
            session.add(schema.Incident(id=k, occurred_on=day, killed=k, confidence=0.9, **fields))
    everything = IncidentFilter(event_types=("attack",))
    with session_scope(engine) as session:
        expected = [row.id for row in list_incidents(session, filters=everything)]
        assert [row.id for row in iter_incidents(session, everything, chunk=chunk)] == expected
        newest = IncidentFilter(event_types=("attack",), limit=5)
        assert [row.id for row in iter_incidents(session, newest, chunk=chunk)] == expected[:5]
    assert len(expected) == 23
    engine.dispose()


def test_streamed_json_is_what_json_dumps_indented_writes() -> None:
    rows: list[dict[str, Any]] = [
        {"id": 1, "headline": "Blast in Quetta — “12 killed”\nsecond line", "sources": ["https://a.pk/1", "https://b.pk/2"],
         "confidence": 0.875, "claimed": True, "killed": None, "occurred_on": date(2026, 4, 1)},
        {"id": 2, "headline": None, "sources": [], "confidence": 1e-7, "claimed": False, "killed": 0},
        {"id": 3, "sources": ("https://c.pk/3",)},
    ]  # fmt: skip
    out = io.StringIO()
    assert write_incidents(iter(rows), OutputFormat.JSON, out) == 3
    columns = list(INCIDENT_COLUMNS)
    full = [{c: r.get(c) for c in columns} for r in rows]
    full[2]["sources"] = list(rows[2]["sources"])
    assert out.getvalue() == json.dumps(full, indent=2, default=str, ensure_ascii=False) + "\n"
    empty = io.StringIO()
    assert write_incidents(iter([]), OutputFormat.JSON, empty) == 0
    assert json.loads(empty.getvalue()) == []
