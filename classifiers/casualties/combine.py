"""Mentions of one report into one figure per field: the lead's figures first, stated tolls on top.

The confidences are data (`combination.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers.casualties.reader import Mention
from classifiers.casualties.vocabulary import load_vocabulary

_C = load_vocabulary().confidence


@dataclass(slots=True)
class _SentenceTotal:
    tier: int
    base: int = 0
    has_base: bool = False
    add: int = 0
    approx: bool = False
    kinds: set[str] = field(default_factory=set)


def combine(mentions: list[Mention]) -> tuple[int | None, float]:
    live = [m for m in mentions if not m.background]
    tolls = [m for m in live if m.kind == "toll" and m.count is not None]
    per_sentence: dict[int, _SentenceTotal] = {}
    for m in live:
        if m.kind not in ("regular", "subset", "fallback") or m.count is None:
            continue
        total = per_sentence.setdefault(m.sentence, _SentenceTotal(tier=m.tier))
        total.approx = total.approx or m.approx
        total.kinds.add(m.kind)
        if m.additive:
            total.add += m.count
        elif m.kind == "subset":
            total.base = max(total.base, m.count)
            total.has_base = True
        elif m.kind == "fallback" and total.has_base:
            continue
        else:
            total.base += m.count
            total.has_base = True
    order = sorted(per_sentence)
    candidates: list[tuple[int, int, float]] = []  # (value, tier, confidence)
    for pos, s in enumerate(order):
        total = per_sentence[s]
        if not total.has_base:
            continue
        total_value = total.base + total.add
        used_additive = bool(total.add)
        for later in order[pos + 1 :]:
            nxt = per_sentence[later]
            if nxt.has_base:
                break
            total_value += nxt.add
            used_additive = True
        conf = _C["lead"] if total.tier == 0 else _C["body"]
        if "fallback" in total.kinds and total.kinds <= {"fallback"}:
            conf += _C["fallback_only"]
        if total.approx:
            conf += _C["approximate"]
        if used_additive:
            conf += _C["additive"]
        candidates.append((total_value, total.tier, conf))
    value: int | None = None
    conf = _C["none"]
    lead = [c for c in candidates if c[1] == 0]
    pool = lead or candidates
    if pool:
        best = max(pool, key=lambda c: (c[0], c[2]))
        value, conf = best[0], best[2]
        if len({c[0] for c in pool}) > 1:
            conf += _C["differing"]  # the report gives differing figures
    elif any(per_sentence[s].add for s in order):
        value = sum(per_sentence[s].add for s in order)
        conf = _C["additive_only"]
    if tolls:
        top = max(m.count for m in tolls if m.count is not None)
        if value is None or top >= value:
            value, conf = top, _C["toll"]
    if value is None:
        if any(m.kind == "vague" for m in live):
            return None, _C["vague"]
        if any(m.kind == "negation" for m in live):
            return 0, _C["negation"]
        return None, _C["none"]
    return value, round(max(_C["floor"], min(1.0, conf)), 2)
