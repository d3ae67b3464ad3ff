"""Label articles: event and attack type (model or keyword baseline) plus group, place and casualties."""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from classifiers.attack_types import (
    headline_says_hijacking,
    headline_says_infrastructure,
    says_hijacking,
    says_suicide,
)
from classifiers.calibration import IDENTITY, Calibration
from classifiers.casualties import Casualties, extract_casualties
from classifiers.features import Facts, facts_from
from classifiers.groups import GroupGuess, identify_group
from classifiers.keywords import predict_keywords
from classifiers.places import PlaceGuess, locate
from classifiers.scope import (
    attack_cue,
    claim_keeps_attack,
    denial,
    holds_over_other,
    home_only,
    operation_cue,
    out_of_scope,
    overrules_other,
    staged,
)
from domain.errors import KhabarError
from domain.records import ArticleLabels
from domain.taxonomy import AttackType, EventType, Group
from domain.text import clean_article

logger = logging.getLogger(__name__)

# Part of every label's model version: bump it when the rules (places, groups, casualties and their data files)
# read differently, so that a warehouse labels its articles again. 2: "the martyrdom of N ..." as a toll;
# 3: lines before a capitalised dateline (highlights, kickers) are background for the place; a stated toll
# absorbs the additions of its sentence; "earlier in the week" is another attack; nationals counted as victims;
# "N others" after militants are militants; "left X and Y dead" counts the whole list; "the bodies of N ...";
# "including the bomber"; a group's own claimed toll; "came days after" another attack; "the killing of N";
# "N members of a family"; "nine of the 40 passengers"; a toll counted over the year is background;
# 4: "were left wounded"; "wounded another 30"; "N people, X among them,"; longer "including" asides, before
# the verb and after it ("23 killed, including 10 terrorists"); quoted words; "the number of personnel who
# embraced martyrdom rose to N"; an "also" figure that restates the base or that a total of people counts;
# "an attack on troops martyred 14"; a claimant's toll; schoolchildren; long photo captions dropped;
# 5: the paragraphs about earlier events that end a report ("Earlier this month, ...") are background for the
# place, the toll and a merely named group; "the group said they were behind it" is a claim; a report whose
# opening puts the deed on a state's forces across a border, on dacoits or a feud, or on a gas explosion (and on
# no militant) is `other` (`classifiers/scope.py`); a spokesman who "claimed that ..." is not claiming an attack;
# a claim makes an attack only where the event heads leave an attack possible (P(attack) >= 0.05); troops
# foiling an infiltration is an operation.
# 6: an attack once the head's raw P(attack) reaches `_ATTACK_MIN_P`; an attack beaten back, and a follow-up of
# a named attack, read as an operation are attacks; a group's denial in the headline is `other`; a suicide
# bombing the report's own account never calls one takes the next type (`classifiers/attack_types.py`);
# casualty kickers, "N more" after another field, statistics over many attacks, Title Case headlines, later
# paragraphs recounting the lead's victims; habitual blame of a group; "Chinese victims of Dasu".
# 7: claims worded "owns up to"; an attack beaten back read as `other` is an attack; air strikes at home are an
# operation; "rebels" are militants; a dead count that takes in the attackers.
# 8: an operation whose only counts of the dead are bare and equal the militants killed has no victims' toll;
# "an officer and 12 more people" counts 13; "one of eight people killed" is eight; "besides X, N other people"
# is N + 1; a bare count of the hurt after a counted group of militants is more militants; a breakdown after a
# single dash repeats the total; a toll "risen above" or that "crosses" N is stated; others "also killed" after
# the lead's figure is restated add to it; a pasted tweet ending in its photo link is dropped; an IBO in the
# opening, or troops who "conducted an operation", make a report read as an attack an operation; "rejects role",
# "not its work" head denials, and a claim makes no attack of a statement headed by a denial; a group merely
# named from the fourth sentence on, with no word of the event in its clause, weighs a fifth; a headline glued to
# the opening ("...to 53Islamabad - ...") is cut off it; a hijacking whose account never says a vehicle was
# seized or people held takes the next type.
# 9: a drill or mock exercise, or a hoax or fake threat, in the opening (rules/scope.yaml `staged`) is `other`
# whatever else the opening says and whatever the rules above made of it; a toll that "went up to N" is a stated
# toll; "the number of dead militants" is of militants; asides like ", dressed in burqas and armed with ...," are
# skipped; "N dead, M of them attackers" at a headline's end is a breakdown; "every one of the" counts no one;
# "15 people, eight soldiers and seven guards" is 15; "X were killed, as have N Y" kills the Y too; "N members of
# the security staff" are counted; a caption credited "—Name / White Star" is dropped; after "comes days after"
# the rest of the sentence is about the earlier attack; lines before the dateline are not the lead; captions
# credited "(Reuters)" or "- AFP Photo" are dropped; a cylinder that "blew up" is no militant word; a faction
# described by its parent ("JuA, a splinter faction of the TTP, claimed") is the one that claims; a headline
# repeated in Title Case in the body is read as the title; "a soldier" counts as a soldier (a later "a soldier
# was also killed" restates the lead's); after "last year, in which" the rest of the sentence is background; a
# foreign wire's bureau ("LAHORE, Pakistan (AFP) —") names no district of a report placed only in a province; a
# headline that calls the attack a hijacking makes it one; "targeted operations" and a plot foiled ("thwarted a
# terror plot") in the opening make a reading of an attack an operation; a lynching or a mob is no militant
# attack; someone "hit in the leg" is wounded; a headline naming two districts of one province side by side
# ("Naushki, Panjgur attacks") gives no district; "Naushki" is Noshki; a headline that marks an attack's
# anniversary and reports no new one heads a commemoration, `other`.
# 10: "Taliban", "Taliban militants" and "local Taliban" name the TTP only in a claim of the attack (or beside a
# named member of its family): named as a habit ("have attacked polio teams before") or as a modifier ("a
# pro-Taliban lobby"), they give no perpetrator; Abbas Town is in Karachi East; a caption that ends with its
# outlet's short credit ("(AN photo)", "(AP Photo/Name)") is dropped; "four of its employees" counts four; dashes
# set as box-drawing lines ("six others ─ two captains ... ─ were wounded") read as dashes; a group named only in
# sentences about its record or the past, however often, is no perpetrator, nor one whose blame is foretold
# ("are likely to be suspected"); "the dead were believed to belong to X" ties X to the event; a feud or an
# enmity in the opening is crime, `other`; "told its fighters to carry out attacks" is no claim; a state "accused
# of harbouring" a group, and a group that "has killed large numbers ... over the years", name no culprit; a lede
# that places the event "in Pishin and Qila Saifullah districts" gives no district; a Title Case kicker before a
# colon and an article ("... Leaves 12 Soldiers Dead: A suicide car bomb ...") is its own sentence; from a
# sentence that opens "Separately," on, the rest of the report is background for the toll; a headline saying the
# vehicle itself was seized or taken over ("BLA seizes Jaffar Express") makes a hijacking; attackers in suicide
# vests who stormed a place make a suicide attack only if something went off (else the next type); a headline
# saying a school, tower, pipeline or track was blown up or torched, with no one hurt, makes an infrastructure attack;
# "the same number wounded" repeats the count before it; "so far" marks a count over a period only as "so far this
# year" (not "had so far been brought to hospital"); a killing the police put down to an enmity or a feud anywhere
# in the report, undenied and with no militant word in the opening, is crime, `other`; "five killed, one soldier
# martyred" beside five terrorists sent to hell is one victim; a name, an age, or a rank and name in apposition to
# one victim ("a polio worker, Gul Zaman, 40,", "The driver, Constable Amjad Ali,") is that victim; ISPR's lists of
# the martyred: "Havildar" is a rank, "(age 36, resident of Karak)" and ", age 26, resident of Swat, having fought
# gallantly," are particulars, "two soldiers, Sepoy A, 24, and Lance Naik B, 31," are two; a toll that "reaches",
# "hits", "passes" or "exceeds" N is stated.
# 11: a school bus or van is no installation for the infrastructure headline; counts "since the bombing in X" or
# "since the army began its offensive" are background, and a stated toll "in such attacks ... since 2012" counts
# over a period; "on polio security duty" is no part of the phrase it follows; a stated toll may name its attack at
# some length ("the toll from the suicide attack that killed ... rising to 21"); "nine people, four policemen and
# five militants, died" is a breakdown of the nine; a list has one "and", so a phrase read leftwards ends at a ", and"
# past which another "and" comes ("killed a policeman, a woman and two children, and 26 people were injured");
# vendors, devotees, patients and more trades are people; a headline that names the operation, offensive or
# crackdown itself (not a clearance, rescue or search after an attack, nor one concluded) makes a reading of an
# attack an operation; "killing all three" after militants were named counts militants; a short phrase in single
# quotes is the phrase ("three of the 'most wanted' terrorists"); "killed so far, as have six guards" kills the guards;
# terrorists "taken into custody wounded" are no injured victims.
# 12: "kills 27, 13 army personnel among dead" names a part of the 27; in "gunmen kill two policemen, die in police
# fire" the two are counted once; "who said so" between commas is an aside ("Four soldiers, it said, were
# martyred"); a title with "of" in it is one name ("Superintendent of Police Muhammad Ilyas, his wife, son and a
# grandson": four); kin and neighbours are people; the headlines under an "Also read" line are dropped from the
# page however long; rival groups, clans or families in the opening are crime, `other`; "the BLA claimed that
# attack" claims the one told before; a bulleted highlight over the story ("• Islamic State group says it carried
# out the attack") is kept however short; a province heading an office ("the Punjab governor", "the Sindh
# government") is not the scene; Tehreek-i-Taliban Punjab is the TTP, and its name no place; digits glued to
# letters ("epa03512994") are a code, no count; a caption ending "EPA/REHAN KHAN" is a caption; "six militants
# stormed the base, three of whom were killed" counts three militants (not when the people are named in an earlier
# sentence: "Four of them were killed"); a name of two to four capitalised words before "was killed" is one
# person ("qawwal Amjad Sabri was killed"), a militant when the words before it say so ("TTP commander X"); a phrase
# without an article or count is one person only when its last word names one ("Cop martyred", "scholar Mufti Shah
# Mir"), not in "rescuers recovered more bodies"; ", when 11 people died" continues its clause, so after "the same
# area had been targeted in 2022" it is background; in "the death toll stood at 10 and seven others were injured"
# the 10 is the toll, no part of the injured; a group that "said in a text message to reporters that it had carried
# out the bombing" claims it; a name one or two words before "highway" or "road" is a road's name and weighs less
# ("the Noshki-Dalbandin National Highway", "Quetta's Mastung Road"); a sub-head that gives a group's claim
# ("Faction of TTP says it carried out the killing") is kept however short.
# 13: "29 people, six policemen and two children among them." names a part of the 29 at a sentence's end too; "the
# two bus drivers who were also martyred" are victims counted before, not two more; "SP Ilyas' wife, son and
# grandson" are counted as "his wife, son and grandson" are; a lead that names the dead of an attack on a weekday
# ("martyred in a terrorist attack in Nawa Kali on Wednesday") makes a follow-up the attack where the heads read
# `other`; a connective between commas is an aside ("Four soldiers, however, embraced shahadat"); "the other six"
# are the rest of the people named before them in the sentence ("five of the militants died ..., while the other
# six were killed"); the part of the dead may be named after the place and cause the verb gives ("nine people died
# in the assault and the gunfight that followed, four policemen and five militants among them": four victims);
# "killing him" is one person, and so is a noun followed by a name ("shot dead journalist Musa Khankhel"); police,
# the CTD or troops shooting militants dead is an encounter, an operation, where the heads read an attack; combat
# helicopters' precision strikes are air strikes; a group's claim keeps only a foiled infiltration an attack, not
# an IBO, air strikes or an encounter whose release recalls a claimed attack; a headline of a tally (a statistics
# report, an index: "Report: Pakistan third on Global Terrorism Index") heads an `other` story, as a
# commemoration's does; a group named where the report says what such groups do or where they are ("the Taliban
# and other groups tied to Al Qaeda, which carry out attacks ..., are believed to have bases there") is context,
# and so is its rank "among the main perpetrators" of the country's violence; after a paragraph about the past, a
# paragraph that gives the lead's toll of several again is back on this event ("It said thirteen ... were martyred,
# while a woman and two children suffered serious injuries": three injured); a district taken from a local
# outlet's dateline alone has evidence 0.5, from a foreign agency's ("PESHAWAR (AP) -") 0.3, a guess; "kills 8,
# Awami party leader among dead" names a part of the 8 as "13 army personnel among dead" does; praise between commas
# is an aside ("killed SP Chaudhry Aslam, among the boldest of the country's officers, together with three other
# policemen": four).
# 14: companions named after a passive verb were killed too ("Chaudhry Aslam was killed along with three other
# policemen": four; "was martyred along with his guard": two), and a police rank before a name (SSP, ASP, DIG, AIG,
# IGP, DPO, superintendent, khasadar) makes the named man one of the dead ("SSP Chaudhry Aslam and three other
# policemen": four); a cylinder, tank or boiler that "blew up" a few words after it is named, and the bomb disposal
# squad, are no militant words in an opening (a gas accident stays `other`); a motive up to eight words after its
# cue ("police suspected the killing may have stemmed from an old feud"), a broken engagement, an honour killing or
# a refused marriage proposal make a killing crime; "an attempt by militants to cross over from Afghanistan" and
# "tried to slip into Pakistan" are infiltrations foiled (not "tried to slip into the garrison"); "hurts" and
# "hurting" are verbs of the injured ("kills two boys, hurts Chinese national": two killed, one injured); from a
# sentence that turns to "a similar explosion" or "in a similar incident" on, the report is about others, as from
# "Separately" on; a paragraph that opens "Earlier on Sunday" or "Earlier the same day" is about another event;
# "al-Qaeda" alone stands for AQIS only in a claim, as "Taliban" alone does for the TTP; a group named in what the
# attack came after ("the attack came only one day after TTP chief Hakimullah Mehsud told his fighters ...") is
# context, and so is one said to have been behind "that attack" (the one told before) or blamed for "similar attacks
# in the past" (not where the earlier attacks sit in a relative clause and the clause blames it for this one); a
# toll that "stands at no fewer than 59" is a toll; the killing an attack is "revenge for" is another event; a
# running total ("34 people have now died ..., after seven of the wounded died") already counts the additions of
# its sentence; the "second cleric killed in two days" is one victim of a series, and a killing the attack "followed
# by one day" is another event; a place named as a reference point ("some 50 km northeast of Peshawar", "30
# kilometres from Quetta") is not the scene; a lead in which officers or soldiers "were shot dead" (not "shot dead
# three terrorists") tells of an attack where the heads read an operation; a headline counting over a period ("...
# held 612 so far in 2024, report says") heads a tally, `other`, though it names the dead; Indian (Afghan, Iranian)
# air, missile or drone strikes or shelling are a state's fire across a border, `other`; the army opening an
# offensive is an operation cue, but not "an operation to clear the campus" an attack's siege ends with; an attack
# "thwarted by seizing a suspected suicide bomber" is a plot foiled, an operation; a sentence that goes on from one
# about other events ("... 78 attacks in June that left 100 dead. Another 189 people were wounded") is about them.
RULES_VERSION = "rules-14"
# The encoder sees the title and the opening of the text; a 1 MB body must not cost more than a short one.
MAX_TEXT_CHARS = 20_000
# The raw event confidence of a report relabelled `other` by `classifiers.scope` (then calibrated like any).
_SCOPE_CONFIDENCE = 0.75
# A claim makes a report an attack only when the event heads leave the attack possible: an ISPR release of an
# operation (P(attack) 0.001-0.02) that recalls a group's claim of an older attack stays an operation. On the
# dev and extra pages the rule fired on 10 reports; the 5 attacks had raw P(attack) 0.07-0.37, three of the
# five non-attacks under 0.03.
_CLAIM_MIN_P_ATTACK = 0.05
# A report whose raw P(attack) reaches this is read as an attack, whatever the event head's argmax. Chosen on
# the tuning sets with the heads refitted on the TorchScript export (event accuracy, retold dev / extra /
# generated dev): 0.10 0.950/0.913/0.965, 0.15 0.954/0.913/0.970, 0.20 0.958/0.908/0.980, 0.30
# 0.950/0.908/0.980, 0.37 (the eighth session's bar) 0.946/0.898/0.975. Chosen again in the eleventh session on
# that session's retellings (event accuracy, retold dev / extra (126 pages) / generated dev): 0.12
# 0.974/0.897/1.0, 0.15 0.974/0.913/1.0, 0.17 0.974/0.897/1.0, 0.20 0.965/0.881/1.0, 0.25 0.965/0.873/1.0.
_ATTACK_MIN_P = 0.15


