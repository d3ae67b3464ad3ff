"""Incident resolution, analyst queries and alert bookkeeping against SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime

import numpy as np
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from domain.incidents import MatchModel, MatchPolicy, Weights
from domain.records import Article, ArticleLabels
from domain.settings import Settings
from domain.taxonomy import AttackType, EventType, Group, Province
from khabar.alerts import deliver_pending
from khabar.webhook_sink import WebhookSink
from warehouse import load, queries, schema
from warehouse.db import make_engine, session_scope, upgrade
from warehouse.incidents import ResolveResult, resolve_incidents
from warehouse.trends import Period, TrendKey

MODEL = "m1"
KP = Province.KHYBER_PAKHTUNKHWA


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def add(
    engine: Engine,
    url: str,
    title: str,
    text: str,
    published: str,
    *,
    source: str = "dawn",
    **label_fields: object,
) -> int:
    """Store one article with its labels; returns the article id."""
    article = Article(
        url=url,
        canonical_url=url,
        source=source,
        title=title,
        text=text,
        content_hash=f"hash:{url}",
        fetched_at=datetime.fromisoformat(published).replace(tzinfo=UTC),
        published_at=datetime.fromisoformat(published).replace(tzinfo=UTC),
    )
    base = ArticleLabels(
        event_type=EventType.ATTACK,
        attack_type=AttackType.SUICIDE_BOMBING,
        group=Group.UNKNOWN,
        claimed=False,
        province=KP,
        district="Bannu",
        killed=None,
        injured=None,
        militants_killed=None,
        model_version=MODEL,
        confidence={"event_type": 0.95, "attack_type": 0.9},
        p_attack=0.9,
    )
    with session_scope(engine) as session:
        [article_id] = load.store_articles(session, [article]).inserted
        load.save_labels(session, article_id, replace(base, **label_fields))  # type: ignore[arg-type]
    return article_id


def resolve(engine: Engine) -> ResolveResult:
    with session_scope(engine) as session:
        return resolve_incidents(session, MODEL)


def incidents(engine: Engine) -> list[queries.IncidentRow]:
    with session_scope(engine) as session:
        return queries.list_incidents(session)


BANNU_URL = "https://www.dawn.com/news/1001"
BANNU_TITLE = "Suicide bomber kills 40 at police checkpost in Bannu"
BANNU_TEXT = (
    "At least 40 people were killed and 60 injured when a suicide bomber rammed an explosives-laden vehicle "
    "into a police checkpost in Bannu district of Khyber Pakhtunkhwa on Wednesday, police said. The attack "
    "took place near the Miryan police station, officials said, adding that rescue operations were under way."
)
TOLL_URL = "https://tribune.com.pk/story/2002"
TOLL_TITLE = "Bannu checkpost bombing: death toll rises to 54"
TOLL_TEXT = (
    "The death toll from Wednesday's suicide attack on a police checkpost in Bannu rose to 54 on Thursday as "
    "more of the injured succumbed to their wounds. The banned Tehreek-i-Taliban Pakistan claimed "
    "responsibility for the bombing in a statement."
)
QUETTA_URL = "https://www.dawn.com/news/1003"


def add_bannu(engine: Engine) -> int:
    return add(engine, BANNU_URL, BANNU_TITLE, BANNU_TEXT, "2026-03-04T10:00", killed=40, injured=60)


def add_toll(engine: Engine) -> int:
    return add(
        engine,
        TOLL_URL,
        TOLL_TITLE,
        TOLL_TEXT,
        "2026-03-05T08:00",
        source="tribune",
        killed=54,
        group=Group.TTP,
        claimed=True,
    )


def add_quetta(engine: Engine) -> int:
    return add(
        engine,
        QUETTA_URL,
        "Bomb blast near Quetta market kills five",
        "Five people were killed and 12 injured when a bomb planted on a motorcycle exploded near a crowded "
        "market on Jinnah Road in Quetta on Wednesday evening, police said.",
        "2026-03-04T15:00",
        attack_type=AttackType.BOMBING,
        province=Province.BALOCHISTAN,
        district="Quetta",
        killed=5,
        injured=12,
    )


def test_follow_up_from_another_outlet_revises_the_incident(engine: Engine) -> None:
    add_bannu(engine)
    first = resolve(engine)
    assert len(first.new) == 1 and first.updated == [] and first.articles == 1
    [incident_id] = first.new

    add_toll(engine)
    second = resolve(engine)
    assert second.new == [] and second.updated == [incident_id] and second.articles == 1

    [row] = incidents(engine)
    assert row.id == incident_id
    assert row.killed == 54  # the latest report's toll, not 40 + 54
    assert row.injured == 60  # the follow-up gave none: the earlier figure stands
    assert (row.group, row.claimed) == ("TTP", True)
    assert row.sources == [BANNU_URL, TOLL_URL]
    assert row.revision == 2
    assert row.occurred_on == date(2026, 3, 4)
    assert (row.province, row.district, row.attack_type) == ("Khyber Pakhtunkhwa", "Bannu", "suicide_bombing")

    with session_scope(engine) as session:
        revisions = session.execute(
            sa.select(schema.IncidentRevision.revision, schema.IncidentRevision.changes)
            .where(schema.IncidentRevision.incident_id == incident_id)
            .order_by(schema.IncidentRevision.revision)
        ).all()
    assert [r for r, _ in revisions] == [1, 2]
    assert revisions[1][1] == {
        "killed": {"old": 40, "new": 54},
        "group_code": {"old": "unknown", "new": "TTP"},
        "claimed": {"old": False, "new": True},
    }


def test_report_and_follow_up_in_one_run_keep_a_revision_per_report(engine: Engine) -> None:
    toll = add_toll(engine)  # stored first, but published later: the original still opens the incident
    bannu = add_bannu(engine)
    result = resolve(engine)
    assert len(result.new) == 1 and result.updated == [] and result.articles == 2
    [row] = incidents(engine)
    assert (row.killed, row.revision, row.sources) == (54, 2, [BANNU_URL, TOLL_URL])
    with session_scope(engine) as session:
        revisions = session.execute(
            sa.select(
                schema.IncidentRevision.revision, schema.IncidentRevision.article_id, schema.IncidentRevision.changes
            )
            .where(schema.IncidentRevision.incident_id == row.id)
            .order_by(schema.IncidentRevision.revision)
        ).all()
    # In publication order, each with the report that caused it: 40 killed first, then the toll of 54.
    assert [(r, a) for r, a, _ in revisions] == [(1, bannu), (2, toll)]
    assert revisions[0][2]["killed"] == {"old": None, "new": 40}
    assert revisions[1][2]["killed"] == {"old": 40, "new": 54}


def test_second_resolve_run_is_a_no_op(engine: Engine) -> None:
    add_bannu(engine)
    add_toll(engine)
    add_quetta(engine)
    add(engine, "https://www.dawn.com/news/1009", "Budget debate", "Parliament ...", "2026-03-04T11:00",
        event_type=EventType.OTHER, attack_type=None)  # fmt: skip
    resolve(engine)

    def snapshot() -> list[tuple[object, ...]]:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("select * from incidents order by id")).all()
            links = conn.execute(sa.text("select incident_id, article_id from incident_articles order by 2")).all()
            revisions = conn.execute(sa.text("select count(*) from incident_revisions")).scalar_one()
        return [*map(tuple, rows), *map(tuple, links), (revisions,)]

    before = snapshot()
    assert resolve(engine) == ResolveResult(new=[], updated=[], articles=0)
    assert snapshot() == before


def test_different_attacks_same_day_stay_apart(engine: Engine) -> None:
    add_bannu(engine)
    add_quetta(engine)
    # Same day, same district as the Bannu bombing, but a different kind of attack.
    add(engine, "https://www.dawn.com/news/1004", "Two polio workers shot dead in Bannu",
        "Unidentified gunmen shot dead two polio workers in the Domel area of Bannu district on Wednesday.",
        "2026-03-04T12:00", attack_type=AttackType.TARGETED_KILLING, killed=2)  # fmt: skip
    # Same province and type, another district.
    add(engine, "https://www.dawn.com/news/1005", "Suicide attack on Lakki Marwat police post",
        "A suicide bomber attacked a police checkpost in Lakki Marwat district of Khyber Pakhtunkhwa.",
        "2026-03-04T13:00", district="Lakki Marwat", killed=3)  # fmt: skip
    result = resolve(engine)
    assert len(result.new) == 4 and result.articles == 4
    rows = incidents(engine)
    assert sorted((r.district, r.killed) for r in rows) == [
        ("Bannu", 2),
        ("Bannu", 40),
        ("Lakki Marwat", 3),
        ("Quetta", 5),
    ]


def test_place_evidence_decides_how_much_text_similarity_is_needed(engine: Engine) -> None:
    add_bannu(engine)
    # No district, same province, a wire rewrite of the same story: joins.
    add(engine, "https://wire.example/1", "Pakistan: 40 killed in suicide attack on police post in Khyber Pakhtunkhwa",
        "A suicide bomber struck a police checkpost in Pakistan's northwestern Khyber Pakhtunkhwa province on "
        "Wednesday, killing at least 40 people and injuring 60 others, officials said.",
        "2026-03-04T11:00", source="wire", district=None, killed=40)  # fmt: skip
    # No district, same province, an unrelated story: stays apart.
    add(engine, "https://wire.example/2", "Gunmen storm Tank levies post",
        "Militants armed with rifles and rockets stormed a levies post overnight; two guards died.",
        "2026-03-04T12:00", source="wire", district=None, attack_type=None, killed=2)  # fmt: skip
    # Three days later, same district and wording: outside the ±2 day window.
    add(engine, "https://www.dawn.com/news/1010", BANNU_TITLE, BANNU_TEXT, "2026-03-07T12:00", killed=9)
    resolve(engine)
    rows = sorted(incidents(engine), key=lambda r: r.id)
    assert [len(r.sources) for r in rows] == [2, 1, 1]
    assert rows[0].sources == [BANNU_URL, "https://wire.example/1"]


def store_classified(engine: Engine, url: str, title: str, text: str, published: str) -> ArticleLabels:
    """Store one article with the shipped classifier's labels, as the pipeline does; returns the labels."""
    from classifiers.classify import Classifier

    (labels,) = Classifier.load().classify([(title, text)])
    at = datetime.fromisoformat(published).replace(tzinfo=UTC)
    article = Article(url=url, canonical_url=url, source=url.split("/")[2], title=title, text=text,
                      content_hash=f"hash:{url}", fetched_at=at, published_at=at)  # fmt: skip
    with session_scope(engine) as session:
        [article_id] = load.store_articles(session, [article]).inserted
        assert load.save_labels(session, article_id, labels)
    return labels


