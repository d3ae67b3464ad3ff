"""Compositional generator of the labelled news corpus: `python -m classifiers.data.generate`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from classifiers.data import handwritten
from classifiers.data.lexicon import (
    FIRST_NAMES,
    FOREIGN_PLACES,
    GROUP_DISTRICTS,
    GROUP_NAMES,
    GROUP_PROVINCES,
    OFFICIAL_TITLES,
    PLACES,
    TEST_ONLY_DISTRICTS,
    Place,
    load_phrasebook,
)

T = TypeVar("T")
DATA_DIR = Path(__file__).resolve().parent

# Split sizes and seeds; the test split uses its own seed and the held-out phrasing pool.
TRAIN_SIZE, DEV_SIZE, TEST_SIZE = 1985, 200, 255
TRAIN_SEED, DEV_SEED, TEST_SEED = 1101, 2202, 3303

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(slots=True)
class Report:
    """One labelled report, written out as one JSONL line."""

    id: str
    title: str
    text: str
    published: str
    event_type: str
    attack_type: str | None
    group: str
    claimed: bool
    province: str | None
    district: str | None
    killed: int | None
    injured: int | None
    militants_killed: int | None
    style: str


@dataclass(slots=True)
class Labels:
    event_type: str
    attack_type: str | None = None
    group: str = "unknown"
    claimed: bool = False
    province: str | None = None
    district: str | None = None
    killed: int | None = None
    injured: int | None = None
    militants_killed: int | None = None


class Gen:
    """Random choices for one split: `pool` "fit" (train/dev) or "test" selects disjoint phrasings.

    Every phrasing list with three or more entries is cut so that every third entry is reserved for
    the test split; a model trained on train can therefore never have seen those exact frames.
    """

    def __init__(self, seed: int, pool: str) -> None:
        self.rng = random.Random(seed)
        self.pool = pool

    def pick(self, options: Sequence[T]) -> T:
        if len(options) >= 3:
            held_out = self.pool == "test"
            options = [o for i, o in enumerate(options) if (i % 3 == 2) == held_out]
            # Pools "fitA"/"fitB" halve the train phrasings for phrase-held-out model selection.
            if self.pool in ("fitA", "fitB") and len(options) >= 2:
                options = options[self.pool == "fitB" :: 2]
        return self.rng.choice(list(options))

    def any(self, options: Sequence[T]) -> T:
        return self.rng.choice(list(options))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def randint(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def weighted(self, options: Sequence[tuple[T, float]]) -> T:
        values = [o for o, _ in options]
        weights = [w for _, w in options]
        return self.rng.choices(values, weights=weights, k=1)[0]

    def group_name(self, group: str) -> str:
        names = GROUP_NAMES[group]
        # The last two surface forms of each group are spellings only the test split uses.
        if self.pool == "test":
            return self.any(names)
        if self.pool in ("fitA", "fitB"):
            return self.any(names[:-2][self.pool == "fitB" :: 2])
        return self.any(names[:-2])

    def place(self, province: str | None = None, districts: Sequence[str] | None = None) -> Place:
        candidates = [p for p in PLACES if province is None or p.province == province]
        if districts:
            candidates = [p for p in candidates if p.district in districts] or candidates
        if self.pool == "test":
            unseen = [p for p in candidates if p.district in TEST_ONLY_DISTRICTS]
            if unseen and self.chance(0.4):
                return self.any(unseen)
        else:
            candidates = [p for p in candidates if p.district not in TEST_ONLY_DISTRICTS] or candidates
        return self.any(candidates)


# ---------------------------------------------------------------- small text helpers


def num(g: Gen, n: int) -> str:
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) and g.chance(0.65) else str(n)


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def fill(template: str, **ctx: Any) -> str:
    return cap(template.format(**ctx))


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def when(g: Gen, day: dt.date, published: dt.date) -> str:
    weekday = WEEKDAYS[day.weekday()]
    if day == published:
        return g.any([f"on {weekday}", "today", f"early {weekday}", f"on {weekday} morning", f"late on {weekday}"])
    return g.any(
        [f"on {weekday}", f"late on {weekday}", f"on {weekday} night", f"on {MONTHS[day.month - 1]} {day.day}"]
    )


def place_phrase(g: Gen, p: Place) -> str:
    town = g.any(p.towns) if p.towns and g.chance(0.5) else None
    d, prov = p.district, p.province
    options = [
        f"in {d}",
        f"in {d} district",
        f"in {prov}'s {d} district",
        f"in the {d} district of {prov}",
    ]
    if p.tribal:
        options += [f"in the {d} tribal district", f"in the erstwhile tribal district of {d}"]
    if town:
        options = [
            f"in the {town} area of {d} district",
            f"in {town}, {d}",
            f"in {town} tehsil of {d}",
            f"in {town} in {prov}'s {d} district",
        ]
    return g.any(options)


def dateline(g: Gen, p: Place, style: str, day: dt.date) -> str:
    city = g.any([p.district, *p.towns]) if p.towns and g.chance(0.3) else p.district
    if style == "wire":
        agency = g.any(["(Agencies)", "(APP)", "(Online)", "(News Desk)", "(AFP)", "(Reuters)"])
        return g.any(
            [
                f"{city.upper()}, Pakistan {agency} — ",
                f"{city.upper()}, {MONTHS[day.month - 1][:3]} {day.day} {agency} - ",
                f"{city}, Pakistan — ",
            ]
        )
    return g.any([f"{city.upper()}: ", f"{city.upper()}: ", f"{city}, {MONTHS[day.month - 1]} {day.day}: ", ""])


# ---------------------------------------------------------------- attack vocabulary
# The phrase pools are data (phrasebook.yaml); the names below are what the generator's code uses.

_BOOK = load_phrasebook()
SECURITY_VICTIMS: tuple[str, ...] = _BOOK["security_victims"]
CIVIL_VICTIMS: tuple[str, ...] = _BOOK["civil_victims"]
ATTACK_SPEC: dict[str, dict[str, Sequence[str]]] = _BOOK["attack_spec"]
TARGETS: dict[str, Any] = _BOOK["targets"]
TARGET_KIND: dict[str, tuple[str, ...]] = _BOOK["target_kind"]
ATTACK_WEIGHTS: tuple[tuple[str, float], ...] = _BOOK["attack_weights"]
GROUP_WEIGHTS: tuple[tuple[str, float], ...] = _BOOK["group_weights"]
CLAIM_FRAMES: tuple[str, ...] = _BOOK["claim_frames"]
BLAME_FRAMES: tuple[str, ...] = _BOOK["blame_frames"]
NO_CLAIM_FRAMES: tuple[str, ...] = _BOOK["no_claim_frames"]
BACKGROUND: tuple[str, ...] = _BOOK["background"]
HOSPITAL: tuple[str, ...] = _BOOK["hospital"]
CONDEMN: tuple[str, ...] = _BOOK["condemn"]
QUOTE_FRAMES: tuple[str, ...] = _BOOK["quote_frames"]
QUOTE_TEXTS: tuple[str, ...] = _BOOK["quote_texts"]
TYPED_TITLES: dict[str, Any] = _BOOK["typed_titles"]
FEW_VICTIMS: tuple[str, ...] = _BOOK["few_victims"]
OP_FRAMES_ISPR: tuple[str, ...] = _BOOK["op_frames_ispr"]
OP_RESULT: tuple[str, ...] = _BOOK["op_result"]
OP_AFTER: tuple[str, ...] = _BOOK["op_after"]
OTHER_CONTEXT: tuple[str, ...] = _BOOK["other_context"]
STYLE_WEIGHTS: tuple[tuple[str, float], ...] = _BOOK["style_weights"]
EVENT_WEIGHTS: tuple[tuple[str, float], ...] = _BOOK["event_weights"]


def official(g: Gen, p: Place) -> str:
    title = g.any(OFFICIAL_TITLES)
    name = g.any(FIRST_NAMES)
    return g.any(
        [
            f"{p.district} {title} {name}",
            f"{title} {name}",
            f"a senior police official in {p.district}",
            "an official who spoke on condition of anonymity",
            "a police spokesperson",
        ]
    )


def casualty_sentence(g: Gen, lab: Labels, victims: str, security: bool) -> str:
    """A sentence stating killed and injured, or a vague one when the figures are not given."""
    k, i = lab.killed, lab.injured
    verb = g.any(["martyred", "killed"]) if security else "killed"
    if k is None and i is None:
        return g.pick(
            [
                "There were reports of casualties, but officials did not give figures.",
                "The number of casualties could not be confirmed immediately.",
                "Several people were feared to have been hurt.",
                "Details of casualties were awaited.",
            ]
        )
    if k is None:
        return g.pick(
            [
                f"At least {num(g, i or 0)} people were wounded, officials said.",
                f"{cap(num(g, i or 0))} people sustained injuries.",
                f"The attack left {num(g, i or 0)} people injured.",
            ]
        )
    if k == 0:
        inj = (
            f", while {num(g, i)} {plural(i, 'person was', 'people were')} injured"
            if i
            else ", and no one was hurt"
            if i == 0
            else ""
        )
        return g.pick(
            [
                f"No loss of life was reported{inj}.",
                f"Fortunately, no one was killed{inj}.",
                f"Officials said there were no fatalities{inj}.",
            ]
        )
    inj_part = ""
    if i:
        inj_part = g.any(
            [
                f" and {num(g, i)} others were injured",
                f", while {num(g, i)} were wounded",
                f" and {num(g, i)} sustained injuries",
            ]
        )
    elif i == 0:
        inj_part = ", and no one else was hurt"
    v = victims if k > 1 else {"soldiers": "soldier", "policemen": "policeman", "cops": "cop"}.get(victims, "person")
    return g.pick(
        [
            f"{cap(num(g, k))} {v} {plural(k, 'was', 'were')} {verb}{inj_part}.",
            f"The attack left {num(g, k)} {v} dead{inj_part}.",
            f"Officials confirmed that {num(g, k)} {v} {plural(k, 'was', 'were')} {verb}{inj_part}.",
            f"At least {num(g, k)} {v} lost their lives{inj_part}.",
            f"The death toll stood at {num(g, k)}{inj_part}.",
            f"{cap(num(g, k))} {v} {plural(k, 'was', 'were')} {verb} on the spot{inj_part}, police said.",
        ]
    )


def militants_sentence(g: Gen, mk: int) -> str:
    return g.pick(
        [
            f"{cap(num(g, mk))} attackers were killed in retaliatory fire.",
            f"Security personnel returned fire, killing {num(g, mk)} of the assailants.",
            f"In the ensuing exchange of fire, {num(g, mk)} terrorists were sent to hell.",
            f"Officials said {num(g, mk)} militants involved in the attack were also killed.",
            f"The forces responded swiftly and {num(g, mk)} of the attackers were neutralised.",
            f"{cap(num(g, mk))} of the raiders were shot dead by the responding troops.",
        ]
    )


# ---------------------------------------------------------------- events


def sample_attack_labels(g: Gen, attack_type: str) -> tuple[Labels, Place, str, str]:
    group = g.weighted(GROUP_WEIGHTS)
    # Sectarian and separatist groups have signature attack types; avoid absurd pairings.
    if attack_type == "hijacking" and group not in ("BLA", "BLF", "BRAS", "TTP", "unknown"):
        group = "BLA"
    province = g.any(GROUP_PROVINCES[group])
    p = g.place(province, GROUP_DISTRICTS.get(group))
    kind = g.any(TARGET_KIND[attack_type])
    target = g.any(TARGETS[kind])
    claimed = group != "unknown" and g.chance(0.6)
    lab = Labels("attack", attack_type, group, claimed, p.province, p.district)
    security = kind == "security"
    if attack_type in ("suicide_bombing", "bombing", "armed_assault"):
        big = attack_type == "suicide_bombing"
        k = g.weighted([(g.randint(0, 3), 3.0), (g.randint(1, 12), 5.0), (g.randint(8, 40 if big else 20), 2.0)])
        lab.killed = k
        lab.injured = g.weighted([(g.randint(0, 10), 3.0), (g.randint(5, 60), 3.0), (None, 1.0)])
        if attack_type == "armed_assault" and g.chance(0.4):
            lab.militants_killed = g.randint(1, 9)
        if g.chance(0.06):
            lab.killed, lab.injured = None, None
    elif attack_type == "targeted_killing":
        lab.killed = g.weighted([(1, 8.0), (2, 2.0), (3, 1.0)])
        lab.injured = g.weighted([(None, 6.0), (0, 1.0), (1, 2.0)])
    elif attack_type == "kidnapping":
        lab.killed = g.weighted([(None, 8.0), (0, 1.0), (1, 1.0)])
        lab.injured = None
    elif attack_type == "hijacking":
        lab.killed = g.weighted([(None, 3.0), (g.randint(1, 30), 4.0), (0, 1.0)])
        lab.injured = g.weighted([(None, 3.0), (g.randint(1, 20), 2.0)])
        if g.chance(0.4):
            lab.militants_killed = g.randint(3, 33)
    else:
        lab.killed = g.weighted([(None, 5.0), (0, 3.0), (1, 1.0)])
        lab.injured = g.weighted([(None, 6.0), (0, 2.0), (1, 1.0)])
    victims = g.any(SECURITY_VICTIMS) if security else g.any(CIVIL_VICTIMS)
    if attack_type == "targeted_killing":
        victims = "people"
    return lab, p, target, victims


def attack_title(g: Gen, lab: Labels, p: Place, noun: str, victims: str, target: str, gname: str) -> str:
    """A headline: type-specific, casualty-led, claim-led or generic, each bucket split between pools."""
    d, k = p.district, lab.killed
    short = target.removeprefix("a ").removeprefix("an ").removeprefix("the ")
    buckets: list[tuple[str, float]] = [("typed", 5.0), ("generic", 1.5)]
    if k:
        buckets.append(("killed", 3.0))
    if lab.claimed:
        buckets.append(("claimed", 1.0))
    bucket = g.weighted(buckets)
    if bucket == "typed":
        template: str = g.pick(TYPED_TITLES[lab.attack_type or ""])
        return template.format(short=short, Short=cap(short), target=target, Target=cap(target), d=d)
    if bucket == "killed" and k:
        return g.pick(
            [
                f"{cap(num(g, k))} {victims} killed in {d} {noun}",
                f"{k} martyred as terrorists target {short} in {d}",
                f"{d}: {k} dead in {noun}",
                f"{cap(noun)} kills {k} in {p.province}",
                f"{k} {victims} lose lives in {d} {noun}",
                f"{d} {noun} leaves {k} dead",
            ]
        )
    if bucket == "claimed":
        return g.pick(
            [
                f"{cap(gname)} claims {d} {noun}",
                f"{cap(noun)} in {d} claimed by {gname}",
                f"{cap(gname)} behind {d} {noun}",
            ]
        )
    return g.pick(
        [
            f"{cap(noun)} in {d}",
            f"{d} {noun} condemned",
            f"{cap(noun)} reported in {d}",
            f"{cap(noun)} rocks {d}",
            f"Fresh {noun} in {d}",
            f"{d} hit by {noun}",
        ]
    )


# Attack types whose reports rarely have a rising death toll, so follow-ups about them are claims only.


def make_attack(g: Gen, style: str, day: dt.date, published: dt.date) -> tuple[str, str, Labels, str]:
    attack_type = g.weighted(ATTACK_WEIGHTS)
    lab, p, target, victims = sample_attack_labels(g, attack_type)
    spec = ATTACK_SPEC[attack_type]
    noun = g.pick(spec["noun"])
    clause = g.pick(spec["clause"]).format(target=target)
    gname = g.group_name(lab.group) if lab.group != "unknown" else "militants"
    security = any(w in victims for w in ("soldier", "police", "FC", "Levies", "security", "cops"))
    where = place_phrase(g, p)
    time = when(g, day, published)
    title = attack_title(g, lab, p, noun, victims, target, gname)

    if style == "follow_up" and not lab.claimed and attack_type in FEW_VICTIMS:
        # A revised toll only makes sense for attacks with many victims; these get a plain report.
        style = "newspaper"
    if style == "follow_up":
        return (*follow_up(g, lab, p, noun, clause, gname, day, published, victims), style)

    lead_options = [
        f"{clause} {where} {time}, officials said.",
        f"{cap(time)}, {clause} {where}.",
        f"According to police, {clause} {where} {time}.",
        f"{clause} {where} {time}, police and local officials said.",
        f"In the latest act of violence, {clause} {where} {time}.",
        f"Officials said {clause} {where} {time}.",
    ]
    lead = cap(g.pick(lead_options))
    cas = casualty_sentence(g, lab, victims, security)
    claim = claim_sentence(g, lab, gname, noun)
    body: list[str] = [cas]
    if lab.militants_killed:
        body.append(militants_sentence(g, lab.militants_killed))
    extras = [
        g.pick(spec["detail"]),
        fill(g.pick(QUOTE_FRAMES), q=g.pick(QUOTE_TEXTS), who=official(g, p)),
        g.pick(BACKGROUND).format(prov=p.province, district=p.district),
        g.pick(CONDEMN).format(noun=noun),
    ]
    if lab.killed or lab.injured:
        extras.append(g.pick(HOSPITAL))
    g.rng.shuffle(extras)
    extras = extras[: g.randint(1, len(extras))]
    body += [claim, *extras] if g.chance(0.5) else [*extras, claim]
    if g.chance(0.3):
        body.append(distractor(g, p, day))

    if style == "ticker":
        flag = g.any(["BREAKING", "URGENT", "Just in", "Update"])
        first = f"{flag}: {title} — {g.any(['police', 'officials', 'sources'])}"
        return first, cap(f"{clause} {where}.") + " " + cas, lab, style
    if style == "police_statement":
        who = official(g, p)
        statement = (
            f'"{cap(clause)} {where} {time}. {cas} {g.pick(spec["detail"])} '
            f'{g.pick(QUOTE_TEXTS)}," {who} said in a statement issued to the media.'
        )
        text = dateline(g, p, "newspaper", day) + statement + " " + " ".join([claim, *extras[:2]])
        return title, text, lab, style
    if style == "ispr" and security:
        text = ispr_attack(g, lab, p, target, where, time, gname)
        return title, text, lab, style
    style = "newspaper" if style == "ispr" else style
    text = dateline(g, p, style, day) + lead + "\n\n" + paragraphs(g, body)
    return title, text, lab, style


def claim_sentence(g: Gen, lab: Labels, gname: str, noun: str) -> str:
    if lab.group == "unknown":
        return g.pick(NO_CLAIM_FRAMES).format(noun=noun)
    frames = CLAIM_FRAMES if lab.claimed else BLAME_FRAMES
    return fill(g.pick(frames), group=gname, noun=noun)


def paragraphs(g: Gen, sentences: list[str]) -> str:
    out: list[str] = []
    cur: list[str] = []
    for s in sentences:
        cur.append(s)
        if len(cur) >= g.randint(1, 3):
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    return "\n\n".join(out)


def distractor(g: Gen, p: Place, day: dt.date) -> str:
    """A sentence about another, older event: numbers and places that are not this report's labels."""
    other = g.place()
    n = g.randint(2, 25)
    return g.pick(
        [
            f"Earlier this month, {num(g, n)} people were killed in a similar attack in {other.district}.",
            f"In {day.year - 1}, a bombing in {other.district} had claimed {n} lives.",
            f"The incident came days after a separate attack in {other.district} left {num(g, n)} people injured.",
            f"Last week, security forces said they had killed {num(g, n)} militants in {other.district}.",
            f"Police recalled that the same area had been targeted in {day.year - 2}, when {n} people died.",
            f"A similar incident in {other.district} last year had left {num(g, n)} dead.",
        ]
    )


