"""The boilerplate patterns file (data/boilerplate.yaml): read, checked and compiled once."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from domain import yamlfile
from domain.errors import KhabarError

__all__ = [
    "BoilerplatePatternError",
    "BoilerplatePatterns",
    "load_boilerplate_patterns",
    "parse_boilerplate_patterns",
    "read_boilerplate_patterns",
]

PACKAGED = "data/boilerplate.yaml"
_KEYS = {"furniture_lines", "lead_ins", "copyright"}
_BLOCK_KEYS = {"max_words", "patterns"}


class BoilerplatePatternError(KhabarError, ValueError):
    """The patterns file is not what crawlers/boilerplate.py can use; the message names the entry."""


@dataclass(frozen=True, slots=True)
class BoilerplatePatterns:
    """Compiled patterns, all case-insensitive."""

    furniture: tuple[re.Pattern[str], ...]  # searched in short blocks
    furniture_max_words: int
    lead_in: re.Pattern[str]  # matches a whole line
    copyright: tuple[re.Pattern[str], ...]
    copyright_max_words: int


def _compile(value: Any, where: str, source: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value.strip():
        raise BoilerplatePatternError(f"{source}: {where} must be a non-empty string")
    try:
        pattern = re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise BoilerplatePatternError(
            f"{source}: {where} is not a valid regular expression ({value!r}): {exc}"
        ) from None
    # A pattern that matches an empty line matches every line, and cleanup would delete the whole body.
    if pattern.fullmatch(""):
        raise BoilerplatePatternError(f"{source}: {where} matches an empty line, so it would match every line")
    return pattern


def _pattern_list(value: Any, where: str, source: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(value, list) or not value:
        raise BoilerplatePatternError(f"{source}: {where} must be a non-empty list of patterns")
    return tuple(_compile(item, f"{where}[{i}]", source) for i, item in enumerate(value))


def _block(data: Mapping[str, Any], key: str, source: str) -> tuple[int, tuple[re.Pattern[str], ...]]:
    block = data.get(key)
    if not isinstance(block, Mapping):
        raise BoilerplatePatternError(f"{source}: {key} must be a mapping with max_words and patterns")
    unknown = sorted(set(block) - _BLOCK_KEYS)
    if unknown:
        raise BoilerplatePatternError(f"{source}: {key} has unknown keys {unknown}")
    max_words = block.get("max_words")
    if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
        raise BoilerplatePatternError(f"{source}: {key}.max_words must be a positive whole number")
    return max_words, _pattern_list(block.get("patterns"), f"{key}.patterns", source)


def parse_boilerplate_patterns(data: Any, source: str = PACKAGED) -> BoilerplatePatterns:
    """Check and compile a parsed patterns document; BoilerplatePatternError names the entry at fault."""
    if not isinstance(data, Mapping):
        raise BoilerplatePatternError(f"{source}: expected a mapping with keys {sorted(_KEYS)}")
    unknown, missing = sorted(set(data) - _KEYS), sorted(_KEYS - set(data))
    if unknown or missing:
        raise BoilerplatePatternError(f"{source}: unknown keys {unknown}, missing keys {missing}")
    furniture_max_words, furniture = _block(data, "furniture_lines", source)
    copyright_max_words, copyright_ = _block(data, "copyright", source)
    alternatives = _pattern_list(data["lead_ins"], "lead_ins", source)
    lead_in = re.compile(r"^(?:" + "|".join(p.pattern for p in alternatives) + r")\s*:?$", re.IGNORECASE)
    return BoilerplatePatterns(furniture, furniture_max_words, lead_in, copyright_, copyright_max_words)


def _parse_yaml(text: str, source: str) -> BoilerplatePatterns:
    try:
        data = yamlfile.safe_load(text)
    except yaml.YAMLError as exc:
        raise BoilerplatePatternError(f"{source}: not valid YAML: {exc}") from None
    return parse_boilerplate_patterns(data, source)


def read_boilerplate_patterns(path: Path) -> BoilerplatePatterns:
    """Read and check a patterns file (uncached), e.g. a candidate edit of the shipped one."""
    return _parse_yaml(path.read_text(encoding="utf-8"), str(path))


@functools.cache
def load_boilerplate_patterns() -> BoilerplatePatterns:
    """The patterns shipped with the package, read once per process."""
    text = resources.files("crawlers").joinpath(PACKAGED).read_text(encoding="utf-8")
    return _parse_yaml(text, f"crawlers/{PACKAGED}")
