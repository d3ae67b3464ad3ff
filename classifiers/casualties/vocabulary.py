"""The casualty reader's vocabulary and phrase grammar, read once from the YAML files beside this module.

`tokens.yaml` (numbers and what is not a head count), `phrases.yaml` (idiom rewrites, asides, the words noun
phrases are made of), `mentions.yaml` (casualty verbs, tolls, negations, background cues) and
`combination.yaml` (how mentions become one figure and its confidence). A bad file fails loudly at import,
naming the file and key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from domain import yamlfile
from domain.text import required_fragments

FILES = ("tokens", "phrases", "mentions", "combination")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Everything the reader needs, as sets, mappings and compiled patterns."""

    units: dict[str, int]
    tens: dict[str, int]
    vague: frozenset[str]
    ordinals: frozenset[str]
    months: frozenset[str]
    not_count_after: frozenset[str]
    not_count_before: frozenset[str]
    approx: tuple[tuple[str, ...], ...]
    abbreviations: re.Pattern[str]
    # (pattern, replacement, fragments one of which the folded text must contain for the pattern to match)
    rewrites: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    aside: re.Pattern[str]
    victim_nouns: frozenset[str]
    militant_nouns: frozenset[str]
    bomber_nouns: frozenset[str]
    plural_forms: frozenset[str]
    security_subjects: frozenset[str]
    aux: frozenset[str]
    passive_markers: frozenset[str]
    stop: frozenset[str]
    ranks: frozenset[str]
    possessives: frozenset[str]
    not_names: frozenset[str]
    saying: frozenset[str]
    object_verbs: frozenset[str]
    kill_transitive: frozenset[str]
    kill_intransitive: frozenset[str]
    death_of_injured: frozenset[str]
    militant_kill: frozenset[str]
    injure_transitive: frozenset[str]
    injure_intransitive: frozenset[str]
    relevant_extra: tuple[str, ...]
    toll: str
    toll_militant: re.Pattern[str]
    none_both: re.Pattern[str]
    none_killed: re.Pattern[str]
    none_injured: re.Pattern[str]
    past_cues: re.Pattern[str]
    link_cues: re.Pattern[str]
    statistics_cue: re.Pattern[str]
    running_total: re.Pattern[str]
    claim_cue: re.Pattern[str]
    clause_break: frozenset[str]
    continuation: frozenset[str]
    max_plausible_figure: int
    lead_sentences: tuple[int, int]
    confidence: dict[str, float]


def _words(value: Any, where: str) -> frozenset[str]:
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"casualties: {where} must be a list of words")
    return frozenset(v.lower() for v in value)


def _plural_forms(words: frozenset[str]) -> frozenset[str]:
    return frozenset({*words, *(w + "s" for w in words)})


def _regex(pattern: Any, where: str, **fill: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"casualties: {where} must be a non-empty pattern")
    for key, value in fill.items():
        pattern = pattern.replace("{" + key + "}", value)
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"casualties: {where} is not a valid pattern: {exc}") from None


def _numbers(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, Mapping) or not all(isinstance(v, int) for v in value.values()):
        raise ValueError(f"casualties: {where} must map words to integers")
    return {str(k).lower(): int(v) for k, v in value.items()}