def ispr_attack(g: Gen, lab: Labels, p: Place, target: str, where: str, time: str, gname: str) -> str:
    """ISPR phrasing of an attack on troops: still an attack even though militants die too."""
    mk = lab.militants_killed
    k = lab.killed
    parts = [
        g.any(["RAWALPINDI: ", "RAWALPINDI: ", ""]),
        g.pick(
            [
                f"{cap(time)}, terrorists attacked {target} {where}, the ISPR said.",
                f"According to the Inter-Services Public Relations (ISPR), {gname} attempted to attack "
                f"{target} {where} {time}.",
                f"Khawarij attacked {target} {where} {time}, the military's media wing said.",
                f"{cap(gname)} carried out an attack on {target} {where} {time}, according to the ISPR.",
            ]
        ),
        " ",
        g.pick(
            [
                "Own troops effectively responded and thwarted the attack.",
                "The attack was effectively repulsed by own troops.",
                "Troops responded swiftly to the attack.",
            ]
        ),
    ]
    if mk:
        parts.append(f" In the ensuing exchange of fire, {num(g, mk)} terrorists were sent to hell.")
    if k:
        parts.append(
            g.pick(
                [
                    f" However, {num(g, k)} brave sons of the soil, having fought gallantly, embraced shahadat.",
                    f" During the exchange of fire, {num(g, k)} soldiers embraced martyrdom.",
                    f" {cap(num(g, k))} soldiers were martyred in the attack.",
                ]
            )
        )
    if lab.injured:
        parts.append(f" {cap(num(g, lab.injured))} soldiers were injured.")
    parts.append(
        " "
        + g.pick(
            [
                "A sanitisation operation is being carried out to eliminate any other terrorist in the area.",
                "Security forces are determined to eliminate the menace of terrorism from the country.",
                "The perpetrators of this heinous act will be brought to justice.",
            ]
        )
    )
    if lab.group != "unknown":
        parts.append(" " + claim_sentence(g, lab, gname, "attack"))
    return "".join(parts)


