"""One incident in full and the change feed, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session
from warehouse_fixture import MODEL, fill_warehouse

from warehouse.db import make_engine, session_scope
from warehouse.details import changes_since, incident_detail


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    fill_warehouse(db_url)
    engine = make_engine(db_url)
    with session_scope(engine) as s:
        yield s
    engine.dispose()


def test_incident_detail_has_every_report_its_figures_and_revisions(session: Session) -> None:
    detail = incident_detail(session, 40)
    assert detail is not None
    data = detail.as_dict()
    assert data["id"] == 40 and data["killed"] == 5 and data["revision"] == 2
    assert [r["source"] for r in data["reports"]] == ["dawn", "tribune"]  # oldest first
    first, second = data["reports"]
    assert first["url"] == "https://www.dawn.com/news/1001" and first["title"] == "Blast in Peshawar market kills three"
    assert first["published_at"] == "2026-01-10T08:00:00Z"
    assert (first["killed"], second["killed"]) == (3, 5)  # what each report said, not the merged figure
    assert first["similarity"] is None and second["similarity"] == pytest.approx(0.4)
    [label] = second["labels"]
    assert label["model_version"] == MODEL and label["group"] == "TTP" and label["confidence"] == pytest.approx(0.95)
    assert [(r["revision"], r["changes"]) for r in data["revisions"]] == [
        (1, {"killed": {"old": None, "new": 3}, "group_code": {"old": None, "new": "TTP"}}),
        (2, {"killed": {"old": 3, "new": 5}}),
    ]
    assert data["revisions"][1]["at"] == "2026-01-10T13:00:00Z"
    assert incident_detail(session, 999) is None


def test_changes_name_kind_and_cause(session: Session) -> None:
    lines = [c.as_dict() for c in changes_since(session, datetime(2026, 1, 10, 12, 0, tzinfo=UTC))]
    kinds = [(line["incident_id"], line["revision"], line["kind"]) for line in lines]
    assert kinds == [
        (40, 2, "revised"),
        (41, 1, "created"),
        (42, 1, "created"),
        (42, 1, "merged"),  # a second report joined without changing anything: no new revision
        (43, 1, "created"),
        (44, 1, "created"),
        (45, 1, "created"),
        (45, 2, "revised"),
    ]
    revised = lines[0]
    assert revised["changes"] == {"killed": {"old": 3, "new": 5}} and revised["at"] == "2026-01-10T13:00:00Z"
    assert [r["url"] for r in revised["why"]["reports"]] == ["https://tribune.com.pk/story/2002"]
    assert "same resolution pass" in revised["why"]["basis"]
    merged = lines[3]
    assert merged["changes"] == {} and merged["at"] == "2026-03-03T15:00:00Z"
    assert [r["article_id"] for r in merged["why"]["reports"]] == [5]
    unexplained = lines[-1]
    assert unexplained["why"]["reports"] == [] and unexplained["why"]["basis"].startswith("not recorded")
    # Later than everything: nothing.
    assert changes_since(session, datetime(2026, 5, 1, tzinfo=UTC)) == []
