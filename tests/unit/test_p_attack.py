"""P(attack) on every label: high for an attack whatever its type, low for drills, hoaxes and operations."""

from __future__ import annotations

import pytest

from classifiers.classify import Classifier
from classifiers.event_model import MODEL_DIR
from domain.settings import Settings

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")
THRESHOLD = float(Settings.model_fields["alert_min_p_attack"].default)  # attacks must clear the alert threshold

ATTACKS = [
    (
        "Suicide bomber kills 12 at Quetta police station",
        "QUETTA: A suicide bomber blew himself up at the gate of a police station on Monday, killing 12 people, "
        "including five policemen, and injuring 20, officials said.",
    ),
    (
        "Gunmen kill four policemen in Lakki Marwat",
        "LAKKI MARWAT: Four policemen were martyred when militants attacked a police post with heavy weapons late "
        "on Saturday night, police said. The attackers fled.",
    ),
]
NOT_ATTACKS = [
    (
        "Police hold mock drill at university",
        "PESHAWAR: Police and rescue services held a mock exercise at a university on Wednesday in which dummy "
        "terrorists stormed a hostel. Officials said the drill tested their response time.",
    ),
    (
        "Bomb threat at airport turns out to be a hoax",
        "KARACHI: A call warning of a bomb on a flight caused panic at the airport, but a search found nothing "
        "and the call was declared a hoax.",
    ),
    (
        "Security forces kill eight khwarij in North Waziristan IBO",
        "RAWALPINDI: Security forces conducted an intelligence-based operation in North Waziristan and eight "
        "khwarij were sent to hell, the ISPR said. Weapons and ammunition were recovered.",
    ),
]
# A trend piece: no event of its own, but every word of attacks.
TREND_PIECE = (
    "Attacks on police in the province rose last year, report says",
    "PESHAWAR: Militant attacks on police stations and checkposts rose by a third last year, a think tank said in "
    "its annual report on Monday, which counted 140 policemen killed in bombings and ambushes.",
)
# A drill whose opening reads like an armed assault.
STORMING_DRILL = (
    "Commandos storm school as terrorists take students hostage in Kamalia",
    "KAMALIA: Heavily armed terrorists stormed a school and took students hostage on Friday before commandos "
    "killed them in a two-hour operation, in a counter-terrorism exercise held by the district police.",
)


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load()


def test_attacks_get_a_high_p_attack(classifier: Classifier) -> None:
    for labels in classifier.classify(ATTACKS):
        assert labels.p_attack >= THRESHOLD, labels


def test_drills_hoaxes_and_operations_get_a_low_p_attack(classifier: Classifier) -> None:
    for labels in classifier.classify(NOT_ATTACKS):
        assert labels.p_attack <= 0.3, labels


def test_p_attack_and_confidences_are_probabilities_in_the_output(classifier: Classifier) -> None:
    for labels in classifier.classify(ATTACKS + NOT_ATTACKS):
        record = labels.as_json()
        assert 0.0 <= record["p_attack"] <= 1.0
        assert all(0.0 <= v <= 1.0 for v in record["confidence"].values())


def test_a_claim_for_an_event_in_pakistan_makes_it_an_attack(classifier: Classifier) -> None:
    (labels,) = classifier.classify(
        [
            (
                "Pakistan Taliban claim Islamabad blast",
                "The Tehreek-e-Taliban Pakistan claimed responsibility on Wednesday for Tuesday's suicide bombing "
                "outside the district courts in Islamabad, in which 12 people were killed. The interior minister said "
                "investigators were looking at every angle.",
            )
        ]
    )
    assert labels.event_type.value == "attack" and labels.attack_type is not None
    assert labels.group.value == "TTP" and labels.claimed
    assert labels.p_attack >= THRESHOLD


def test_an_operation_that_recalls_a_groups_older_claim_stays_an_operation(classifier: Classifier) -> None:
    (labels,) = classifier.classify(
        [
            (
                "Nine BLA terrorists killed in Kohlu IBO: ISPR",
                "RAWALPINDI: Security forces killed nine terrorists of the banned Balochistan Liberation Army in an "
                "intelligence-based operation in the Kohlu area, the ISPR said. Weapons and explosives were recovered "
                "from the hideout. The BLA had claimed the attack on a Levies post in the district last month.",
            )
        ]
    )
    assert labels.event_type.value == "security_operation"
    assert labels.p_attack < THRESHOLD


def test_a_report_likely_enough_an_attack_is_read_as_one(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The event type is an attack once the head's P(attack) reaches `_ATTACK_MIN_P`, whatever its argmax: the same
    trend piece is `other` as shipped and an attack, with the attack head's type, when the bar is taken down to 0."""
    import classifiers.classify as classify

    (as_shipped,) = classifier.classify([TREND_PIECE])
    assert as_shipped.event_type.value == "other"
    monkeypatch.setattr(classify, "_ATTACK_MIN_P", 0.0)
    (lowered,) = classifier.classify([TREND_PIECE])
    assert lowered.event_type.value == "attack" and lowered.attack_type is not None
    for labels in classifier.classify(ATTACKS):
        assert labels.event_type.value == "attack"


def test_drills_and_hoaxes_stay_other_however_likely_an_attack_they_read(
    classifier: Classifier, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drill's or a hoax's opening is full of an attack's words (`staged` in rules/scope.yaml): with the attack
    bar taken down to 0 they are still `other`, with no attack type and a P(attack) below the alert threshold."""
    import classifiers.classify as classify

    monkeypatch.setattr(classify, "_ATTACK_MIN_P", 0.0)
    for labels in classifier.classify([*NOT_ATTACKS[:2], STORMING_DRILL]):
        assert labels.event_type.value == "other" and labels.attack_type is None, labels
        assert labels.p_attack < THRESHOLD, labels


def test_a_one_sentence_bombing_report_is_an_attack(classifier: Classifier) -> None:
    """A wire flash of one sentence gives the heads little to read (P(attack) under one half): the attack bar
    still reads it as the attack it reports."""
    (labels,) = classifier.classify(
        [("Blast kills 3 in Quetta", "QUETTA: A bomb blast killed three people near a police van on Monday.")]
    )
    assert labels.event_type.value == "attack" and labels.province == "Balochistan" and labels.killed == 3
