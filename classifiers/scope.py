"""Stories outside `attack` by the label guide whatever their wording: a state's forces firing across a border,
ordinary crime and feuds, a gas explosion — and what the heads misread between attacks and operations: a
foiled infiltration (an operation), an attack beaten back (an attack) (`rules/scope.yaml`).

The event heads read the embedding and cue counts; "11 policemen martyred as dacoits fire rockets" reads like
an attack to them. The headline and opening of such a report say who did it; when that is not a militant
group, the classifier relabels the report `other` (`classifiers.classify`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from classifiers.features import compile_families, phrase_pattern
from domain import yamlfile
from domain.text import split_sentences

__all__ = [
    "ScopeRules",
    "attack_cue",
    "claim_keeps_attack",
    "denial",
    "holds_over_other",
    "home_only",
    "load_scope",
    "operation_cue",
    "out_of_scope",
    "overrules_other",
    "staged",
]


@dataclass(frozen=True, slots=True)
class ScopeRules:
    opening_chars: int
    militant: re.Pattern[str]
    families: tuple[tuple[str, re.Pattern[str]], ...]
    operations: tuple[tuple[str, re.Pattern[str]], ...] = ()
    attacks: tuple[tuple[str, re.Pattern[str]], ...] = ()
    denials: re.Pattern[str] | None = None
    # The attack families that also hold where the heads read `other`, not only an operation.
    over_other: frozenset[str] = frozenset()
    # The operation families that hold only for an event at home: abroad the story stays `other`.
    home_only: frozenset[str] = frozenset()
    # The operation families that only overrule an attack reading: where the heads read `other` it stays.
    over_attack_only: frozenset[str] = frozenset()
    # The operation families a group's claim overrules (its raid across the border stays an attack).
    claim_keeps_attack: frozenset[str] = frozenset()
    # Something staged or false (a drill, a hoax): `other` whatever else the opening says.
    staged: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # A headline of a commemoration, of a tally (a statistics report, an index), and the words of a new attack
    # that keep a headline from being either.
    commemoration: re.Pattern[str] | None = None
    commemoration_not: re.Pattern[str] | None = None
    tally: re.Pattern[str] | None = None
    # A non-militant motive given anywhere in the report (a feud), and the words that deny it.
    motive: re.Pattern[str] | None = None
    motive_not: re.Pattern[str] | None = None
    # Words of an accident that would read as a militant word ("the CNG cylinder in the van blew up"): taken out of
    # the opening before the militant words are looked for.
    militant_not: re.Pattern[str] | None = None
    # A headline that counts over a period ("... so far in 2024"): a tally even where it names the dead.
    tally_period: re.Pattern[str] | None = None


def parse_scope(data: Any) -> ScopeRules:
    if not isinstance(data, dict):
        raise ValueError("scope: expected a mapping of opening_chars, militant, families and operations")
    chars = data.get("opening_chars")
    if not isinstance(chars, int) or chars <= 0:
        raise ValueError("scope: opening_chars must be a positive integer")
    families = compile_families(data.get("families"), "scope: families")
    operations, attacks, staged = (_optional_families(data, key) for key in ("operations", "attacks", "staged"))
    denials, commemoration, commemoration_not, motive, motive_not, tally, militant_not, tally_period = (
        _optional_pattern(data, key)
        for key in (
            "denials",
            "commemoration",
            "commemoration_not",
            "motive",
            "motive_not",
            "tally",
            "militant_not",
            "tally_period",
        )
    )
    militant = phrase_pattern(data.get("militant"), "scope: militant")
    over_other = _family_names(data, "over_other", attacks, "attack")
    home_only = _family_names(data, "home_only", operations, "operation")
    over_attack_only = _family_names(data, "over_attack_only", operations, "operation")
    claim_keeps_attack = _family_names(data, "claim_keeps_attack", operations, "operation")
    # By name: the rules are many optional patterns of one type, and a field added out of order must not shift them.
    return ScopeRules(
        opening_chars=chars,
        militant=militant,
        families=families,
        operations=operations,
        attacks=attacks,
        denials=denials,
        over_other=over_other,
        home_only=home_only,
        over_attack_only=over_attack_only,
        claim_keeps_attack=claim_keeps_attack,
        staged=staged,
        commemoration=commemoration,
        commemoration_not=commemoration_not,
        tally=tally,
        motive=motive,
        motive_not=motive_not,
        militant_not=militant_not,
        tally_period=tally_period,
    )


def _optional_families(data: dict[str, Any], key: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The families under `key`, none when the file has no such section."""
    return compile_families(data[key], f"scope: {key}") if data.get(key) else ()


def _optional_pattern(data: dict[str, Any], key: str) -> re.Pattern[str] | None:
    """The one pattern of the phrases under `key`, None when the file has no such list."""
    return phrase_pattern(data[key], f"scope: {key}") if data.get(key) else None


