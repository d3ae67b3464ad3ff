"""Whether a report's own account says its attack was a suicide attack (classifiers/attack_types.py)."""

from __future__ import annotations

import pytest

from classifiers.attack_types import parse_attack_type_rules, says_suicide
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
    ],
)
def test_the_reports_own_account_of_a_suicide_attack(title: str, text: str, expected: bool) -> None:
    assert says_suicide(title, text) is expected


def test_bad_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="suicide"):
        parse_attack_type_rules({"suicide": [], "not_evidence": ["whether"]})
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
