"""Incident resolution, pure: which reports describe the same real-world event, and the incident they make.

Storage lives in `warehouse/incidents.py`; this module never touches a database, so the benchmark, the
fitting script and the warehouse run exactly the same decisions.

How a report finds its incident:
1. **Blocking**: only incidents within ±`window_days` of the report's day (Pakistan time) and not placed in
   another province are candidates — and, for a follow-up (arrests of the cell, funerals, a revised toll,
   the bomber identified: `domain/data/follow_ups.yaml`), incidents up to `follow_up_days` older that it
   names (shared specific names, or the same district and a shared name or target).
2. **Same-event probability** per (report, member report) pair: a logistic model over evidence — encoder
   embedding cosine, word overlap, shared specifics (names of towns, people, targets), place agreement,
   casualty consistency, days apart, and attack type, event type and attribution as soft evidence (a
   "blast" that later turns out to be a suicide bombing, or TTP blamed and JuA claiming, lowers the
   probability a little; it does not forbid the match). The weights are data
   (`domain/data/matching.json`), fitted by `bench/fit_matching.py` on tuning sets the benchmarks never
   score.
3. A report joins the incident with the highest probability if it reaches `join`; when it also reaches
   `bridge` with a second incident, the two are one event told twice and merge (the older survives).
4. A story the classifier read as `other` but gave some probability of an attack (`stray_floor`: an early
   "blast" report, a foreign rewrite) has no place, type or toll to weigh; it is linked to the attack
   incident whose reports its text matches (`MatchModel.unlabelled`, ≥ `stray`) and never opens one.

Everything is deterministic: reports are taken in publication order (then id), candidates in id order.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from domain import yamlfile
from domain.taxonomy import AttackType, EventType, Group

# Pakistan Standard Time (no DST since 2009): the calendar day an attack "occurred" is a local day.
PKT = timezone(timedelta(hours=5), "PKT")

RESOLVED_EVENT_TYPES = (EventType.ATTACK.value, EventType.SECURITY_OPERATION.value)

# Fields whose change makes a new revision. Confidence and P(attack) are merged too but a wobble is not news.
REVISED_FIELDS = (
    "occurred_on",
    "event_type",
    "attack_type",
    "group_code",
    "claimed",
    "province",
    "district",
    "killed",
    "injured",
    "militants_killed",
)

# Districts of the provincial capitals: foreign wires date their copy from there ("PESHAWAR, Pakistan (AP)")
# whatever district the attack was in, so a capital against another district is weak evidence of two events.
_CAPITALS = frozenset({"Peshawar", "Quetta", "Lahore", "Islamabad", "Gilgit", "Muzaffarabad"})
# Attack types one attack is given by different outlets or as the news firms up: an early "blast" is later a
# suicide bombing; a complex attack (gunmen and a suicide bomber) is an armed assault to one outlet and a
# suicide bombing to another; a policeman shot dead is a targeted killing or an armed assault; the storming
# of a train is a hijacking, an armed assault or a kidnapping of its passengers, and one opened by blowing up
# the track a bombing to some; gunmen who stop a bus and take or shoot its passengers commit an armed assault to
# one outlet and a kidnapping to another; a bomb that blows up a gas line or a pylon is an attack on the
# installation to one outlet and a blast to another.
_AKIN_TYPES = frozenset(
    frozenset({AttackType(a).value, AttackType(b).value})
    for a, b in (
        ("bombing", "suicide_bombing"),
        ("armed_assault", "suicide_bombing"),
        ("armed_assault", "targeted_killing"),
        ("armed_assault", "hijacking"),
        ("kidnapping", "hijacking"),
        ("armed_assault", "kidnapping"),
        ("bombing", "hijacking"),
        ("bombing", "infrastructure_attack"),
    )
)
# Groups that claim each other's attacks or are named for one another (factions, splinters, allies).
_GROUP_FAMILIES = (
    frozenset({Group.TTP.value, Group.JUA.value, Group.HGB.value, Group.TJP.value}),
    frozenset({Group.BLA.value, Group.BLF.value, Group.BRAS.value}),
)

# ------------------------------------------------------------------ words

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Function words and reporting verbs: shared by every news report, they say nothing about which attack.
_STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with as into after before during over under
    about against between near is are was were be been being has have had this that these those it its
    he she they them their his her we our you your i who whom which what when where while than then
    there here also not no more most other some such only own same so very can will would could should
    may might must said says say told according reported report reports added further including
    today yesterday monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
# Capitalised words every report of political violence in Pakistan may carry: no evidence of *which* event.
_COMMON_NAMES = frozenset(
    """pakistan pakistani police ispr army forces security officials official province provincial
    district government minister chief inspector general spokesman spokesperson hospital express tribune
    dawn news reuters afp ap associated press agency app geo ary the a an in on at he she it they this
    that police station january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday pm am khyber pakhtunkhwa kp
    balochistan sindh punjab islamabad gilgit baltistan fc frontier corps ctd levies taliban tehreek tehrik
    tehreek-e-taliban ttp bla baloch liberation army jamaat ul ahrar islamic state khawarij fitna hindustan
    terrorists terrorist militants militant interior prime president federal counter terrorism department
    senior superintendent ssp dpo dig igp mr ms read more also following meanwhile however according""".split()  # noqa: SIM905
)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,}(?:[- ][A-Z][a-z]{2,})*)")
# Coded names: Islamabad's sectors ("G-11", "F-8/4") and highways ("N-70", "M-2"), wherever they stand.
_CODED = re.compile(r"\b([A-Z]-\d{1,3}(?:/\d)?)(?![\w/-])")


def tokens(text: str) -> frozenset[str]:
    """Lower-case word tokens of two or more characters, without stop words."""
    return frozenset(t for t in _WORD.findall(text.lower()) if len(t) > 1 and t not in _STOPWORDS)


def specifics(text: str) -> frozenset[str]:
    """Names in the text that could single out one event: capitalised words not at a sentence start and not
    among the names every such report carries (the country, provinces, the army, big groups, outlets)."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        name = match.group(1).lower()
        parts = [p for p in re.split(r"[- ]", name) if p not in _COMMON_NAMES]
        found.update(parts)
    found.update(code.lower() for code in _CODED.findall(text))
    return frozenset(found)


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One whole-word, case-insensitive pattern for the phrases; a space also matches a hyphen."""
    words = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", w))) for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _data(name: str) -> Any:
    return yamlfile.safe_load(resources.files("domain").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@cache
def _target_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each target class of `domain/data/targets.yaml` as one pattern."""
    classes: dict[str, list[str]] = _data("targets.yaml")
    return tuple((name, _phrase_pattern(phrases)) for name, phrases in classes.items())