def test_a_wire_copy_placed_only_by_its_dateline_joins_the_attack_where_it_was(engine: Engine) -> None:
    local = store_classified(
        engine,
        "https://www.dawn.com/news/1020",
        "Four policemen martyred as militants storm Lakki Marwat police station",
        "LAKKI MARWAT: Four policemen were martyred and two others injured when militants attacked the Shadi "
        "Khel police station in Lakki Marwat district late on Monday night, police said. The attackers used "
        "heavy weapons and hand grenades, a police official said.",
        "2026-03-03T06:00",
    )
    # The wire's bureau is in Bannu; its copy names only the province.
    wire = store_classified(
        engine,
        "https://wire.example/1020",
        "Militants kill four police in northwest Pakistan",
        "BANNU (AP) - Militants armed with grenades and heavy weapons attacked a police station in Pakistan's "
        "northwestern Khyber Pakhtunkhwa province overnight, killing four policemen and wounding two, officials "
        "said on Tuesday.",
        "2026-03-03T07:00",
    )
    assert (local.district, wire.district) == ("Lakki Marwat", "Bannu")
    # Calibrated, the dateline guess reads as likely right as a stated district; the extractor's own evidence
    # (stored with the label) is what tells it for a guess.
    assert wire.confidence["district"] > 0.8 and wire.evidence["district"] < MatchPolicy().min_district_evidence
    with session_scope(engine) as session:
        resolve_incidents(session, wire.model_version)
    rows = incidents(engine)
    assert [(r.district, len(r.sources)) for r in rows] == [("Lakki Marwat", 2)]


