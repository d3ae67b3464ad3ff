"""Find where a reported event happened: province and district in Pakistan, or the foreign country."""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from domain.gazetteer import Gazetteer, NameIndex, NameKind, NameMatch, PlaceName, Token, load_gazetteer, tokenize
from domain.groups import load_group_table
from domain.taxonomy import Province
from domain.text import background_start, sentence_spans


@dataclass(frozen=True, slots=True)
class PlaceGuess:
    """Where the event happened. For a foreign event province and district are None and the
    confidences say how sure we are that it happened abroad."""

    province: Province | None
    district: str | None
    province_confidence: float
    district_confidence: float
    foreign_country: str | None


NOWHERE = PlaceGuess(None, None, 0.0, 0.0, None)

# How much one mention counts before its context is read: a district or town pins the place down,
# a province name only narrows it, "Pakistan" says little.
_BASE_WEIGHT = {
    NameKind.DISTRICT: 1.0,
    NameKind.UMBRELLA: 0.9,
    NameKind.PROVINCE: 0.6,
    NameKind.FOREIGN: 1.0,
    NameKind.HOME: 0.5,
}
_TITLE_WEIGHT = 2.0
# The event is usually placed in the headline and the first sentence; later sentences add background.
_LEDE_WEIGHT, _SENTENCE_DECAY, _FLOOR_WEIGHT = 1.6, 0.2, 0.5

_LOCATIVE_BEFORE = {
    "in": 2.0,
    "near": 1.8,
    "outside": 1.8,
    "inside": 1.8,
    "outskirts": 1.8,
    "within": 1.6,
    "at": 1.6,
    "around": 1.5,
    "across": 1.3,
    "of": 1.3,
}
# "the Mamund area of Bajaur": an "of" after one of these words is as locative as "in".
_CONTAINER_NOUNS = {
    "area", "areas", "district", "tehsil", "town", "village", "suburbs", "outskirts", "vicinity", "part",
    "parts", "locality", "limits", "jurisdiction", "city", "valley", "region", "province", "subdivision",
}  # fmt: skip
_LOCATIVE_AFTER = {
    "district", "districts", "tehsil", "agency", "area", "areas", "city", "town", "valley", "village",
    "region", "subdivision", "sub", "police", "cantonment", "cantt", "bazaar", "market", "highway",
    "checkpost", "province",
}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "some"}

# Phrases before a name that say it is not the scene: where attackers came from, where victims were taken.
_NOT_SCENE_STRONG = [
    tuple(p.split())
    for p in (
        "came from", "come from", "coming from", "hailing from", "hailed from", "hails from", "belonged to",
        "belonging to", "belongs to", "resident of", "residents of", "native of", "natives of", "shifted to",
        "taken to", "rushed to", "moved to", "referred to", "brought to", "transported to", "airlifted to",
        "flown to", "sent to", "dispatched to", "buried in", "rest in", "based in", "sanctuaries in",
        "sanctuary in", "havens in", "haven in", "operating from",
        "operate from", "operated from", "operates from", "infiltrated from", "infiltrating from",
        "infiltrate from", "crossed from", "crossed over from", "fled to", "escaped to", "returned from",
        "headquartered in", "shelter in", "sheltering in", "trained in", "hospital in", "hospitals in",
        "funeral in", "funerals in", "hometown of", "native town", "deported to", "border in", "side of",
        "repatriated to", "sheltered in", "hiding in", "fled from",
        # A reference point, not the scene: "a mosque about 60km to the south of Islamabad", "30 km from Quetta".
        "north of", "south of", "east of", "west of", "northwest of", "northeast of", "southwest of", "southeast of",
        "km from", "kms from", "kilometres from", "kilometers from", "miles from",
    )
]  # fmt: skip
_NOT_SCENE_MILD = [
    tuple(p.split())
    for p in (
        "way to", "en route to", "route to", "heading to", "headed to", "travelling to", "traveling to",
        "travelling from", "traveling from", "bound for", "going to", "leaving for", "left for", "travel to",
        "travel from", "train to", "train from", "bus to", "bus from", "flight to",
    )
]  # fmt: skip
# Offices a place name heads ("Punjab governor", "Sindh chief minister", "KP government"): the office-holder's
# jurisdiction, not the scene.
_OFFICES = {"governor", "government", "govt", "assembly", "cabinet", "ministry", "minister", "speaker"}
_OFFICE_PAIRS = {("chief", "minister"), ("home", "minister"), ("law", "minister"), ("chief", "secretary"),
                 ("information", "minister"), ("inspector", "general"), ("health", "minister")}  # fmt: skip
