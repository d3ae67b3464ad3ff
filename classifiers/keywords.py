"""Keyword baseline for event type and attack type: transparent rules, the yardstick the model must beat."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.taxonomy import AttackType, EventType


def _rx(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


# Each attack type with the phrases that most directly name it; order breaks ties (more specific first).
_ATTACK_CUES: list[tuple[AttackType, re.Pattern[str]]] = [
    (
        AttackType.SUICIDE_BOMBING,
        _rx(
            r"suicide (?:bomb|attack|blast|explosion|vest|car)",
            r"self-detonat",
            r"blew (?:him|her)self up",
            r"explosive-laden (?:vehicle|car|motorcycle)",
            r"vbied",
            r"suicide bomber",
        ),
    ),
    (
        AttackType.HIJACKING,
        _rx(r"hijack", r"took (?:the )?passengers hostage", r"seized (?:a|the) (?:train|bus)"),
    ),
    (AttackType.KIDNAPPING, _rx(r"kidnap", r"abduct", r"taken hostage", r"were taken away by")),
    (
        AttackType.INFRASTRUCTURE_ATTACK,
        _rx(
            r"(?:gas|oil) pipeline",
            r"(?:transmission|mobile|telecom|cellular|communication) tower",
            r"(?:power|electricity) pylon",
            r"pylons?",
            r"railway track",
            r"rail track",
            r"grid station",
            r"bridge was blown",
            r"blew up (?:a|the) (?:bridge|tower|pipeline|track)",
        ),
    ),
    (
        AttackType.BOMBING,
        _rx(
            r"ied",
            r"improvised explosive",
            r"remote[- ]controlled",
            r"roadside bomb",
            r"bomb",
            r"blast",
            r"explosion",
            r"grenade",
            r"quadcopter",
            r"drone",
            r"planted explosive",
            r"landmine",
            r"mine",
        ),
    ),
    (
        AttackType.TARGETED_KILLING,
        _rx(
            r"shot dead",
            r"gunned down",
            r"target(?:ed)? killing",
            r"assassinat",
            r"polio (?:worker|team|vaccinator)",
            r"killed by unidentified",
            r"motorcyclists opened fire",
            r"riddled with bullets",
        ),
    ),
    (
        AttackType.ARMED_ASSAULT,
        _rx(
            r"opened fire",
            r"attacked (?:a|the)",
            r"stormed",
            r"raid(?:ed)? (?:a|the) (?:post|check)",
            r"check ?post",
            r"checkpoint",
            r"convoy",
            r"heavy weapons",
            r"rocket",
            r"rpg",
            r"gunmen",
            r"assault",
            r"exchange of fire",
            r"fought off",
        ),
    ),
]

_ATTACK_EVENT = _rx(
    r"martyr",
    r"killed",
    r"injured",
    r"wounded",
    r"attack",
    r"blast",
    r"explosion",
    r"kidnap",
    r"abduct",
    r"hijack",
    r"gunmen",
    r"shot dead",
    r"blew up",
    r"bomb",
)
_OPERATION = _rx(
    r"intelligence[- ]based operation",
    r"\bibos?\b",
    r"security forces killed",
    r"sent to hell",
    r"(?:terrorists|militants|khawarij|insurgents) (?:were|have been) (?:killed|neutrali[sz]ed|arrested)",
    r"(?:killed|arrested|neutrali[sz]ed) \w+ (?:terrorists|militants|khawarij)",
    r"sanitisation operation",
    r"clearance operation",
    r"search operation",
    r"hideout",
    r"busted",
    r"counter[- ]terrorism department",
)
_OTHER = _rx(
    r"anniversary",
    r"years (?:ago|since)",
    r"court",
    r"verdict",
    r"sentenced",
    r"acquitted",
    r"hearing",
    r"analysis",
    r"opinion",
    r"editorial",
    r"policy",
    r"cricket",
    r"wicket",
    r"innings",
    r"bowling attack",
    r"seminar",
    r"conference",
    r"budget",
    r"report released",
    r"parliament",
    r"lashed out",
    r"verbal attack",
    r"press conference",
)


@dataclass(frozen=True, slots=True)
class KeywordPrediction:
    event_type: EventType
    event_confidence: float
    attack_type: AttackType | None
    attack_confidence: float


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(pattern.findall(text))


def predict_keywords(title: str, text: str) -> KeywordPrediction:
    """Score cue phrases in the title (weighted) and the lede; pick event type, then attack type."""
    lede = text[:1200]
    scored = f"{title} {title} {lede}"
    attack = _count(_ATTACK_EVENT, scored)
    operation = _count(_OPERATION, scored) * 2
    other = _count(_OTHER, scored) * 2
    scores = {EventType.ATTACK: attack, EventType.SECURITY_OPERATION: operation, EventType.OTHER: other + 0.5}
    event = max(scores, key=lambda k: scores[k])
    total = sum(scores.values())
    event_conf = round(scores[event] / total, 3) if total else 0.34
    if event is not EventType.ATTACK:
        return KeywordPrediction(event, event_conf, None, 0.0)
    # The rarer types are named by unmistakable words: any mention decides. The common three compete by count.
    for attack_type, pattern in _ATTACK_CUES[:4]:
        hits = _count(pattern, scored)
        if hits:
            return KeywordPrediction(event, event_conf, attack_type, min(0.9, 0.5 + 0.1 * hits))
    best: tuple[int, AttackType] | None = None
    for attack_type, pattern in _ATTACK_CUES[4:]:
        hits = _count(pattern, scored)
        if hits and (best is None or hits > best[0]):
            best = (hits, attack_type)
    if best is None:
        return KeywordPrediction(event, event_conf, AttackType.ARMED_ASSAULT, 0.3)
    return KeywordPrediction(event, event_conf, best[1], min(0.9, 0.4 + 0.1 * best[0]))