def test_security_operations_resolve_separately_from_attacks(engine: Engine) -> None:
    add_bannu(engine)
    add(engine, "https://www.dawn.com/news/1020", "Security forces kill 8 terrorists in Bannu after checkpost attack",
        "Security forces killed eight terrorists in an intelligence-based operation in Bannu district after "
        "the suicide attack on a police checkpost, the ISPR said.",
        "2026-03-04T18:00", event_type=EventType.SECURITY_OPERATION, attack_type=None,
        militants_killed=8)  # fmt: skip
    result = resolve(engine)
    assert len(result.new) == 2
    rows = incidents(engine)
    assert {r.event_type for r in rows} == {"attack", "security_operation"}
    with session_scope(engine) as session:
        assert [r.event_type for r in queries.list_incidents(session, event_types=("attack",))] == ["attack"]
        assert queries.list_incidents(session, since=date(2026, 3, 5)) == []


def test_the_policy_is_used(engine: Engine) -> None:
    add_bannu(engine)
    add_toll(engine)
    with session_scope(engine) as session:
        result = resolve_incidents(session, MODEL, MatchPolicy(join=1.01))
    assert len(result.new) == 2  # no probability reaches the join threshold, even in the same district


# --- trends ---------------------------------------------------------------------------------------


def _incident(session: Session, day: date, **fields: object) -> None:
    values: dict[str, object] = {
        "occurred_on": day,
        "event_type": "attack",
        "attack_type": "bombing",
        "group_code": "unknown",
        "claimed": False,
        "province": "Khyber Pakhtunkhwa",
        "district": "Bannu",
        "killed": 1,
        "injured": 2,
        "militants_killed": None,
        "confidence": 0.9,
    }
    values.update(fields)
    session.add(schema.Incident(**values))


