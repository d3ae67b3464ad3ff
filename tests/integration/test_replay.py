"""A manual run's re-alert: the alerts of a date range's incidents are offered again, others are not."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa

from domain.settings import Settings
from khabar.orchestration import ConfigurationError, realert_range
from warehouse import queries, schema
from warehouse.db import make_engine, session_scope, upgrade


def _incident(day: date) -> schema.Incident:
    return schema.Incident(
        occurred_on=day,
        event_type="attack",
        attack_type="bombing",
        group_code="unknown",
        claimed=False,
        province="Khyber Pakhtunkhwa",
        district="Bannu",
        killed=1,
        injured=2,
        militants_killed=None,
        confidence=0.9,
        p_attack=0.9,
    )


def test_realert_reopens_only_the_range(db_url: str) -> None:
    upgrade(db_url)
    engine = make_engine(db_url)
    with session_scope(engine) as session:
        early, inside = _incident(date(2026, 11, 1)), _incident(date(2026, 11, 20))
        session.add_all([early, inside])
        session.flush()
        ids = early.id, inside.id
        for incident_id in ids:
            queries.record_alert(session, incident_id, "webhook", "new", 1, "sent")

    def pending() -> list[int]:
        with session_scope(engine) as session:
            return [c.incident_id for c in queries.pending_alerts(session, 0.5, "webhook")]

    settings = Settings(database_url=db_url)
    assert pending() == []
    assert realert_range(settings, {}) == 0, "a scheduled run reopens nothing"
    params: dict[str, Any] = {"realert_since": "2026-11-10", "realert_until": "2026-11-30"}
    assert realert_range(settings, params) == 1
    assert pending() == [ids[1]]
    with pytest.raises(ConfigurationError, match="after"):
        realert_range(settings, {"realert_since": "2026-12-01", "realert_until": "2026-11-01"})
    with pytest.raises(ConfigurationError, match="dates"):
        realert_range(settings, {"realert_since": "last week"})
    engine.dispose()


def test_an_undeliverable_alert_is_recorded_then_fails_the_alert_stage(sqlite_url: str) -> None:
    from khabar.orchestration import AlertDeliveryFailed, deliver_alerts
    from khabar.webhook_sink import WebhookSink

    upgrade(sqlite_url)
    engine = make_engine(sqlite_url)
    with session_scope(engine) as session:
        session.add(_incident(date(2026, 11, 20)))
    with WebhookSink(status=503) as sink:
        settings = Settings(database_url=sqlite_url, alert_webhook_url=sink.url)
        with pytest.raises(AlertDeliveryFailed, match="1 alert"):
            deliver_alerts(settings)
        with session_scope(engine) as session:
            row = session.scalars(sa.select(schema.Alert)).one()
            assert (row.status, row.error) == ("failed", "webhook answered 503")
        sink.status = 200
        assert deliver_alerts(settings).sent == 1
    engine.dispose()