def follow_up(
    g: Gen,
    lab: Labels,
    p: Place,
    noun: str,
    clause: str,
    gname: str,
    day: dt.date,
    published: dt.date,
    victims: str,
) -> tuple[str, str, Labels]:
    """A later report about an earlier attack: a revised toll or a claim of responsibility."""
    earlier = WEEKDAYS[day.weekday()]
    where = place_phrase(g, p)
    if lab.claimed and (g.chance(0.6) or lab.attack_type in FEW_VICTIMS):
        title = g.pick(
            [
                f"{cap(gname)} claims responsibility for {p.district} {noun}",
                f"{cap(gname)} owns {earlier}'s attack in {p.district}",
                f"Claim of responsibility for {p.district} {noun}",
            ]
        )
        first = fill(g.pick(CLAIM_FRAMES), group=gname, noun=noun)
        recap = cap(f"{clause} {where} on {earlier}.")
        cas = casualty_sentence(g, lab, victims, False)
        text = dateline(g, p, "newspaper", published) + f"{first} {recap} {cas}"
        return title, text, lab
    if lab.killed is None or lab.killed < 2:
        lab.killed = g.randint(4, 45)
    old = max(1, lab.killed - g.randint(1, 8))
    title = g.pick(
        [
            f"Death toll from {p.district} {noun} rises to {lab.killed}",
            f"{p.district} {noun} toll climbs to {lab.killed}",
            f"{cap(noun)} death toll reaches {lab.killed}",
            f"More injured succumb as {p.district} toll rises",
        ]
    )
    text = dateline(g, p, "newspaper", published) + g.pick(
        [
            f"The death toll from {earlier}'s {noun} {where} rose to {lab.killed} after more of the injured died "
            f"in hospital, officials said. Initially, {old} deaths had been reported.",
            f"The number of people killed in the {noun} {where} on {earlier} has risen to {lab.killed}, hospital "
            f"sources said, up from {old} reported earlier.",
            f"{cap(num(g, lab.killed - old))} more victims of {earlier}'s {noun} {where} succumbed to their "
            f"injuries, taking the death toll to {lab.killed}.",
            f"Officials revised the toll of the {noun} {where} to {lab.killed} dead, as rescuers recovered more "
            f"bodies from the debris.",
        ]
    )
    text += " " + cap(f"{clause} on {earlier}.")
    if lab.injured:
        text += f" {cap(num(g, lab.injured))} people remain under treatment."
    text += " " + claim_sentence(g, lab, gname, noun)
    return title, text, lab