def test_trends(engine: Engine) -> None:
    with session_scope(engine) as session:
        _incident(session, date(2026, 3, 2), killed=10, injured=None, group_code="TTP")  # Monday, W10
        _incident(session, date(2026, 3, 8), killed=None, injured=4, group_code="TTP")  # Sunday, W10
        _incident(session, date(2026, 3, 9), province="Balochistan", district="Quetta", group_code="BLA")
        _incident(session, date(2026, 4, 1), district=None, attack_type="armed_assault")
        _incident(session, date(2026, 3, 3), event_type="security_operation", killed=50)  # not an attack
        _incident(session, date(2025, 12, 29), killed=7)  # ISO week 1 of 2026

    def run(by: TrendKey, period: Period, since: date | None = None) -> list[tuple[object, ...]]:
        with session_scope(engine) as session:
            return [tuple(t.as_dict().values()) for t in queries.trends(session, by=by, period=period, since=since)]

    assert run("province", "month") == [
        ("2025-12", "Khyber Pakhtunkhwa", 1, 7, 2),
        ("2026-03", "Balochistan", 1, 1, 2),
        ("2026-03", "Khyber Pakhtunkhwa", 2, 10, 4),
        ("2026-04", "Khyber Pakhtunkhwa", 1, 1, 2),
    ]
    assert run("group", "week", since=date(2026, 1, 1)) == [
        ("2026-W10", "TTP", 2, 10, 4),
        ("2026-W11", "BLA", 1, 1, 2),
        ("2026-W14", "unknown", 1, 1, 2),
    ]
    assert run("group", "week")[0] == ("2026-W01", "unknown", 1, 7, 2)
    assert run("district", "day", since=date(2026, 3, 9)) == [
        ("2026-03-09", "Quetta", 1, 1, 2),
        ("2026-04-01", "unknown", 1, 1, 2),
    ]
    assert run("attack_type", "month", since=date(2026, 4, 1)) == [("2026-04", "armed_assault", 1, 1, 2)]
    with pytest.raises(ValueError, match="period"), session_scope(engine) as session:
        queries.trends(session, by="province", period="year")  # type: ignore[arg-type]


# --- alerts ---------------------------------------------------------------------------------------


def pending(engine: Engine, channel: str = "webhook", min_p_attack: float = 0.5) -> list[tuple[int, str, int]]:
    with session_scope(engine) as session:
        return [(c.incident_id, c.kind, c.revision) for c in queries.pending_alerts(session, min_p_attack, channel)]