@cache
def _follow_up_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any follow-up, the kinds that are no news of a new attack: aftermath and mourning): follow_ups.yaml."""
    kinds: dict[str, list[str]] = _data("follow_ups.yaml")
    no_news = [*kinds["aftermath"], *kinds.get("mourning", [])]
    return _phrase_pattern([p for phrases in kinds.values() for p in phrases]), _phrase_pattern(no_news)


def is_follow_up(text: str) -> bool:
    """Whether the text reads as a follow-up of an earlier attack (arrests, funerals, a revised toll, ...)."""
    return bool(_follow_up_patterns()[0].search(text))


def is_aftermath(text: str) -> bool:
    """Whether the text reads as the case against an earlier attack's perpetrators (arrests, FIR, an
    inquiry, the bomber identified) or a visit or ceremony weeks on: no news of a new attack."""
    return bool(_follow_up_patterns()[1].search(text))


def targets(text: str) -> frozenset[str]:
    """The classes of target the text names (a security post, a market, a school bus, ...)."""
    return frozenset(name for name, pattern in _target_patterns() if pattern.search(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def token_jaccard(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' token sets (0 when either has no tokens)."""
    return jaccard(tokens(a), tokens(b))


# ------------------------------------------------------------------ reports


@dataclass(slots=True, eq=False)
class Report:
    """One labelled article, as resolution sees it."""

    article_id: int
    at: datetime
    text: str  # title + opening of the body
    event_type: str
    attack_type: str | None
    group_code: str
    claimed: bool
    province: str | None
    district: str | None
    killed: int | None
    injured: int | None
    militants_killed: int | None
    confidence: Mapping[str, float]
    overall: float
    p_attack: float = 0.0
    embedding: np.ndarray | None = None  # unit-length encoder embedding, when the model gave one
    # The extractors' own strength of evidence per field, before calibration (`ArticleLabels.evidence`): what
    # the policy's "only a guess" floors read. Missing (labels stored before it was kept): taken as firm.
    evidence: Mapping[str, float] = field(default_factory=dict)
    _tokens: frozenset[str] | None = field(default=None, repr=False)
    _specifics: frozenset[str] | None = field(default=None, repr=False)
    _targets: frozenset[str] | None = field(default=None, repr=False)
    _follow_up: bool | None = field(default=None, repr=False)
    _aftermath: bool | None = field(default=None, repr=False)

    @property
    def day(self) -> date:
        return self.at.astimezone(PKT).date()

    @property
    def words(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = tokens(self.text)
        return self._tokens

    @property
    def names(self) -> frozenset[str]:
        if self._specifics is None:
            self._specifics = specifics(self.text)
        return self._specifics

    @property
    def targets(self) -> frozenset[str]:
        if self._targets is None:
            self._targets = targets(self.text)
        return self._targets

    @property
    def follow_up(self) -> bool:
        if self._follow_up is None:
            self._follow_up = is_follow_up(self.text)
        return self._follow_up

    @property
    def aftermath(self) -> bool:
        if self._aftermath is None:
            self._aftermath = is_aftermath(self.text)
        return self._aftermath

    def firm_district(self, min_evidence: float) -> str | None:
        """The district, unless the place extractor's evidence says it is only a guess (a wire dateline's city)."""
        return self.district if self.evidence.get("district", 1.0) >= min_evidence else None


def embedding_from_bytes(blob: bytes | None) -> np.ndarray | None:
    """A stored embedding (float16 bytes) as a unit-length float32 vector."""
    if not blob:
        return None
    vector = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else None


def embedding_to_bytes(vector: Sequence[float] | np.ndarray | None) -> bytes | None:
    """An embedding as compact float16 bytes (768 bytes for MiniLM's 384 dimensions)."""
    if vector is None:
        return None
    return np.asarray(vector, dtype=np.float16).tobytes()


# ------------------------------------------------------------------ evidence

FEATURES = (
    "cosine",  # encoder embedding cosine of the two reports (0 when either has none: see `text_only`)
    "jaccard",  # word overlap of title + opening
    "names",  # shared specific names (towns, people, targets), saturating at 4
    "same_district",
    "district_conflict",  # both name a (firm) district and they differ, neither a provincial capital
    "capital_conflict",  # they differ and one is a provincial capital: often only a wire's dateline city
    "province_only",  # same province, one district unknown
    "place_unknown",  # a province is missing
    "type_same",
    "type_conflict",  # both give an attack type, neither the same nor akin (_AKIN_TYPES: blast vs suicide bombing)
    "event_conflict",  # an attack vs a security operation
    "group_same",  # both name the same group (or one family: a TTP faction, a Baloch group)
    "group_conflict",  # both name groups of different families
    # Both name targets, of no common class (a market against a police van; domain/data/targets.yaml). Targets
    # of one class are no evidence for one event: police posts are attacked somewhere in a province most days.
    "target_conflict",
    "killed_consistent",  # both give a toll and the figures fit one event (a revision or a partial count)
    "killed_conflict",  # both give a toll and they cannot be one event's
    "days_apart",
)


def _family(group: str) -> str:
    for family in _GROUP_FAMILIES:
        if group in family:
            return min(family)
    return group


def _killed_relation(a: int | None, b: int | None) -> tuple[float, float]:
    """(consistent, conflicting): one event's tolls revise upwards or count part of the dead (one funeral);
    "no one was hurt" against a death toll is two events."""
    if a is None or b is None:
        return 0.0, 0.0
    low, high = sorted((a, b))
    if low == 0:
        return (1.0, 0.0) if high <= 1 else (0.0, 1.0)
    if high - low <= 3 or high <= 2.5 * low:
        return 1.0, 0.0
    return 0.0, 0.0


def pair_features(a: Report, b: Report, policy: MatchPolicy) -> dict[str, float]:
    """The evidence that reports `a` and `b` describe one event (see FEATURES)."""
    firm = policy.min_district_evidence
    da, db = a.firm_district(firm), b.firm_district(firm)
    same_province = bool(a.province and b.province and a.province == b.province)
    cosine = float(a.embedding @ b.embedding) if a.embedding is not None and b.embedding is not None else 0.0
    type_same = bool(a.attack_type and a.attack_type == b.attack_type)
    akin = frozenset({a.attack_type, b.attack_type}) in _AKIN_TYPES
    type_conflict = bool(a.attack_type and b.attack_type and not type_same and not akin)
    named = a.group_code != Group.UNKNOWN.value and b.group_code != Group.UNKNOWN.value
    killed_ok, killed_bad = _killed_relation(a.killed, b.killed)
    return {
        "cosine": cosine,
        "jaccard": jaccard(a.words, b.words),
        "names": min(len(a.names & b.names), 4) / 4,
        "same_district": float(bool(da and db and da == db)),
        "district_conflict": float(bool(da and db and da != db and not {da, db} & _CAPITALS)),
        "capital_conflict": float(bool(da and db and da != db and {da, db} & _CAPITALS)),
        "province_only": float(same_province and not (da and db)),
        "place_unknown": float(not (a.province and b.province)),
        "type_same": float(type_same),
        "type_conflict": float(type_conflict),
        "event_conflict": float(a.event_type != b.event_type),
        "group_same": float(named and _family(a.group_code) == _family(b.group_code)),
        "group_conflict": float(named and _family(a.group_code) != _family(b.group_code)),
        "target_conflict": float(bool(a.targets and b.targets and not a.targets & b.targets)),
        "killed_consistent": killed_ok,
        "killed_conflict": killed_bad,
        "days_apart": float(_days_apart(a, b, policy)),
    }


def _days_apart(a: Report, b: Report, policy: MatchPolicy) -> int:
    """Days between the reports; a follow-up later than the window counts as at the window's edge (weeks
    between an attack and the arrest of its cell are no evidence against one event)."""
    days = abs((a.day - b.day).days)
    later = a if a.day > b.day else b
    return min(days, policy.window_days) if later.follow_up else days


def late_pair(a: Report, b: Report, policy: MatchPolicy) -> bool:
    """Whether the two reports are past the window of each other and the later one, a follow-up, reaches
    back to the earlier (within `follow_up_days`). Symmetric: reports arrive in any order, per source."""
    later, earlier = (a, b) if a.day >= b.day else (b, a)
    apart = (later.day - earlier.day).days
    return later.follow_up and policy.window_days < apart <= policy.follow_up_days


def comparable(a: Report, b: Report, policy: MatchPolicy) -> bool:
    """Whether the matcher weighs the two reports against each other at all: within the window, or a
    follow-up that names the event of an earlier report; not placed in different provinces."""
    if a.province and b.province and a.province != b.province:
        return False
    if abs((a.day - b.day).days) <= policy.window_days:
        return True
    if not late_pair(a, b, policy):
        return False
    later, earlier = (a, b) if a.day >= b.day else (b, a)
    return _names_the_event(later, earlier, policy)


def _names_the_event(follow_up: Report, earlier: Report, policy: MatchPolicy) -> bool:
    """A follow-up weeks later must point at the attack, not just at its district: `follow_up_names` shared
    specific names, or the same district and one shared name or target class. The district's own name is
    not one: every story from there carries it."""
    district_words = {w for r in (follow_up, earlier) if r.district for w in re.split(r"[- ]", r.district.lower())}
    shared = len((follow_up.names & earlier.names) - district_words)
    if shared >= policy.follow_up_names:
        return True
    firm = policy.min_district_evidence
    district = follow_up.firm_district(firm)
    same_district = bool(district and district == earlier.firm_district(firm))
    return same_district and (shared >= 1 or bool(follow_up.targets & earlier.targets))


@dataclass(frozen=True, slots=True)
class Weights:
    """A logistic model over FEATURES: P(same event) = σ(bias + Σ weight·feature)."""

    bias: float
    weights: Mapping[str, float]

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features[name] for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# The evidence for a report without labels (a story read as `other`): its text against a member's.
UNLABELLED_FEATURES = ("cosine", "jaccard", "names", "target_conflict", "days_apart")


@dataclass(frozen=True, slots=True)
class MatchModel:
    """The fitted weights: with embeddings, and without them (the keyword baseline gives none); and, for a
    report with no labels to compare (`Resolver.attach`), over the text evidence alone (needs embeddings)."""

    with_embeddings: Weights
    text_only: Weights
    unlabelled: Weights | None = None

    def probability(self, a: Report, b: Report, features: Mapping[str, float]) -> float:
        both = a.embedding is not None and b.embedding is not None
        return (self.with_embeddings if both else self.text_only).probability(features)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MatchModel:
        def weights(part: Mapping[str, Any]) -> Weights:
            unknown = set(part["weights"]) - set(FEATURES)
            if unknown:
                raise ValueError(f"matching weights for unknown features: {sorted(unknown)}")
            return Weights(float(part["bias"]), {k: float(v) for k, v in part["weights"].items()})

        unlabelled = data.get("unlabelled")
        if unlabelled is not None and set(unlabelled["weights"]) - set(UNLABELLED_FEATURES):
            raise ValueError(f"unlabelled matching weights may use only {', '.join(UNLABELLED_FEATURES)}")
        return cls(
            weights(data["with_embeddings"]),
            weights(data["text_only"]),
            weights(unlabelled) if unlabelled is not None else None,
        )


@cache
def default_model() -> MatchModel:
    """The shipped weights (`domain/data/matching.json`)."""
    text = resources.files("domain").joinpath("data/matching.json").read_text(encoding="utf-8")
    return MatchModel.from_json(json.loads(text))


@dataclass(frozen=True, slots=True)
class MatchPolicy:
    """Blocking and decision thresholds around the fitted model."""

    window_days: int = 2
    # A follow-up (`domain/data/follow_ups.yaml`) may join an incident this many days older, when it names
    # the event: `follow_up_names` specific names shared with one of its reports, or the same district and
    # one shared name or target class.
    follow_up_days: int = 30
    follow_up_names: int = 2
    join: float = 0.5  # P(same event) for a report to join an incident
    bridge: float = 0.8  # ... and to merge a second incident it matches into the first
    # A story read as `other` with at least this P(attack) is weighed for an attack incident of its days, and
    # linked to it at this P(same event) by its text alone (`MatchModel.unlabelled`; bench/fit_matching.py).
    # The floor is on the calibrated scale, so it is chosen again with each calibration refit, on the tuning
    # sets (dedup-dev, coverage-dev, retold-dev): with the map of minilm-heads-f9fdf78d39, 0.05 is best
    # (retold-dev 0.982 against 0.974 at 0.1 and 0.2; the others tie); BENCHMARKS.md.
    stray_floor: float = 0.05
    stray: float = 0.4
    text_chars: int = 600
    # Both floors are on the extractors' own evidence (`Report.evidence`), not on the calibrated confidence:
    # the calibration maps of district and casualty figures are nearly flat (a raw 0.3 district is 0.88 once
    # calibrated), so floors on them never fired.
    # A casualty figure whose evidence is weaker is used only if no credible report has one.
    min_casualty_evidence: float = 0.3
    # A district guessed this weakly (the place extractor's fallback to a foreign agency's dateline city, 0.3) is
    # not evidence of where the event was: such a report matches at the province tier, and an incident takes its
    # district from a firmer report when one has it. Only that fallback: at 0.5 the floor also took districts the
    # body names weakly for guesses (retold-test 0.978 -> 0.952, the tuning sets unchanged).
    min_district_evidence: float = 0.35


# ------------------------------------------------------------------ merged fields


def _is_partial(value: int, current: int) -> bool:
    """A figure far below the toll already reported counts part of the victims (the funeral of some of the
    dead, the wounded taken to one hospital); it is not a revision. Real tolls rarely halve."""
    return value * 2 <= current and current - value >= 3


def _latest(reports: Sequence[Report], attr: str, min_evidence: float) -> Any:
    """The figure of the latest credible report that has one (else of the latest report that has one),
    passing over figures that only count part of the victims."""
    with_value = [r for r in reports if getattr(r, attr) is not None]
    credible = [r for r in with_value if r.evidence.get(attr, 1.0) >= min_evidence]
    current: int | None = None
    for r in credible or with_value:
        value = getattr(r, attr)
        if current is None or not _is_partial(value, current):
            current = value
    return current


def _attack_type(ordered: Sequence[Report]) -> str | None:
    """The type most reports give, weighted by confidence; a bombing later revealed as a suicide bombing
    stays one; a tie goes to the latest report."""
    votes: dict[str, float] = {}
    for r in ordered:
        if r.attack_type:
            votes[r.attack_type] = votes.get(r.attack_type, 0.0) + max(r.confidence.get("attack_type", 0.5), 0.05)
    if not votes:
        return None
    if AttackType.SUICIDE_BOMBING.value in votes and AttackType.BOMBING.value in votes:
        votes[AttackType.SUICIDE_BOMBING.value] += votes.pop(AttackType.BOMBING.value)
    latest = {t: i for i, r in enumerate(ordered) if (t := r.attack_type) in votes}
    return max(votes, key=lambda t: (round(votes[t], 6), latest.get(t, -1)))


def merge_reports(reports: Iterable[Report], policy: MatchPolicy) -> dict[str, Any]:
    """The incident's fields from all its reports (a pure function, so re-resolving is idempotent)."""
    ordered = sorted(reports, key=lambda r: (r.at, r.article_id))
    attacks = [r for r in ordered if r.event_type == EventType.ATTACK.value]
    labelled = [r for r in ordered if r.event_type in RESOLVED_EVENT_TYPES] or ordered
    # An attack told by some reports as an operation (the "operation ends" follow-up) is an attack.
    event_type = EventType.ATTACK.value if attacks else ordered[0].event_type
    named = [r for r in ordered if r.group_code != Group.UNKNOWN.value]
    claimed_by = [r for r in named if r.claimed]
    group = (claimed_by or named)[-1].group_code if named else Group.UNKNOWN.value
    firm = policy.min_district_evidence
    # A provincial capital is often only a wire's dateline: another district a report gives is where it was.
    placed = (
        next((r for r in ordered if r.firm_district(firm) and r.district not in _CAPITALS), None)
        or next((r for r in ordered if r.firm_district(firm)), None)
        or next((r for r in ordered if r.district), None)
    )
    province = placed.province if placed and placed.province else None
    if province is None:
        province = next((r.province for r in ordered if r.province), None)
    return {
        "occurred_on": min(r.day for r in ordered),
        "event_type": event_type,
        "attack_type": _attack_type(attacks) if attacks else None,
        "group_code": group,
        "claimed": any(r.claimed for r in ordered),
        "province": province,
        "district": placed.district if placed else None,
        "killed": _latest(ordered, "killed", policy.min_casualty_evidence),
        "injured": _latest(ordered, "injured", policy.min_casualty_evidence),
        "militants_killed": _latest(ordered, "militants_killed", policy.min_casualty_evidence),
        # A story linked as a stray (`Resolver.attach`) is `other` to the classifier: its confidence is in that.
        "confidence": max(r.overall for r in labelled),
        "p_attack": max(r.p_attack for r in labelled),
        # Told only as arrests, a case or an inquiry: the attack itself is not reported here (no 'new' alert).
        "aftermath_only": all(r.aftermath for r in ordered),
    }


def material_change(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether a revision is news for alert subscribers: the toll moved materially, or a group claimed."""
    for name in ("killed", "injured"):
        before, after = old.get(name), new.get(name)
        if after is None or before == after:
            continue
        if before is None or abs(after - before) >= max(2, 0.1 * before):
            return True
    if new.get("claimed") and not old.get("claimed"):
        return True
    return bool(new.get("claimed") and old.get("group_code") != new.get("group_code"))


# ------------------------------------------------------------------ clusters and the resolver


@dataclass(slots=True)
class Step:
    """One change applied to an incident, in publication order: a report joined it (or opened it), or
    another incident was merged into it. `fields` are the merged fields after the step."""

    article_id: int
    fields: dict[str, Any]
    similarity: float | None = None
    merged: Cluster | None = None


@dataclass(slots=True, eq=False)  # identity equality: clusters are looked up by object
class Cluster:
    """An incident being resolved: its reports, merged fields and what the warehouse holds for it."""

    reports: list[Report]
    fields: dict[str, Any]
    incident_id: int | None = None
    revision: int = 0
    stored: dict[str, Any] | None = None
    steps: list[Step] = field(default_factory=list)
    merged_into: Cluster | None = None

    @property
    def day(self) -> date:
        day: date = self.fields["occurred_on"]
        return day

    def survivor(self) -> Cluster:
        cluster = self
        while cluster.merged_into is not None:
            cluster = cluster.merged_into
        return cluster


# Evidence judged against the incident's merged fields rather than one member's labels.
_INCIDENT_EVIDENCE = (
    "same_district",
    "district_conflict",
    "capital_conflict",
    "province_only",
    "place_unknown",
    "type_same",
    "type_conflict",
    "event_conflict",
    "group_same",
    "group_conflict",
    "killed_consistent",
    "killed_conflict",
)


def _profile(cluster: Cluster) -> Report:
    """The incident's merged fields as a report, for comparing labels with the incident as a whole."""
    f = cluster.fields
    first = cluster.reports[0]
    return Report(
        article_id=0,
        at=first.at,
        text="",
        event_type=f["event_type"],
        attack_type=f["attack_type"],
        group_code=f["group_code"],
        claimed=bool(f["claimed"]),
        province=f["province"],
        district=f["district"],
        killed=f["killed"],
        injured=f["injured"],
        militants_killed=f["militants_killed"],
        confidence={},
        overall=float(f.get("confidence") or 0.0),
        _targets=frozenset().union(*(r.targets for r in cluster.reports)),  # what its reports say was hit
    )


def _blocked(report: Report, cluster: Cluster, policy: MatchPolicy) -> bool:
    """Incidents the report cannot match on their day and province alone (`comparable` decides per report):
    an incident is open to reports of its days, to follow-ups up to `follow_up_days` later, and — when a
    follow-up opened it — to reports up to as long before. A new attack a fortnight on does not join an
    incident through last week's arrest report."""
    apart = (report.day - cluster.day).days
    reach = policy.follow_up_days
    if not (abs(apart) <= policy.window_days + 1 or (report.follow_up and 0 < apart <= reach) or -reach <= apart < 0):
        return True
    province = cluster.fields.get("province")
    return bool(report.province and province and report.province != province)


class Resolver:
    """Assigns reports, in publication order, to incidents: existing ones (with their member reports) and
    those the batch opens. `touched()` afterwards lists every cluster with steps to write."""

    def __init__(
        self, existing: Iterable[Cluster], policy: MatchPolicy | None = None, model: MatchModel | None = None
    ) -> None:
        self.policy = policy or MatchPolicy()
        self.model = model or default_model()
        self._clusters: list[Cluster] = list(existing)

    def scores(self, report: Report, cluster: Cluster) -> tuple[float, float]:
        """P(same event) of the report and the cluster: (the best over its members within the window, the best
        over the members only a follow-up reaches weeks apart), each with the text evidence of that member and
        the place, type, group and toll evidence of the incident as merged so far (so a report cannot chain
        onto an incident through a member vaguer than the incident)."""
        best = [0.0, 0.0]
        if not cluster.reports:
            return 0.0, 0.0  # an incident whose reports are gone (deleted articles) matches nothing
        profile = _profile(cluster)
        against_incident = pair_features(report, profile, self.policy)
        for member in cluster.reports:
            if not comparable(report, member, self.policy):
                continue
            late = int(abs((report.day - member.day).days) > self.policy.window_days)  # comparable: a late pair
            features = pair_features(report, member, self.policy)
            features.update({k: against_incident[k] for k in _INCIDENT_EVIDENCE})
            # Targets conflict with this member or with the incident as a whole: a vague member ("Swabi hit by
            # assassination") does not let a report of another victim through.
            features["target_conflict"] = max(features["target_conflict"], against_incident["target_conflict"])
            best[late] = max(best[late], self.model.probability(report, member, features))
        return best[0], best[1]

    def add(self, report: Report) -> Cluster:
        """Attach one report (the next in publication order); returns the incident it is now part of.

        A report joins an incident through the reports of its own days when it can; through a follow-up
        weeks apart (`late_pair`) only when nothing within the window matches. A late match merges
        incidents only forwards: an attack report that also matches an incident a later follow-up opened
        (the arrests reached the warehouse first) ties the two together; a follow-up never ties an older
        incident to another one ("the toll of Tuesday's attack rises" belongs to this week's attack, not
        also to one in the same district a fortnight ago)."""
        scored = [(self.scores(report, c), c) for c in self._candidates(report)]
        matches = self._ranked((within, c) for (within, _), c in scored)
        late = self._ranked((weeks_apart, c) for (_, weeks_apart), c in scored)
        if not matches:
            matches, late = late[:1], []
        if not matches:
            cluster = Cluster(reports=[report], fields=merge_reports([report], self.policy))
            cluster.steps.append(Step(report.article_id, dict(cluster.fields)))
            self._clusters.append(cluster)
            return cluster
        probability, target = matches[0]
        taken = {c for _, c in matches}
        newer = [(p, c) for p, c in late if c not in taken and c.day > report.day]
        bridged = [c for p, c in [*matches[1:], *newer] if p >= self.policy.bridge]
        if bridged and probability >= self.policy.bridge:
            # The report ties incidents together: all of them are one event; the oldest survives.
            group = sorted([target, *bridged], key=_order)
            target = group[0]
            for other in group[1:]:
                other.merged_into = target
                target.reports.extend(other.reports)
                target.fields = merge_reports(target.reports, self.policy)
                target.steps.append(Step(report.article_id, dict(target.fields), merged=other))
        target.reports.append(report)
        target.fields = merge_reports(target.reports, self.policy)
        target.steps.append(Step(report.article_id, dict(target.fields), similarity=round(probability, 4)))
        return target

    def settle(self) -> None:
        """Second look at the incidents this run opened with one report: a report that matched nothing when
        it came may match once later reports have joined an incident (the early "blast near Besham" report
        before the fuller one that names both the town and the target). Such a report joins that incident
        as if it had matched on arrival; its own incident, never stored, is dropped, so it raises no alert.
        Incidents already stored are left as they are: a second one is merged only by a report that bridges
        both (`add`)."""
        for single in [c for c in self._clusters if c.incident_id is None and len(c.reports) == 1]:
            if len(single.reports) != 1 or single.merged_into is not None:
                continue  # another one-report incident has joined it in this pass, or a bridge merged it
            report = single.reports[0]
            others = (c for c in self._candidates(report) if c is not single)
            ranked = self._ranked((self.scores(report, c)[0], c) for c in others)
            if not ranked:
                continue
            probability, target = ranked[0]
            self._clusters.remove(single)
            _take(target, report, self.policy)
            _replay(target, report, probability, self.policy)
        self._fold_into_stored()

    def _fold_into_stored(self) -> None:
        """An incident this run opened that a stored incident's report would have joined, had it come in this
        batch: the stored one takes its reports (no second 'new' alert). Batches follow arrival, not
        publication, so a stored rewrite can miss the batch's earlier report and the batch then opens a second
        incident for the same attack (a misread attack type puts the rewrite below `join` against the early
        report but not against the fuller one that joined it). A stored report whose best match among the
        batch's incidents reaches `join` there decides it, as it would in one batch in publication order."""
        stored = [
            c for c in self._clusters if c.incident_id is not None and c.merged_into is None and len(c.reports) == 1
        ]
        for old in sorted(stored, key=_order):
            (member,) = old.reports
            best, target = 0.0, None
            for cluster in self._candidates(member):
                # Only an incident this batch opened, before the stored report was published: an earlier one was
                # there when the batch's reports came and they did not join it.
                if cluster.incident_id is not None or not cluster.reports or member.at <= cluster.reports[0].at:
                    continue
                within, weeks_apart = self.scores(member, cluster)
                # A follow-up weeks later reaches the incident as it would have on arrival (`add`).
                probability = within if within >= self.policy.join else weeks_apart
                if probability > best:
                    best, target = probability, cluster
            if target is None or best < self.policy.join:
                continue
            self._clusters.remove(target)
            for report in target.reports:
                _take(old, report, self.policy)
                _replay(old, report, best, self.policy)

    def attach(self, report: Report) -> Cluster | None:
        """Link a story the classifier read as `other` (no place, type, group or toll: an early "blast" report, a
        foreign rewrite) to the attack incident whose reports, of its own days, its text matches best
        (`MatchModel.unlabelled` ≥ `stray`); returns that incident, or None. It never opens, bridges or
        relabels an incident: with no labels of its own it only adds its provenance (and its day)."""
        weights = self.model.unlabelled
        if weights is None or report.embedding is None or report.p_attack < self.policy.stray_floor:
            return None
        best, target = 0.0, None
        for cluster in sorted(self._clusters, key=_order):  # the oldest wins a tie
            if cluster.merged_into is not None or cluster.fields.get("event_type") != EventType.ATTACK.value:
                continue
            for member in cluster.reports:
                labelled = member.event_type in RESOLVED_EVENT_TYPES and member.embedding is not None
                if not labelled or abs((report.day - member.day).days) > self.policy.window_days:
                    continue
                probability = weights.probability(pair_features(report, member, self.policy))
                if probability > best:
                    best, target = probability, cluster
        if target is None or best < self.policy.stray:
            return None
        # Its step comes last whenever it was published: it has no figures to revise in order (at most it
        # moves the day earlier), and an incident must not open with a report that is `other`.
        _take(target, report, self.policy)
        target.steps.append(Step(report.article_id, dict(target.fields), similarity=round(best, 4)))
        return target

    def _candidates(self, report: Report) -> list[Cluster]:
        """The surviving incidents the report may be weighed against (`_blocked` decides by day and place)."""
        return [c for c in self._clusters if c.merged_into is None and not _blocked(report, c, self.policy)]

    def _ranked(self, scored: Iterable[tuple[float, Cluster]]) -> list[tuple[float, Cluster]]:
        """The clusters that reach `join`, most probable first (then oldest)."""
        return sorted(((p, c) for p, c in scored if p >= self.policy.join), key=lambda pc: (-pc[0], _order(pc[1])))

    def touched(self) -> list[Cluster]:
        """Clusters with steps, surviving or merged away, oldest first."""
        return sorted((c for c in self._clusters if c.steps), key=_order)

    def clusters(self) -> list[Cluster]:
        """Every surviving cluster, oldest first."""
        return sorted((c for c in self._clusters if c.merged_into is None), key=_order)


def _take(cluster: Cluster, report: Report, policy: MatchPolicy) -> None:
    """Put a report into the cluster in publication order (it may be older than its last) and merge again."""
    cluster.reports.append(report)
    cluster.reports.sort(key=lambda r: (r.at, r.article_id))
    cluster.fields = merge_reports(cluster.reports, policy)


def _replay(cluster: Cluster, report: Report, similarity: float, policy: MatchPolicy) -> None:
    """The cluster's steps of this run again in publication order, with `report` among them, so its
    revisions still follow the reports' order. A cluster with a merge step keeps its steps and gets the
    report's at the end (the merge fixed the order of what came before)."""
    if any(step.merged is not None for step in cluster.steps):
        cluster.steps.append(Step(report.article_id, dict(cluster.fields), similarity=round(similarity, 4)))
        return
    similarities = {step.article_id: step.similarity for step in cluster.steps}
    similarities[report.article_id] = round(similarity, 4)
    ids = set(similarities)
    before = [r for r in cluster.reports if r.article_id not in ids]
    cluster.steps = []
    for r in (r for r in cluster.reports if r.article_id in ids):
        before.append(r)
        cluster.steps.append(Step(r.article_id, merge_reports(before, policy), similarity=similarities[r.article_id]))
    if cluster.steps and cluster.incident_id is None:
        cluster.steps[0].similarity = None  # the report that opens an incident matched nothing


def _order(cluster: Cluster) -> tuple[int, int, int]:
    """Stored incidents first by id, then the batch's new ones in the order they were opened."""
    if cluster.incident_id is not None:
        return (0, cluster.incident_id, 0)
    first = cluster.steps[0].article_id if cluster.steps else 0
    return (1, 0, first)


def resolve(
    reports: Iterable[Report],
    existing: Iterable[Cluster] = (),
    policy: MatchPolicy | None = None,
    model: MatchModel | None = None,
    strays: Iterable[Report] = (),
) -> Resolver:
    """Run the resolver over the reports in publication order (then article id), give the incidents the batch
    opened with one report a second look, then link the strays (stories read as `other`) that match one."""
    resolver = Resolver(existing, policy, model)
    for report in sorted(reports, key=lambda r: (r.at, r.article_id)):
        resolver.add(report)
    resolver.settle()
    for stray in sorted(strays, key=lambda r: (r.at, r.article_id)):
        resolver.attach(stray)
    return resolver


__all__ = [
    "FEATURES",
    "PKT",
    "RESOLVED_EVENT_TYPES",
    "REVISED_FIELDS",
    "UNLABELLED_FEATURES",
    "Cluster",
    "MatchModel",
    "MatchPolicy",
    "Report",
    "Resolver",
    "Step",
    "Weights",
    "comparable",
    "default_model",
    "embedding_from_bytes",
    "embedding_to_bytes",
    "is_follow_up",
    "late_pair",
    "material_change",
    "merge_reports",
    "pair_features",
    "resolve",
    "specifics",
    "token_jaccard",
    "tokens",
]