# ---------------------------------------------------------------- security operations


def make_operation(g: Gen, style: str, day: dt.date, published: dt.date) -> tuple[str, str, Labels]:
    kind = g.weighted([("ibo", 6.0), ("ctd", 3.0), ("arrest", 2.0), ("strike", 1.0)])
    province = g.weighted([("Khyber Pakhtunkhwa", 6.0), ("Balochistan", 3.0), ("Punjab", 1.5), ("Sindh", 1.0)])
    p = g.place(province)
    where = place_phrase(g, p)
    time = when(g, day, published)
    lab = Labels("security_operation", None, "unknown", False, p.province, p.district)
    mk = g.randint(1, 30) if g.chance(0.8) else g.randint(1, 4)
    if kind == "arrest":
        n = g.randint(2, 12)
        group = g.any(["TTP", "ISKP", "BLA", "LeJ", "unknown", "unknown"])
        lab.group = group
        gname = g.group_name(group) if group != "unknown" else "a banned outfit"
        title = g.pick(
            [
                f"CTD arrests {n} suspected militants in {p.district}",
                f"Terror bid foiled in {p.district}, {n} held",
                f"{n} terrorists of {gname} arrested",
                f"Police foil terror plot, arrest suspects in {p.district}",
            ]
        )
        text = dateline(g, p, style, day) + g.pick(
            [
                f"The Counter Terrorism Department (CTD) arrested {num(g, n)} suspected militants affiliated "
                f"with {gname} during raids {where} {time}, foiling a plan to attack sensitive installations.",
                f"Police said they had arrested {num(g, n)} terrorists of {gname} {where} and recovered "
                "explosives, detonators and suicide vests.",
                f"Law enforcement agencies foiled a major terror bid {where} {time} by arresting {num(g, n)} "
                f"members of {gname}.",
            ]
        )
        text += " " + g.pick(OP_AFTER)
        return title, text, lab
    lab.militants_killed = mk
    if kind == "ctd":
        group = g.any(["TTP", "ISKP", "BLA", "LeJ", "unknown", "unknown", "unknown"])
        lab.group = group
        gname = g.group_name(group) if group != "unknown" else "a proscribed organisation"
        title = g.pick(
            [
                f"{mk} terrorists killed in CTD raid in {p.district}",
                f"CTD kills {mk} suspected militants in {p.district}",
                f"{p.district}: {mk} terrorists killed in 'encounter'",
                f"CTD guns down {mk} militants of {gname}",
            ]
        )
        text = dateline(g, p, style, day) + g.pick(
            [
                f"The Counter Terrorism Department killed {num(g, mk)} suspected terrorists of {gname} in an "
                f"exchange of fire during a raid {where} {time}.",
                f"{cap(num(g, mk))} militants affiliated with {gname} were killed in a shootout with CTD "
                f"personnel {where} {time}, officials said.",
                f"According to a CTD spokesman, officials raided a compound {where} on a tip-off and killed "
                f"{num(g, mk)} terrorists of {gname} after they opened fire on the team.",
            ]
        )
    else:
        # ISPR's "khawarij" means the TTP; "Fitna al Hindustan" means Baloch separatists.
        frame = g.pick(OP_FRAMES_ISPR)
        lab.group = "BLA" if "Hindustan" in frame else "TTP" if "khawarij" in frame else "unknown"
        if province == "Balochistan" and lab.group == "TTP" and g.chance(0.5):
            frame = frame.replace("khawarij", "terrorists of Fitna al Hindustan")
            lab.group = "BLA"
        if kind == "strike":
            frame = g.any(
                [
                    "Security forces carried out precision strikes on militant hideouts {where}.",
                    "Jet fighters and drones targeted terrorist positions {where} {time}.",
                    "Gunship helicopters pounded militant hideouts {where}.",
                ]
            )
            lab.group = "unknown"
        date_s = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        result = g.pick(OP_RESULT).format(mk=num(g, mk), Mk=cap(num(g, mk)))
        if lab.group == "unknown":
            result = result.replace("khawarij", "terrorists")
        title = g.pick(
            [
                f"Security forces kill {mk} {'khawarij' if lab.group == 'TTP' else 'terrorists'} in {p.district} "
                "IBO: ISPR",
                f"{mk} terrorists killed in {p.district} operation",
                f"{cap(num(g, mk))} militants killed as forces raid hideout in {p.district}",
                f"ISPR: {mk} terrorists neutralised in {p.province}",
                f"Infiltration bid foiled, {mk} terrorists killed",
                f"Forces gun down {mk} militants in {p.district}",
            ]
        )
        text = (
            g.any(["RAWALPINDI: ", "RAWALPINDI: ", dateline(g, p, style, day)])
            + fill(frame, where=where, time=time, date=date_s)
            + " "
            + result
        )
    if g.chance(0.35):
        k = g.randint(1, 6)
        lab.killed = k
        text += " " + g.pick(
            [
                f"During the exchange of fire, {num(g, k)} soldiers embraced shahadat.",
                f"{cap(num(g, k))} {plural(k, 'soldier was', 'soldiers were')} martyred during the operation.",
                f"However, {num(g, k)} {plural(k, 'policeman', 'policemen')} also lost their lives in the raid.",
            ]
        )
    text += " " + " ".join(g.rng.sample(list(OP_AFTER), g.randint(1, 3)))
    if g.chance(0.3):
        text += " " + distractor(g, p, day)
    if style == "ticker":
        return f"{g.any(['BREAKING', 'Just in'])}: {title}", text.split(". ")[0] + ".", lab
    return title, text, lab


