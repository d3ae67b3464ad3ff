"""Mentions of one report into one figure per field: the lead's figures first, stated tolls on top.

The confidences are data (`combination.yaml`).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from classifiers.casualties.reader import EVERYONE, Mention
from classifiers.casualties.vocabulary import load_vocabulary

_C = load_vocabulary().confidence


@dataclass(slots=True)
class _SentenceTotal:
    """What one sentence says of a field: a base figure, additions ("two more"), how they were worded."""

    tier: int
    base: int = 0
    has_base: bool = False
    add: int = 0
    heads: set[str] = field(default_factory=set)  # the nouns the base counts
    # "also" additions, (count, nouns): a repeat of the base when they count the same nouns as often
    restated: list[tuple[int, frozenset[str]]] = field(default_factory=list)
    approx: bool = False
    kinds: set[str] = field(default_factory=set)

    def take(self, mention: Mention, count: int) -> None:
        self.approx = self.approx or mention.approx
        self.kinds.add(mention.kind)
        if mention.additive:
            self.add += count
            if mention.also:
                self.restated.append((count, mention.heads))
        elif mention.kind == "subset":
            self.base = max(self.base, count)
            self.has_base = True
        elif mention.kind == "fallback" and self.has_base:
            return  # a fallback only stands in for a sentence's figure, never adds to it
        else:
            self.base += count
            self.has_base = True
            self.heads |= mention.heads


def combine(mentions: list[Mention]) -> tuple[int | None, float]:
    """One figure for the field and its confidence; a stated toll at least as high overrides the sentences'."""
    live = [m for m in mentions if not m.background]
    # "One more died, bringing the toll to nine": the sentence's stated toll already counts its additions, and so
    # does a running total ("34 people have now died ..., after seven of the wounded died").
    with_toll = {m.sentence for m in live if m.kind == "toll" or m.total}
    value, conf = _from_sentences(_sentence_totals([m for m in live if not (m.additive and m.sentence in with_toll)]))
    tolls = [m.count for m in live if m.kind == "toll" and m.count is not None]
    if tolls and (value is None or max(tolls) >= value):
        value, conf = max(tolls), _C["toll"]
    if value is None:
        return _without_figure(live)
    return value, round(max(_C["floor"], min(1.0, conf)), 2)


def _sentence_totals(live: list[Mention]) -> dict[int, _SentenceTotal]:
    """The counted mentions summed per sentence."""
    per_sentence: dict[int, _SentenceTotal] = {}
    for m in live:
        if m.kind in ("regular", "subset", "fallback") and m.count is not None:
            per_sentence.setdefault(m.sentence, _SentenceTotal(tier=m.tier)).take(m, m.count)
    return per_sentence


def _from_sentences(per_sentence: dict[int, _SentenceTotal]) -> tuple[int | None, float]:
    """The largest candidate of the lead (else of the body); else the additions alone; else no figure."""
    candidates = _candidates(per_sentence)
    pool = [c for c in candidates if c[1] == 0] or candidates
    if pool:
        value, _tier, conf = max(pool, key=lambda c: (c[0], c[2]))
        if len({c[0] for c in pool}) > 1:
            conf += _C["differing"]  # the report gives differing figures
        return value, conf
    if any(total.add for total in per_sentence.values()):
        return sum(total.add for total in per_sentence.values()), _C["additive_only"]
    return None, _C["none"]


def _candidates(per_sentence: dict[int, _SentenceTotal]) -> list[tuple[int, int, float]]:
    """(value, tier, confidence) per sentence with a base figure, the next base-less sentences' additions included."""
    order = sorted(per_sentence)
    candidates: list[tuple[int, int, float]] = []
    for pos, s in enumerate(order):
        total = per_sentence[s]
        if not total.has_base:
            continue
        following = _following(total, [per_sentence[later] for later in order[pos + 1 :]])
        # "At least 18 soldiers and 12 terrorists were killed ... 18 soldiers also lost their lives": a later
        # sentence's "also" figure equal to the base restates it.
        value = total.base + total.add + sum(_added(total, t) - _restated(total, t) for t in following)
        used_additive = bool(total.add) or bool(following)
        candidates.append((value, total.tier, _confidence(total, used_additive)))
    return candidates


def _following(base: _SentenceTotal, later: list[_SentenceTotal]) -> list[_SentenceTotal]:
    """The base-less sentences after a base sentence whose additions are its own: up to the next sentence with a
    figure of its own, passing over ones that only restate the base ("martyred six personnel ... six FC personnel
    embraced shahadat ... two labourers were also killed": the labourers add to the lead's six)."""
    kept: list[_SentenceTotal] = []
    for total in later:
        if total.has_base:
            restates = (
                not total.add
                and total.base == base.base
                and bool(total.heads)
                and (_classes(total.heads) == _classes(base.heads))
            )
            if not restates:
                break
            continue
        kept.append(total)
    return kept


