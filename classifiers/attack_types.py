"""Attack-type evidence the head cannot weigh: whether the report says this attack was a suicide attack, or a
hijacking.

The attack-type head counts every "suicide" in a report, so a shooting whose last paragraphs recall an older
suicide bombing reads as one. The rule reads only the report's own sentences — the title and the body up to the
closing paragraphs about earlier events (`domain.text.background_start`), without sentences that open like
background or name another attack or a doubt (`rules/attack_types.yaml`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from classifiers.features import phrase_pattern
from domain import yamlfile
from domain.text import background_start, opens_background, split_sentences

__all__ = [
    "AttackTypeRules",
    "headline_says_hijacking",
    "headline_says_infrastructure",
    "load_attack_type_rules",
    "says_hijacking",
    "says_suicide",
]


@dataclass(frozen=True, slots=True)
class AttackTypeRules:
    suicide: re.Pattern[str]
    suicide_gear: re.Pattern[str]
    detonation: re.Pattern[str]
    not_evidence: re.Pattern[str]
    hijacking: re.Pattern[str]
    hijack_headline: re.Pattern[str]
    infrastructure_headline: re.Pattern[str]
    casualty_words: re.Pattern[str]


def parse_attack_type_rules(data: Any) -> AttackTypeRules:
    if not isinstance(data, dict):
        raise ValueError("attack types: expected a mapping of suicide, not_evidence and hijacking")
    return AttackTypeRules(
        phrase_pattern(data.get("suicide"), "attack types: suicide"),
        phrase_pattern(data.get("suicide_gear"), "attack types: suicide_gear"),
        phrase_pattern(data.get("detonation"), "attack types: detonation"),
        phrase_pattern(data.get("not_evidence"), "attack types: not_evidence"),
        phrase_pattern(data.get("hijacking"), "attack types: hijacking"),
        phrase_pattern(data.get("hijack_headline"), "attack types: hijack_headline"),
        _infrastructure_headline(data),
        phrase_pattern(data.get("casualty_words"), "attack types: casualty_words"),
    )


def _infrastructure_headline(data: dict[str, Any]) -> re.Pattern[str]:
    """An installation, then a word of its destruction up to two words on ("schools torched"), or the other way
    round ("blow up two girls' schools"); an installation's vehicle ("school bus") is none: `installations`,
    `destroyed` and `vehicles` in rules/attack_types.yaml."""
    things, done, vehicles = (_alternatives(data, key) for key in ("installations", "destroyed", "vehicles"))
    thing = rf"(?:{things})\b(?! (?:{vehicles})\b)"
    orders = [
        rf"\b{thing}(?: [\w'-]+){{0,2}}? (?:{done})\b",  # "schools torched"
        rf"\b(?:{done}) (?:[\w'-]+ ){{0,3}}?{thing}",  # "blow up two girls' schools"
    ]
    return phrase_pattern(orders, "attack types: installations, destroyed")


def _alternatives(data: dict[str, Any], key: str) -> str:
    """The patterns listed under `key` as one alternation, checked as `phrase_pattern` checks a list."""
    phrase_pattern(data.get(key), f"attack types: {key}")
    return "|".join(data[key])


@functools.cache
def load_attack_type_rules() -> AttackTypeRules:
    text = resources.files("classifiers").joinpath("rules/attack_types.yaml").read_text(encoding="utf-8")
    return parse_attack_type_rules(yamlfile.safe_load(text))


def _own_sentences(title: str, text: str) -> list[str]:
    """The title and the sentences of the report's own account (not its closing paragraphs about earlier events,
    nor sentences that open like background)."""
    tail = background_start(text)
    own = text if tail is None else text[:tail]
    return [s for s in (title, *(s for s in split_sentences(own) if not opens_background(s))) if s]


def says_suicide(title: str, text: str, rules: AttackTypeRules | None = None) -> bool:
    """Whether the title or a sentence of the report's own account says the attack was a suicide attack."""
    rules = rules or load_attack_type_rules()
    own = [s for s in _own_sentences(title, text) if not rules.not_evidence.search(s)]
    if any(rules.suicide.search(s) for s in own):
        return True
    # Suicide vests worn by attackers who stormed a place: a suicide attack only if something went off.
    return any(rules.suicide_gear.search(s) for s in own) and any(rules.detonation.search(s) for s in own)


def says_hijacking(title: str, text: str, rules: AttackTypeRules | None = None) -> bool:
    """Whether the title or a sentence of the report's own account says a vehicle was seized or people held."""
    rules = rules or load_attack_type_rules()
    return any(rules.hijacking.search(s) and not rules.not_evidence.search(s) for s in _own_sentences(title, text))


def headline_says_hijacking(title: str, rules: AttackTypeRules | None = None) -> bool:
    """Whether the headline itself calls the attack a hijacking ("Gunmen hijack Jaffar Express"): then it is one,
    whatever type the head gives the armed men and the blast that went with it."""
    rules = rules or load_attack_type_rules()
    return bool(rules.hijack_headline.search(title)) and not rules.not_evidence.search(title)


def headline_says_infrastructure(title: str, rules: AttackTypeRules | None = None) -> bool:
    """Whether the headline says an installation was blown up, torched or destroyed ("Militants blow up two girls'
    schools in Mirali") and names no one killed or hurt: an infrastructure attack, whatever the head makes of the
    blast or the militants."""
    rules = rules or load_attack_type_rules()
    return bool(rules.infrastructure_headline.search(title)) and not rules.casualty_words.search(title)
