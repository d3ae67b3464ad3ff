"""Incident resolution without a database (domain.incidents): evidence, the fitted matcher, merging,
bridging and the revision steps, on reports shaped like real coverage of one Wednesday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import pytest

from domain.incidents import (
    MatchModel,
    MatchPolicy,
    Report,
    Resolver,
    Weights,
    comparable,
    default_model,
    is_aftermath,
    is_follow_up,
    late_pair,
    material_change,
    merge_reports,
    pair_features,
    resolve,
    specifics,
    targets,
    token_jaccard,
)

KP = "Khyber Pakhtunkhwa"
# Real-world-shaped reports from one Wednesday: A, B, B2, E are the same Bannu attack.
A = (
    "Suicide bomber kills 40 at police checkpost in Bannu",
    "At least 40 people were killed and 60 injured when a suicide bomber rammed an explosives-laden "
    "vehicle into a police checkpost in Bannu district of Khyber Pakhtunkhwa on Wednesday, police said. "
    "The attack took place near the Miryan police station, officials said, adding that rescue operations "
    "were under way and the injured were shifted to the District Headquarters Hospital.",
)
B = (
    "Bannu checkpost bombing: death toll rises to 54",
    "The death toll from Wednesday's suicide attack on a police checkpost in Bannu rose to 54 on Thursday "
    "as more of the injured succumbed to their wounds at the District Headquarters Hospital. The banned "
    "Tehreek-i-Taliban Pakistan claimed responsibility for the bombing in a statement.",
)
B2 = (
    "TTP claims Bannu attack",
    "The banned Tehreek-i-Taliban Pakistan on Thursday claimed responsibility for the suicide bombing in Bannu.",
)
E = (
    "Pakistan: 40 killed in suicide attack on police post in Khyber Pakhtunkhwa",
    "A suicide bomber struck a police checkpost in Pakistan's northwestern Khyber Pakhtunkhwa province on "
    "Wednesday, killing at least 40 people and injuring 60 others, officials said.",
)
C = (
    "Bomb blast near Quetta market kills five",
    "Five people were killed and 12 injured when a bomb planted on a motorcycle exploded near a crowded "
    "market on Jinnah Road in Quetta on Wednesday evening, police said. The Balochistan government "
    "condemned the blast.",
)
D = (
    "Two polio workers shot dead in Bannu",
    "Unidentified gunmen on motorcycles shot dead two polio workers in the Domel area of Bannu district on "
    "Wednesday morning, police said. A police constable escorting the team was injured.",
)
F = (
    "Police checkpost attacked in Lakki Marwat, three policemen martyred",
    "Three policemen were martyred when terrorists attacked a police checkpost in Lakki Marwat district of "
    "Khyber Pakhtunkhwa late on Wednesday night, police said. The attackers fled after an exchange of fire.",
)

FUNERAL = (
    "Funeral prayers of five policemen martyred in Bannu checkpost bombing offered",
    "BANNU: The funeral prayers of five policemen martyred in Wednesday's suicide bombing on a police "
    "checkpost in Bannu were offered at the police lines on Thursday. The IGP and senior officers attended.",
)

POLICY = MatchPolicy()


def report(n: int, hour: int, body: tuple[str, str] | None = None, day: int = 4, **fields: Any) -> Report:
    values: dict[str, Any] = {
        "article_id": n,
        "at": datetime(2026, 3, day, hour, tzinfo=UTC),
        "text": f"{body[0]}\n{body[1]}" if body else "",
        "event_type": "attack",
        "attack_type": "bombing",
        "group_code": "unknown",
        "claimed": False,
        "province": None,
        "district": None,
        "killed": None,
        "injured": None,
        "militants_killed": None,
        "confidence": {},
        "overall": 0.8,
        "p_attack": 0.9,
    }
    values.update(fields)
    return Report(**values)


def wednesday() -> list[Report]:
    """The Bannu attack told four ways, and three other attacks of the same day."""
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu", "attack_type": "suicide_bombing"}
    return [
        report(1, 6, A, killed=40, injured=60, **bannu),
        report(2, 8, E, province=KP, attack_type="suicide_bombing", killed=40, injured=60),  # foreign wire
        report(3, 9, C, province="Balochistan", district="Quetta", killed=5, injured=12),
        report(4, 10, D, province=KP, district="Bannu", attack_type="targeted_killing", killed=2, injured=1),
        report(5, 18, F, province=KP, district="Lakki Marwat", attack_type="armed_assault", killed=3),
        report(6, 4, B, day=5, killed=54, group_code="TTP", claimed=True, **bannu),
        report(7, 5, B2, day=5, group_code="TTP", claimed=True, **bannu),
        report(8, 6, FUNERAL, day=5, killed=5, **bannu),
    ]


def test_one_attack_told_four_ways_is_one_incident_and_other_attacks_stay_apart() -> None:
    resolver = resolve(wednesday())
    clusters = sorted(sorted(r.article_id for r in c.reports) for c in resolver.clusters())
    assert clusters == [[1, 2, 6, 7, 8], [3], [4], [5]]
    [bannu] = [c for c in resolver.clusters() if len(c.reports) > 1]
    assert bannu.fields["killed"] == 54  # the funeral's five is a partial count, not a revision
    assert (bannu.fields["group_code"], bannu.fields["claimed"]) == ("TTP", True)


def test_resolution_is_deterministic_whatever_the_input_order() -> None:
    forward = resolve(wednesday())
    backward = resolve(list(reversed(wednesday())))
    assert [[r.article_id for r in c.reports] for c in forward.clusters()] == [
        [r.article_id for r in c.reports] for c in backward.clusters()
    ]


def test_each_report_that_changes_an_incident_is_one_step_in_publication_order() -> None:
    resolver = resolve(wednesday())
    [bannu] = [c for c in resolver.clusters() if len(c.reports) > 1]
    assert [s.article_id for s in bannu.steps] == [1, 2, 6, 7, 8]
    assert [s.fields["killed"] for s in bannu.steps] == [40, 40, 54, 54, 54]
    assert bannu.steps[2].similarity is not None and bannu.steps[2].similarity >= POLICY.join


def test_attack_type_and_group_are_evidence_not_gates() -> None:
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu"}
    early = report(1, 6, A, attack_type="bombing", group_code="TTP", killed=40, **bannu)  # "a blast", TTP blamed
    later = report(2, 12, A, attack_type="suicide_bombing", group_code="JuA", claimed=True, killed=42, **bannu)
    assover = report(3, 13, A, attack_type="armed_assault", killed=42, **bannu)  # a complex attack, told otherwise
    resolver = resolve([early, later, assover])
    assert [len(c.reports) for c in resolver.clusters()] == [3]


def test_an_operation_ends_follow_up_joins_its_attack() -> None:
    attack = report(1, 6, A, province=KP, district="Bannu", attack_type="suicide_bombing", killed=40)
    op_end = report(2, 14, A, province=KP, district="Bannu", event_type="security_operation", attack_type=None)
    [cluster] = resolve([attack, op_end]).clusters()
    assert cluster.fields["event_type"] == "attack"


def test_different_provinces_are_never_compared() -> None:
    a = report(1, 6, A, province=KP, district="Bannu")
    b = report(2, 7, A, province="Balochistan", district="Quetta")
    assert len(resolve([a, b]).clusters()) == 2


def test_reports_more_than_the_window_apart_stay_apart() -> None:
    a = report(1, 6, A, province=KP, district="Bannu")
    b = report(2, 6, A, day=4 + POLICY.window_days + 1, province=KP, district="Bannu")
    assert len(resolve([a, b]).clusters()) == 2


ARREST = (
    "CTD arrests three facilitators of Miryan checkpost bombing",
    "BANNU: The Counter Terrorism Department has arrested three men who it said sheltered the bomber who "
    "rammed an explosives-laden vehicle into the police checkpost near Miryan police station earlier this "
    "month. Officials said the suspects had been in contact with a TTP handler.",
)
NEW_ATTACK = (
    "Gunmen attack police checkpost near Miryan, two policemen martyred",
    "BANNU: Two policemen were martyred when gunmen attacked a police checkpost near Miryan police station "
    "late on Sunday. Police said the attackers fled into the fields after a long exchange of fire.",
)


@pytest.mark.parametrize(
    ("text", "follow_up"),
    [
        (ARREST[1], True),
        (FUNERAL[0], True),
        (B[1], True),  # the toll rose as the injured succumbed
        (A[1], False),
        (NEW_ATTACK[1], False),
        ("A first-information report was registered against unknown persons.", True),
        ("Police said the funerary rites would be held later.", False),
        ("Fazl calls at Darul Uloom Haqqania to offer condolences over the cleric's killing.", True),
        ("A suicide bomber killed five at the seminary; the prime minister offered condolences to the families.",
         False),
        ("Kurram market bombing: death toll climbs to 31 as two more of the injured die", True),
        ("Hangu mosque blast toll passes 40", True),
        ("Bodies of the slain Chinese engineers flown home from Islamabad", True),
    ],
)  # fmt: skip
def test_follow_ups_are_read_from_their_words(text: str, follow_up: bool) -> None:
    assert is_follow_up(text) is follow_up


@pytest.mark.parametrize(
    ("text", "aftermath"),
    [
        (ARREST[1], True),
        ("A first-information report was registered against unknown persons.", True),
        ("Officials said the bomber has been identified as a resident of Khyber district.", True),
        (FUNERAL[0], False),  # the dead buried: a follow-up of the toll, which still tells of the attack
        (B[1], False),
        (A[1], False),
        ("Fazl calls at the seminary to offer condolences ten days after the bombing.", True),  # a visit weeks on
    ],
)
def test_the_case_against_the_attackers_is_aftermath(text: str, aftermath: bool) -> None:
    assert is_aftermath(text) is aftermath


def test_an_incident_told_only_as_arrests_is_aftermath_only_until_the_attack_is_reported() -> None:
    arrest = report(1, 9, ARREST, day=17, province=KP, district="Bannu")
    assert merge_reports([arrest], POLICY)["aftermath_only"] is True
    attack = report(2, 6, A, day=16, province=KP, district="Bannu", killed=40)
    assert merge_reports([arrest, attack], POLICY)["aftermath_only"] is False


def test_a_follow_up_weeks_later_joins_its_attack_when_it_shares_specific_names() -> None:
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu", "attack_type": "suicide_bombing"}
    attack = report(1, 6, A, killed=40, injured=60, **bannu)
    arrest = report(2, 9, ARREST, day=16, group_code="TTP", **bannu)
    assert late_pair(arrest, attack, POLICY) and comparable(arrest, attack, POLICY)
    [cluster] = resolve([attack, arrest]).clusters()
    assert [r.article_id for r in cluster.reports] == [1, 2]
    assert cluster.fields["occurred_on"] == attack.day


def test_an_attack_report_arriving_after_its_follow_up_joins_the_follow_ups_incident() -> None:
    # Sources are processed as they arrive: the arrest (one site) can be stored before the attack (another).
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu", "attack_type": "suicide_bombing"}
    attack = report(1, 6, A, killed=40, injured=60, **bannu)
    arrest = report(2, 9, ARREST, day=16, group_code="TTP", **bannu)
    resolver = Resolver((), POLICY)
    resolver.add(arrest)
    joined = resolver.add(attack)
    [cluster] = resolver.clusters()
    assert joined is cluster and sorted(r.article_id for r in cluster.reports) == [1, 2]
    assert cluster.fields["occurred_on"] == attack.day


def test_an_attack_report_ties_a_wire_report_to_the_incident_its_follow_up_opened() -> None:
    # Arrival order from two sources: the arrest and a wire copy (no district, no shared name) come first and
    # cannot be linked; the attack's own report matches both and makes them one incident.
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu", "attack_type": "suicide_bombing"}
    arrest = report(1, 9, ARREST, day=16, group_code="TTP", killed=40, **bannu)
    wire = report(2, 8, E, province=KP, attack_type="suicide_bombing", killed=40, injured=60)
    attack = report(3, 6, A, killed=40, injured=60, **bannu)
    resolver = Resolver((), POLICY)
    resolver.add(arrest)
    resolver.add(wire)
    assert len(resolver.clusters()) == 2
    resolver.add(attack)
    [cluster] = resolver.clusters()
    assert sorted(r.article_id for r in cluster.reports) == [1, 2, 3]
    assert any(step.merged is not None for step in cluster.steps)


def test_a_late_report_stays_apart_unless_it_is_a_follow_up_with_shared_names_within_reach() -> None:
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu"}
    attack = report(1, 6, A, attack_type="suicide_bombing", killed=40, **bannu)
    # A new attack on the same post twelve days later: no follow-up words, so not weighed against it at all.
    again = report(2, 9, NEW_ATTACK, day=16, attack_type="armed_assault", killed=2, **bannu)
    assert not comparable(again, attack, POLICY)
    # A follow-up that names nothing of the attack (only the district, which every Bannu story names).
    vague = report(3, 9, ("Three held", "BANNU: Police arrested three suspects on Monday."), day=16, **bannu)
    assert not comparable(vague, attack, POLICY)
    # The arrest report past the follow-up reach.
    late = report(4, 9, ARREST, at=attack.at + timedelta(days=POLICY.follow_up_days + 1), **bannu)
    assert not comparable(late, attack, POLICY)
    # Only the later report's words count: an attack report a fortnight after an arrest is no follow-up of it.
    arrest = report(5, 9, ARREST, **bannu)
    assert not comparable(report(6, 9, NEW_ATTACK, day=16, **bannu), arrest, POLICY)
    assert [len(c.reports) for c in resolve([attack, again, vague, late]).clusters()] == [1, 1, 1, 1]


# A model that matches on shared names only, so bridging can be shown with exact numbers.
NAMES_ONLY = MatchModel(
    Weights(-3.0, {"names": 8.0}),
    Weights(-3.0, {"names": 8.0}),
)


def test_a_report_that_bridges_two_incidents_merges_them_into_the_older() -> None:
    # Two early reports share no name; a later one names both places: one event, told twice.
    left = report(1, 6, ("Blast", "An explosion hit Miryan and Domel Khel early today."), province=KP)
    right = report(2, 7, ("Attack", "Gunmen struck Jani Khel and Baka Khel near the border."), province=KP)
    bridge = report(
        3, 9, ("Complex attack", "Attackers hit Miryan, Domel Khel, Jani Khel and Baka Khel at once."), province=KP
    )
    resolver = Resolver((), POLICY, NAMES_ONLY)
    for r in (left, right):
        resolver.add(r)
    assert len(resolver.clusters()) == 2
    joined = resolver.add(bridge)
    [survivor] = resolver.clusters()
    assert joined is survivor and sorted(r.article_id for r in survivor.reports) == [1, 2, 3]
    merged = [c for c in resolver.touched() if c.merged_into is survivor]
    assert len(merged) == 1 and merged[0].survivor() is survivor
    assert [s.merged is not None for s in survivor.steps] == [False, True, False]


def test_a_report_matching_two_incidents_weakly_joins_one_and_merges_nothing() -> None:
    left = report(1, 6, ("Blast", "An explosion hit Miryan early today."), province=KP)
    right = report(2, 7, ("Attack", "Gunmen struck Jani Khel near the border."), province=KP)
    both = report(3, 9, ("Two attacks", "Miryan and Jani Khel were hit."), province=KP)
    weak = MatchPolicy(join=0.5, bridge=0.999)
    resolver = Resolver((), weak, NAMES_ONLY)
    for r in (left, right, both):
        resolver.add(r)
    assert sorted(len(c.reports) for c in resolver.clusters()) == [1, 2]


def test_a_report_that_matched_nothing_on_arrival_joins_the_incident_a_later_report_completes() -> None:
    # The stored incident knows the place; the early report of the batch names only the town and the
    # road; the fuller report names all four and joins the stored incident (it matches both, below the
    # bridge threshold). Looked at again, the early report matches the incident through the fuller one.
    stored_report = report(1, 4, ("Attack", "A convoy was hit at Dasu on the Karakoram Highway."), province=KP)
    stored = resolve([stored_report]).clusters()[0]
    stored.incident_id, stored.steps = 7, []
    early = report(2, 6, ("Blast", "An explosion was heard near Besham in Shangla."), province=KP)
    full = report(
        3, 8, ("Convoy attack", "The convoy hit near Besham, Shangla, was headed to Dasu on the Karakoram Highway."),
        province=KP, killed=6,
    )  # fmt: skip
    greedy = Resolver([stored], POLICY, NAMES_ONLY)
    for r in (early, full):
        greedy.add(r)
    assert sorted(len(c.reports) for c in greedy.clusters()) == [1, 2]  # in arrival order alone: two

    greedy.settle()
    [incident] = greedy.clusters()
    assert incident is stored and [r.article_id for r in incident.reports] == [1, 2, 3]
    assert [s.article_id for s in incident.steps] == [2, 3]  # its revisions follow publication order
    assert incident.steps[0].similarity is not None and incident.steps[0].similarity >= POLICY.join
    assert incident.fields["killed"] == 6 and incident.steps[0].fields["killed"] is None
    assert greedy.touched() == [incident]  # the early report's own incident is gone, never to be written


def test_a_one_report_incident_joined_in_the_second_look_keeps_both_reports() -> None:
    # The match is not symmetric: a report's own weak district is no evidence, an incident's district is.
    places = MatchModel(
        Weights(-3.0, {"names": 8.0, "same_district": 8.0}), Weights(-3.0, {"names": 8.0, "same_district": 8.0})
    )
    shangla: dict[str, Any] = {"province": KP, "district": "Shangla"}
    d1 = report(1, 5, ("Raid", "Gunmen hit Gamma, Epsilon and Zeta villages."), province=KP)
    a = report(2, 6, ("Blast", "An explosion shook Besham and Alpur."), **shangla)
    b = report(3, 7, ("Attack", "A convoy was hit at Dasu."), evidence={"district": 0.3}, **shangla)
    d2 = report(4, 8, ("Raids", "Gamma, Epsilon, Zeta, Besham and Alpur were hit."), province=KP)
    resolver = Resolver((), POLICY, places)
    for r in (d1, a, b, d2):
        resolver.add(r)
    assert sorted(sorted(x.article_id for x in c.reports) for c in resolver.clusters()) == [[1, 4], [2], [3]]
    # "a" joins "b"'s incident (same district, 0.99, against 0.73 through d2); that incident, no longer one
    # report, is not looked at again, so "b" stays with "a" instead of being dropped with it.
    resolver.settle()
    assert sorted(sorted(x.article_id for x in c.reports) for c in resolver.clusters()) == [[1, 4], [2, 3]]


def test_a_stored_incident_of_one_report_is_not_moved_by_the_second_look() -> None:
    alerted = report(1, 6, ("Blast", "An explosion was heard near Besham in Shangla."), province=KP)
    stored = resolve([alerted]).clusters()[0]
    stored.incident_id, stored.steps = 7, []
    other = resolve([report(2, 4, ("Attack", "A convoy was hit at Dasu on the Karakoram Highway."), province=KP)])
    other_cluster = other.clusters()[0]
    other_cluster.incident_id, other_cluster.steps = 8, []
    full = report(
        3, 8, ("Convoy attack", "The convoy hit near Besham, Shangla, was headed to Dasu on the Karakoram Highway."),
        province=KP,
    )  # fmt: skip
    resolver = resolve([full], [stored, other_cluster], POLICY, NAMES_ONLY)
    # Both stored incidents stay (one report cannot bridge them below the bridge threshold).
    assert sorted(len(c.reports) for c in resolver.clusters()) == [1, 2]


def test_a_stored_later_report_takes_the_incident_an_earlier_batch_report_opened() -> None:
    # Arrival is not publication order: a rewrite published last was stored (and alerted) first; the batch then
    # brings the early report, too vague to join it, and the fuller one, which joins the early report first.
    early = report(1, 5, ("Blast", "A blast hit the post at Alpha near Bravo and Charlie."), province=KP)
    both = "The post at Alpha near Bravo and Charlie, on the road to Delta and Echo, was hit."
    fuller = report(2, 8, ("Post attacked", both), province=KP)
    rewrite = report(3, 9, ("Post attacked", "A post on the road to Delta and Echo was hit."), province=KP)
    stored = resolve([rewrite], (), POLICY, NAMES_ONLY).clusters()[0]
    stored.incident_id, stored.steps = 7, []
    probe = Resolver([stored], POLICY, NAMES_ONLY)
    assert probe.scores(early, stored)[0] < POLICY.join <= probe.scores(fuller, stored)[0] < POLICY.bridge
    resolver = resolve([early, fuller], [stored], POLICY, NAMES_ONLY)
    # One incident, the stored one, as in one batch in publication order: no second 'new'.
    assert [(c.incident_id, [r.article_id for r in c.reports]) for c in resolver.clusters()] == [(7, [1, 2, 3])]
    assert [step.article_id for step in resolver.touched()[0].steps] == [1, 2]
    # A stored report published before the batch's reports was there when they came: nothing is folded.
    rewrite_first = report(3, 4, ("Post attacked", "A post on the road to Delta and Echo was hit."), province=KP)
    stored = resolve([rewrite_first], (), POLICY, NAMES_ONLY).clusters()[0]
    stored.incident_id, stored.steps = 7, []
    resolver = resolve([early, fuller], [stored], POLICY, NAMES_ONLY)
    assert sorted(len(c.reports) for c in resolver.clusters()) == [1, 2]


def _unit(*parts: tuple[int, float]) -> np.ndarray:
    """A unit-length 384-d embedding with these (axis, weight) parts."""
    vector = np.zeros(384, dtype=np.float32)
    for axis, weight in parts:
        vector[axis] = weight
    return vector / np.linalg.norm(vector)


BANNU_TEXT = _unit((0, 1.0))
NEAR_BANNU = _unit((0, 0.95), (5, 0.31))  # cosine 0.95 with BANNU_TEXT
QUETTA_TEXT = _unit((1, 1.0))
EARLY = (
    "Blast heard near Miryan police station in Bannu",
    "A loud explosion was heard near the Miryan police station.",
)


def _bannu_and_quetta() -> list[Report]:
    bannu: dict[str, Any] = {"province": KP, "district": "Bannu", "attack_type": "suicide_bombing"}
    return [
        report(1, 6, A, killed=40, injured=60, embedding=BANNU_TEXT, **bannu),
        report(3, 9, C, province="Balochistan", district="Quetta", killed=5, embedding=QUETTA_TEXT),
    ]


def _story(n: int, hour: int, p_attack: float, embedding: np.ndarray, day: int = 4) -> Report:
    """A story the classifier read as `other`: no labels, some P(attack)."""
    return report(
        n, hour, EARLY, day=day, event_type="other", attack_type=None, p_attack=p_attack, overall=0.9,
        embedding=embedding,
    )  # fmt: skip


def test_a_story_read_as_other_is_linked_to_the_attack_its_text_matches_and_changes_no_figure() -> None:
    early = _story(9, 5, p_attack=0.4, embedding=NEAR_BANNU)  # published an hour before the attack report
    resolver = resolve(_bannu_and_quetta(), strays=[early])
    clusters = {tuple(r.article_id for r in c.reports): c for c in resolver.clusters()}
    assert sorted(clusters) == [(3,), (9, 1)]
    bannu = clusters[(9, 1)]
    # The incident opens with the attack report; the story's step comes last and changes no figure but the day.
    assert [s.article_id for s in bannu.steps] == [1, 9]
    assert bannu.steps[0].fields["event_type"] == "attack" and bannu.steps[1].similarity is not None
    assert {k: bannu.fields[k] for k in ("event_type", "killed", "district")} == {
        "event_type": "attack",
        "killed": 40,
        "district": "Bannu",
    }
    assert bannu.fields["confidence"] == 0.8 and bannu.fields["p_attack"] == 0.9  # the story's own are not the attack's


def test_a_story_read_as_other_never_opens_an_incident_nor_joins_an_operation_or_a_stranger() -> None:
    unrelated = _story(9, 7, p_attack=0.6, embedding=_unit((2, 1.0)))
    hardly_an_attack = _story(10, 7, p_attack=0.02, embedding=NEAR_BANNU)  # under stray_floor
    days_later = _story(11, 7, p_attack=0.6, embedding=NEAR_BANNU, day=8)  # outside the window
    resolver = resolve(_bannu_and_quetta(), strays=[unrelated, hardly_an_attack, days_later])
    assert sorted(sorted(r.article_id for r in c.reports) for c in resolver.clusters()) == [[1], [3]]
    operation = report(1, 6, A, event_type="security_operation", attack_type=None, province=KP, embedding=BANNU_TEXT)
    resolver = resolve([operation], strays=[_story(9, 7, p_attack=0.6, embedding=NEAR_BANNU)])
    assert [[r.article_id for r in c.reports] for c in resolver.clusters()] == [[1]]
    no_weights = MatchModel(default_model().with_embeddings, default_model().text_only)  # the keyword baseline's
    resolver = resolve(_bannu_and_quetta(), model=no_weights, strays=[_story(9, 7, p_attack=0.6, embedding=NEAR_BANNU)])
    assert sorted(len(c.reports) for c in resolver.clusters()) == [1, 1]


def test_unlabelled_weights_use_the_text_evidence_only() -> None:
    data = {
        "with_embeddings": {"bias": 0.0, "weights": {}},
        "text_only": {"bias": 0.0, "weights": {}},
        "unlabelled": {"bias": -1.0, "weights": {"cosine": 2.0, "same_district": 1.0}},
    }
    with pytest.raises(ValueError, match="unlabelled matching weights may use only"):
        MatchModel.from_json(data)
    assert default_model().unlabelled is not None


def test_evidence_features() -> None:
    a = report(1, 6, A, province=KP, district="Bannu", attack_type="bombing", group_code="TTP", killed=40)
    b = report(2, 9, B, province=KP, district="Bannu", attack_type="suicide_bombing", group_code="JuA", killed=54)
    f = pair_features(a, b, POLICY)
    assert f["same_district"] == 1 and f["district_conflict"] == 0
    assert f["type_conflict"] == 0  # bombing vs suicide bombing: early reports cannot tell
    assert f["group_same"] == 1 and f["group_conflict"] == 0  # JuA is a TTP faction
    assert f["killed_consistent"] == 1  # 40 → 54 is a toll revision
    wire = report(3, 9, E, province=KP, district="Peshawar", attack_type="suicide_bombing")  # dateline city
    g = pair_features(a, wire, POLICY)
    assert g["district_conflict"] == 0 and g["capital_conflict"] == 1
    none_hurt = report(4, 9, C, province=KP, district="Bannu", killed=0)
    assert pair_features(a, none_hurt, POLICY)["killed_conflict"] == 1


def test_types_outlets_give_one_attack_are_akin_and_others_conflict() -> None:
    """One bus attack told as gunmen shooting passengers (armed assault) and as passengers abducted and killed
    (kidnapping); one train seizure opened by blowing up the track (bombing, hijacking); a bomb at a gas line told
    as a blast and as the line blown up (bombing, infrastructure attack). Not a bombing against a kidnapping."""

    def conflict(x: str, y: str) -> float:
        return pair_features(report(1, 6, attack_type=x), report(2, 9, attack_type=y), POLICY)["type_conflict"]

    assert conflict("armed_assault", "kidnapping") == 0
    assert conflict("bombing", "hijacking") == 0
    assert conflict("bombing", "infrastructure_attack") == 0
    assert conflict("bombing", "kidnapping") == 1
    assert conflict("targeted_killing", "infrastructure_attack") == 1


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("Suicide bomber hits police check-post in Bannu", {"security_post"}),
        ("A bomb planted at the main gas supply line exploded in Karachi West", {"gas"}),
        ("Saboteurs strike an electricity transmission tower in Karachi West", {"power"}),
        ("Militants attacked an FC convoy and a checkpoint", {"security_vehicle", "security_post"}),
        ("IED hits school van; the wounded were taken to the District Headquarters Hospital", {"education"}),
        ("Funeral prayers offered at Police Lines; police said the injured were in hospital", set()),
        ("Blast near Quetta market", {"market"}),
        ("Gunmen kill two polio workers", {"polio"}),
        ("A bazaarfront postbox", set()),  # whole words only
        ("Gunmen shoot dead a journalist near Swabi press club", {"journalist"}),
        ("Customs inspector martyred in Swabi; Staff Reporter", {"customs"}),  # a byline names no victim
        ("Prayer leader shot dead outside mosque", {"worship"}),
        # A seminary's mosque to one outlet is the seminary to the next.
        ("Seminary head laid to rest after the Darul Uloom bombing", {"worship", "education"}),
        ("Suicide bomber strikes outside a Quetta polling station", {"polling"}),
        ("Attackers set fire to a gas pipeline in Khyber", {"gas"}),  # not the grid station torched nearby
        ("Militants torch a grid station in Khyber", {"power"}),
        ("Two pylons blown up, cutting the transmission line to Quetta", {"power"}),
    ],
)
def test_targets_are_classes_of_what_was_hit(text: str, classes: set[str]) -> None:
    assert targets(text) == classes


def test_targets_of_no_common_class_are_evidence_of_two_events() -> None:
    a = report(1, 6, A, province=KP, district="Bannu")
    e = report(2, 8, E, province=KP, district="Bannu")  # "police post" to one, "police checkpost" to the other
    c = report(3, 9, C, province=KP, district="Bannu")  # a market
    b2 = report(4, 9, B2, province=KP, district="Bannu")  # names no target
    assert pair_features(a, e, POLICY)["target_conflict"] == 0
    assert pair_features(a, c, POLICY)["target_conflict"] == 1
    assert pair_features(a, b2, POLICY)["target_conflict"] == 0


def test_a_vague_member_does_not_let_a_report_of_another_victim_join() -> None:
    # Two killings in Swabi one morning: the vague first report fits both; the incident it opened with the
    # customs inspector's report has said who was hit, and the journalist's killing is not that.
    swabi: dict[str, Any] = {"province": KP, "district": "Swabi", "attack_type": "targeted_killing", "killed": 1}
    vague = report(
        1, 6, ("Man shot dead in Swabi", "Unidentified gunmen shot a man dead in Swabi, police said."), **swabi
    )
    customs = report(2, 7, ("Customs inspector martyred", "A customs inspector was martyred in Swabi."), **swabi)
    journalist = report(3, 8, ("Journalist gunned down", "Gunmen shot a journalist dead near the press club."), **swabi)
    alone = Resolver((), POLICY)
    alone.add(vague)
    assert alone.scores(journalist, alone.clusters()[0])[0] >= POLICY.join  # the vague report alone lets it in
    together = Resolver((), POLICY)
    together.add(vague)
    assert together.add(customs) is together.clusters()[0]
    assert together.scores(journalist, together.clusters()[0])[0] < POLICY.join


def test_specific_names_leave_out_what_every_report_says() -> None:
    names = specifics("QUETTA: Police said the blast near Jinnah Road in Quetta hit the Balochistan Assembly.")
    assert {"jinnah", "road", "assembly"} <= names
    assert not names & {"police", "balochistan", "pakistan"}


def test_coded_names_of_sectors_and_highways_are_specific() -> None:
    names = specifics("blast outside the district courts in Islamabad's G-11 sector; the N-70 was closed at 12-15 km")
    assert {"g-11", "n-70"} <= names
    assert not names & {"12-15"}


def test_token_jaccard_basics() -> None:
    assert token_jaccard("Blast in Bannu", "blast, in BANNU!") == 1.0
    assert token_jaccard("", "anything") == 0.0
    assert token_jaccard("the of and", "the of and") == 0.0  # stop words only
    assert 0 < token_jaccard("Bannu blast kills 5", "Quetta blast kills 5") < 1


def test_merge_takes_the_latest_credible_toll_the_claimed_group_and_fills_places() -> None:
    merged = merge_reports(
        [
            # Given out of order: the merge sorts by publication time itself.
            report(3, 15, killed=54, group_code="TTP", claimed=True, overall=0.7, p_attack=0.97),
            report(1, 6, killed=40, injured=60, district="Bannu", group_code="JuA"),
            report(
                2,
                9,
                killed=41,
                evidence={"killed": 0.1},
                province=KP,
                attack_type="suicide_bombing",
                overall=0.95,
            ),
            report(4, 20, killed=None, group_code="JuA", attack_type="bombing"),
        ],
        POLICY,
    )
    assert merged == {
        "occurred_on": date(2026, 3, 4),
        "event_type": "attack",
        "attack_type": "suicide_bombing",  # a bombing later revealed as a suicide bombing is one
        "group_code": "TTP",  # the claimed group beats a later blamed one
        "claimed": True,
        "province": KP,
        "district": "Bannu",
        "killed": 54,  # the latest credible figure, not the sum, not the weakly read 41
        "injured": 60,
        "militants_killed": None,
        "confidence": 0.95,
        "p_attack": 0.97,
        "aftermath_only": False,
    }


def test_merge_votes_the_attack_type_by_confidence() -> None:
    reports = [
        report(1, 6, attack_type="armed_assault", confidence={"attack_type": 0.9}),
        report(2, 7, attack_type="armed_assault", confidence={"attack_type": 0.8}),
        report(3, 8, attack_type="kidnapping", confidence={"attack_type": 0.4}),
    ]
    assert merge_reports(reports, POLICY)["attack_type"] == "armed_assault"


def test_merge_uses_a_weakly_read_figure_only_when_nothing_better_exists() -> None:
    merged = merge_reports([report(1, 6, killed=7, evidence={"killed": 0.1})], POLICY)
    assert merged["killed"] == 7


def test_occurred_day_is_the_pakistan_calendar_day() -> None:
    # 21:00 UTC on 4 March is 02:00 on 5 March in Pakistan.
    late = report(1, 0, at=datetime(2026, 3, 4, 21, tzinfo=UTC))
    assert late.day == date(2026, 3, 5)


def test_a_weakly_placed_district_is_merged_as_the_province_only() -> None:
    firm = report(1, 6, E, province=KP, district="Khyber")
    # A wire copy datelined in Peshawar: the extractor's fallback district, evidence 0.3.
    weak = report(2, 5, E, province=KP, district="Peshawar", evidence={"district": 0.3})
    assert pair_features(firm, weak, POLICY)["province_only"] == 1
    assert merge_reports([weak, firm], POLICY)["district"] == "Khyber"  # the firm one wins, though later
    assert merge_reports([weak], POLICY)["district"] == "Peshawar"  # a guess is better than nothing


def test_a_provincial_capital_gives_way_to_another_district_a_report_names() -> None:
    # Both firmly placed: the wire's "PESHAWAR:" dateline came first, the local report names Bannu.
    wire = report(1, 5, E, province=KP, district="Peshawar")
    local = report(2, 6, A, province=KP, district="Bannu")
    assert merge_reports([wire, local], POLICY)["district"] == "Bannu"
    assert merge_reports([wire], POLICY)["district"] == "Peshawar"  # an attack in Peshawar stays there


@pytest.mark.parametrize(
    ("old", "new", "material"),
    [
        ({"killed": 3}, {"killed": 12}, True),  # 3 → 12
        ({"killed": 38}, {"killed": 42}, True),  # +4
        ({"killed": 40}, {"killed": 41}, False),  # +1 of 40
        ({"killed": None}, {"killed": 5}, True),  # the first toll
        ({"killed": 5}, {"killed": None}, False),
        ({"claimed": False, "group_code": "unknown"}, {"claimed": True, "group_code": "TTP"}, True),
        ({"claimed": True, "group_code": "TTP"}, {"claimed": True, "group_code": "JuA"}, True),  # a counter-claim
        ({"claimed": False, "group_code": "unknown"}, {"claimed": False, "group_code": "TTP"}, False),  # blame
        ({"district": None}, {"district": "Bannu"}, False),
    ],
)
def test_material_change(old: dict[str, Any], new: dict[str, Any], material: bool) -> None:
    assert material_change(old, new) is material


def test_an_incident_without_reports_matches_nothing() -> None:
    from domain.incidents import Cluster

    empty = Cluster(reports=[], fields=merge_reports([report(1, 6, A, province=KP)], POLICY), incident_id=7)
    resolver = resolve([report(2, 7, A, province=KP)], [empty])
    assert [c.incident_id for c in resolver.clusters()] == [7, None]