# Words after a name (one or two words on) that make it a road's name, which runs far from the place.
_ROADS = {"highway", "road", "motorway", "expressway", "bypass"}
_STRONG_NEGATIVE, _MILD_NEGATIVE, _FROM_NEGATIVE, _TO_NEGATIVE = 0.15, 0.5, 0.4, 0.6
# A name that is the subject of a statement ("Islamabad condemned", "Kabul denied") is a government, not a scene.
_SPEECH_AFTER = {
    "said", "says", "has", "have", "had", "condemned", "condemns", "blamed", "blames", "accused", "asked",
    "urged", "rejected", "denied", "warned", "demanded", "called", "insisted", "insists", "must", "should",
}  # fmt: skip
_SPEECH_FACTOR = 0.5
_CONTEXT_CUE_MIN = 1.3
_CONTAINER_WORDS = _CONTAINER_NOUNS | {"the", "of", "in", "sub", "division", "neighbourhood", "bazaar", "market"}

# Phrases that refer back to the dateline city, making it a stronger fallback than a bare dateline.
_CITY_ANAPHORA = re.compile(
    r"\b(?:provincial capital|federal capital|the city|the metropolis|the port city|the capital|the town)\b", re.I
)
_DATELINE_RE = re.compile(
    r"""^\s*(?P<place>[A-Za-z][A-Za-z .'\-]{1,40}?)\s*
        (?:,\s*(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,9}(?:\s+\d{4})?|[A-Z][A-Za-z]+))?\s*
        (?:\((?P<agency>[^()\n]{1,40})\))?\s*
        (?::|–|—|-{1,2})\s+""",
    re.X,
)
# A foreign wire's dateline: "LAHORE, Pakistan (AFP) —", "Quetta, Pakistan (Reuters) -".
_WIRE_BUREAU = re.compile(r"^\s*[A-Za-z][A-Za-z .'\-]{1,40}?,\s*Pakistan\b", re.I)
# A foreign agency named in a dateline ("PESHAWAR (AP) -"): its city is where the agency's bureau sits, whatever
# district the story is in. A local outlet's dateline ("QUETTA:", "BANNU, March 3 (APP):") is mostly the scene.
_FOREIGN_AGENCY = re.compile(
    r"\b(?:AP|AFP|Reuters|Xinhua|Anadolu|AA|dpa|EFE|IANS|PTI|ANI|UPI|Bloomberg|Kyodo|Sputnik|IRNA|WAM|KUNA)\b"
)
_STRENGTH_SCALE = 1.5
_FOREIGN_MIN, _FOREIGN_RATIO = 1.0, 1.5
_DATELINE_BONUS = 0.3
# A second district of the same province this close to the first means the report is about both (no single
# district); 0.8 on the real dev pages: district 0.889 -> 0.905 on their incidents, generated dev unchanged.
MULTI_DISTRICT_RATIO = 0.8


@dataclass(slots=True)
class _Mention:
    key: tuple[str, ...]
    kind: NameKind
    target: str
    first: int
    last: int
    weight: float