# ---------------------------------------------------------------- other (hard negatives)


def make_other(g: Gen, style: str, day: dt.date, published: dt.date) -> tuple[str, str, Labels, str]:
    """A hard negative: militancy, casualties or attack words in a report of no attack or operation."""
    kind = g.weighted(
        [
            ("analysis", 3.0),
            ("anniversary", 2.0),
            ("court", 2.0),
            ("policy", 3.0),
            ("foreign", 5.0),
            ("wordplay", 2.5),
            ("crime", 1.5),
            ("accident", 1.5),
            ("diplomacy", 1.5),
        ]
    )
    lab = Labels("other")
    p = g.place()
    other = g.place()
    year = day.year - g.randint(1, 12)
    n = g.randint(3, 150)
    group = g.any(list(GROUP_NAMES))
    gname = g.group_name(group)
    title, text, kind_style = _OTHER_KINDS[kind](g, _Setting(day, published, p, other, year, n, gname))
    style = kind_style or style
    if kind not in ("wordplay", "crime") and g.chance(0.6):
        extra = [g.pick(OTHER_CONTEXT), g.pick(BACKGROUND)]
        text += " " + " ".join(extra[: g.randint(1, 2)]).format(prov=p.province, district=p.district)
    if style in ("ispr", "police_statement", "follow_up"):
        style = "newspaper"
    if style == "ticker":
        text = text.split(". ")[0].rstrip(".") + "."
    return title, text, lab, style


@dataclass(frozen=True, slots=True)
class _Setting:
    """What a hard negative draws before its kind's own text (in this order, so the corpus stays as committed)."""

    day: dt.date
    published: dt.date
    p: Place  # where the report is filed
    other: Place  # another district: an earlier attack's
    year: int  # an earlier year
    n: int  # a count the text quotes
    gname: str  # a militant group's name


# A hard negative's title and text, and the style its kind imposes (None: the drawn style stays).
_OtherText = tuple[str, str, str | None]


def _other_analysis(g: Gen, setting: _Setting) -> _OtherText:
    """Statistics and analysis of militancy: figures, but no attack of the day."""
    day, published = setting.day, setting.published
    p, other, n, gname = setting.p, setting.other, setting.n, setting.gname
    pct = g.randint(5, 80)
    title = g.pick(
        [
            f"Militant attacks rose {pct}% in {day.year - 1}, report says",
            f"{p.province} bore the brunt of terrorism last year: study",
            "Terrorism-related deaths up sharply, think tank finds",
            f"Why {p.district} keeps bleeding",
            f"Analysis: the return of {gname}",
            f"Monthly security report shows {pct} percent rise in violence",
        ]
    )
    text = dateline(g, p, "newspaper", day) + g.pick(
        [
            f"Militant attacks across the country increased by {pct} percent in {day.year - 1}, with "
            f"{p.province} recording the highest number of incidents, according to an annual security report "
            f"released {when(g, day, published)}. The report said {n * 3} people, including security "
            f"personnel, were killed in {n} attacks during the year.",
            f"An independent think tank said {n} attacks were recorded in the last quarter, mostly in "
            f"{p.province}, with suicide bombings and ambushes on convoys becoming more frequent. It blamed "
            f"{gname} for most of them.",
            f"In the decade since the military cleared {other.district}, militants have slowly returned. "
            f"Analysts say {gname} has exploited the porous border and local grievances, and that attacks on "
            "police in the south of the province have become routine.",
            f"Data compiled by a research group show that {p.province} saw {n} militant attacks in the first "
            f"half of {day.year}, more than in the whole of {day.year - 2}. Most targeted police and "
            "paramilitary forces.",
            f"The rise of {gname} in {other.district} did not happen overnight, writes our correspondent, "
            "tracing how extortion, night letters and killings of elders prepared the ground.",
            f"A parliamentary committee was told that {n} policemen had been martyred in {p.province} since "
            f"January {day.year - 1}, and that the counter-terrorism department was short of staff.",
        ]
    )
    text += " " + g.any(
        [
            "The study recommended better coordination between civilian and military agencies.",
            "Experts said the figures showed the need for a comprehensive counter-terrorism strategy.",
            "The report also noted a fall in sectarian violence compared with previous years.",
        ]
    )
    return title, text, "feature"


def _other_anniversary(g: Gen, setting: _Setting) -> _OtherText:
    """An earlier attack remembered."""
    day, published = setting.day, setting.published
    other, year, n = setting.other, setting.year, setting.n
    title = g.pick(
        [
            f"{day.year - year} years on, families of {other.district} blast victims await justice",
            f"Remembering the victims of the {year} {other.district} attack",
            f"Nation marks anniversary of {other.district} tragedy",
            f"Scars of {year} still fresh in {other.district}",
        ]
    )
    text = dateline(g, other, "newspaper", day) + (
        f"Candles were lit and prayers offered {when(g, day, published)} to remember the {n} people who were "
        f"killed when {g.any(['a suicide bomber struck', 'militants stormed', 'a bomb ripped through'])} "
        f"{g.any(['a school', 'a market', 'a mosque', 'a police training college', 'a hospital'])} in "
        f"{other.district} in {year}. "
    )
    text += g.any(
        [
            "Relatives of the victims said they were still waiting for the masterminds to be punished.",
            "Speakers at the ceremony paid tribute to the martyrs and vowed never to forget them.",
            "Survivors recalled the horror of that day and the years of treatment that followed.",
        ]
    )
    return title, text, "feature"


