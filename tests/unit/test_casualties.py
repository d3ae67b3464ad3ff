"""Casualty extraction on hand-written reports in the styles Pakistani outlets use."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from classifiers.casualties import Casualties, extract_casualties
from classifiers.classify import Classifier
from classifiers.event_model import MODEL_DIR

CASES_FILE = Path(__file__).parent / "cases" / "casualties.yaml"
# Each case: id, title, text and the figures it must give; 0 = the report says nobody, None = no figure.
# `attackers_only` (default false): the killed figure may count only the attackers (read as none in an operation).
CASES: list[tuple[str, str, str, tuple[int | None, int | None, int | None, bool]]] = [
    (
        row["id"],
        row["title"],
        row["text"],
        (
            row["expect"]["killed"],
            row["expect"]["injured"],
            row["expect"]["militants_killed"],
            row["expect"].get("attackers_only", False),
        ),
    )
    for row in yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("title", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_extract_casualties(title: str, text: str, expected: tuple[int | None, int | None, int | None, bool]) -> None:
    result = extract_casualties(title, text)
    assert (result.killed, result.injured, result.militants_killed, result.attackers_only) == expected


def test_case_ids_are_unique_and_plenty() -> None:
    ids = [c[0] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60


def test_result_shape_and_confidence_range() -> None:
    result = extract_casualties("Two soldiers martyred in Khyber", "Two soldiers were martyred in Khyber.")
    assert isinstance(result, Casualties)
    assert set(result.confidence) == {"killed", "injured", "militants_killed"}
    assert all(0.0 <= v <= 1.0 for v in result.confidence.values())


def test_explicit_number_near_verb_is_more_confident_than_background_fallback() -> None:
    lead = extract_casualties("Blast kills five in Quetta", "Five people were killed in Quetta.")
    late = extract_casualties(
        "Blast in Quetta",
        "A blast hit Quetta.\n\nPolice arrived.\n\nResidents gathered.\n\nFive people were killed.",
    )
    assert lead.killed == late.killed == 5
    assert lead.confidence["killed"] > late.confidence["killed"]


def test_not_mentioned_is_none_and_explicit_none_is_zero() -> None:
    silent = extract_casualties("Attack on tower", "Militants torched a mobile phone tower.")
    none = extract_casualties("Attack on tower", "Militants torched a tower. No one was injured.")
    assert (silent.killed, silent.injured) == (None, None)
    assert none.injured == 0


def test_empty_input() -> None:
    result = extract_casualties("", "")
    assert (result.killed, result.injured, result.militants_killed) == (None, None, None)


def test_frozen() -> None:
    result = extract_casualties("", "Two people were killed.")
    with pytest.raises(AttributeError):
        result.killed = 3  # type: ignore[misc]


def test_gated_rewrites_change_nothing() -> None:
    """The idiom rewrites skip patterns whose fragments are absent; the text comes out as if all had run."""
    from classifiers.casualties import reader
    from classifiers.data.corpus import load_split

    def every_rewrite(text: str) -> str:
        text = reader._ABBREVIATIONS_RE.sub(r"\1", text)
        text = reader._DOTTED_RE.sub(r"\1\2", text)
        for pattern, replacement, _ in reader._REWRITES:
            text = pattern.sub(replacement, text)
        return text

    texts = [c[1] for c in CASES] + [c[2] for c in CASES]
    texts += [r[k] for r in load_split("test") for k in ("title", "text")]
    changed = sum(every_rewrite(t) != t for t in texts)
    assert changed > 100  # the rewrites do fire on these texts
    assert [reader._rewrite(t) for t in texts] == [every_rewrite(t) for t in texts]


@pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")
def test_the_classifier_gives_an_operation_of_bare_counts_no_victims_and_an_attack_its_toll() -> None:
    operation, attack = Classifier.load().classify(
        [
            (
                "CTD kills three militants in Kharan raid",
                "KHARAN: Three militants were killed in a raid on a hideout on Sunday. When the CTD team closed in, "
                "the men opened fire and all three were killed in the exchange, a spokesman said.",
            ),
            (
                "Three killed in attack on Kharan police station",
                "KHARAN: Militants attacked a police station with grenades and rifles on Sunday night. Three were "
                "killed in the attack, a spokesman said, and three attackers were also killed.",
            ),
        ]
    )
    assert operation.event_type.value == "security_operation"
    assert (operation.killed, operation.militants_killed) == (None, 3)
    assert attack.event_type.value == "attack"
    assert (attack.killed, attack.militants_killed) == (3, 3)
