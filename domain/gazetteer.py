"""Pakistan's districts, province names and foreign places, loaded and checked from the shipped gazetteer."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from domain import yamlfile
from domain.taxonomy import Province
from domain.text import Token, name_key, tokenize

__all__ = [
    "District",
    "Gazetteer",
    "NameIndex",
    "NameKind",
    "NameMatch",
    "PlaceName",
    "Token",
    "Umbrella",
    "is_acronym",
    "load_gazetteer",
    "name_key",
    "parse_gazetteer",
    "read_gazetteer",
    "tokenize",
]

# A generous box around Pakistan (incl. Gilgit-Baltistan and Azad Kashmir); coordinates outside it are typos.
LAT_RANGE = (23.5, 37.2)
LON_RANGE = (60.8, 77.9)

# Acronyms like KP, AJK, BRAS or JuA are ordinary words in lower case ("bras", "lei"), so they match only as written.
_ACRONYM_MAX_LETTERS = 5

V = TypeVar("V")


# ------------------------------------------------------------------ tokens and name matching


def is_acronym(name: str) -> bool:
    """True for short names with two or more capitals (KP, AJ&K, IS-K, JuA), which must match as written."""
    letters = [c for c in name if c.isalpha()]
    return 0 < len(letters) <= _ACRONYM_MAX_LETTERS and sum(c.isupper() for c in letters) >= 2


@dataclass(frozen=True, slots=True)
class NameMatch(Generic[V]):
    """A known name found in a token list: tokens[first:last] spell it."""

    first: int
    last: int
    value: V


class NameIndex(Generic[V]):
    """Finds known names in token lists, longest name first, so "Khyber Pakhtunkhwa" beats "Khyber"."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._table: dict[tuple[str, ...], list[tuple[tuple[str, ...] | None, V]]] = {}
        # Name lengths by first word, longest first: most words start no name, and those that do start few.
        self._sizes: dict[str, list[int]] = {}
        for name, value in entries:
            key = name_key(name)
            if not key:
                continue
            exact = tuple(t.text for t in tokenize(name)) if is_acronym(name) else None
            self._table.setdefault(key, []).append((exact, value))
            sizes = self._sizes.setdefault(key[0], [])
            if len(key) not in sizes:
                sizes.append(len(key))
                sizes.sort(reverse=True)

    def find(self, tokens: Sequence[Token]) -> list[NameMatch[V]]:
        """Every non-overlapping known name in the tokens, scanning left to right, longest first."""
        found: list[NameMatch[V]] = []
        i = 0
        n = len(tokens)
        while i < n:
            hit = self._longest_at(tokens, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.last
        return found

    def _longest_at(self, tokens: Sequence[Token], i: int) -> NameMatch[V] | None:
        for size in self._sizes.get(tokens[i].key, ()):
            if i + size > len(tokens):
                continue
            window = tokens[i : i + size]
            candidates = self._table.get(tuple(t.key for t in window))
            if not candidates:
                continue
            written = tuple(t.text for t in window)
            for exact, value in candidates:
                if exact is None or exact == written:
                    return NameMatch(i, i + size, value)
        return None


# ------------------------------------------------------------------ gazetteer records


class NameKind(StrEnum):
    DISTRICT = "district"
    UMBRELLA = "umbrella"
    PROVINCE = "province"
    FOREIGN = "foreign"
    HOME = "home"
    NON_PLACE = "non_place"


@dataclass(frozen=True, slots=True)
class District:
    """One district: canonical name, province, approximate centroid, other names, places inside it."""

    name: str
    province: Province
    lat: float
    lon: float
    aliases: tuple[str, ...]
    places: tuple[str, ...]
    former_fata: bool


@dataclass(frozen=True, slots=True)
class Umbrella:
    """A name covering several districts (South Waziristan, Karachi); default is None when no member stands for it."""

    name: str
    aliases: tuple[str, ...]
    province: Province
    members: tuple[str, ...]
    default: str | None


@dataclass(frozen=True, slots=True)
class PlaceName:
    """One matchable name and what it points to: a district, umbrella, province, foreign country or nothing."""

    surface: str
    kind: NameKind
    target: str
    needs_context: bool = False


class Gazetteer:
    """Lookup over districts, their aliases and places, province names and foreign places."""

    def __init__(
        self,
        districts: Sequence[District],
        umbrellas: Sequence[Umbrella],
        province_aliases: Mapping[str, Province],
        foreign_places: Mapping[str, str],
        non_places: Sequence[str],
        needs_context: Iterable[str],
        foreign_demonyms: Mapping[str, str],
    ) -> None:
        self.districts: tuple[District, ...] = tuple(districts)
        self.umbrellas: tuple[Umbrella, ...] = tuple(umbrellas)
        self.foreign_demonyms: dict[str, str] = {k.casefold(): v for k, v in foreign_demonyms.items()}
        self._by_district = {d.name: d for d in self.districts}
        self._context_keys = frozenset(name_key(n) for n in needs_context)
        self._names: list[PlaceName] = []
        self._owner: dict[tuple[str, ...], tuple[str, PlaceName]] = {}
        for d in self.districts:
            for n in (d.name, *d.aliases, *d.places):
                self._add(n, NameKind.DISTRICT, d.name, f"district {d.name!r}")
        for u in self.umbrellas:
            for n in (u.name, *u.aliases):
                self._add(n, NameKind.UMBRELLA, u.name, f"umbrella name {u.name!r}")
        for p in Province:
            # "Islamabad" is both a province value and a district; the district entry is the deliberate owner.
            if name_key(p.value) not in self._owner:
                self._add(p.value, NameKind.PROVINCE, p.value, f"province {p.value!r}")
        for alias, province in province_aliases.items():
            self._add(alias, NameKind.PROVINCE, province.value, f"province alias of {province.value!r}")
        for place, country in foreign_places.items():
            self._add(place, NameKind.FOREIGN, country, f"foreign place in {country!r}")
        self._add("Pakistan", NameKind.HOME, "Pakistan", "the home country")
        for phrase in non_places:
            self._add(phrase, NameKind.NON_PLACE, "", "non-place phrase")

    def _add(self, surface: str, kind: NameKind, target: str, owner: str) -> None:
        key = name_key(surface)
        if not key:
            raise ValueError(f"gazetteer: empty name in {owner}")
        previous = self._owner.get(key)
        if previous is not None:
            if previous[1].kind is kind and previous[1].target == target:
                return  # the same name twice in one entry (spelling variants that fold alike)
            raise ValueError(f"gazetteer: name {surface!r} of {owner} is already used by {previous[0]}")
        entry = PlaceName(surface, kind, target, needs_context=key in self._context_keys)
        self._owner[key] = (owner, entry)
        self._names.append(entry)

    @property
    def names(self) -> tuple[PlaceName, ...]:
        """Every matchable name, for building a text scanner."""
        return tuple(self._names)

    def district(self, name: str) -> District:
        """The district with this canonical name; KeyError if there is none."""
        return self._by_district[name]

    def umbrella(self, name: str) -> Umbrella | None:
        return next((u for u in self.umbrellas if u.name == name), None)

    def _entry(self, name: str) -> PlaceName | None:
        found = self._owner.get(name_key(name))
        return found[1] if found else None

    def by_name(self, name: str) -> District | None:
        """The district a name (canonical, alias or place inside it) points to; case and punctuation do not matter."""
        entry = self._entry(name)
        if entry is None:
            return None
        if entry.kind is NameKind.DISTRICT:
            return self._by_district[entry.target]
        if entry.kind is NameKind.UMBRELLA:
            umbrella = self.umbrella(entry.target)
            if umbrella is not None and umbrella.default:
                return self._by_district[umbrella.default]
        return None

    def province_for(self, name: str) -> Province | None:
        """The province a name means: a province name or alias ("NWFP", "FATA"), or any district or place in it."""
        entry = self._entry(name)
        if entry is None:
            return None
        if entry.kind is NameKind.PROVINCE:
            return Province(entry.target)
        if entry.kind is NameKind.DISTRICT:
            return self._by_district[entry.target].province
        if entry.kind is NameKind.UMBRELLA:
            umbrella = self.umbrella(entry.target)
            return umbrella.province if umbrella else None
        return None

    def foreign_country(self, name: str) -> str | None:
        """The country of a place outside Pakistan ("Kabul" → "Afghanistan"), else None."""
        entry = self._entry(name)
        return entry.target if entry is not None and entry.kind is NameKind.FOREIGN else None

    def districts_in(self, province: Province) -> tuple[District, ...]:
        return tuple(d for d in self.districts if d.province is province)


# ------------------------------------------------------------------ loading and validation


def _as_str_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"gazetteer: {where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _province(value: Any, where: str) -> Province:
    try:
        return Province(value)
    except ValueError:
        allowed = ", ".join(p.value for p in Province)
        raise ValueError(f"gazetteer: {where} has unknown province {value!r} (allowed: {allowed})") from None


def _coordinate(entry: Mapping[str, Any], field: str, bounds: tuple[float, float], where: str) -> float:
    value = entry.get(field)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"gazetteer: {where} needs a numeric {field}, got {value!r}")
    if not bounds[0] <= float(value) <= bounds[1]:
        raise ValueError(f"gazetteer: {where} has {field}={value} outside Pakistan {bounds}")
    return float(value)


