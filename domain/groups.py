"""The militant-group alias table: each taxonomy group with the names news reports give it."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from domain import yamlfile
from domain.gazetteer import name_key
from domain.taxonomy import Group


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """A group's names; generic entries are umbrella labels that yield to a named group of the same family."""

    code: Group
    name: str
    aliases: tuple[str, ...]
    generic: bool
    family: str = ""
    # A generic name that stands for the group only in its claim of the attack ("Taliban").
    claim_only: bool = False


@dataclass(frozen=True, slots=True)
class GroupTable:
    """Everything the group extractor needs: the entries plus names that must not count as ours."""

    entries: tuple[GroupEntry, ...]
    not_groups: tuple[str, ...]
    other_groups: tuple[str, ...]


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"groups: {where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _parse_group(raw: Any, index: int) -> list[GroupEntry]:
    if not isinstance(raw, Mapping):
        raise ValueError(f"groups: groups[{index}] must be a mapping")
    code_value = raw.get("code")
    try:
        code = Group(str(code_value))
    except ValueError:
        raise ValueError(f"groups: groups[{index}] has unknown code {code_value!r}") from None
    if code is Group.UNKNOWN:
        raise ValueError(f"groups: groups[{index}] may not describe {Group.UNKNOWN.value!r}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"groups: group {code.value!r} has no name")
    family = str(raw.get("family") or code.value)
    aliases = _str_list(raw.get("aliases"), f"group {code.value!r} aliases")
    if not aliases:
        raise ValueError(f"groups: group {code.value!r} has no aliases")
    entries = [GroupEntry(code, name.strip(), aliases, generic=False, family=family)]
    generic = _str_list(raw.get("generic_aliases"), f"group {code.value!r} generic_aliases")
    if generic:
        entries.append(GroupEntry(code, f"{name.strip()} (generic term)", generic, generic=True, family=family))
    claim = _str_list(raw.get("claim_aliases"), f"group {code.value!r} claim_aliases")
    if claim:
        entries.append(
            GroupEntry(code, f"{name.strip()} (in a claim)", claim, generic=True, family=family, claim_only=True)
        )
    return entries


def _check_unique(entries: tuple[GroupEntry, ...], not_groups: tuple[str, ...], others: tuple[str, ...]) -> None:
    owner: dict[tuple[str, ...], str] = {}
    labelled = [(a, f"group {e.code.value!r}") for e in entries for a in e.aliases]
    labelled += [(a, "not_groups") for a in not_groups] + [(a, "other_groups") for a in others]
    for alias, where in labelled:
        key = name_key(alias)
        if not key:
            raise ValueError(f"groups: empty alias in {where}")
        if key in owner and owner[key] != where:
            raise ValueError(f"groups: alias {alias!r} of {where} is already used by {owner[key]}")
        owner[key] = where


def parse_groups(data: Any) -> GroupTable:
    """Build the group table from the parsed YAML document; ValueError names the entry at fault."""
    if not isinstance(data, Mapping) or not isinstance(data.get("groups"), list):
        raise ValueError("groups: the document needs a top-level 'groups' list")
    entries = tuple(e for i, raw in enumerate(data["groups"]) for e in _parse_group(raw, i))
    specific = [e.code for e in entries if not e.generic]
    duplicated = sorted({c.value for c in specific if specific.count(c) > 1})
    if duplicated:
        raise ValueError(f"groups: groups listed twice: {duplicated}")
    missing = sorted(g.value for g in Group if g is not Group.UNKNOWN and g not in specific)
    if missing:
        raise ValueError(f"groups: no entry for {missing}")
    not_groups = _str_list(data.get("not_groups"), "not_groups")
    others = _str_list(data.get("other_groups"), "other_groups")
    _check_unique(entries, not_groups, others)
    return GroupTable(entries, not_groups, others)


def read_groups(path: Path) -> GroupTable:
    """Read and check a group table YAML file (uncached)."""
    with open(path, encoding="utf-8") as fh:
        return parse_groups(yamlfile.safe_load(fh))


@functools.cache
def load_group_table() -> GroupTable:
    """The group table shipped with the package, read once per process."""
    source = resources.files("domain").joinpath("data/groups.yaml")
    return parse_groups(yamlfile.safe_load(source.read_text(encoding="utf-8")))


@functools.cache
def load_groups() -> tuple[GroupEntry, ...]:
    """Every group entry (specific ones, plus one generic entry per group that has umbrella labels)."""
    return load_group_table().entries