@dataclass(frozen=True, slots=True)
class EventGuess:
    event_type: EventType
    event_confidence: float
    attack_type: AttackType | None
    attack_confidence: float
    # Probability that the report describes an attack of any type.
    p_attack: float
    # The attack head's probability of each attack type, even when the event head says "not an attack" (empty:
    # no attack head).
    attack_probabilities: Mapping[AttackType, float] = field(default_factory=dict)

    def likely_attack(self, excluding: Collection[AttackType] = ()) -> tuple[AttackType, float] | None:
        """The attack head's best type (other than those `excluding`) and its probability; None without the head."""
        candidates = [a for a in self.attack_probabilities if a not in excluding]
        if not candidates:
            return None
        best = max(candidates, key=lambda a: self.attack_probabilities[a])
        return best, self.attack_probabilities[best]


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the rules read from one report, whatever the event model says."""

    place: PlaceGuess
    group: GroupGuess
    casualties: Casualties
    # The label guide's non-attack story its opening names, or the operation it says it is (`classifiers.scope`).
    out_of_scope: str | None = None
    operation_cue: str | None = None
    attack_cue: str | None = None
    denial: bool = False  # the headline is a group's denial
    says_suicide: bool = True  # the report's own account says the attack was a suicide attack
    says_hijacking: bool = True  # ... that a vehicle was seized or people held
    hijacking_headline: bool = False  # the headline calls it a hijacking
    infrastructure_headline: bool = False  # ... says an installation was blown up or torched, no one hurt
    staged: str | None = None  # the opening says the attack was a drill or a hoax

    def for_model(self) -> Facts:
        c = self.casualties
        return facts_from(c.killed, c.injured, c.militants_killed, self.group, self.place)


class EventTyper(Protocol):
    version: str
    calibration: Calibration

    def encode(self, items: Sequence[tuple[str, str]]) -> Any: ...

    def predict_events(
        self, items: Sequence[tuple[str, str]], encoded: Any, facts: Sequence[Facts]
    ) -> list[EventGuess]: ...


class KeywordEventTyper:
    """The keyword baseline behind the same interface as the model."""

    version = "keywords-1"
    calibration = IDENTITY

    def encode(self, items: Sequence[tuple[str, str]]) -> Any:
        return None

    def predict_events(
        self, items: Sequence[tuple[str, str]], encoded: Any, facts: Sequence[Facts]
    ) -> list[EventGuess]:
        guesses = []
        for title, text in items:
            p = predict_keywords(title, text)
            p_attack = p.event_confidence if p.event_type is EventType.ATTACK else 1.0 - p.event_confidence
            guesses.append(EventGuess(p.event_type, p.event_confidence, p.attack_type, p.attack_confidence, p_attack))
        return guesses


class ModelEventTyper:
    """The MiniLM event/attack model (ONNX Runtime) with its cue/fact heads, loaded once per process."""

    def __init__(self, model_dir: Path | None = None) -> None:
        from classifiers.event_model import EventModel

        self._model = EventModel.load(model_dir)
        self.version = self._model.version
        self.calibration = self._model.calibration

    def encode(self, items: Sequence[tuple[str, str]]) -> Any:
        return self._model.embed(items)

    def predict_events(
        self, items: Sequence[tuple[str, str]], encoded: Any, facts: Sequence[Facts]
    ) -> list[EventGuess]:
        guesses = []
        for p in self._model.predict(items, embeddings=encoded, facts=facts):
            guesses.append(
                EventGuess(
                    p.event_type,
                    p.event_confidence,
                    p.attack_type,
                    p.attack_confidence,
                    p.p_attack,
                    {a: p.probabilities[a.value] for a in AttackType},
                )
            )
        return guesses


def load_event_typer(model_dir: Path | None = None, *, baseline: bool = False) -> EventTyper:
    """The trained model when its artifacts are there, else (with a warning) the keyword baseline. A model
    directory named on purpose (`KHABAR_MODEL_DIR`) must hold a model: a typo there is an error, not a silent
    switch to keywords."""
    if baseline:
        return KeywordEventTyper()
    try:
        return ModelEventTyper(model_dir)
    except (ImportError, FileNotFoundError, OSError) as exc:
        if model_dir is not None:
            raise KhabarError(f"no usable model in {model_dir} (KHABAR_MODEL_DIR): {exc}") from exc
        logger.warning("event model unavailable (%s); using the keyword baseline", exc)
        return KeywordEventTyper()


class Classifier:
    """Turns (title, text) pairs into ArticleLabels; one instance per process, reused across batches."""

    def __init__(self, event_typer: EventTyper) -> None:
        self.event_typer = event_typer
        self.version = f"{event_typer.version}+{RULES_VERSION}"

    @classmethod
    def load(cls, model_dir: Path | None = None, *, baseline: bool = False) -> Classifier:
        return cls(load_event_typer(model_dir, baseline=baseline))

    def classify(self, items: Sequence[tuple[str, str]]) -> list[ArticleLabels]:
        clipped = [(title or "", clean_article(title or "", (text or "")[:MAX_TEXT_CHARS])) for title, text in items]
        # The encoder runs outside the GIL, so the (pure Python) rules read the texts meanwhile.
        if not clipped:
            return []
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="event-typer") as pool:
            pending = pool.submit(self.event_typer.encode, clipped)
            facts = [
                _Facts(
                    locate(t, x),
                    identify_group(t, x),
                    extract_casualties(t, x),
                    out_of_scope(t, x),
                    operation_cue(t, x),
                    attack_cue(t, x),
                    denial(t),
                    says_suicide(t, x),
                    says_hijacking(t, x),
                    headline_says_hijacking(t),
                    headline_says_infrastructure(t),
                    staged(t, x),
                )
                for t, x in clipped
            ]
            encoded = pending.result()
        events = self.event_typer.predict_events(clipped, encoded, [f.for_model() for f in facts])
        labels = [self._label(fact, event) for fact, event in zip(facts, events, strict=True)]
        if encoded is not None:
            for label, vector in zip(labels, encoded, strict=True):
                label.embedding = vector
        return labels

    def _label(self, facts: _Facts, event: EventGuess) -> ArticleLabels:
        place, group, casualties = facts.place, facts.group, facts.casualties
        cal = self.event_typer.calibration
        event_type, event_conf = event.event_type, event.event_confidence
        attack_type, attack_conf = event.attack_type, event.attack_confidence
        p_attack = event.p_attack
        likely = event.likely_attack()
        abroad = bool(place.foreign_country and place.province is None)
        # The event head was fitted on generated text and under-reads attacks in real copy: a report with a raw
        # P(attack) of `_ATTACK_MIN_P` is an attack even where the head's argmax is `other` or an operation.
        if event_type is not EventType.ATTACK and likely is not None and p_attack >= _ATTACK_MIN_P:
            event_type, event_conf = EventType.ATTACK, p_attack
            attack_type, attack_conf = likely
        # An event placed abroad with no Pakistani location is out of scope, whatever its wording.
        if abroad and event_type is not EventType.OTHER:
            event_type, event_conf = EventType.OTHER, max(0.6, place.province_confidence)
            p_attack = min(p_attack, 1.0 - event_conf)
        # A report whose opening puts the deed on a state's forces across a border, on dacoits or a feud, or on
        # a gas explosion, and on no militant, is not an attack (label guide), however it reads.
        # ... and so is a group's denial (label guide: a statement), whatever attack its headline names.
        if (facts.out_of_scope or facts.denial) and event_type is EventType.ATTACK:
            event_type, event_conf = EventType.OTHER, _SCOPE_CONFIDENCE
            p_attack = min(p_attack, 1.0 - event_conf)
        if event_type is not EventType.ATTACK:
            attack_type = None
        # A group's claim of responsibility for an event placed in Pakistan makes it an attack: groups claim
        # attacks, never the state's operations, and a claim abroad is caught by the place rule above.
        if (
            group.claimed
            and not facts.denial
            and group.group is not Group.UNKNOWN
            and place.province is not None
            and event_type is not EventType.ATTACK
            and likely is not None
            and event.p_attack >= _CLAIM_MIN_P_ATTACK
        ):
            event_type, event_conf = EventType.ATTACK, max(event.p_attack, group.confidence)
            attack_type, attack_conf = likely
            p_attack = max(p_attack, group.confidence)
        # Militants who attacked a post and were beaten back committed an attack (label guide), though the ISPR
        # release leads with the attackers killed and the heads read an operation — or `other`, for the cues of
        # `over_other` (rules/scope.yaml) — unless a rule above put the report out of scope.
        excluded = facts.out_of_scope or facts.denial or abroad
        read_as = EventType.SECURITY_OPERATION, *((EventType.OTHER,) if holds_over_other(facts.attack_cue) else ())
        if facts.attack_cue and event_type in read_as and not excluded and not facts.operation_cue and likely:
            event_type, event_conf = EventType.ATTACK, _SCOPE_CONFIDENCE
            attack_type, attack_conf = likely
            p_attack = max(p_attack, event_conf)
        # Troops foiling an infiltration across the border is an operation (label guide), though soldiers die in
        # it and the report says "cross-border"; a group's claim of it keeps it an attack (its raid), the `home_only`
        # cues (jets striking) hold only at home, and the `over_attack_only` ones (an IBO) leave `other` as it is.
        # A claim beside the other cues is of the attack the release recalls (`claim_keeps_attack` lists the
        # cues a claim overrules): the operation stays one.
        at_home = not (abroad and home_only(facts.operation_cue))
        overruled = event_type is EventType.ATTACK or overrules_other(facts.operation_cue)
        if (
            facts.operation_cue
            and event_type is not EventType.SECURITY_OPERATION
            and not (group.claimed and claim_keeps_attack(facts.operation_cue))
            and at_home
            and overruled
        ):
            event_type, event_conf, attack_type = EventType.SECURITY_OPERATION, _SCOPE_CONFIDENCE, None
            p_attack = min(p_attack, 1.0 - event_conf)
        # A drill or a hoax (`staged` in rules/scope.yaml) is `other` (label guide), whatever the rules above made
        # of the attack words in its opening.
        if facts.staged and event_type is not EventType.OTHER:
            event_type, event_conf, attack_type = EventType.OTHER, _SCOPE_CONFIDENCE, None
            p_attack = min(p_attack, 1.0 - event_conf)
        if attack_type is not None:
            attack_type, attack_conf = _said_type(facts, event, (attack_type, attack_conf))
        event_conf = cal("event_type", event_conf)
        is_incident = event_type is not EventType.OTHER
        # An operation whose only counts of the dead are bare and equal the militants killed gives no victims.
        operation_attackers_only = event_type is EventType.SECURITY_OPERATION and casualties.attackers_only
        # Outside an incident every other field is null, and the nulls are right exactly when the event
        # type is: they share its confidence.
        raw = {
            "group": group.confidence,
            "claimed": group.confidence,
            "province": place.province_confidence,
            "district": place.district_confidence,
            **casualties.confidence,
        }
        confidence = {
            "event_type": round(event_conf, 3),
            "attack_type": round(cal("attack_type", attack_conf), 3) if attack_type else 0.0,
            **{k: round(cal(k, v) if is_incident else event_conf, 3) for k, v in raw.items()},
        }
        return ArticleLabels(
            event_type=event_type,
            attack_type=attack_type,
            group=group.group if is_incident else Group.UNKNOWN,
            claimed=group.claimed if is_incident else False,
            # The label guide: a non-incident story has no event place (its places are background).
            province=place.province if is_incident else None,
            district=place.district if is_incident else None,
            killed=None if not is_incident or operation_attackers_only else casualties.killed,
            injured=casualties.injured if is_incident else None,
            militants_killed=casualties.militants_killed if is_incident else None,
            model_version=self.version,
            confidence=confidence,
            p_attack=round(cal("p_attack", p_attack), 3),
            rejected_figures=casualties.rejected,
            evidence={k: round(v, 3) for k, v in raw.items()} if is_incident else {},
        )


def _said_type(facts: _Facts, event: EventGuess, chosen: tuple[AttackType, float]) -> tuple[AttackType, float]:
    """The attack type the report's own words allow: a hijacking where the headline calls it one, an infrastructure
    attack where it says an installation was blown up and no one hurt; a suicide
    bombing the account never calls one (the "suicide" was an older attack recalled, or in doubt), or a hijacking
    where nothing was seized and no one held (a bus fired on), is the head's next type the account does not rule
    out."""
    for says, kind in (
        (facts.hijacking_headline, AttackType.HIJACKING),
        (facts.infrastructure_headline, AttackType.INFRASTRUCTURE_ATTACK),
    ):
        if says:
            return chosen if chosen[0] is kind else (kind, event.attack_probabilities.get(kind, chosen[1]))
    said = {AttackType.SUICIDE_BOMBING: facts.says_suicide, AttackType.HIJACKING: facts.says_hijacking}
    unsaid = {kind for kind, says in said.items() if not says}
    if chosen[0] in unsaid:
        return event.likely_attack(excluding=unsaid) or chosen
    return chosen
