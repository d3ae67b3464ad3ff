"""Places, group names and people for the corpus generator, read from lexicon.yaml and checked against the
gazetteer and the group alias table; the generator's phrase pools are read from phrasebook.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from domain import yamlfile
from domain.gazetteer import NameIndex, load_gazetteer
from domain.groups import load_group_table

DATA_DIR = Path(__file__).resolve().parent
LEXICON_FILE = DATA_DIR / "lexicon.yaml"
PHRASEBOOK_FILE = DATA_DIR / "phrasebook.yaml"


@dataclass(frozen=True, slots=True)
class Place:
    """A district with its province and some towns or tehsils inside it."""

    district: str
    province: str
    towns: tuple[str, ...] = ()
    # True for former tribal agencies, so reports can call them "tribal district".
    tribal: bool = False


def _tuples(value: Any) -> Any:
    """YAML lists as tuples, all the way down (the generator's pools are immutable sequences)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def _places(raw: dict[str, list[str]], exceptions: dict[str, str]) -> tuple[Place, ...]:
    gazetteer = load_gazetteer()
    known = {d.name: d for d in gazetteer.districts}
    places = []
    for district, towns in raw.items():
        if district not in known:
            raise ValueError(f"lexicon: {district!r} is not a gazetteer district")
        for town in towns:
            if town in exceptions:
                continue
            found = gazetteer.by_name(town)
            if found is None or found.name != district:
                where = found.name if found else "nothing"
                raise ValueError(f"lexicon: town {town!r} of {district!r} resolves to {where} in the gazetteer")
        entry = known[district]
        places.append(Place(district, entry.province.value, tuple(towns), entry.former_fata))
    return tuple(places)


def _check_group_names(names: dict[str, tuple[str, ...]]) -> None:
    table = load_group_table()
    index = NameIndex((alias, entry.code.value) for entry in table.entries for alias in entry.aliases)
    from domain.gazetteer import tokenize

    for code, forms in names.items():
        for form in forms:
            if code not in {m.value for m in index.find(tokenize(form))}:
                raise ValueError(f"lexicon: {form!r} names no alias of {code} in the group table")


@functools.cache
def load_lexicon() -> dict[str, Any]:
    data = yamlfile.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    names = _tuples(data["group_names"])
    _check_group_names(names)
    return {
        "places": _places(data["places"], dict(data.get("gazetteer_exceptions") or {})),
        "test_only_districts": frozenset(data["test_only_districts"]),
        "group_provinces": _tuples(data["group_provinces"]),
        "group_districts": _tuples(data["group_districts"]),
        "group_names": names,
        "foreign_places": _tuples(data["foreign_places"]),
        "first_names": _tuples(data["first_names"]),
        "official_titles": _tuples(data["official_titles"]),
    }


@functools.cache
def load_phrasebook() -> dict[str, Any]:
    """The generator's phrase pools by name (see phrasebook.yaml)."""
    data = yamlfile.safe_load(PHRASEBOOK_FILE.read_text(encoding="utf-8"))
    return {k: _tuples(v) for k, v in data.items()}


_LEXICON = load_lexicon()
PLACES: tuple[Place, ...] = _LEXICON["places"]
TEST_ONLY_DISTRICTS: frozenset[str] = _LEXICON["test_only_districts"]
GROUP_PROVINCES: dict[str, tuple[str, ...]] = _LEXICON["group_provinces"]
GROUP_DISTRICTS: dict[str, tuple[str, ...]] = _LEXICON["group_districts"]
GROUP_NAMES: dict[str, tuple[str, ...]] = _LEXICON["group_names"]
FOREIGN_PLACES: tuple[tuple[str, str], ...] = _LEXICON["foreign_places"]
FIRST_NAMES: tuple[str, ...] = _LEXICON["first_names"]
OFFICIAL_TITLES: tuple[str, ...] = _LEXICON["official_titles"]