def _other_court(g: Gen, setting: _Setting) -> _OtherText:
    """A trial, verdict or bail over an earlier attack."""
    day, published = setting.day, setting.published
    p, other, year, n, gname = setting.p, setting.other, setting.year, setting.n, setting.gname
    m = g.randint(1, 6)
    title = g.pick(
        [
            f"ATC sentences {m} to death in {other.district} bombing case",
            f"Court acquits suspects in {year} attack",
            f"Convict in {other.district} attack case gets life term",
            f"High court upholds verdict in {other.district} terror case",
        ]
    )
    text = dateline(g, p, "newspaper", day) + g.pick(
        [
            f"An anti-terrorism court in {p.district} {when(g, day, published)} sentenced {num(g, m)} men to "
            f"death for their role in the {year} attack in {other.district} that killed {n} people. The "
            f"convicts were members of {gname}, the prosecution said.",
            f"The high court acquitted {num(g, m)} suspects accused of planning a suicide bombing in "
            f"{other.district} in {year}, citing lack of evidence. Defence lawyers said their clients had "
            "been in custody for years.",
            f"A special court indicted {num(g, m)} suspects in a case relating to the killing of policemen in "
            f"{other.district}. The hearing was adjourned until next month.",
            f"The Supreme Court {when(g, day, published)} dismissed the appeal of a man sentenced for "
            f"facilitating a {year} suicide attack in {other.district}, upholding his conviction.",
            f"An accountability court heard the case of officials accused of misusing funds meant for the "
            f"victims of the {year} {other.district} bombing.",
            f"The anti-terrorism court granted bail to {num(g, m)} people arrested after a protest in "
            f"{p.district}, ruling that terrorism charges did not apply.",
        ]
    )
    return title, text, None


def _other_policy(g: Gen, setting: _Setting) -> _OtherText:
    """Counter-terrorism policy, bans, alerts and compensation."""
    day = setting.day
    p, n, gname = setting.p, setting.n, setting.gname
    title = g.pick(
        [
            "Apex committee approves new counter-terrorism plan",
            f"Government bans {gname}",
            "Interior minister vows to eliminate terrorism",
            f"{p.province} cabinet raises compensation for martyrs' families",
            "NACTA issues threat alert for major cities",
            "Parliament debates National Action Plan review",
            "Security tightened ahead of Muharram processions",
            f"Police to get modern weapons to counter militants in {p.district}",
        ]
    )
    text = dateline(g, p, "newspaper", day) + g.pick(
        [
            "The apex committee on national security decided to launch a comprehensive operation against "
            "militants and approved additional funds for counter-terrorism departments. The meeting was "
            "attended by the prime minister, chief ministers and the army chief.",
            f"The federal cabinet approved a summary to proscribe {gname} under the Anti-Terrorism Act, "
            "freezing its assets and barring its leaders from travel.",
            f"The interior minister said terrorists would be dealt with an iron hand and that attacks in "
            f"{p.province} were being planned across the border. He was speaking at a news conference.",
            f"The provincial cabinet increased the compensation for families of policemen martyred in "
            f"terrorist attacks to Rs{g.randint(5, 20)} million and approved a housing scheme for them.",
            f"The National Counter Terrorism Authority warned that militants could try to attack public "
            f"places in {p.district} and directed the police to step up security.",
            "Lawmakers demanded a briefing on the security situation, saying the public had a right to know "
            "why violence was rising.",
            f"The chief minister chaired a meeting on law and order in {p.district} and ordered the hiring of "
            f"{n * 10} more police constables for the southern districts.",
            "The federal government announced a new policy on the return of undocumented Afghan nationals, "
            "citing security concerns.",
            f"The army chief visited {p.district} and was briefed on the security situation, according to a "
            "statement. He lauded the sacrifices of the troops.",
        ]
    )
    return title, text, None


def _other_foreign(g: Gen, setting: _Setting) -> _OtherText:
    """An attack abroad (Afghanistan, Iran, India)."""
    day, published = setting.day, setting.published
    city, country = g.any(FOREIGN_PLACES)
    k = g.randint(1, 60)
    noun = g.any(["suicide bombing", "bomb blast", "gun attack", "attack", "explosion", "ambush"])
    venue = g.any(["a mosque", "a market", "a police post", "a bus", "a school", "a wedding hall"])
    title = g.pick(
        [
            f"{cap(noun)} kills {k} in {city}",
            f"{k} dead in {country} {noun}",
            f"{country}: {noun} in {city} leaves {k} dead",
            f"Gunmen kill {k} in {city}",
            f"{cap(noun)} hits mosque in {city}, {country}",
            f"{k} killed as {noun} hits {city}",
            f"Deadly {noun} in {country}'s {city}",
            f"Pakistan condemns {city} {noun}",
            f"{city} {noun}: toll rises to {k}",
        ]
    )
    actor = g.any(
        {
            "Afghanistan": ["Islamic State Khorasan", "Daesh", "unidentified gunmen", "a suicide bomber"],
            "Iran": ["Jaish al-Adl", "unidentified gunmen", "a suicide bomber", "Islamic State militants"],
            "India": ["Maoist rebels", "unidentified gunmen", "militants", "suspected insurgents"],
        }[country]
    )
    officials = {"Afghanistan": "Taliban officials", "Iran": "Iranian state media", "India": "Indian police"}[country]
    body = g.pick(
        [
            f"A {noun} {when(g, day, published)} in {city} killed {num(g, k)} people and wounded many "
            f"others, {country}'s officials said. {cap(actor)} claimed responsibility.",
            f"At least {num(g, k)} people were killed when {actor} attacked a gathering in {city}, "
            f"{country}, officials said.",
            f"{cap(actor)} attacked a police post in {city} in {country}, killing {num(g, k)} "
            "officers, according to local authorities.",
            f"{officials} said {num(g, k)} people died when {actor} struck {venue} in {city}.",
            f"The death toll from the {noun} at {venue} in {city} rose to {k}, {officials} said.",
            f"{cap(num(g, k))} people were killed and dozens hurt in a {noun} targeting {venue} in {city}, "
            f"{officials} said, blaming {actor}.",
            f"In {country}, {actor} carried out a {noun} on {venue} in {city}, killing {num(g, k)}.",
            f"{cap(actor)} said it had attacked {venue} in {city}; {officials} put the toll at {k}.",
            f"Residents of {city} said the {noun} at {venue} was the worst they had seen; {num(g, k)} died.",
        ]
    )
    text = (
        g.any([f"{city.upper()}, {country} — ", f"{city.upper()}: ", f"{city}, {country} (Agencies) - "])
        + body
        + " "
        + g.any(
            [
                "Pakistan's Foreign Office condemned the attack and expressed solidarity with the people of "
                f"{country}.",
                "The attack was the deadliest in the country this year.",
                f"Authorities in {country} launched an investigation.",
                f"Security was tightened across {country} after the attack.",
            ]
        )
    )
    return title, text, "wire"