@dataclass(frozen=True, slots=True)
class _Stream:
    """The title or the body: its text, tokens and the sentence each token is in."""

    text: str
    tokens: list[Token]
    is_title: bool
    sentence_starts: tuple[int, ...]

    def position_weight(self, token_index: int) -> float:
        if self.is_title:
            return _TITLE_WEIGHT
        sentence = bisect.bisect_right(self.sentence_starts, self.tokens[token_index].start) - 1
        return max(_FLOOR_WEIGHT, _LEDE_WEIGHT - _SENTENCE_DECAY * sentence)


@dataclass(frozen=True, slots=True)
class _Scanner:
    gazetteer: Gazetteer
    index: NameIndex[PlaceName]


@functools.cache
def _scanner() -> _Scanner:
    gazetteer = load_gazetteer()
    names = list(gazetteer.names)
    taken = {tuple(t.key for t in tokenize(n.surface)) for n in names}
    # Group names ("Balochistan Liberation Army", "Tehreek-e-Taliban Pakistan") contain places that are not scenes.
    table = load_group_table()
    group_names = [a for e in table.entries for a in e.aliases] + list(table.not_groups + table.other_groups)
    for alias in group_names:
        key = tuple(t.key for t in tokenize(alias))
        if key not in taken:
            taken.add(key)
            names.append(PlaceName(alias, NameKind.NON_PLACE, ""))
    return _Scanner(gazetteer, NameIndex((n.surface, n) for n in names))


# ------------------------------------------------------------------ reading the text


@dataclass(frozen=True, slots=True)
class Dateline:
    """A report's leading dateline: its place, the body after it, and whose it is."""

    place: str
    body: str
    agency: bool  # under a foreign agency's name ("PESHAWAR (AP) -"): the city is its bureau's
    bureau: bool  # a foreign wire's "<city>, Pakistan" ("LAHORE, Pakistan (AFP) —")


def read_dateline(text: str) -> Dateline | None:
    """The leading dateline ("QUETTA, March 3 (APP):", "Peshawar:", "PESHAWAR (AP) -") of a text, or None."""
    match = _DATELINE_RE.match(text)
    if not match:
        return None
    place = match.group("place").strip(" .-")
    letters = [c for c in place if c.isalpha()]
    known = bool(_scanner().index.find(tokenize(place)))
    agency = match.group("agency")
    if not letters or not (known or agency or all(c.isupper() for c in letters)) or len(place.split()) > 4:
        return None
    foreign = bool(agency and _FOREIGN_AGENCY.search(agency))
    return Dateline(place, text[match.end() :], foreign, bool(_WIRE_BUREAU.match(text)))


def split_dateline(text: str) -> tuple[str | None, str]:
    """Separate a leading dateline ("QUETTA, March 3 (APP):", "Peshawar:") from the body it introduces."""
    found = read_dateline(text)
    return (None, text) if found is None else (found.place, found.body)


# A page may open with lines before its dateline: Dawn's bullet highlights, a kicker, "ADVERTISEMENT", the
# headline and date repeated. A capitalised dateline ("QUETTA:", "QUETTA, Pakistan (AP) —") at the start of
# one of the first lines marks where the report begins; what comes before it is read as background.
_PREAMBLE_LINES = 8