def _added(base: _SentenceTotal, later: _SentenceTotal) -> int:
    """What a later base-less sentence adds: all its additions within the base's own part of the report (the
    lead's to the lead); from a later paragraph only what it says was "also" hurt ("four bystanders were also
    hurt") — its "killing three more" recounts the lead's victims as often as it adds to them."""
    if later.tier == base.tier:
        return later.add
    return sum(n for n, _ in later.restated)


def _restated(base: _SentenceTotal, later: _SentenceTotal) -> int:
    """How much of a later sentence's "also" figure the base already counts: all of it when the base is a
    total of people, or counts the same nouns as often ("18 soldiers ... 18 soldiers also lost their
    lives"); else none ("two soldiers were martyred ... two civilians were also killed" adds two)."""
    if base.heads and base.heads <= EVERYONE:
        # A total of people, then a category "also" killed: the total counts them (label guide: "death toll
        # rises to eight ... a teacher also lost their life" is eight).
        return sum(n for n, _ in later.restated)
    base_heads = _classes(base.heads)
    return sum(n for n, heads in later.restated if n == base.base and heads and _classes(heads) <= base_heads)


# Nouns one report uses for the same security men: "three FC personnel ... three soldiers were also killed".
_SAME_MEN = {"soldier": "forces", "personnel": "forces", "troop": "forces", "jawan": "forces", "sepoy": "forces"}


def _classes(heads: Set[str]) -> frozenset[str]:
    return frozenset(_SAME_MEN.get(h, h) for h in heads)


def _confidence(total: _SentenceTotal, used_additive: bool) -> float:
    conf = _C["lead"] if total.tier == 0 else _C["body"]
    if "fallback" in total.kinds and total.kinds <= {"fallback"}:
        conf += _C["fallback_only"]
    if total.approx:
        conf += _C["approximate"]
    if used_additive:
        conf += _C["additive"]
    return conf


def _without_figure(live: list[Mention]) -> tuple[int | None, float]:
    """No figure: vague wording ("several") says unknown, a negation ("no one was hurt") says zero."""
    if any(m.kind == "vague" for m in live):
        return None, _C["vague"]
    if any(m.kind == "negation" for m in live):
        return 0, _C["negation"]
    return None, _C["none"]


def without_attackers(mentions: list[Mention], killed: int | None, militants_killed: int | None) -> int | None:
    """The victims of a count of the dead that takes in the attackers ("seven dead" where four victims and three
    attackers died): when the killed figure is a sentence's count of people in general (no victims' noun, no
    stated toll) and another of the report's killed figures plus the militants killed, the victims are that
    other figure (label guide: attackers are never victims). None when that is not so."""
    if not killed or not militants_killed or militants_killed >= killed:
        return None
    live = [m for m in mentions if not m.background]
    totals = _sentence_totals(live)
    generic = {t.base + t.add for t in totals.values() if t.has_base and t.heads <= EVERYONE and "toll" not in t.kinds}
    figures = {value for value, _, _ in _candidates(totals)}
    victims = killed - militants_killed
    return victims if killed in generic and victims in figures else None


def bare_attackers(mentions: list[Mention], killed: int | None, militants_killed: int | None) -> int | None:
    """The victims of a sentence that puts a bare count of the attackers beside a counted victim ("Terrorists
    attack security post in Zhob; five killed, one soldier martyred", where the five are the terrorists the report
    counts): the killed figure less the militants killed, when that sentence alone makes the killed figure and
    its bare count equals them. None when that is not so."""
    if not killed or not militants_killed or militants_killed >= killed:
        return None
    per_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if not m.background and m.kind == "regular" and m.count is not None and not m.additive:
            per_sentence.setdefault(m.sentence, []).append(m)
    for local in per_sentence.values():
        bare = any(not m.heads and m.count == militants_killed for m in local)
        counted = any(m.heads and not m.heads <= EVERYONE for m in local)
        if bare and counted and sum(m.count or 0 for m in local) == killed:
            return killed - militants_killed
    return None


def only_attackers(mentions: list[Mention], killed: int | None, militants_killed: int | None) -> bool:
    """Whether the killed figure counts only the attackers: it equals the militants killed and every count of the
    dead the report gives is bare, without a noun ("the terrorists fired on them, and all four were killed"; "a
    commander among 30 killed ... also killed was"). The label guide counts no attacker as a victim, so such a
    report gives no victims' toll."""
    if not killed or killed != militants_killed:
        return False
    totals = _sentence_totals([m for m in mentions if not m.background])
    return bool(totals) and all(not t.heads and "toll" not in t.kinds for t in totals.values())