def record(engine: Engine, key: tuple[int, str, int], status: str, channel: str = "webhook") -> None:
    with session_scope(engine) as session:
        queries.record_alert(session, key[0], channel, key[1], key[2], status, None if status == "sent" else "503")


def test_alerts_are_never_offered_twice(engine: Engine) -> None:
    add_bannu(engine)
    [incident_id] = resolve(engine).new
    assert pending(engine, min_p_attack=0.95) == []  # the incident's P(attack) is 0.9
    assert pending(engine) == [(incident_id, "new", 1)]

    record(engine, (incident_id, "new", 1), "failed")
    assert pending(engine) == [(incident_id, "new", 1)]  # a failed send is retried
    with session_scope(engine) as session:
        assert queries.pending_alerts(session, 0.5, "webhook", max_attempts=1) == []

    record(engine, (incident_id, "new", 1), "sent")
    assert pending(engine) == []
    assert pending(engine, channel="email") == [(incident_id, "new", 1)]  # channels are independent

    # The death toll rises: one follow-up, marked as an update, at the new revision.
    add_toll(engine)
    resolve(engine)
    assert pending(engine) == [(incident_id, "update", 2)]
    record(engine, (incident_id, "update", 2), "sent")
    assert pending(engine) == []
    # A late duplicate report of the outcome cannot un-send it, and a repeat adds an attempt, not a row.
    record(engine, (incident_id, "update", 2), "failed")
    record(engine, (incident_id, "update", 2), "sent")
    assert pending(engine) == []
    with session_scope(engine) as session:
        rows = session.execute(
            sa.select(schema.Alert.kind, schema.Alert.revision, schema.Alert.status, schema.Alert.attempts)
            .where(schema.Alert.channel == "webhook")
            .order_by(schema.Alert.id)
        ).all()
        sent_at = session.scalars(sa.select(schema.Alert.sent_at).where(schema.Alert.kind == "new")).one()
    assert [tuple(r) for r in rows] == [("new", 1, "sent", 2), ("update", 2, "sent", 3)]
    assert sent_at is not None and sent_at.tzinfo is not None


def test_only_attacks_are_alerted(engine: Engine) -> None:
    add(engine, "https://www.dawn.com/news/1020", "Security forces kill 8 terrorists in Bannu", "IBO in Bannu.",
        "2026-03-04T18:00", event_type=EventType.SECURITY_OPERATION, attack_type=None)  # fmt: skip
    resolve(engine)
    assert pending(engine) == []


def test_incidents_by_id_and_payload_shape(engine: Engine) -> None:
    add_bannu(engine)
    [incident_id] = resolve(engine).new
    with session_scope(engine) as session:
        [row] = queries.incidents_by_id(session, [incident_id, 999])
    payload = row.as_dict()
    assert payload["occurred_on"] == "2026-03-04"
    assert payload["group"] == "unknown" and payload["sources"] == [BANNU_URL]
    assert {"id", "province", "district", "attack_type", "claimed", "killed", "injured", "militants_killed"} <= set(
        payload
    )


# --- merging incidents a later report ties together ---------------------------------------------------

# Matches on shared specific names only, so which reports bridge is exact (the shipped weights are fitted
# and tested in tests/unit/test_incident_matching.py).
NAMES_ONLY = MatchModel(Weights(-3.0, {"names": 8.0}), Weights(-3.0, {"names": 8.0}))


def add_two_halves(engine: Engine) -> None:
    """Two reports of one complex attack that share no name: two incidents until a report names all four places."""
    add(engine, "https://www.dawn.com/news/2001", "Blast reported", "An explosion hit Miryan and Domel Khel.",
        "2026-03-04T06:00", killed=4)  # fmt: skip
    add(engine, "https://tribune.com.pk/story/2002", "Gunmen attack", "Gunmen struck Jani Khel and Baka Khel.",
        "2026-03-04T07:00", killed=3, attack_type=AttackType.ARMED_ASSAULT)  # fmt: skip