def _other_wordplay(g: Gen, setting: _Setting) -> _OtherText:
    """Attack, blast and killing used figuratively: sport, politics, business."""
    day, published = setting.day, setting.published
    p, n = setting.p, setting.n
    title, text = g.pick(
        [
            (
                "Pace attack leads Pakistan to big win",
                f"{p.district.upper()}: Pakistan's pace attack ripped through the top order as the visitors "
                f"were bowled out for {n + 60}. The fast bowlers shared {num(g, min(n % 10 + 1, 10))} "
                "wickets.",
            ),
            (
                "Opposition attacks government over inflation",
                f"ISLAMABAD: Opposition leaders launched a scathing attack on the government in the National "
                f"Assembly, accusing it of killing the economy. {cap(num(g, min(n, 12)))} members staged a "
                "walkout.",
            ),
            (
                f"Former MPA dies of heart attack in {p.district}",
                f"{p.district.upper()}: A former member of the provincial assembly died of a heart attack "
                f"{when(g, day, published)}. His funeral prayers were attended by hundreds.",
            ),
            (
                "Cyber attack hits bank's systems",
                f"KARACHI: A cyber attack disrupted the online services of a commercial bank for {n} hours, "
                "but no customer data was stolen, the bank said.",
            ),
            (
                f"Stray dogs attack {num(g, min(n, 12))} children in {p.district}",
                f"{p.district.upper()}: {cap(num(g, min(n, 12)))} children were injured when a pack of stray "
                "dogs attacked them near a school. Residents demanded action from the municipality.",
            ),
            (
                "Striker's late attack seals derby",
                f"{p.district.upper()}: A late attack down the left flank brought the winning goal in the "
                f"{n}th minute as the home side shot down the visitors' hopes.",
            ),
            (
                "Minister hits back at critics",
                "LAHORE: The provincial information minister attacked the opposition for 'spreading lies' "
                "and said its protest had bombed.",
            ),
            (
                f"Locust attack destroys crops in {p.district}",
                f"{p.district.upper()}: Swarms of locusts attacked standing crops on {n} acres, farmers said, "
                "demanding compensation from the government.",
            ),
            (
                "Bowlers attack the stumps to level series",
                f"RAWALPINDI: The spinners attacked the stumps relentlessly and claimed {num(g, min(n, 10))} "
                "wickets to level the series.",
            ),
            (
                f"Panic attack: shares plunge {n % 9 + 1} percent",
                "KARACHI: The stock market crashed as investors panicked over political uncertainty, wiping "
                "out billions in a single session.",
            ),
            (
                "Acid attack victim gets justice",
                f"{p.district.upper()}: A court sentenced a man to 14 years in prison for throwing acid on a "
                "woman who had refused his marriage proposal.",
            ),
            (
                "Hockey team's attacking play wins hearts",
                f"{p.district.upper()}: The national hockey team's forwards kept up a relentless attack and "
                f"scored {num(g, min(n % 7 + 2, 10))} goals against the visitors.",
            ),
            (
                "Candidate faces verbal attacks in TV debate",
                "LAHORE: The two candidates traded personal attacks during a televised debate, with one "
                "accusing the other of 'assassinating' the city's character.",
            ),
            (
                f"Bees attack picnickers in {p.district}",
                f"{p.district.upper()}: A swarm of bees attacked a family picnicking near a stream, sending "
                f"{num(g, min(n, 12))} people to hospital with stings.",
            ),
            (
                "Ransomware attack cripples provincial website",
                "PESHAWAR: Hackers locked the servers of a provincial department in a ransomware attack and "
                "demanded payment in cryptocurrency, officials said.",
            ),
            (
                f"Asthma attacks rise as smog engulfs {p.district}",
                f"{p.district.upper()}: Doctors reported a surge in asthma attacks and chest infections as "
                "thick smog blanketed the city for a second week.",
            ),
            (
                "Spinners lead the attack as series is sealed",
                f"KARACHI: The spin attack took {num(g, min(n % 10 + 1, 10))} wickets on a turning pitch, "
                "killing off the visitors' hopes of a comeback.",
            ),
            (
                "Government under attack over fuel prices",
                "ISLAMABAD: Traders and transporters attacked the government's decision to raise fuel prices "
                "and threatened a strike, calling it a bomb dropped on the poor.",
            ),
        ]
    )
    return title, text, None


def _other_accident(g: Gen, setting: _Setting) -> _OtherText:
    """Deaths that are no attack: explosions, crashes, floods, a mine."""
    p = setting.p
    k = g.randint(2, 30)
    title, text = g.pick(
        [
            (
                f"Gas cylinder blast kills {k} in {p.district}",
                f"{p.district.upper()}: {cap(num(g, k))} people died when a gas cylinder exploded in a "
                "house, police said, ruling out sabotage.",
            ),
            (
                f"{k} dead as bus plunges into ravine in {p.district}",
                f"{p.district.upper()}: A passenger bus fell into a gorge after the driver lost control on a "
                f"sharp bend, killing {num(g, k)} people, rescue officials said.",
            ),
            (
                f"Flash floods kill {k} in {p.district}",
                f"{p.district.upper()}: Torrential rain triggered flash floods that swept away houses and "
                f"killed {num(g, k)} people, the disaster management authority said.",
            ),
            (
                f"Boiler explosion at factory leaves {k} dead",
                f"{p.district.upper()}: A boiler exploded at a textile factory, killing {num(g, k)} "
                "workers. Police said negligence was suspected, not terrorism.",
            ),
            (
                f"Coal mine collapse traps miners in {p.district}",
                f"{p.district.upper()}: {cap(num(g, k))} miners were killed when a methane gas explosion "
                "caused a coal mine to cave in, officials said.",
            ),
            (
                f"Old mortar shell explodes, killing {min(k, 4)} children",
                f"{p.district.upper()}: Children playing in a field picked up an old mortar shell that "
                "exploded, police said, adding that it appeared to be a leftover from past fighting.",
            ),
        ]
    )
    return title, text, None


