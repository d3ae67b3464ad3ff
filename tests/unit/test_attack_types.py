"""Whether a report's own account says its attack was a suicide attack, or a hijacking (classifiers/attack_types.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from classifiers.attack_types import (
    headline_says_hijacking,
    headline_says_infrastructure,
    parse_attack_type_rules,
    says_hijacking,
    says_suicide,
)
from classifiers.classify import Classifier
from classifiers.event_model import MODEL_DIR
from domain.taxonomy import AttackType

SHOOTING_WITH_AN_OLDER_SUICIDE_BOMBING = (
    "Two policemen shot dead in Quetta",
    "QUETTA: Gunmen on a motorcycle shot dead two policemen on duty near Sariab Road on Sunday, police said.\n\n"
    "The attackers fled.\n\n"
    "On April 24, a suicide bomber blew himself up near a police van on Airport Road, killing six policemen.",
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Suicide bomber kills nine in Quetta", "A bomber blew himself up at a checkpoint.", True),
        ("Blast at Bannu checkpost", "An attacker rammed an explosives-laden vehicle into the wall.", True),
        ("Bomb hits convoy in Bannu", "He said it was unclear whether a suicide bomber had struck.", False),
        ("Cleric laid to rest", "Thousands mourned him a day after he was killed in a suicide bombing.", True),
        ("Policeman shot dead", "The killing came a week after a suicide bomber killed an officer in the city.", False),
        (*SHOOTING_WITH_AN_OLDER_SUICIDE_BOMBING, False),
        # Men in suicide vests who stormed a place and were shot: an armed assault unless something went off.
        (
            "Police lines attacked in Bannu",
            "The attackers, clad in suicide vests, stormed the gate and were shot.",
            False,
        ),
        ("Police lines attacked in Bannu", "Attackers in suicide vests stormed the gate; one set off his vest.", True),
        ("Hospital gate attacked", "An attacker strapped with explosives struck the gate of the hospital.", True),
    ],
)
def test_the_reports_own_account_of_a_suicide_attack(title: str, text: str, expected: bool) -> None:
    assert says_suicide(title, text) is expected


def test_bad_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="suicide"):
        parse_attack_type_rules({"suicide": [], "not_evidence": ["whether"], "hijacking": ["hijack"]})
    with pytest.raises(ValueError, match="hijacking"):
        parse_attack_type_rules(
            {
                "suicide": ["suicide"],
                "suicide_gear": ["vest"],
                "detonation": ["blast"],
                "not_evidence": ["x"],
                "hijacking": [],
            }
        )
    with pytest.raises(ValueError, match="expected a mapping"):
        parse_attack_type_rules(["suicide"])


@pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")
def test_a_shooting_that_recalls_a_suicide_bombing_is_not_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import classifiers.classify as classify

    classifier = Classifier.load()
    (labels,) = classifier.classify([SHOOTING_WITH_AN_OLDER_SUICIDE_BOMBING])
    assert labels.event_type.value == "attack"
    assert labels.attack_type is not AttackType.SUICIDE_BOMBING
    (bombing,) = classifier.classify([("Suicide bomber kills nine at Quetta checkpoint", "A bomber blew himself up.")])
    assert bombing.attack_type is AttackType.SUICIDE_BOMBING
    monkeypatch.setattr(classify, "says_suicide", lambda title, text: True)
    (as_the_head_reads_it,) = classifier.classify([SHOOTING_WITH_AN_OLDER_SUICIDE_BOMBING])
    assert as_the_head_reads_it.attack_type is AttackType.SUICIDE_BOMBING


BUS_FIRED_ON = (
    "Passenger bus attacked near Chilas; eight killed",
    "CHILAS: Eight passengers were killed and 26 injured when terrorists fired on a bus travelling on the Karakoram "
    "Highway in Diamer district on Saturday, police said.",
)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Train hijacked in Bolan", "Militants seized the train and took the passengers hostage.", True),
        ("Militants hold bus passengers in Darazinda", "Gunmen held some 20 passengers for six hours.", True),
        ("Bus siege near Wadh ends", "Security forces ended the siege after two hours.", True),
        (*BUS_FIRED_ON, False),
        (
            "Bus attacked in Kurram",
            "The attack came a year after militants hijacked a bus in 2024 in the district.",
            False,
        ),
    ],
)
def test_the_reports_own_account_of_a_hijacking(title: str, text: str, expected: bool) -> None:
    assert says_hijacking(title, text) is expected


@pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")
def test_a_bus_fired_on_is_no_hijacking_unless_the_head_is_let_have_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import classifiers.classify as classify

    classifier = Classifier.load()
    hijack = (
        "Militants hijack passenger train in Bolan",
        "QUETTA: Militants blew up the track and hijacked the Jaffar Express in the Bolan Pass on Tuesday, holding "
        "more than 400 passengers hostage and killing the driver, officials said.",
    )
    fired_on, hijacked = classifier.classify([BUS_FIRED_ON, hijack])
    assert fired_on.event_type.value == "attack" and fired_on.attack_type is not AttackType.HIJACKING
    assert hijacked.attack_type is AttackType.HIJACKING
    monkeypatch.setattr(classify, "says_hijacking", lambda title, text: True)
    (as_the_head_reads_it,) = classifier.classify([BUS_FIRED_ON])
    assert as_the_head_reads_it.attack_type is AttackType.HIJACKING


@pytest.mark.parametrize(
    ("rule", "title", "expected"),
    [
        (headline_says_hijacking, "Gunmen hijack passenger train in Bolan", True),
        (headline_says_hijacking, "BLA seizes Jaffar Express in Balochistan, holding 400 passengers", True),
        (headline_says_hijacking, "BLA video shows track blast and seizure of Jaffar Express", True),
        (headline_says_hijacking, "Militants take over a passenger bus near Turbat", True),
        (headline_says_hijacking, "Police hunt gunmen who seized bus passengers and killed 11", False),
        (headline_says_hijacking, "Gunmen fire on bus near Kalat, killing four", False),
        (headline_says_infrastructure, "Militants blow up two girls' schools in North Waziristan's Mirali", True),
        (headline_says_infrastructure, "Twelve schools torched overnight in Diamer", True),
        (headline_says_infrastructure, "More pylons bombed in Balochistan", True),
        (headline_says_infrastructure, "Gas pipeline blown up in Dera Bugti", True),
        (headline_says_infrastructure, "School bombing kills three children in Bajaur", False),  # left to the head
        (headline_says_infrastructure, "Gunmen storm school in Peshawar", False),
        (headline_says_infrastructure, "School van bombed near Turbat", False),  # a vehicle, not the school
    ],
)
def test_headlines_that_name_the_attack_type(rule: Callable[[str], bool], title: str, expected: bool) -> None:
    assert rule(title) is expected


HEADLINED_TYPES = [
    (
        "headline_says_hijacking",
        AttackType.HIJACKING,
        "BLA releases video of fighters blowing up the track and hijacking Jaffar Express",
        "QUETTA: The Baloch Liberation Army released a video showing its fighters setting off a blast on the railway "
        "track in the Bolan Pass and then opening fire on the Jaffar Express, the group's media wing said. Security "
        "forces said 33 attackers were killed in the operation that followed.",
    ),
    (
        "headline_says_infrastructure",
        AttackType.INFRASTRUCTURE_ATTACK,
        "Militants blow up two girls' schools in Mirali",
        "MIRAN SHAH: Militants planted explosives in two girls' schools in Mirali overnight and blew them up, police "
        "said. The blasts destroyed both buildings. Armed men had earlier fired at the school guards, who fled.",
    ),
]


@pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")
@pytest.mark.parametrize(("rule", "expected", "title", "text"), HEADLINED_TYPES)
def test_a_headline_that_names_the_type_makes_it(
    monkeypatch: pytest.MonkeyPatch, rule: str, expected: AttackType, title: str, text: str
) -> None:
    """The blasts and gunfire draw the head to another type (a bombing, an armed assault); the headline names it."""
    import classifiers.classify as classify

    classifier = Classifier.load()
    (labels,) = classifier.classify([(title, text)])
    assert labels.attack_type is expected
    monkeypatch.setattr(classify, rule, lambda title: False)
    (as_the_head_reads_it,) = classifier.classify([(title, text)])
    assert as_the_head_reads_it.attack_type is not expected