def test_a_bridging_report_merges_two_alerted_incidents_into_one_update(engine: Engine) -> None:
    add_two_halves(engine)
    with session_scope(engine) as session:
        first = resolve_incidents(session, MODEL, model=NAMES_ONLY)
    older, newer = sorted(first.new)
    for incident_id in (older, newer):
        record(engine, (incident_id, "new", 1), "sent")
    assert pending(engine) == []

    bridge = add(engine, "https://www.thenews.com.pk/3", "Complex attack",
        "Attackers hit Miryan, Domel Khel, Jani Khel and Baka Khel at once; 11 were killed.",
        "2026-03-04T12:00", killed=11)  # fmt: skip
    with session_scope(engine) as session:
        second = resolve_incidents(session, MODEL, model=NAMES_ONLY)
    assert second.merged == [newer] and second.updated == [older] and second.new == []

    [row] = incidents(engine)  # the merged-away incident is not listed
    assert row.id == older and len(row.sources) == 3 and row.killed == 11
    # Subscribers heard of both: one update for the survivor, nothing for the merged one.
    assert pending(engine) == [(older, "update", row.revision)]
    with session_scope(engine) as session:
        merged = session.get(schema.Incident, newer)
        assert merged is not None and (merged.event_type, merged.merged_into) == ("merged", older)
        revisions = session.execute(
            sa.select(schema.IncidentRevision.article_id, schema.IncidentRevision.merged_incident_id)
            .where(schema.IncidentRevision.incident_id == older)
            .order_by(schema.IncidentRevision.revision)
        ).all()
    assert [tuple(r) for r in revisions][-2:] == [(bridge, newer), (bridge, None)]


def test_a_new_alert_held_for_the_settle_time_announces_incidents_merged_meanwhile_once(engine: Engine) -> None:
    # The same two reports as above, but delivery holds a 'new' alert until its incident has stood a while:
    # the bridging report comes first, so subscribers hear of the attack once, with its full toll.
    add_two_halves(engine)
    with session_scope(engine) as session:
        assert len(resolve_incidents(session, MODEL, model=NAMES_ONLY).new) == 2
    with WebhookSink() as sink:
        settings = Settings(alert_webhook_url=sink.url)
        held = deliver_pending(engine, settings, settle_s=600.0)
        assert (held.sent, held.held) == (0, 2) and held.release_in_s is not None
        assert 590.0 < held.release_in_s <= 600.0 and sink.received == []

        add(engine, "https://www.thenews.com.pk/3", "Complex attack",
            "Attackers hit Miryan, Domel Khel, Jani Khel and Baka Khel at once; 11 were killed.",
            "2026-03-04T12:00", killed=11)  # fmt: skip
        with session_scope(engine) as session:
            [survivor] = resolve_incidents(session, MODEL, model=NAMES_ONLY).updated
        assert deliver_pending(engine, settings, settle_s=600.0).held == 1  # the survivor is still recent
        done = deliver_pending(engine, settings)  # no settle time: the end of a run
        assert (done.sent, done.held, done.release_in_s) == (1, 0, None)
        [(_, alert)] = sink.received
        assert (alert["kind"], alert["incident_id"], alert["killed"]) == ("new", survivor, 11)
    assert pending(engine) == []


def test_a_minor_toll_change_is_a_revision_but_no_update_alert(engine: Engine) -> None:
    add_bannu(engine)
    [incident_id] = resolve(engine).new
    record(engine, (incident_id, "new", 1), "sent")
    add(engine, "https://tribune.com.pk/story/2009", BANNU_TITLE, BANNU_TEXT, "2026-03-04T15:00", killed=41)
    assert resolve(engine).updated == [incident_id]
    [row] = incidents(engine)
    assert (row.revision, row.killed) == (2, 41)
    assert pending(engine) == []  # 40 → 41 is not news


def test_an_uncertain_attack_is_not_alerted(engine: Engine) -> None:
    add(engine, "https://www.dawn.com/news/2010", "Bomb scare at Bannu school", "A suspicious bag was found.",
        "2026-03-04T09:00", p_attack=0.2)  # fmt: skip
    resolve(engine)
    assert len(incidents(engine)) == 1 and pending(engine) == []