def _other_crime(g: Gen, setting: _Setting) -> _OtherText:
    """Killings over feuds, land and robberies: crime, not militancy."""
    day, published = setting.day, setting.published
    p = setting.p
    k = g.randint(1, 4)
    title = g.pick(
        [
            f"{k} killed over old enmity in {p.district}",
            f"Robbers shoot dead shopkeeper in {p.district}",
            f"Land dispute claims {k} lives in {p.district}",
            f"Man kills {k} relatives in {p.district}",
        ]
    )
    text = dateline(g, p, "newspaper", day) + g.pick(
        [
            f"{cap(num(g, k))} people were shot dead {where_simple(p)} {when(g, day, published)} in what "
            "police described as a result of an old family feud. The suspects fled.",
            f"Robbers shot dead a shopkeeper {where_simple(p)} when he resisted a robbery bid, police said. "
            "They took away cash and mobile phones.",
            f"Police arrested a man who allegedly killed {num(g, k)} members of a rival family "
            f"{where_simple(p)} over a dispute about irrigation water.",
            f"A dacoit gang attacked a passenger van {where_simple(p)} and looted cash from the travellers, "
            "police said, adding that one passenger was wounded when he resisted.",
            f"{cap(num(g, k))} people were killed in a clash between two families over a piece of land "
            f"{where_simple(p)}, police said. A case was registered against the accused.",
        ]
    )
    return title, text, None


def _other_diplomacy(g: Gen, setting: _Setting) -> _OtherText:
    """Diplomacy and statements about militant groups."""
    p, gname = setting.p, setting.gname
    title = g.pick(
        [
            "Pakistan asks Kabul to act against TTP sanctuaries",
            "Afghan Taliban deny sheltering militants",
            "Talks with militants not on the table, says minister",
            f"{cap(gname)} denies involvement in recent violence",
            "Pakistan, Iran agree to boost border security cooperation",
            "UN report flags presence of militant groups in Afghanistan",
        ]
    )
    text = "ISLAMABAD: " + g.pick(
        [
            "The Foreign Office said Pakistan had repeatedly shared evidence with Kabul about militant "
            "hideouts across the border and expected concrete action.",
            f"A spokesman for {gname} said in a statement that the group was not involved in recent attacks "
            "on civilians and accused the government of propaganda.",
            "Officials of the two countries met to discuss border management, trade and counter-terrorism "
            "cooperation, according to a joint statement.",
            "A UN monitoring report said several militant groups continued to operate from Afghan soil and "
            f"named {gname} among them.",
            "The two neighbours traded accusations after border crossings were closed for a week, hurting "
            "traders on both sides.",
            f"A delegation of tribal elders from {p.district} travelled to Kabul to seek a peace deal, but "
            "officials played down its prospects.",
        ]
    )
    return title, text, None


_OTHER_KINDS: dict[str, Callable[[Gen, _Setting], _OtherText]] = {
    "analysis": _other_analysis,
    "anniversary": _other_anniversary,
    "court": _other_court,
    "policy": _other_policy,
    "foreign": _other_foreign,
    "wordplay": _other_wordplay,
    "accident": _other_accident,
    "crime": _other_crime,
    "diplomacy": _other_diplomacy,
}


def where_simple(p: Place) -> str:
    return f"in {p.district}"


# ---------------------------------------------------------------- corpus assembly


def generate_split(name: str, size: int, seed: int, pool: str) -> list[Report]:
    g = Gen(seed, pool)
    reports: list[Report] = []
    seen: set[str] = set()
    while len(reports) < size:
        published = dt.date(2023, 1, 1) + dt.timedelta(days=g.randint(0, 1060))
        day = published - dt.timedelta(days=g.any([0, 0, 1]))
        event = g.weighted(EVENT_WEIGHTS)
        style = g.weighted(STYLE_WEIGHTS)
        if event == "attack":
            title, text, lab, style = make_attack(g, style, day, published)
        elif event == "security_operation":
            style = "newspaper" if style in ("follow_up", "police_statement") else style
            title, text, lab = make_operation(g, style, day, published)
        else:
            title, text, lab, style = make_other(g, style, day, published)
        text = re.sub(r"[ \t]+", " ", text).strip()
        key = normalise(text)
        if key in seen:
            continue
        seen.add(key)
        rid = f"{name}-{len(reports) + 1:04d}"
        reports.append(Report(rid, title, text, published.isoformat(), style=style, **asdict(lab)))
    return reports


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def shingles(text: str, n: int = 3) -> set[str]:
    words = normalise(text).split()
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def drop_near_duplicates(candidates: list[Report], reference: list[Report], limit: float = 0.6) -> list[Report]:
    """Drop candidates whose word-trigram Jaccard with any reference report reaches `limit`."""
    ref = [shingles(r.text) for r in reference]
    kept = []
    for r in candidates:
        s = shingles(r.text)
        if all(jaccard(s, t) < limit for t in ref):
            kept.append(r)
    return kept


def build() -> dict[str, list[Report]]:
    train = generate_split("train", TRAIN_SIZE, TRAIN_SEED, "fit") + handwritten.reports("train")
    dev_hand = handwritten.reports("dev")
    dev_gen = drop_near_duplicates(generate_split("dev", DEV_SIZE + 60, DEV_SEED, "fit"), train, 0.8)
    dev = dev_gen[: DEV_SIZE - len(dev_hand)] + dev_hand
    test_gen = drop_near_duplicates(generate_split("test", TEST_SIZE + 60, TEST_SEED, "test"), train + dev)
    test = test_gen[:TEST_SIZE] + handwritten.reports("test")
    return {"train": train, "dev": dev, "test": test}


def write(splits: dict[str, list[Report]], out_dir: Path) -> None:
    """Write the generated reports of each split; the hand-written ones are stored in `handwritten/` only."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, reports in splits.items():
        with (out_dir / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in reports:
                if r.id.startswith("hand-"):
                    continue
                fh.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")


def stats_markdown(splits: dict[str, list[Report]]) -> str:
    """Counts per label per split as Markdown tables (pasted into the data README)."""
    names = list(splits)
    out: list[str] = []
    for field, title in (
        ("event_type", "event_type"),
        ("attack_type", "attack_type"),
        ("group", "group"),
        ("province", "province"),
        ("style", "style"),
    ):
        values = sorted({str(getattr(r, field)) for rs in splits.values() for r in rs if getattr(r, field)})
        out.append(f"| {title} | " + " | ".join(names) + " |")
        out.append("|---" * (len(names) + 1) + "|")
        for v in values:
            counts = [sum(str(getattr(r, field)) == v for r in splits[n]) for n in names]
            out.append(f"| {v} | " + " | ".join(str(c) for c in counts) + " |")
        out.append("")
    totals = " | ".join(str(len(splits[n])) for n in names)
    hand = " | ".join(str(sum(r.id.startswith("hand") for r in splits[n])) for n in names)
    districts = " | ".join(str(len({r.district for r in splits[n] if r.district})) for n in names)
    out += [
        "| total | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
        f"| reports | {totals} |",
        f"| of which hand-written | {hand} |",
        f"| distinct districts | {districts} |",
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DATA_DIR / "generated", help="directory for the generated splits")
    parser.add_argument("--stats", action="store_true", help="print per-label counts as Markdown")
    args = parser.parse_args(argv)
    splits = build()
    write(splits, args.out)
    for name, reports in splits.items():
        print(f"{name}: {len(reports)} reports")
    if args.stats:
        print(stats_markdown(splits))


if __name__ == "__main__":
    main()