def _parse_district(entry: Any, index: int) -> District:
    if not isinstance(entry, Mapping):
        raise ValueError(f"gazetteer: districts[{index}] must be a mapping")
    name = entry.get("district")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"gazetteer: districts[{index}] has no district name")
    where = f"district {name!r}"
    fata = entry.get("former_fata", False)
    if not isinstance(fata, bool):
        raise ValueError(f"gazetteer: {where} former_fata must be true or false")
    unknown = set(entry) - {"district", "province", "lat", "lon", "aliases", "places", "former_fata"}
    if unknown:
        raise ValueError(f"gazetteer: {where} has unknown fields {sorted(unknown)}")
    return District(
        name=name.strip(),
        province=_province(entry.get("province"), where),
        lat=_coordinate(entry, "lat", LAT_RANGE, where),
        lon=_coordinate(entry, "lon", LON_RANGE, where),
        aliases=_as_str_list(entry.get("aliases"), f"{where} aliases"),
        places=_as_str_list(entry.get("places"), f"{where} places"),
        former_fata=fata,
    )


def _parse_umbrellas(raw: Any, districts: Mapping[str, District]) -> list[Umbrella]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ValueError("gazetteer: umbrella_names must be a list")
    umbrellas = []
    for index, entry in enumerate(raw):
        name = entry.get("name") if isinstance(entry, Mapping) else None
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"gazetteer: umbrella_names[{index}] has no name")
        where = f"umbrella name {name!r}"
        members = _as_str_list(entry.get("members"), f"{where} members")
        missing = [m for m in members if m not in districts]
        if not members or missing:
            raise ValueError(f"gazetteer: {where} lists unknown or no member districts {missing}")
        provinces = {districts[m].province for m in members}
        if len(provinces) != 1:
            raise ValueError(f"gazetteer: {where} spans several provinces")
        default = entry.get("default")
        if default is not None and default not in members:
            raise ValueError(f"gazetteer: {where} default {default!r} is not one of its members")
        umbrellas.append(
            Umbrella(name, _as_str_list(entry.get("aliases"), f"{where} aliases"), provinces.pop(), members, default)
        )
    return umbrellas