def test_an_arrest_weeks_later_joins_the_alerted_attack_and_a_new_attack_there_does_not(engine: Engine) -> None:
    add_bannu(engine)
    [incident_id] = resolve(engine).new
    record(engine, (incident_id, "new", 1), "sent")

    # Thirteen days later, in a later run: the cell behind the bombing is arrested.
    arrest = add(
        engine,
        "https://www.thenews.com.pk/print/3001",
        "CTD arrests three facilitators of Miryan checkpost bombing",
        "BANNU: The Counter Terrorism Department has arrested three men who sheltered the suicide bomber who "
        "rammed an explosives-laden vehicle into the police checkpost near Miryan police station earlier this "
        "month, killing 40 people. Officials said the suspects were in contact with a TTP handler.",
        "2026-03-17T09:00",
        source="thenews",
        killed=40,
    )
    # The same day, a new attack in the district, told without a follow-up's words.
    add(
        engine,
        "https://www.dawn.com/news/3002",
        "Gunmen attack police checkpost in Bannu, two policemen martyred",
        "Two policemen were martyred when gunmen attacked a police checkpost in Bannu district late on Monday. "
        "The attackers fled after an exchange of fire, police said.",
        "2026-03-17T11:00",
        attack_type=AttackType.ARMED_ASSAULT,
        killed=2,
    )
    second = resolve(engine)
    assert second.articles == 2 and len(second.new) == 1 and second.merged == []

    rows = {row.id: row for row in incidents(engine)}
    assert len(rows) == 2
    assert rows[incident_id].sources == [BANNU_URL, "https://www.thenews.com.pk/print/3001"]
    assert rows[incident_id].occurred_on == date(2026, 3, 4)  # the attack's day, not the arrest's
    [new_id] = second.new
    assert rows[new_id].sources == ["https://www.dawn.com/news/3002"] and rows[new_id].killed == 2
    # Subscribers hear of the new attack only; the arrest changed no figure of the first.
    assert pending(engine) == [(new_id, "new", 1)]
    with session_scope(engine) as session:
        linked = session.scalars(
            sa.select(schema.IncidentArticle.incident_id).where(schema.IncidentArticle.article_id == arrest)
        ).one()
    assert linked == incident_id and new_id != incident_id


def test_an_early_report_that_matched_nothing_joins_once_the_fuller_report_is_in_and_raises_no_alert(
    engine: Engine,
) -> None:
    first_report = add(engine, "https://www.dawn.com/news/4001", "Convoy attacked",
        "A convoy was hit at Dasu on the Karakoram Highway.", "2026-03-26T06:00", killed=5)  # fmt: skip
    with session_scope(engine) as session:
        [incident_id] = resolve_incidents(session, MODEL, model=NAMES_ONLY).new
    record(engine, (incident_id, "new", 1), "sent")

    # One batch: a vague early report (matches nothing stored) and the fuller one that names both.
    early = add(engine, "https://tribune.com.pk/story/4002", "Blast reported",
        "An explosion was heard near Besham in Shangla.", "2026-03-26T07:00", source="tribune")  # fmt: skip
    full = add(engine, "https://www.thenews.com.pk/4003", "Convoy attack",
        "The convoy hit near Besham, Shangla, was headed to Dasu on the Karakoram Highway; six were killed.",
        "2026-03-26T09:00", killed=6, source="thenews")  # fmt: skip
    with session_scope(engine) as session:
        second = resolve_incidents(session, MODEL, model=NAMES_ONLY)
    assert second.new == [] and second.updated == [incident_id] and second.articles == 2

    [row] = incidents(engine)
    assert row.id == incident_id and len(row.sources) == 3 and row.killed == 6
    assert pending(engine) == []  # 5 → 6 killed is no news, and nothing new was opened
    with session_scope(engine) as session:
        revisions = (
            session.execute(
                sa.select(schema.IncidentRevision.article_id)
                .where(schema.IncidentRevision.incident_id == incident_id)
                .order_by(schema.IncidentRevision.revision)
            )
            .scalars()
            .all()
        )
        assert session.scalar(sa.select(sa.func.count()).select_from(schema.Incident)) == 1
    assert first_report in revisions and revisions.index(full) == len(revisions) - 1
    assert early not in revisions  # it changed nothing the incident already said (no toll, same place)


