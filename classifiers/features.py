"""Cue and fact features that the event and attack-type heads read beside the sentence embedding.

The frozen encoder blurs the words that decide a real report ("mock exercise", "hijacked", "claimed
responsibility", "sent to hell"), and it reads only the first 112 tokens. These features count cue
families (`rules/cues.yaml`) in the title and lede and add what the rules read from the whole text
(victims killed or hurt, militants killed, a claim, a foreign scene), so the heads weigh both. The same
function runs in training and at inference, so the heads always see the features they were fitted on.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from domain import yamlfile

__all__ = [
    "CueFamilies",
    "Facts",
    "attack_features",
    "compile_families",
    "event_features",
    "load_cues",
    "phrase_pattern",
]

LEDE_CHARS = 1200


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules read from a report that bears on its event type."""

    killed: int | None
    injured: int | None
    militants_killed: int | None
    claimed: bool
    group_named: bool
    foreign: bool
    pakistani_place: bool


@dataclass(frozen=True, slots=True)
class CueFamilies:
    """The compiled cue families: one regex per family, for the event head and for the attack head."""

    event: tuple[tuple[str, re.Pattern[str]], ...]
    attack: tuple[tuple[str, re.Pattern[str]], ...]


def phrase_pattern(patterns: Any, where: str) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of regular expressions matched at word starts (a rules file's
    vocabulary); a ValueError names `where`. An empty list is refused: it would match at every word."""
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise ValueError(f"{where} must be a non-empty list of non-empty patterns")
    try:
        return re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"{where} has a bad pattern: {exc}") from None


def compile_families(section: Any, where: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each family of a mapping `name -> list of patterns` as one `phrase_pattern`, in file order."""
    if not isinstance(section, dict) or not section:
        raise ValueError(f"{where} must be a non-empty mapping of family -> list of patterns")
    return tuple((str(name), phrase_pattern(patterns, f"{where}.{name}")) for name, patterns in section.items())


def parse_cues(data: Any) -> CueFamilies:
    if not isinstance(data, dict):
        raise ValueError("cues: the document must be a mapping with 'event' and 'attack'")
    return CueFamilies(
        compile_families(data.get("event"), "cues: event"), compile_families(data.get("attack"), "cues: attack")
    )


def _cues_text() -> str:
    return resources.files("classifiers").joinpath("rules/cues.yaml").read_text(encoding="utf-8")


@functools.cache
def load_cues() -> CueFamilies:
    return parse_cues(yamlfile.safe_load(_cues_text()))


@functools.cache
def cues_sha256() -> str:
    """Fingerprint of the cue file, stored with the heads: heads fitted on other cues must not load."""
    return hashlib.sha256(_cues_text().encode("utf-8")).hexdigest()


def _scored_text(title: str, text: str) -> str:
    # The title counts twice: headlines name the event most directly.
    return f"{title}\n{title}\n{text[:LEDE_CHARS]}"


def _counts(families: Sequence[tuple[str, re.Pattern[str]]], scored: str) -> list[float]:
    return [math.log1p(len(pattern.findall(scored))) for _, pattern in families]


def _positive(value: int | None) -> float:
    return 1.0 if value else 0.0


def event_features(title: str, text: str, facts: Facts) -> np.ndarray:
    """Cue counts of every event family, then seven rule facts, as float32."""
    cues = load_cues()
    values = _counts(cues.event, _scored_text(title, text))
    values += [
        _positive(facts.killed),
        _positive(facts.injured),
        _positive(facts.militants_killed),
        1.0 if facts.claimed else 0.0,
        1.0 if facts.group_named else 0.0,
        1.0 if facts.foreign else 0.0,
        1.0 if facts.pakistani_place else 0.0,
    ]
    return np.asarray(values, dtype=np.float32)


def attack_features(title: str, text: str) -> np.ndarray:
    """Cue counts of every attack-type family, as float32."""
    return np.asarray(_counts(load_cues().attack, _scored_text(title, text)), dtype=np.float32)


def event_feature_names() -> list[str]:
    return [name for name, _ in load_cues().event] + [
        "fact_killed",
        "fact_injured",
        "fact_militants_killed",
        "fact_claimed",
        "fact_group_named",
        "fact_foreign",
        "fact_pakistani_place",
    ]


def attack_feature_names() -> list[str]:
    return [name for name, _ in load_cues().attack]


def read_facts(title: str, text: str) -> Facts:
    """Run the place, group and casualty rules on one report and keep what bears on its event type."""
    from classifiers.casualties import extract_casualties
    from classifiers.groups import identify_group
    from classifiers.places import locate

    casualties = extract_casualties(title, text)
    group = identify_group(title, text)
    place = locate(title, text)
    return facts_from(casualties.killed, casualties.injured, casualties.militants_killed, group, place)


def facts_from(killed: int | None, injured: int | None, militants_killed: int | None, group: Any, place: Any) -> Facts:
    """Facts from the rules' outputs (a GroupGuess and a PlaceGuess), as the classifier already has them."""
    from domain.taxonomy import Group

    return Facts(
        killed=killed,
        injured=injured,
        militants_killed=militants_killed,
        claimed=bool(group.claimed),
        # "Taliban militants" named in passing is no perpetrator, but the heads were fitted with it as a group named.
        group_named=group.group is not Group.UNKNOWN or group.loosely_named,
        foreign=bool(place.foreign_country and place.province is None),
        pakistani_place=place.province is not None,
    )
