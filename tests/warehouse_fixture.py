"""A small, fixed warehouse for query, report and documentation tests: every table has rows, ids are known.

Incidents (ids fixed so documentation examples can name one):
  40  2026-01-10  bombing, Peshawar (KP), TTP claimed, 5 killed / 12 injured, two reports, revised (killed 3 -> 5)
  41  2026-01-25  suicide bombing, Quetta (Balochistan), BLA blamed, killed unknown / 7 injured; a hostile title
  42  2026-03-03  armed assault, Bannu (KP), unknown group, 2 killed / injured unknown; a second report merged later
  43  2026-03-20  security operation, North Waziristan (KP), TTP, 8 militants killed, 1 soldier killed
  44  2026-03-21  targeted killing, Sindh (no district), unknown group, confidence 0.45, a javascript: "URL"
  45  2026-04-02  kidnapping, Kech (Balochistan), BLF claimed; revised later with no report near the revision
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from warehouse import schema
from warehouse.db import make_engine, session_scope, upgrade

MODEL = "m1"
HOSTILE_TITLE = '<script>alert("x")</script> Blast & "panic" in Quetta'
HOSTILE_URL = "javascript:alert(document.cookie)"


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# incident id, occurred_on, fields
INCIDENTS: list[tuple[int, date, dict[str, Any]]] = [
    (40, date(2026, 1, 10), {"event_type": "attack", "attack_type": "bombing", "group_code": "TTP", "claimed": True,
                             "province": "Khyber Pakhtunkhwa", "district": "Peshawar", "killed": 5, "injured": 12,
                             "militants_killed": None, "confidence": 0.9, "revision": 2}),
    (41, date(2026, 1, 25), {"event_type": "attack", "attack_type": "suicide_bombing", "group_code": "BLA",
                             "claimed": False, "province": "Balochistan", "district": "Quetta", "killed": None,
                             "injured": 7, "militants_killed": 1, "confidence": 0.7, "revision": 1}),
    (42, date(2026, 3, 3), {"event_type": "attack", "attack_type": "armed_assault", "group_code": "unknown",
                            "claimed": False, "province": "Khyber Pakhtunkhwa", "district": "Bannu", "killed": 2,
                            "injured": None, "militants_killed": None, "confidence": 0.6, "revision": 1}),
    (43, date(2026, 3, 20), {"event_type": "security_operation", "attack_type": None, "group_code": "TTP",
                             "claimed": False, "province": "Khyber Pakhtunkhwa", "district": "North Waziristan",
                             "killed": 1, "injured": None, "militants_killed": 8, "confidence": 0.95, "revision": 1}),
    (44, date(2026, 3, 21), {"event_type": "attack", "attack_type": "targeted_killing", "group_code": "unknown",
                             "claimed": False, "province": "Sindh", "district": None, "killed": 1, "injured": 0,
                             "militants_killed": None, "confidence": 0.45, "revision": 1}),
    (45, date(2026, 4, 2), {"event_type": "attack", "attack_type": "kidnapping", "group_code": "BLF", "claimed": True,
                            "province": "Balochistan", "district": "Kech", "killed": 0, "injured": 0,
                            "militants_killed": None, "confidence": 0.8, "revision": 2}),
]  # fmt: skip

# article id, incident id, source, url, title, published, label confidence, label killed, attached at
ARTICLES: list[tuple[int, int, str, str, str, datetime | None, float, int | None, datetime]] = [
    (1, 40, "dawn", "https://www.dawn.com/news/1001", "Blast in Peshawar market kills three",
     t("2026-01-10T08:00"), 0.80, 3, t("2026-01-10T09:00:01")),
    (2, 40, "tribune", "https://tribune.com.pk/story/2002", "Peshawar market blast toll rises to five; TTP claims",
     t("2026-01-10T12:00"), 0.95, 5, t("2026-01-10T13:00:02")),
    (3, 41, "dawn", "https://www.dawn.com/news/1003", HOSTILE_TITLE,
     t("2026-01-25T07:30"), 0.70, None, t("2026-01-25T10:00:00")),
    (4, 42, "dawn", "https://www.dawn.com/news/1004", "Gunmen attack police post in Bannu",
     t("2026-03-03T06:00"), 0.70, 2, t("2026-03-03T10:00:00")),
    (5, 42, "tribune", "https://tribune.com.pk/story/2005", "Two policemen martyred in Bannu attack",
     t("2026-03-03T09:00"), 0.70, 2, t("2026-03-03T15:00:00")),
    (6, 43, "dawn", "https://www.dawn.com/news/1006", "Eight khawarij killed in North Waziristan IBO",
     t("2026-03-20T05:00"), 0.95, 1, t("2026-03-20T10:00:00")),
    (7, 44, "tribune", HOSTILE_URL, "Shopkeeper shot dead in Karachi",
     None, 0.45, 1, t("2026-03-21T10:00:00")),
    (8, 45, "dawn", "https://www.dawn.com/news/1008", "Engineers kidnapped in Kech; BLF claims",
     t("2026-04-02T09:00"), 0.80, 0, t("2026-04-02T10:00:00")),
]  # fmt: skip

# incident id, revision, created at, changes
REVISIONS: list[tuple[int, int, datetime, dict[str, Any]]] = [
    (40, 1, t("2026-01-10T09:00:00"), {"killed": {"old": None, "new": 3}, "group_code": {"old": None, "new": "TTP"}}),
    (40, 2, t("2026-01-10T13:00:00"), {"killed": {"old": 3, "new": 5}}),
    (41, 1, t("2026-01-25T10:00:00"), {"injured": {"old": None, "new": 7}}),
    (42, 1, t("2026-03-03T10:00:00"), {"killed": {"old": None, "new": 2}}),
    (43, 1, t("2026-03-20T10:00:00"), {"militants_killed": {"old": None, "new": 8}}),
    (44, 1, t("2026-03-21T10:00:00"), {"killed": {"old": None, "new": 1}}),
    (45, 1, t("2026-04-02T10:00:00"), {"killed": {"old": None, "new": 0}}),
    (45, 2, t("2026-04-05T10:00:00"), {"claimed": {"old": False, "new": True}}),
]


def fill_warehouse(url: str) -> None:
    """Migrate `url` and fill it with the rows above (plus sources, crawl runs and an alert)."""
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        for name in ("dawn", "tribune"):
            session.add(schema.Source(name=name, kind="feed", url=f"https://{name}.example/feed", enabled=True,
                                      last_success_at=t("2026-04-05T00:00")))  # fmt: skip
        session.flush()
        for incident_id, day, fields in INCIDENTS:
            session.add(schema.Incident(id=incident_id, occurred_on=day, first_seen_at=t(f"{day}T10:00"),
                                        updated_at=t(f"{day}T10:00"), **fields))  # fmt: skip
        session.flush()
        for article_id, incident_id, source, url_, title, published, confidence, killed, attached in ARTICLES:
            fields = dict(next(f for i, _, f in INCIDENTS if i == incident_id))
            session.add(schema.Article(id=article_id, url=url_, canonical_url=url_, source=source, title=title,
                                       text=f"{title}. Full report text.", published_at=published,
                                       fetched_at=attached, content_hash=f"h{article_id}", language="en",
                                       http_status=200))  # fmt: skip
            session.flush()
            session.add(schema.ArticleLabel(
                article_id=article_id, model_version=MODEL, event_type=fields["event_type"],
                attack_type=fields["attack_type"], group_code=fields["group_code"], claimed=fields["claimed"],
                province=fields["province"], district=fields["district"], killed=killed,
                injured=fields["injured"], militants_killed=fields["militants_killed"],
                confidence={"event_type": confidence}, overall_confidence=confidence, labelled_at=attached,
            ))  # fmt: skip
            first = article_id == min(a[0] for a in ARTICLES if a[1] == incident_id)
            session.add(schema.IncidentArticle(incident_id=incident_id, article_id=article_id,
                                               similarity=None if first else 0.4, attached_at=attached))  # fmt: skip
        for incident_id, revision, created, changes in REVISIONS:
            session.add(schema.IncidentRevision(incident_id=incident_id, revision=revision, created_at=created,
                                                changes=changes))  # fmt: skip
        sent = t("2026-01-10T09:01")
        session.add(schema.Alert(incident_id=40, channel="webhook", kind="new", revision=1, status="sent",
                                 attempts=1, sent_at=sent, updated_at=sent))  # fmt: skip
        now = datetime.now(UTC)
        session.add(schema.CrawlRun(run_id="r1", source="dawn", started_at=now, finished_at=now, duration_s=3.0,
                                    found=10, new=2, fetched=2, failed=0, skipped=1, bytes=5000,
                                    failure_reasons={}, skip_reasons={"off_host": 1}))  # fmt: skip
        session.add(schema.CrawlRun(run_id="r1", source="tribune", started_at=now, finished_at=now, duration_s=9.0,
                                    found=4, new=4, fetched=0, failed=4, skipped=0, bytes=0,
                                    failure_reasons={"http_503": 4}, skip_reasons={}, error=None))  # fmt: skip
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # explicit ids leave the sequences behind
            for table in ("sources", "incidents", "articles", "article_labels", "incident_revisions", "alerts"):
                conn.execute(
                    sa.text(f"select setval(pg_get_serial_sequence('{table}', 'id'), (select max(id) from {table}))")
                )
    engine.dispose()