def test_an_incident_told_only_as_arrests_raises_no_new_alert_until_the_attack_report_joins(engine: Engine) -> None:
    # The arrest report reaches the warehouse first (its source was crawled before the attack's).
    add(engine, "https://www.thenews.com.pk/print/5001", "CTD arrests two facilitators of Miryan checkpost bombing",
        "BANNU: The Counter Terrorism Department arrested two men who sheltered the bomber of the Miryan "
        "police checkpost attack, officials said.", "2026-03-04T09:00", source="thenews")  # fmt: skip
    [incident_id] = resolve(engine).new
    assert pending(engine) == []  # no news of a new attack
    with session_scope(engine) as session:
        stored = session.get(schema.Incident, incident_id)
        assert stored is not None and stored.aftermath_only is True

    add_bannu(engine)  # the attack's own report joins the incident: now it is announced, once
    assert resolve(engine).updated == [incident_id]
    [row] = incidents(engine)
    assert pending(engine) == [(incident_id, "new", row.revision)]
    record(engine, (incident_id, "new", row.revision), "sent")
    assert pending(engine) == []


def _unit(*parts: tuple[int, float]) -> np.ndarray:
    vector = np.zeros(384, dtype=np.float32)
    for axis, weight in parts:
        vector[axis] = weight
    return vector / np.linalg.norm(vector)


def add_story(engine: Engine, url: str, title: str, published: str, embedding: np.ndarray) -> int:
    """A story the classifier read as `other` that still gave an attack some probability."""
    return add(engine, url, title, title, published, source="arynews", event_type=EventType.OTHER,
        attack_type=None, province=None, district=None, p_attack=0.45, embedding=embedding)  # fmt: skip


def linked(engine: Engine) -> dict[int, int]:
    with session_scope(engine) as session:
        rows = session.execute(sa.select(schema.IncidentArticle.article_id, schema.IncidentArticle.incident_id))
        return {article_id: incident_id for article_id, incident_id in rows}


def test_a_story_read_as_other_is_linked_to_its_attack_whichever_arrives_first_and_raises_no_alert(
    engine: Engine,
) -> None:
    bannu, elsewhere = _unit((0, 1.0)), _unit((1, 1.0))
    near_bannu = _unit((0, 0.95), (7, 0.31))
    # An early "blast" story comes in a run of its own: it opens nothing and is weighed once.
    early = add_story(engine, "https://arynews.tv/6001", "Blast heard near Miryan in Bannu", "2026-03-04T09:00",
        near_bannu)  # fmt: skip
    stranger = add_story(engine, "https://arynews.tv/6002", "Gas cylinder blast in Mardan", "2026-03-04T09:30",
        elsewhere)  # fmt: skip
    assert resolve(engine) == ResolveResult()
    assert incidents(engine) == [] and resolve(engine) == ResolveResult()
    with session_scope(engine) as session:
        checked = session.scalars(sa.select(schema.ArticleLabel.stray_checked_at)).all()
        assert len(checked) == 2 and all(checked)

    # The attack's report comes in the next run: the early story of its day joins its incident.
    attack = add(engine, BANNU_URL, BANNU_TITLE, BANNU_TEXT, "2026-03-04T10:00", killed=40, embedding=bannu)
    result = resolve(engine)
    [incident_id] = result.new
    assert result.articles == 2 and linked(engine) == {attack: incident_id, early: incident_id}
    [row] = incidents(engine)
    assert (row.event_type, row.killed, row.district, len(row.sources)) == ("attack", 40, "Bannu", 2)
    assert pending(engine) == [(incident_id, "new", row.revision)]  # one attack, one alert
    record(engine, (incident_id, "new", row.revision), "sent")

    # A foreign rewrite read as `other` comes after the incident is stored: linked in its own run, no alert.
    rewrite = add_story(engine, "https://arynews.tv/6003", "Dozens dead in northwest Pakistan", "2026-03-04T15:00",
        near_bannu)  # fmt: skip
    result = resolve(engine)
    assert result.new == [] and result.articles == 1 and linked(engine)[rewrite] == incident_id
    assert stranger not in linked(engine) and len(incidents(engine)) == 1
    assert pending(engine) == [] and resolve(engine) == ResolveResult()
