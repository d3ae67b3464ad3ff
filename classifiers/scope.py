"""Stories outside `attack` by the label guide whatever their wording: a state's forces firing across a border,
ordinary crime and feuds, a gas explosion — and operations the heads misread: a foiled infiltration
(`rules/scope.yaml`).

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

import yaml

__all__ = ["ScopeRules", "load_scope", "operation_cue", "out_of_scope"]


@dataclass(frozen=True, slots=True)
class ScopeRules:
    opening_chars: int
    militant: re.Pattern[str]
    families: tuple[tuple[str, re.Pattern[str]], ...]
    operations: tuple[tuple[str, re.Pattern[str]], ...] = ()


def _pattern(patterns: Any, where: str) -> re.Pattern[str]:
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p for p in patterns):
        raise ValueError(f"scope: {where} must be a non-empty list of patterns")
    try:
        return re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"scope: {where} has a bad pattern: {exc}") from None


def parse_scope(data: Any) -> ScopeRules:
    if not isinstance(data, dict) or not isinstance(data.get("families"), dict) or not data["families"]:
        raise ValueError("scope: expected opening_chars, militant and a non-empty mapping of families")
    chars = data.get("opening_chars")
    if not isinstance(chars, int) or chars <= 0:
        raise ValueError("scope: opening_chars must be a positive integer")
    families = tuple((str(name), _pattern(p, f"families.{name}")) for name, p in data["families"].items())
    operations_data = data.get("operations") or {}
    if not isinstance(operations_data, dict):
        raise ValueError("scope: operations must be a mapping of name -> list of patterns")
    operations = tuple((str(name), _pattern(p, f"operations.{name}")) for name, p in operations_data.items())
    return ScopeRules(chars, _pattern(data.get("militant"), "militant"), families, operations)


@functools.cache
def load_scope() -> ScopeRules:
    text = resources.files("classifiers").joinpath("rules/scope.yaml").read_text(encoding="utf-8")
    return parse_scope(yaml.safe_load(text))


def out_of_scope(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The family whose wording puts the story outside `attack` (its headline or opening names a non-militant
    perpetrator or cause and no militant one), or None."""
    rules = rules or load_scope()
    opening = f"{title}\n{text[: rules.opening_chars]}"
    if rules.militant.search(opening):
        return None
    return next((name for name, pattern in rules.families if pattern.search(opening)), None)


def operation_cue(title: str, text: str, rules: ScopeRules | None = None) -> str | None:
    """The operation its opening says the story is (troops foiling an infiltration), or None."""
    rules = rules or load_scope()
    opening = f"{title}\n{text[: rules.opening_chars]}"
    return next((name for name, pattern in rules.operations if pattern.search(opening)), None)