def _parse_mapping_of_lists(raw: Any, section: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    if not isinstance(raw, Mapping):
        raise ValueError(f"gazetteer: {section} must be a mapping")
    for key, names in raw.items():
        yield str(key), _as_str_list(names, f"{section}[{key!r}]")


def parse_gazetteer(data: Any) -> Gazetteer:
    """Build a Gazetteer from the parsed YAML document; ValueError names the entry at fault."""
    if not isinstance(data, Mapping) or not isinstance(data.get("districts"), list):
        raise ValueError("gazetteer: the document needs a top-level 'districts' list")
    districts = [_parse_district(entry, i) for i, entry in enumerate(data["districts"])]
    by_name: dict[str, District] = {}
    for d in districts:
        if d.name in by_name:
            raise ValueError(f"gazetteer: district {d.name!r} is listed twice")
        by_name[d.name] = d
    province_aliases = {
        alias: _province(province, f"province_aliases[{province!r}]")
        for province, aliases in _parse_mapping_of_lists(data.get("province_aliases", {}), "province_aliases")
        for alias in aliases
    }
    foreign = {
        place: country
        for country, places in _parse_mapping_of_lists(data.get("foreign_places", {}), "foreign_places")
        for place in places
    }
    demonyms = data.get("foreign_demonyms", {}) or {}
    if not isinstance(demonyms, Mapping):
        raise ValueError("gazetteer: foreign_demonyms must be a mapping")
    return Gazetteer(
        districts=districts,
        umbrellas=_parse_umbrellas(data.get("umbrella_names"), by_name),
        province_aliases=province_aliases,
        foreign_places=foreign,
        non_places=_as_str_list(data.get("non_places"), "non_places"),
        needs_context=_as_str_list(data.get("needs_context"), "needs_context"),
        foreign_demonyms={str(k): str(v) for k, v in demonyms.items()},
    )


def read_gazetteer(path: Path) -> Gazetteer:
    """Read and check a gazetteer YAML file (uncached; for tests and alternative gazetteers)."""
    with open(path, encoding="utf-8") as fh:
        return parse_gazetteer(yamlfile.safe_load(fh))


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, read once per process."""
    source = resources.files("domain").joinpath("data/gazetteer.yaml")
    return parse_gazetteer(yamlfile.safe_load(source.read_text(encoding="utf-8")))