def _family_names(
    data: dict[str, Any], key: str, families: tuple[tuple[str, re.Pattern[str]], ...], kind: str
) -> frozenset[str]:
    """The names listed under `key`, each one of `families`."""
    listed = data.get(key) or []
    names = {name for name, _ in families}
    if not isinstance(listed, list) or not set(listed) <= names:
        raise ValueError(f"scope: {key} must list {kind} families ({', '.join(sorted(names))})")
    return frozenset(listed)


@functools.cache
def load_scope() -> ScopeRules:
    text = resources.files("classifiers").joinpath("rules/scope.yaml").read_text(encoding="utf-8")
    return parse_scope(yamlfile.safe_load(text))


def _opening(title: str, text: str, rules: ScopeRules) -> str:
    return f"{title}\n{text[: rules.opening_chars]}"


def _first_family(families: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> str | None:
    """The name of the first family with a match in `text`, or None."""
    return next((name for name, pattern in families if pattern.search(text)), None)


def out_of_scope(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The family whose wording puts the story outside `attack` (its headline or opening names a non-militant
    perpetrator or cause and no militant one), or None."""
    rules = rules or load_scope()
    opening = _opening(title, text, rules)
    probe = rules.militant_not.sub(" ", opening) if rules.militant_not else opening
    if rules.militant.search(probe):
        return None
    return _first_family(rules.families, opening) or ("motive" if _motive(text, rules) else None)


def _motive(text: str, rules: ScopeRules) -> bool:
    """Whether the report puts the killing down to an enmity or a feud ("police suspected an old enmity") without
    denying it ("said he had no enmity with anyone")."""
    if rules.motive is None:
        return False
    for found in rules.motive.finditer(text):
        if not (rules.motive_not and rules.motive_not.search(found.group(0))):
            return True
    return False


def staged(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The family of `staged` whose wording says the story's attack was staged or false (a drill with dummy
    terrorists, a bomb hoax), or "commemoration" for a headline that marks an attack's anniversary, or "tally" for
    one of a statistics report, or None. Such an opening is full of an attack's words, so no militant word keeps it
    in."""
    rules = rules or load_scope()
    family = _first_family(rules.staged, _opening(title, text, rules))
    if family is None:
        for kind, pattern in (("commemoration", rules.commemoration), ("tally", rules.tally)):
            if _headline_of(title, pattern, rules):
                return kind
        if rules.tally_period and rules.tally_period.search(title):
            return "tally"
    return family


def _headline_of(title: str, pattern: re.Pattern[str] | None, rules: ScopeRules) -> bool:
    """Whether the headline is of that kind (an anniversary, a tally) and reports no new attack."""
    if pattern is None or not pattern.search(title):
        return False
    return not (rules.commemoration_not and rules.commemoration_not.search(title))


def operation_cue(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The operation its opening says the story is (troops foiling an infiltration), or None."""
    rules = rules or load_scope()
    return _first_family(rules.operations, _opening(title, text, rules))


def attack_cue(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The attack its headline or first sentence says the story is (militants attacked and were beaten back), or
    None. Only the lead: an operation's release goes on to recall the attack it followed ("a day after militants
    attacked a post in Mir Ali")."""
    rules = rules or load_scope()
    first = next(iter(split_sentences(text.strip()[: rules.opening_chars])), "")
    return _first_family(rules.attacks, f"{title}\n{first}")


def holds_over_other(cue: str | None, rules: ScopeRules | None = None) -> bool:
    """Whether an attack cue makes a report an attack even where the heads read `other` (`over_other` in
    rules/scope.yaml: an attack beaten back, the dead of this week's attack); the other attack cues only overrule
    a reading of an operation (an anniversary's opening recalls how militants stormed a college)."""
    rules = rules or load_scope()
    return cue is not None and cue in rules.over_other


def home_only(cue: str | None, rules: ScopeRules | None = None) -> bool:
    """Whether an operation cue holds only for an event at home (`home_only` in rules/scope.yaml): jets striking
    across the border are a state's strike abroad, `other`; an infiltration foiled is an operation though the
    place reader puts its "Afghan border" abroad."""
    rules = rules or load_scope()
    return cue is not None and cue in rules.home_only


def overrules_other(cue: str | None, rules: ScopeRules | None = None) -> bool:
    """Whether an operation cue makes an operation also of a story the heads read as `other` (`over_attack_only`
    in rules/scope.yaml lists those that do not: a policy story says what IBOs will do)."""
    rules = rules or load_scope()
    return cue is not None and cue not in rules.over_attack_only


def claim_keeps_attack(cue: str | None, rules: ScopeRules | None = None) -> bool:
    """Whether a group's claim keeps a report with this operation cue an attack (`claim_keeps_attack` in
    rules/scope.yaml: a raid across the border the group says was its own)."""
    rules = rules or load_scope()
    return cue is not None and cue in rules.claim_keeps_attack


def denial(title: str, rules: ScopeRules | None = None) -> bool:
    """Whether the headline is a group's denial (a statement, not the attack's report)."""
    rules = rules or load_scope()
    return bool(rules.denials and rules.denials.search(title))