def parse_vocabulary(docs: Mapping[str, Any]) -> Vocabulary:
    """Build the vocabulary from the four parsed documents (keyed by file stem)."""
    missing = [name for name in FILES if not isinstance(docs.get(name), Mapping)]
    if missing:
        raise ValueError(f"casualties: missing or empty data files {missing}")
    tok, phr, men, com = (docs[name] for name in FILES)
    months = _words(tok.get("months"), "tokens.months")
    month_alt = "|".join(sorted(m for m in months if len(m) > 4 or m in ("may", "june", "july")))
    units, tens = _numbers(tok.get("units"), "tokens.units"), _numbers(tok.get("tens"), "tokens.tens")
    word_numbers = "|".join(sorted({*units, *tens, "a dozen", "dozen"}, key=len, reverse=True))
    nobody = men.get("nobody")
    if not isinstance(nobody, str):
        raise ValueError("casualties: mentions.nobody must be a pattern")
    verbs = men.get("verbs")
    if not isinstance(verbs, Mapping):
        raise ValueError("casualties: mentions.verbs must be a mapping")
    small_count = _regex(phr.get("small_count"), "phrases.small_count").pattern
    rewrites = []
    for i, pair in enumerate(phr.get("rewrites") or []):
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(p, str) for p in pair):
            raise ValueError(f"casualties: phrases.rewrites[{i}] must be [pattern, replacement]")
        pattern = _regex(pair[0], f"phrases.rewrites[{i}]", small_count=small_count)
        rewrites.append((pattern, pair[1], required_fragments(pattern)))
    abbreviations = tok.get("abbreviations") or []
    approx = tuple(tuple(str(p).lower().split()) for p in tok.get("approx") or [])
    cues = men.get("past_cues")
    if not isinstance(cues, list) or not cues:
        raise ValueError("casualties: mentions.past_cues must be a list of patterns")
    lead = com.get("lead_sentences") or {}
    confidence = com.get("confidence")
    if not isinstance(confidence, Mapping):
        raise ValueError("casualties: combination.confidence must be a mapping")
    return Vocabulary(
        units=units,
        tens=tens,
        vague=_words(tok.get("vague"), "tokens.vague"),
        ordinals=_words(tok.get("ordinals"), "tokens.ordinals"),
        months=months,
        not_count_after=_words(tok.get("not_count_after"), "tokens.not_count_after"),
        not_count_before=_words(tok.get("not_count_before"), "tokens.not_count_before"),
        approx=approx,
        abbreviations=_regex(r"\b(" + "|".join(map(str, abbreviations)) + r")\.", "tokens.abbreviations"),
        rewrites=tuple(rewrites),
        aside=_regex(phr.get("aside"), "phrases.aside"),
        victim_nouns=_plural_forms(_words(phr.get("victim_words"), "phrases.victim_words"))
        | _words(phr.get("victim_forms"), "phrases.victim_forms"),
        militant_nouns=_plural_forms(_words(phr.get("militant_words"), "phrases.militant_words"))
        | _words(phr.get("militant_forms"), "phrases.militant_forms"),
        bomber_nouns=_words(phr.get("bomber_forms"), "phrases.bomber_forms"),
        plural_forms=_words(phr.get("plural_forms"), "phrases.plural_forms"),
        security_subjects=_words(phr.get("security_subjects"), "phrases.security_subjects"),
        aux=_words(phr.get("aux"), "phrases.aux"),
        passive_markers=_words(phr.get("passive_markers"), "phrases.passive_markers"),
        stop=_words(phr.get("stop"), "phrases.stop"),
        ranks=_words(phr.get("ranks"), "phrases.ranks"),
        possessives=_words(phr.get("possessives"), "phrases.possessives"),
        not_names=_words(phr.get("not_names"), "phrases.not_names"),
        saying=_words(phr.get("saying"), "phrases.saying"),
        object_verbs=_words(phr.get("object_verbs"), "phrases.object_verbs"),
        kill_transitive=_words(verbs.get("kill_transitive"), "mentions.verbs.kill_transitive"),
        kill_intransitive=_words(verbs.get("kill_intransitive"), "mentions.verbs.kill_intransitive"),
        death_of_injured=_words(verbs.get("death_of_injured"), "mentions.verbs.death_of_injured"),
        militant_kill=_words(verbs.get("militant_kill"), "mentions.verbs.militant_kill"),
        injure_transitive=_words(verbs.get("injure_transitive"), "mentions.verbs.injure_transitive"),
        injure_intransitive=_words(verbs.get("injure_intransitive"), "mentions.verbs.injure_intransitive"),
        relevant_extra=tuple(str(x) for x in men.get("relevant_extra") or []),
        toll=str(men.get("toll") or "").replace("{numbers}", word_numbers),
        toll_militant=_regex(men.get("toll_militant"), "mentions.toll_militant"),
        none_both=_regex(men.get("none_both"), "mentions.none_both", nobody=nobody),
        none_killed=_regex(men.get("none_killed"), "mentions.none_killed", nobody=nobody),
        none_injured=_regex(men.get("none_injured"), "mentions.none_injured", nobody=nobody),
        past_cues=_regex("|".join(f"(?:{c})" for c in cues), "mentions.past_cues", months=month_alt),
        link_cues=_regex(men.get("link_cues"), "mentions.link_cues"),
        statistics_cue=_regex(men.get("statistics_cue"), "mentions.statistics_cue", months=month_alt),
        running_total=_regex(men.get("running_total"), "mentions.running_total"),
        claim_cue=_regex(men.get("claim_cue"), "mentions.claim_cue"),
        clause_break=_words(men.get("clause_break"), "mentions.clause_break"),
        continuation=_words(men.get("continuation"), "mentions.continuation"),
        max_plausible_figure=int(com.get("max_plausible_figure", 1000)),
        lead_sentences=(int(lead.get("min", 2)), int(lead.get("max", 3))),
        confidence={str(k): float(v) for k, v in confidence.items()},
    )


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    folder = resources.files("classifiers.casualties")
    docs = {name: yamlfile.safe_load(folder.joinpath(f"{name}.yaml").read_text(encoding="utf-8")) for name in FILES}
    return parse_vocabulary(docs)