def split_preamble(text: str) -> tuple[str, str]:
    """(lines before a capitalised dateline that opens one of the first lines, the text from that line on);
    ("", text) when the text opens with its dateline or has none."""
    if split_dateline(text.lstrip())[0] is not None:
        return "", text
    lines = text.split("\n")
    offset = len(lines[0]) + 1
    seen = 0
    for line in lines[1:]:
        if line.strip():
            seen += 1
            if seen > _PREAMBLE_LINES:
                break
            place, _ = split_dateline(line.lstrip())
            letters = [c for c in place or "" if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and _scanner().index.find(tokenize(place or "")):
                return text[:offset], text[offset:]
        offset += len(line) + 1
    return "", text


def _stream(text: str, is_title: bool) -> _Stream:
    starts = (0,) if is_title else (0, *(a for a, _ in sentence_spans(text)))
    return _Stream(text, tokenize(text), is_title, tuple(sorted(set(starts))))


def _keys(tokens: Sequence[Token]) -> tuple[str, ...]:
    return tuple(t.key for t in tokens)


def _before(stream: _Stream, first: int, size: int = 5) -> tuple[str, ...]:
    """The words just before a name, with trailing determiners dropped ("taken to the" → "taken to")."""
    words = list(_keys(stream.tokens[max(0, first - size) : first]))
    while words and words[-1] in _DETERMINERS:
        words.pop()
    return tuple(words)


def _is_possessive(stream: _Stream, last: int) -> bool:
    if last >= len(stream.tokens) or stream.tokens[last].key != "s":
        return False
    gap = stream.text[stream.tokens[last - 1].end : stream.tokens[last].start]
    return gap in ("'", "’")


def _by_last_word(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[-1], []).append(phrase)
    return index


_NOT_SCENE_STRONG_END, _NOT_SCENE_MILD_END = _by_last_word(_NOT_SCENE_STRONG), _by_last_word(_NOT_SCENE_MILD)


def _ends_with(words: tuple[str, ...], phrases: dict[str, list[tuple[str, ...]]]) -> bool:
    """Do `words` end with one of the phrases (indexed by their last word)?"""
    return bool(words) and any(words[-len(p) :] == p for p in phrases.get(words[-1], ()) if len(words) >= len(p))


# Words of an apposition between a route word and a name: "to the garrison city of Rawalpindi".
_APPOSITION = {"of", "city", "town", "garrison", "port", "capital", "provincial", "federal", "the", "a", "an", "twin"}


def _negative_factor(stream: _Stream, m: NameMatch[PlaceName], kind: NameKind) -> float | None:
    before = _before(stream, m.first, 8)
    stripped = before
    while stripped and stripped[-1] in _APPOSITION:
        stripped = stripped[:-1]
    if stripped != before and (
        _ends_with(stripped, _NOT_SCENE_STRONG_END) or _ends_with(stripped, _NOT_SCENE_MILD_END)
    ):
        before = stripped  # "travel to the garrison city of Rawalpindi" is read as "travel to Rawalpindi"
    following = _keys(stream.tokens[m.last : m.last + 3])  # the three words after the name
    after = following[:2]
    if _ends_with(before, _NOT_SCENE_STRONG_END) or (after[:1] == ("based",)):
        return _STRONG_NEGATIVE
    if after[:2] in (("s", "soil"), ("s", "territory")) or (kind is NameKind.FOREIGN and after[:1] == ("border",)):
        return _STRONG_NEGATIVE
    if (after[:1] and after[0] in _OFFICES) or after[:2] in _OFFICE_PAIRS:
        return _STRONG_NEGATIVE  # "the murdered Punjab governor": whose office, not where the event was
    if _ROADS.intersection(following):
        return _MILD_NEGATIVE  # "the Noshki-Dalbandin National Highway", "Quetta's Mastung Road": a road's name
    if _ends_with(before, _NOT_SCENE_MILD_END) or after[:1] == ("bound",):
        return _MILD_NEGATIVE
    if before[-1:] == ("from",):
        return _FROM_NEGATIVE
    if before[-1:] == ("to",):
        return _TO_NEGATIVE
    return None


def _positive_factor(stream: _Stream, m: NameMatch[PlaceName]) -> float:
    before = _before(stream, m.first, 3)
    factor = 1.0
    if before:
        factor = _LOCATIVE_BEFORE.get(before[-1], 1.0)
        if before[-1] == "of" and len(before) > 1 and before[-2] in _CONTAINER_NOUNS:
            factor = _LOCATIVE_BEFORE["in"]
    after = _keys(stream.tokens[m.last : m.last + 1])
    if (after and after[0] in _LOCATIVE_AFTER) or _is_possessive(stream, m.last):
        factor = max(factor, 1.8)
    return factor


def _shouting(stream: _Stream) -> bool:
    letters = [c for c in stream.text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _context_ok(stream: _Stream, m: NameMatch[PlaceName], positive: float) -> bool:
    """Names that are also ordinary words (Tank, Hub) count only capitalised and framed as a place."""
    written = " ".join(t.text for t in stream.tokens[m.first : m.last])
    if not written[:1].isupper():
        return False
    if len(written) > 1 and written.isupper() and not _shouting(stream):
        return False  # "SWAT team", not Swat
    return positive >= _CONTEXT_CUE_MIN


def _demonym_country(stream: _Stream, m: NameMatch[PlaceName], demonyms: dict[str, str]) -> str | None:
    """ "the Indian city of Hyderabad", "Afghan province of Khost": the demonym decides the country."""
    before = _keys(stream.tokens[max(0, m.first - 4) : m.first])
    for i, word in enumerate(before):
        # Right before the name, or "<demonym> <place word> of <name>" — not "Chinese victims of Dasu".
        if word in demonyms and (
            i == len(before) - 1
            or (before[-1] == "of" and before[i + 1 : -1] and all(w in _PLACE_WORDS for w in before[i + 1 : -1]))
        ):
            return demonyms[word]
    return None


_PLACE_WORDS = frozenset(
    {"city", "town", "province", "provinces", "region", "village", "district", "capital", "state", "port",
     "border", "county", "valley", "area", "areas", "southern", "northern", "eastern", "western", "central"}
)  # fmt: skip


def _shared_border(stream: _Stream, m: NameMatch[PlaceName]) -> bool:
    """ "Pak-Afghan border", "Pakistan-Iran border": a border named from Pakistan's side."""
    before = _keys(stream.tokens[max(0, m.first - 1) : m.first])
    after = _keys(stream.tokens[m.last : m.last + 1])
    return before[-1:] in (("pak",), ("pakistan",), ("pakistani",)) and after[:1] in (("border",), ("frontier",))


def _mentions(stream: _Stream, scanner: _Scanner) -> list[_Mention]:
    found = []
    demonyms = scanner.gazetteer.foreign_demonyms
    for m in scanner.index.find(stream.tokens):
        name = m.value
        if name.kind is NameKind.NON_PLACE:
            continue
        kind, target = name.kind, name.target
        country = _demonym_country(stream, m, demonyms) if kind is not NameKind.FOREIGN else None
        if country:
            kind, target = NameKind.FOREIGN, country
        positive = _positive_factor(stream, m)
        if name.needs_context and not _context_ok(stream, m, positive):
            continue
        if kind is NameKind.FOREIGN and _shared_border(stream, m):
            continue  # "near the Pak-Iran border": the Pakistani side of it, not the neighbour
        negative = _negative_factor(stream, m, kind)
        if negative is not None:
            factor = negative
        elif positive > 1.0:
            factor = positive
        else:
            after = _keys(stream.tokens[m.last : m.last + 1])
            factor = _SPEECH_FACTOR if after and after[0] in _SPEECH_AFTER else 1.0
        weight = _BASE_WEIGHT[kind] * stream.position_weight(m.first) * factor
        found.append(_Mention(_keys(stream.tokens[m.first : m.last]), kind, target, m.first, m.last, weight))
    _apply_containment(stream, found, scanner.gazetteer)
    return found


# ------------------------------------------------------------------ "X area of Y", "Y's X", "X, Y"


def _coverage(m: _Mention, gazetteer: Gazetteer) -> set[str] | None:
    if m.kind is NameKind.DISTRICT:
        return {m.target}
    if m.kind is NameKind.UMBRELLA:
        umbrella = gazetteer.umbrella(m.target)
        return set(umbrella.members) if umbrella else set()
    if m.kind is NameKind.PROVINCE:
        return {d.name for d in gazetteer.districts_in(Province(m.target))}
    return None


def _container_pair(stream: _Stream, a: _Mention, b: _Mention) -> tuple[_Mention, _Mention] | None:
    """(inner, outer) when two adjacent mentions nest: "Mir Ali area of North Waziristan", "Bajaur's Khar"."""
    gap = _keys(stream.tokens[a.last : b.first])
    if gap == ("s",) and _is_possessive(stream, a.last):
        return b, a
    if len(gap) <= 3 and all(w in _CONTAINER_WORDS for w in gap) and (not gap or gap[-1] in ("of", "in")):
        return a, b
    return None


# Words that may join a list of localities before their container: "Ghazni and Shehbaz Khel areas of Lakki Marwat".
_LIST_WORDS = {"and", "or", "area", "areas", "of", "in", "police", "station", "stations", "village", "villages",
               "tehsil", "the"}  # fmt: skip


def _pakistani_locality(stream: _Stream, mentions: list[_Mention], index: int) -> bool:
    """True when a foreign name is one of a list of localities placed in a Pakistani district:
    a Lakki Marwat police station called Ghazni is not the Afghan province."""
    current = mentions[index]
    end = current.last
    for later in mentions[index + 1 :]:
        gap = _keys(stream.tokens[end : later.first])
        if len(gap) > 4 or any(w not in _LIST_WORDS for w in gap):
            return False
        if later.kind in (NameKind.DISTRICT, NameKind.UMBRELLA) and gap and gap[-1] in ("in", "of"):
            return True
        end = later.last
    return False


def _apply_containment(stream: _Stream, mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """A named container settles homonyms: "Saddar area of Peshawar" is not Karachi's Saddar."""
    for i, m in enumerate(mentions):
        if m.kind is NameKind.FOREIGN and _pakistani_locality(stream, mentions, i):
            m.weight = 0.0
    for a, b in itertools.pairwise(mentions):
        pair = _container_pair(stream, a, b)
        if pair is None:
            continue
        inner, outer = pair
        if outer.kind is NameKind.FOREIGN and inner.kind in (NameKind.DISTRICT, NameKind.UMBRELLA):
            inner.kind, inner.target = NameKind.FOREIGN, outer.target
            continue
        inner_cover, outer_cover = _coverage(inner, gazetteer), _coverage(outer, gazetteer)
        if inner_cover is None or outer_cover is None:
            continue
        if inner_cover <= outer_cover:
            inner.weight *= 1.3
        else:
            inner.weight *= 0.25


def _follow_foreign_homonyms(mentions: Sequence[_Mention]) -> None:
    """Once the story says "the Indian city of Hyderabad", its other bare "Hyderabad"s are Indian too."""
    abroad = {m.key: m.target for m in mentions if m.kind is NameKind.FOREIGN}
    for m in mentions:
        if m.kind in (NameKind.DISTRICT, NameKind.UMBRELLA) and m.key in abroad:
            m.kind, m.target = NameKind.FOREIGN, abroad[m.key]


# ------------------------------------------------------------------ weighing the evidence


def _strength(score: float) -> float:
    return 1.0 - math.exp(-score / _STRENGTH_SCALE)


@dataclass(slots=True)
class _Tally:
    districts: dict[str, float]
    provinces: dict[Province, float]
    foreign: dict[str, float]
    home: float


def _tally(mentions: Sequence[_Mention], gazetteer: Gazetteer, dateline_district: str | None) -> _Tally:
    districts: dict[str, float] = defaultdict(float)
    umbrellas: dict[str, float] = defaultdict(float)
    provinces: dict[Province, float] = defaultdict(float)
    foreign: dict[str, float] = defaultdict(float)
    home = 0.0
    for m in mentions:
        if m.kind is NameKind.DISTRICT:
            districts[m.target] += m.weight
        elif m.kind is NameKind.UMBRELLA:
            umbrellas[m.target] += m.weight
        elif m.kind is NameKind.PROVINCE:
            provinces[Province(m.target)] += m.weight
        elif m.kind is NameKind.FOREIGN:
            foreign[m.target] += m.weight
        elif m.kind is NameKind.HOME:
            home += m.weight
    if dateline_district and districts.get(dateline_district, 0.0) > 0:
        districts[dateline_district] += _DATELINE_BONUS
    for name, score in umbrellas.items():
        _allocate_umbrella(gazetteer, name, score, districts, provinces)
    for district, score in districts.items():
        provinces[gazetteer.district(district).province] += score
    return _Tally(dict(districts), dict(provinces), dict(foreign), home)


def _allocate_umbrella(
    gazetteer: Gazetteer,
    name: str,
    score: float,
    districts: dict[str, float],
    provinces: dict[Province, float],
) -> None:
    """An umbrella mention backs its most-mentioned member, else its default, else only its province."""
    umbrella = gazetteer.umbrella(name)
    if umbrella is None:
        return
    named = [m for m in umbrella.members if districts.get(m, 0.0) > 0]
    if named:
        districts[max(named, key=lambda m: districts[m])] += score
    elif umbrella.default:
        districts[umbrella.default] += score
    else:
        provinces[umbrella.province] += score


def _share(best: float, total: float) -> float:
    return best / total if total > 0 else 0.0


def _confidence(best: float, total: float) -> float:
    return round(min(0.99, max(0.05, _share(best, total) * _strength(best))), 3)


def _decide(tally: _Tally, gazetteer: Gazetteer) -> PlaceGuess | None:
    pakistani = sum(tally.provinces.values()) + tally.home
    foreign_total = sum(tally.foreign.values())
    if tally.foreign:
        country, score = max(tally.foreign.items(), key=lambda kv: kv[1])
        if score >= _FOREIGN_MIN and score > _FOREIGN_RATIO * pakistani:
            conf = _confidence(score, foreign_total + pakistani)
            return PlaceGuess(None, None, conf, conf, country)
    if not tally.provinces:
        return None
    province, p_score = max(tally.provinces.items(), key=lambda kv: kv[1])
    province_conf = _confidence(p_score, sum(tally.provinces.values()) + foreign_total)
    in_province = {d: s for d, s in tally.districts.items() if gazetteer.district(d).province is province}
    if not in_province:
        return PlaceGuess(province, None, province_conf, 0.0, None)
    district, d_score = max(in_province.items(), key=lambda kv: kv[1])
    runner_up = max((s for d, s in in_province.items() if d != district), default=0.0)
    if runner_up >= MULTI_DISTRICT_RATIO * d_score:
        # Two districts named about as strongly ("operations in Bannu and Lakki Marwat"): the report covers
        # both, and the label guide leaves the district null.
        return PlaceGuess(province, None, province_conf, 0.0, None)
    district_conf = min(province_conf, _confidence(d_score, sum(tally.districts.values()) + foreign_total))
    return PlaceGuess(province, district, province_conf, district_conf, None)


def _from_dateline(dateline: Dateline | None, guess: PlaceGuess | None, gazetteer: Gazetteer) -> PlaceGuess:
    """The dateline's city is the scene only when nothing else is: a fallback, firmer if the text says "the city",
    weakest under a foreign agency's name (its bureau's city)."""
    if dateline is None:
        return guess or NOWHERE
    place, bureau = dateline.place, dateline.bureau
    refers_back = bool(_CITY_ANAPHORA.search(dateline.body))
    district = gazetteer.by_name(place)
    province = gazetteer.province_for(place)
    # Incident matching takes a district below `MatchPolicy.min_district_evidence` (0.35) for a guess: a foreign
    # agency's bureau city is one; a local outlet's dateline mostly names the scene.
    fallback = 0.3 if dateline.agency else 0.5
    if guess is not None:
        # Only a province was found: the dateline may name its district, if it lies in that province; not a
        # foreign wire's bureau ("LAHORE, Pakistan (AFP) — ... in Punjab"), which says where its reporter sits.
        if guess.district is None and district is not None and district.province is guess.province and not bureau:
            return PlaceGuess(guess.province, district.name, guess.province_confidence, fallback, None)
        return guess
    if district is not None:
        d_conf = 0.55 if refers_back else fallback
        return PlaceGuess(district.province, district.name, d_conf + 0.1, d_conf, None)
    if province is not None:
        return PlaceGuess(province, None, 0.55 if refers_back else 0.35, 0.0, None)
    country = gazetteer.foreign_country(place)
    if country is not None:
        return PlaceGuess(None, None, 0.45, 0.45, country)
    return NOWHERE


# Between two districts a headline names together: "Naushki, Panjgur attacks", "in Bannu and Lakki Marwat".
_PAIRING = re.compile(r"\s*(?:,|and|&)\s*", re.I)
_DISTRICTS_AFTER = re.compile(r"\s+districts\b", re.I)


def _paired_districts(
    stream: _Stream, mentions: Sequence[_Mention], gazetteer: Gazetteer, *, then: re.Pattern[str] | None = None
) -> bool:
    """Whether the text names two districts of one province side by side (joined by a comma or "and"), followed
    by `then` where given."""
    districts = [m for m in mentions if m.kind is NameKind.DISTRICT]
    for a, b in itertools.pairwise(districts):
        between = stream.text[stream.tokens[a.last - 1].end : stream.tokens[b.first].start]
        same_province = gazetteer.province_for(a.target) is gazetteer.province_for(b.target)
        followed = then is None or bool(then.match(stream.text, stream.tokens[b.last - 1].end))
        if a.target != b.target and same_province and _PAIRING.fullmatch(between) and followed:
            return True
    return False


def _lede_pairs_districts(stream: _Stream, mentions: Sequence[_Mention], gazetteer: Gazetteer) -> bool:
    """Whether the lede says the event struck two districts: "in Balochistan's Qila Saifullah and Pishin districts"
    (the plural is the lede's own word; one district named beside another as a route end is not)."""
    spans = sentence_spans(stream.text)
    if not spans:
        return False
    lede = [m for m in mentions if stream.tokens[m.first].start < spans[0][1]]
    return _paired_districts(stream, lede, gazetteer, then=_DISTRICTS_AFTER)


def locate(title: str, text: str) -> PlaceGuess:
    """Where the event in this report happened: Pakistani province and district, or the foreign country."""
    scanner = _scanner()
    gazetteer = scanner.gazetteer
    preamble, report = split_preamble(text or "")
    dateline = read_dateline(report.lstrip())
    body = dateline.body if dateline else report.lstrip()
    dateline_district = gazetteer.by_name(dateline.place) if dateline else None
    body_stream = _stream(body, False)
    body_mentions = _mentions(body_stream, scanner)
    # Paragraphs about earlier attacks at the end ("Earlier this month, a blast in North Waziristan ...") weigh as
    # little as a preamble: several of their mentions must not outvote the lede's one.
    tail = background_start(body)
    if tail is not None:
        for m in body_mentions:
            if body_stream.tokens[m.first].start >= tail:
                m.weight *= _FLOOR_WEIGHT / _LEDE_WEIGHT
    title_stream = _stream(title or "", True)
    title_mentions = _mentions(title_stream, scanner)
    mentions = title_mentions + body_mentions
    if preamble:
        background = _mentions(_stream(preamble, False), scanner)
        for m in background:
            m.weight *= _FLOOR_WEIGHT / _LEDE_WEIGHT
        mentions += background
    _follow_foreign_homonyms(mentions)
    tally = _tally(mentions, gazetteer, dateline_district.name if dateline_district else None)
    guess = _decide(tally, gazetteer)
    if (
        guess is not None
        and guess.district is not None
        and (
            _paired_districts(title_stream, title_mentions, gazetteer)
            or _lede_pairs_districts(body_stream, body_mentions, gazetteer)
        )
    ):
        # "Naushki, Panjgur attacks beaten back": a report about two districts has none (label guide).
        return PlaceGuess(guess.province, None, guess.province_confidence, 0.0, None)
    if guess is not None and (guess.district is not None or guess.foreign_country is not None):
        return guess
    return _from_dateline(dateline, guess, gazetteer)
