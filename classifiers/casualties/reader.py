"""The casualty reader: sentences to tokens, noun phrases around casualty verbs, and mentions with their figures.

Its vocabulary and phrase grammar are data (`vocabulary.py` reads the YAML files beside it); this module is
the parser that applies them. `combine.py` turns the mentions into one figure per field.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from classifiers.casualties.vocabulary import load_vocabulary
from classifiers.places import split_preamble
from domain.text import fold, opens_background, split_sentences

KILLED = "killed"
INJURED = "injured"
MILITANTS = "militants_killed"
CLASSES = (KILLED, INJURED, MILITANTS)

_V = load_vocabulary()
_UNITS = _V.units
_TENS = _V.tens
_VAGUE = _V.vague
_ORDINALS = _V.ordinals
_MONTHS = _V.months
_NOT_COUNT_AFTER = _V.not_count_after
_NOT_COUNT_BEFORE = _V.not_count_before
_APPROX_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _V.approx:
    _APPROX_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_VICTIM_NOUNS = _V.victim_nouns
_MILITANT_NOUNS = _V.militant_nouns
_BOMBER_NOUNS = _V.bomber_nouns
_PLURALS = _V.plural_forms
_SECURITY_SUBJECTS = _V.security_subjects
_KILL_TRANSITIVE = _V.kill_transitive
_KILL_INTRANSITIVE = _V.kill_intransitive
_DEATH_OF_INJURED = _V.death_of_injured
_MILITANT_KILL = _V.militant_kill
_INJURE_TRANSITIVE = _V.injure_transitive
_INJURE_INTRANSITIVE = _V.injure_intransitive
_KILL_WORDS = _KILL_TRANSITIVE | _KILL_INTRANSITIVE | _MILITANT_KILL
_INJURE_WORDS = _INJURE_TRANSITIVE | _INJURE_INTRANSITIVE
_TRIGGERS = _KILL_WORDS | _INJURE_WORDS
_TRANSITIVE = _KILL_TRANSITIVE | _MILITANT_KILL | _INJURE_TRANSITIVE
# The forms of those verbs that are active whatever comes before them (not "killed", "wounded": also participles).
_ACTIVE_FORMS = frozenset(
    w for w in _TRANSITIVE if w != "wounds" and (w.endswith(("s", "ing")) or w in ("kill", "injure", "martyr"))
)
_AUX = _V.aux
_PASSIVE_MARKERS = _V.passive_markers
_STOP = _V.stop
_RANKS = _V.ranks
_POSSESSIVES = _V.possessives
_NOT_NAMES = _V.not_names
_SAYING = _V.saying
_OBJECT_VERBS = _TRANSITIVE | _V.object_verbs
_REWRITES = _V.rewrites
_ASIDE_RE = _V.aside
_ABBREVIATIONS_RE = _V.abbreviations
_PAST_CUE_RE = _V.past_cues
_STATISTICS_RE = _V.statistics_cue
_RUNNING_TOTAL_RE = _V.running_total
_CLAIM_RE = _V.claim_cue
_LINK_CUE_RE = _V.link_cues
_CLAUSE_BREAK = _V.clause_break
_CONTINUATION = _V.continuation
_NONE_BOTH_RE = _V.none_both
_NONE_KILLED_RE = _V.none_killed
_NONE_INJURED_RE = _V.none_injured
_TOLL_RE = re.compile(_V.toll, re.IGNORECASE)
_TOLL_MILITANT_RE = _V.toll_militant
_RELEVANT_RE = re.compile(r"\b(?:" + "|".join([*sorted(_TRIGGERS), *_V.relevant_extra]) + r")\b", re.IGNORECASE)
_LEAD_MIN, _LEAD_MAX = _V.lead_sentences

# Structural patterns of the parser (not vocabulary).
_PARENS_RE = re.compile(r"\([^()]*\)")
_DOTTED_RE = re.compile(r"\b([a-z])\.([a-z])\.", re.IGNORECASE)
_PARAGRAPH_RE = re.compile(r"\n\s*\n|\n")
_BACKGROUND_TIER = 2  # a sentence of the paragraphs about earlier events that end a report
_TOKEN_RE = re.compile(
    r"""
      \d{1,2}:\d{2}(?:\s?[ap]\.?m\b\.?)?          # clock time
    | \d{1,2}\s?[ap]\.?m\b\.?                   # clock time
    | [A-Za-z]+\d[A-Za-z\d]*                   # a code, not a number: epa03512994, JF17
    | \d+(?:,\d{3})*(?:\.\d+)?(?:-[A-Za-z]+)+   # 35-year-old, 12-member
    | \d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?%? # plain number, ordinal, percentage
    | [A-Za-z][A-Za-z']*(?:-[A-Za-z']+)*        # word
    | [^\s\w]                                   # punctuation
    """,
    re.VERBOSE,
)


# ---------------------------------------------------------------------------
# Tokens


# The nouns (singular, as phrases' heads are kept) that count people in general, not a category: "N people" is a
# total, and "N more people" can add to the figure before it in its own phrase.
EVERYONE = frozenset({"people", "person", "individual"})


@dataclass(slots=True)
class _Tok:
    text: str
    low: str
    start: int
    kind: str = "word"  # word | qty | art | punct | year | other
    value: int | None = None  # head count for qty tokens; None when vague
    approx: bool = False
    additive: bool = False  # "another", "two more": on top of figures given before


@dataclass(slots=True)
class _Item:
    count: int | None
    role: str | None  # "victim", "militant" or None when the phrase names no one
    definite: bool = False
    additive: bool = False
    approx: bool = False
    from_injured: bool = False  # "two of the injured": people already counted as injured
    antecedent: bool = False  # "four of them": role comes from an earlier noun
    head: str = ""  # the noun counted, singular ("soldier"), when the phrase has one
    named: bool = False  # a rank and a name ("Constable Amjad Ali"), one person


@dataclass(slots=True)
class Mention:
    cls: str
    count: int | None
    sentence: int
    tier: int
    kind: str = "regular"  # regular | toll | subset | negation | fallback
    additive: bool = False
    approx: bool = False
    background: bool = False
    also: bool = False  # additive only by "also": "18 soldiers also lost their lives" may restate a figure
    heads: frozenset[str] = frozenset()  # the nouns counted ("soldier"), where the phrases name them
    total: bool = False  # a running total ("34 people have now died"): its sentence's additions are in it


def _rewrite(text: str) -> str:
    text = _ABBREVIATIONS_RE.sub(r"\1", text)
    text = _DOTTED_RE.sub(r"\1\2", text)
    folded = fold(text)
    for pattern, repl, fragments in _REWRITES:
        # Most idioms are absent from a given report: a substring test skips their patterns.
        if fragments and not any(f in folded for f in fragments):
            continue
        rewritten = pattern.sub(repl, text)
        if rewritten != text:
            text, folded = rewritten, fold(rewritten)
    return text


def _drop_aside(match: re.Match[str]) -> str:
    # "a bus carrying 30 passengers, five of whom were killed": that aside holds the figure itself.
    words = re.findall(r"[a-z]+", match.group().lower())
    if any(w in _TRIGGERS for w in words):
        return match.group()
    # "Sepoy Gul Zaman, age 26, resident of Swat, having fought gallantly, embraced shahadat": the comma that closed
    # this aside opens the next one, so it stays for it.
    rest = match.string[match.end() :]
    chained = match.group().endswith(",") and _ASIDE_RE.match("," + rest)
    return " ," if chained else " "


def _clean_sentence(sentence: str) -> str:
    sentence = _PARENS_RE.sub(" ", sentence)
    # One aside at a time, reading on from where it was: a chain of them ("age 26, resident of Swat, having fought
    # gallantly,") goes in turn, and an aside may nest in one that is removed.
    pos = 0
    while (found := _ASIDE_RE.search(sentence, pos)) is not None:
        kept = _drop_aside(found)
        if kept == found.group():
            pos = found.end()
            continue
        sentence = sentence[: found.start()] + kept + sentence[found.end() :]
        pos = found.start()
    return sentence


def _word_number(low: str) -> int | None:
    if low in _UNITS:
        return _UNITS[low]
    if low in _TENS:
        return _TENS[low]
    if "-" in low:
        tens, _, unit = low.partition("-")
        if tens in _TENS and unit in _UNITS and _UNITS[unit] < 10:
            return _TENS[tens] + _UNITS[unit]
    return None


def _raw_tokens(sentence: str) -> list[_Tok]:
    tokens = []
    for match in _TOKEN_RE.finditer(sentence):
        text = match.group()
        low = text.lower()
        if low.endswith("'s"):
            low = low[:-2]
        low = low.rstrip("'")
        tokens.append(_Tok(text=text, low=low, start=match.start()))
    return tokens


def _is_dated_year(tokens: list[_Tok], i: int) -> bool:
    """A year right after a day and month ("March 5, 2024") dates this event, not a past one."""
    j = i - 1
    if j >= 0 and tokens[j].low == ",":
        j -= 1
    if j >= 1 and tokens[j].low.isdigit() and tokens[j - 1].low in _MONTHS:
        return True
    return j >= 1 and tokens[j].low in _MONTHS and tokens[j - 1].low.rstrip("stndrh").isdigit()


def _number_at(tokens: list[_Tok], i: int) -> tuple[int | None, int, bool] | None:
    """Parse a head count starting at i: (value or None when vague, tokens used, is_vague)."""
    low = tokens[i].low
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if re.fullmatch(r"\d+(?:,\d{3})*", low):
        return _dozens(int(low.replace(",", "")), nxt)
    word_value = _word_number(low)
    if word_value is not None:
        return _compound_number(low, word_value, nxt)
    return _unnumbered_count(low, nxt)


def _dozens(value: int, nxt: str) -> tuple[int, int, bool]:
    """A number, or that many dozen ("three dozen")."""
    if nxt == "dozen":
        return value * 12, 2, False
    return value, 1, False


def _compound_number(low: str, value: int, nxt: str) -> tuple[int, int, bool]:
    """A number in words, with the word after it when they make one number ("twenty one", "two hundred")."""
    if nxt == "dozen":
        return _dozens(value, nxt)
    if low in _TENS and nxt in _UNITS and _UNITS[nxt] < 10:
        return value + _UNITS[nxt], 2, False
    if nxt == "hundred":
        return value * 100, 2, False
    return value, 1, False


def _unnumbered_count(low: str, nxt: str) -> tuple[int | None, int, bool] | None:
    """A count without a number word: "a hundred", "dozen", or a vague one ("dozens", "a number of", "some")."""
    if low in ("a", "one") and nxt == "hundred":
        return 100, 2, False
    if low == "dozen":
        return 12, 1, False
    if low in _VAGUE:
        return None, 1, True
    if low == "a" and nxt in ("number", "few", "handful"):
        return None, 3 if nxt != "few" else 2, True
    if low == "some" and nxt not in ("of",):
        return None, 1, True
    return None


def _tokenise(sentence: str) -> list[_Tok]:
    """Tokens with head counts merged: "at least twenty-one" becomes one qty token."""
    raw = _raw_tokens(sentence)
    out: list[_Tok] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        low = tok.low
        if re.fullmatch(r"(?:19|20)\d\d", low):
            tok.kind = "other" if _is_dated_year(raw, i) else "year"
            out.append(tok)
            i += 1
            continue
        if low == "no" and i + 1 < len(raw) and raw[i + 1].low == "one":
            out.append(_Tok(text="no one", low="nobody", start=tok.start, kind="word"))
            i += 2
            continue
        approx_len = _approx_prefix(raw, i)
        parsed = _number_at(raw, i + approx_len)
        if parsed is not None and (approx_len or low not in ("all", "some") or parsed[2]):
            qty, i = _quantity(raw, i, approx_len, parsed)
            out.append(qty)
            continue
        if low in ("a", "an") and i + 1 < len(raw) and raw[i + 1].low in _ORDINALS:
            # "two policemen were martyred and a third was injured": one more person.
            out.append(_Tok(text=tok.text, low="a " + raw[i + 1].low, start=tok.start, kind="qty", value=1,
                            additive=True))  # fmt: skip
            i += 2
            continue
        out.append(_word_token(tok))
        i += 1
    return out


def _approx_prefix(raw: list[_Tok], i: int) -> int:
    """Length of an approximation ("at least", "nearly") at i that a precise number follows; 0 when none."""
    for phrase in _APPROX_BY_FIRST.get(raw[i].low, ()):
        n = len(phrase)
        if tuple(t.low for t in raw[i : i + n]) == phrase and i + n < len(raw):
            parsed = _number_at(raw, i + n)
            if parsed is not None and not parsed[2]:
                return n
    return 0


def _quantity(raw: list[_Tok], i: int, approx_len: int, parsed: tuple[int | None, int, bool]) -> tuple[_Tok, int]:
    """The token for the count parsed at i and the index after it; a date, age or measure stays a plain token."""
    value, used, vague = parsed
    end = i + approx_len + used
    before = raw[i - 1].low if i > 0 else ""
    after = raw[end].low if end < len(raw) else ""
    if not vague and _counts_no_one(raw, i, before, after):
        raw[i].kind = "other"
        return raw[i], i + 1
    qty = _Tok(
        text=" ".join(t.text for t in raw[i:end]),
        low=" ".join(t.low for t in raw[i:end]),
        start=raw[i].start,
        kind="qty",
        value=value,
        approx=bool(approx_len) and raw[i].low != "all",
    )
    if after == "more":
        qty.additive = True
        end += 1
    if after == "of" and vague:
        end += 1  # "dozens of": the "of" belongs to the quantity
    return qty, end


def _counts_no_one(raw: list[_Tok], i: int, before: str, after: str) -> bool:
    """A number at i that is a date, an age or a measure ("5 km"), given the words around it."""
    # "Zaman Mehsud, 40, was killed": a number set off by commas after a name is an age.
    is_age = before == "," and i >= 2 and raw[i - 2].text[:1].isupper() and raw[i].low.isdigit() and after in (",", ")")
    return after in _NOT_COUNT_AFTER or after in _MONTHS or before in _MONTHS or before in _NOT_COUNT_BEFORE or is_age


def _word_token(tok: _Tok) -> _Tok:
    """A token that starts no count: "another" and "both" still count people; the rest is classified."""
    low = tok.low
    if low == "another":
        return _Tok(text=tok.text, low=low, start=tok.start, kind="qty", value=1, additive=True)
    if low == "both":
        return _Tok(text=tok.text, low=low, start=tok.start, kind="qty", value=2)
    if low in ("a", "an", "the", "single", "lone"):
        tok.kind = "art"
    elif not re.match(r"[a-z0-9]", low):
        tok.kind = "punct"
    elif low[0].isdigit() and "-" not in low:
        tok.kind = "other"
    return tok


# ---------------------------------------------------------------------------
# Noun phrases around a casualty verb


def _role(low: str) -> str | None:
    if low in _BOMBER_NOUNS:
        return "bomber"
    if low in _MILITANT_NOUNS:
        return "militant"
    if low in _VICTIM_NOUNS:
        return "victim"
    return None


def _is_plural(low: str) -> bool:
    return low.endswith("s") or low in _PLURALS


def _is_modifier(tok: _Tok) -> bool:
    return tok.kind == "word" and tok.low not in _STOP and tok.low not in _TRIGGERS


def _merge_role(current: str | None, low: str) -> str | None:
    found = _role(low)
    if current == "militant" or found is None:
        return current
    return found


def _item_back(toks: list[_Tok], j: int, strict: bool) -> tuple[_Item | None, int]:
    """Read one noun phrase that ends at token j, going leftwards; return it and the index before it."""
    if j < 0:
        return None, j
    tok = toks[j]
    if tok.kind == "qty" and _age_after_name(toks, j):
        return _item_back(toks, j - 2, strict)  # "Lance Naik Shahid, 31, ... embraced shahadat": his age
    if tok.kind == "qty":
        return _count_back(toks, j)
    if tok.low in ("them", "whom") and j >= 2 and toks[j - 1].low == "of" and toks[j - 2].kind == "qty":
        return _part_of_earlier(toks, j)  # "three of whom"
    rank_start = _rank_name_back(toks, j)
    if rank_start is not None:
        return _Item(count=1, role="victim", named=True), rank_start - 1
    name_start = _singular_name_back(toks, j)
    if name_start is not None:
        # "TTP commander Qari Hussain was killed": the words before the name say whose man he was.
        roles = {_role(t.low) for t in toks[max(0, name_start - 3) : name_start]}
        whose = "militant" if "militant" in roles else "victim"
        return _Item(count=1, role=whose, named=True), name_start - 1
    from_injured = tok.low in ("injured", "wounded")
    if not (_is_modifier(tok) or from_injured):
        return None, j
    role = None if from_injured else _role(tok.low)
    if strict and role is None and not from_injured:
        return None, j
    return _phrase_back(toks, j, role, from_injured)


def _count_back(toks: list[_Tok], j: int) -> tuple[_Item | None, int]:
    """A bare count at j; "the other six" are the rest of the people named before it, and take their role."""
    if j >= 2 and toks[j - 1].low == "other" and toks[j - 2].low == "the":
        rest, before = _part_of_earlier(toks, j)
        if rest is not None:
            return rest, before
    tok = toks[j]
    return _Item(count=tok.value, role=None, additive=tok.additive, approx=tok.approx), j - 1


def _part_of_earlier(toks: list[_Tok], j: int) -> tuple[_Item | None, int]:
    """A count of people named before it in the sentence (named in an earlier one, they are not known here), taking
    their role: "six militants stormed the base, three of whom were killed"; "five of the suspects died crossing
    into Swat, while the other six were killed near the river". `j` is the count or the "whom"."""
    # Both readings put two words between the count and the people: "the other [six]", "[three] of whom".
    count = toks[j] if toks[j].kind == "qty" else toks[j - 2]
    role = _antecedent_role(toks, j - 2)
    if role is None:
        return None, j
    return _Item(count=count.value, role=role, approx=count.approx, antecedent=True), j - 3


def _partitive_count(toks: list[_Tok], k: int) -> int | None:
    """Index of the count before "of (the)" when the count at k is the size of the group it is taken from
    ("nine of the 40 passengers"), else None."""
    i = k - 3 if k >= 1 and toks[k - 1].low == "the" else k - 2
    if i < 0 or toks[i + 1].low != "of" or toks[i].kind != "qty" or toks[i].value is None:
        return None
    return i


def _phrase_back(toks: list[_Tok], j: int, role: str | None, from_injured: bool) -> tuple[_Item | None, int]:
    """The phrase whose head noun is at j: its modifiers leftwards, up to a count or an article."""
    head = toks[j].low
    k = j - 1
    while k >= 0 and j - k <= 5:
        cur = toks[k]
        if cur.kind == "qty":
            if _only_others(toks[k + 1 : j + 1]) and _antecedent_role(toks, k) == "militant":
                role = "militant"  # "nine terrorists were killed while six others were injured"
            part = _partitive_count(toks, k)
            if part is not None:  # "nine of the 40 passengers were killed": nine, not the 40
                k, cur = part, toks[part]
            # "The two bus drivers (who were) also martyred": the article points back at victims counted before.
            definite = k >= 1 and toks[k - 1].low == "the"
            item = _Item(count=cur.value, role=role, additive=cur.additive, approx=cur.approx,
                         from_injured=from_injured, head=_singular(head), definite=definite)  # fmt: skip
            return item, k - 1
        if cur.kind == "art" or _count_of(toks, k):
            return _phrase_at_article(toks, k, j, role, from_injured)
        if cur.low in ("injured", "wounded") and role is not None:
            from_injured = True
            k -= 1
            continue
        if not _is_modifier(cur):
            break
        role = _merge_role(role, cur.low)
        k -= 1
    names_one = _role(head) is not None or toks[j].text[:1].isupper()
    if role is not None and names_one and not _is_plural(head) and (k < 0 or not _is_modifier(toks[k])):
        # Headline style drops the article ("Cop martyred in Bajaur"); "his guard" is one person too. The head must
        # name a person, by a noun or a name ("scholar Mufti Shah Mir"): in "rescuers recovered more bodies" the
        # words before "bodies" are no phrase.
        if k >= 0 and toks[k].low in _POSSESSIVES:
            k -= 1
        return _Item(count=1, role=role, from_injured=from_injured), k
    return None, j


def _count_of(toks: list[_Tok], k: int) -> bool:
    """Whether "the" or a possessive at k follows a count and "of": "two of the injured", "four of its employees"."""
    word = toks[k].low
    return (word == "the" or word in _POSSESSIVES) and k >= 2 and toks[k - 1].low == "of" and toks[k - 2].kind == "qty"


def _phrase_at_article(
    toks: list[_Tok], k: int, j: int, role: str | None, from_injured: bool
) -> tuple[_Item | None, int]:
    """The phrase from the article at k to its head noun at j: one person, "the" people, or "two of the" ..."""
    article = toks[k].low
    # "one of the attackers", "two of the injured", "four of its employees": a count followed by "of the".
    if _count_of(toks, k):
        q = toks[k - 2]
        return _Item(count=q.value, role=role, approx=q.approx, from_injured=from_injured,
                     additive=q.additive or from_injured), k - 3  # fmt: skip
    if role is None or _is_plural(toks[j].low):
        if article == "the" and role is not None:
            return _Item(count=None, role=role, definite=True), k - 1
        return None, j
    return _Item(count=1, role=role, definite=article == "the", head=_singular(toks[j].low)), k - 1


def _rank_name_back(toks: list[_Tok], j: int) -> int | None:
    """Start of "Lance Naik Abdul Rehman" ending at j: a rank followed by a capitalised name."""
    start = None
    k = j
    while k >= 0 and j - k < 6 and toks[k].kind == "word" and toks[k].text[:1].isupper():
        if toks[k].low in _RANKS:
            start = k
        k -= 1
    return start if start is not None and start < j else None


def _singular_name_back(toks: list[_Tok], j: int) -> int | None:
    """Start of a person's name of two to four capitalised words ending at j and followed by "was" ("qawwal Amjad
    Sabri was killed"): one person, whose role the words before it may give ("TTP commander X was killed")."""
    if j + 1 >= len(toks) or toks[j + 1].low != "was":
        return None
    k = j
    while k >= 0 and j - k < 4 and toks[k].kind == "word" and toks[k].text[:1].isupper():
        if toks[k].low in _MONTHS or toks[k].low in _NOT_NAMES or _role(toks[k].low) is not None:
            return None
        k -= 1
    if j - k < 2 or (k >= 0 and toks[k].kind == "word" and toks[k].text[:1].isupper()):
        return None
    return k + 1


def _subject_role(toks: list[_Tok], trigger: int) -> str | None:
    """Role of the subject of an active verb, looking back only inside its own clause."""
    for k in range(trigger - 1, max(-1, trigger - 8), -1):
        low = toks[k].low
        if low in (",", ";", "said", "that", "when", "as", "after", "while"):
            return None
        if low in _SECURITY_SUBJECTS and not (k and toks[k - 1].low in ("on", "against", "targeting")):
            return "security"
        if _role(low) == "militant":
            return "militant"
    return None


def _antecedent_role(toks: list[_Tok], before: int, counted: bool = False) -> str | None:
    """The role of the nearest plural role noun before `before`; with `counted`, only when a count opens its
    phrase ("nine terrorists"), else None."""
    for k in range(before - 1, -1, -1):
        role = _role(toks[k].low)
        if role is not None and _is_plural(toks[k].low):
            return role if not counted or any(t.kind == "qty" for t in toks[max(0, k - 3) : k]) else None
    return None


def _item_fwd(toks: list[_Tok], i: int, strict: bool) -> tuple[_Item | None, int]:
    """Read one noun phrase that starts at token i; return it and the index after it."""
    if i + 1 < len(toks) and (toks[i].low in _POSSESSIVES or toks[i].low == "the") and toks[i + 1].kind == "qty":
        i += 1  # "killing a man and his two sons", "killed the three terrorists"
    if i >= len(toks):
        return None, i
    tok = toks[i]
    if tok.kind == "qty":
        return _counted_fwd(toks, i, strict)
    if tok.low == "the" and (end := _bomber_end(toks, i + 1)):
        return _Item(count=1, role="bomber"), end  # "nine people, including the bomber, were killed"
    rank_end = _name_fwd(toks, i)
    if rank_end is not None:
        return _Item(count=1, role="victim"), rank_end
    if (tok.kind == "art" and tok.low != "the") or tok.low in _POSSESSIVES:
        return _one_person_fwd(toks, i)
    if tok.low in ("him", "her"):
        # "attacked the car of qawwal Amjad Sabri, killing him": one person, told before (whose side he is on is
        # the subject's to say: those security forces kill are militants)
        return _Item(count=1, role=None, definite=True), i + 1
    if _is_modifier(tok):
        # Headline style drops the article: "Gunmen kill newspaper reporter".
        return _headline_person_fwd(toks, i)
    return None, i


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _counted_fwd(toks: list[_Tok], i: int, strict: bool) -> tuple[_Item | None, int]:
    """The phrase a count at i opens: "two policemen", "four of them", "two of the injured"."""
    tok = toks[i]
    item = _Item(count=tok.value, role=None, additive=tok.additive, approx=tok.approx)
    k = i + 1
    if k + 1 < len(toks) and toks[k].low == "of" and toks[k + 1].low in ("them", "whom", "those"):
        item.antecedent = True
        item.role = _antecedent_role(toks, i)
        return item, k + 2
    if k + 1 < len(toks) and toks[k].low == "of" and (toks[k + 1].low == "the" or toks[k + 1].low in _POSSESSIVES):
        k += 2
    used = 0
    while k < len(toks) and used < 5 and (_is_modifier(toks[k]) or toks[k].low in ("injured", "wounded")):
        item.role = _merge_role(item.role, toks[k].low)
        item.head = _singular(toks[k].low)
        k += 1
        used += 1
    if strict and item.role is None and used:
        return None, i
    if not used and tok.low.startswith("all "):
        item.role = _antecedent_role(toks, i)  # "engaged the militants, killing all three": the militants
    if _only_others(toks[i + 1 : k]) and _antecedent_role(toks, i) == "militant":
        item.role = "militant"  # "five terrorists were killed and eight others injured": eight more terrorists
    return item, k


def _only_others(words: Sequence[_Tok]) -> bool:
    """ "others", "more", "other" (with "injured"/"wounded"): the phrase names no one of its own."""
    nouns = [t.low for t in words if t.low not in ("injured", "wounded")]
    return bool(nouns) and all(w in _OTHERS for w in nouns)


# "The blast left two soldiers and three civilians dead": the verb's whole object list is the victims.
_RESULT_VERBS = frozenset({"left", "leaving"})
# "N others" are more of whatever was counted before them in the sentence.
_OTHERS = frozenset({"others", "other", "more"})


def _bomber_end(toks: list[_Tok], k: int) -> int:
    """The index after "bomber" or "suicide bomber" starting at k; 0 when there is none."""
    if k < len(toks) and toks[k].low == "suicide":
        k += 1
    return k + 1 if k < len(toks) and _role(toks[k].low) == "bomber" else 0


def _one_person_fwd(toks: list[_Tok], i: int) -> tuple[_Item | None, int]:
    """One person after an article or possessive at i ("a policeman", "his guard"); no one if plural."""
    k = i + 1
    role = None
    head = ""
    while k < len(toks) and k - i <= 4 and _is_modifier(toks[k]):
        role = _merge_role(role, toks[k].low)
        head = toks[k].low
        k += 1
    if role is None or _is_plural(head):
        return None, i
    return _Item(count=1, role=role, head=_singular(head)), k


def _headline_person_fwd(toks: list[_Tok], i: int) -> tuple[_Item | None, int]:
    """One victim named by a bare noun from i ("newspaper reporter"), as headlines write it."""
    k, role, head = i, None, ""
    while k < len(toks) and k - i < 3 and _is_modifier(toks[k]):
        if role == "victim" and _role(head) == "victim" and toks[k].text[:1].isupper() and head[:1].islower():
            # "shot dead journalist Musa Khankhel": the noun, then his name
            name_end = _name_fwd(toks, k)
            if name_end is not None:
                return _Item(count=1, role=role, named=True), name_end
        role = _merge_role(role, toks[k].low)
        head = toks[k].low
        k += 1
    if role == "victim" and _role(head) == "victim" and not _is_plural(head):
        return _Item(count=1, role=role), k
    return None, i


def _name_fwd(toks: list[_Tok], i: int) -> int | None:
    """End of a person's name right after an active verb ("killed Maulana Abdul Haq")."""
    k = i
    while k < len(toks) and k - i < 6 and toks[k].kind == "word" and toks[k].text[:1].isupper():
        if toks[k].low in _MONTHS or toks[k].low in _NOT_NAMES or _role(toks[k].low) == "militant":
            return None
        k += 1
        # A title with "of" in it: "Superintendent of Police Muhammad Ilyas".
        if k + 1 < len(toks) and toks[k].low == "of" and toks[k + 1].text[:1].isupper():
            k += 2
    return k if k > i else None


def _is_clause_subject(toks: list[_Tok], k: int) -> bool:
    """True when the phrase ending before k is followed by its own verb ("and two others were hurt")."""
    if k >= len(toks):
        return False
    low = toks[k].low
    return low in _PASSIVE_MARKERS or low in ("have", "has", "had") or low in _TRIGGERS or low in _SAYING


def _among_follows(toks: list[_Tok], end: int) -> bool:
    """Whether "among" comes after the phrase ending at `end`, past the rest of its words ("Awami party leader")."""
    k = end
    while k < len(toks) and k - end < 3 and toks[k].low != "among" and _is_modifier(toks[k]):
        k += 1
    return k < len(toks) and toks[k].low == "among"


def _list_fwd(toks: list[_Tok], i: int) -> tuple[list[_Item], list[_Item]]:
    items: list[_Item] = []
    subset: list[_Item] = []
    item, k = _item_fwd(toks, i, strict=False)
    if item is None or _is_clause_subject(toks, k):
        return items, subset
    items.append(item)
    while k < len(toks):
        sep = k
        if toks[sep].low == "," and sep + 1 < len(toks) and toks[sep + 1].low == "and":
            sep += 1
        if toks[sep].low == "," and items[-1].count == 1 and (after := _apposition_end(toks, sep + 1)):
            k = after  # "shot dead a polio worker, Gul Zaman, 40, in Bajaur": the worker's name and age
            continue
        if toks[sep].low in (",", "and"):
            nxt, end = _item_fwd(toks, sep + 1, strict=True)
            if nxt is None or nxt.antecedent or _is_clause_subject(toks, end):
                break  # "35 people, eight of them seriously": a subset, not more people
            if toks[sep].low == "," and _among_follows(toks, end):
                # "kills 27, 13 army personnel among dead", "kills 8, Awami party leader among dead": a part of them
                subset = [nxt]
                break
            items.append(nxt)
            k = end
            continue
        if toks[sep].low == "including" or (
            toks[sep].low == "," and sep + 1 < len(toks) and toks[sep + 1].low == "including"
        ):
            start = sep + 1 if toks[sep].low == "including" else sep + 2
            subset, _ = _list_fwd(toks, start)
        break
    return items, subset


def _apposition_end(toks: list[_Tok], i: int) -> int:
    """The index after a name, an age, or a name and an age, in apposition at i to the one person before it ("a
    polio worker, Gul Zaman, 40, in ..."), when it is closed by a comma or the clause's end; 0 when there is none."""
    end = _name_fwd(toks, i) or i
    if end > i and end + 1 < len(toks) and toks[end].low == "," and _is_age(toks, end + 1):
        end += 2  # the name, then the age
    elif end == i and _is_age(toks, i):
        end = i + 1
    closed = end >= len(toks) or toks[end].low in (",", ";", ".", ")")
    return end if end > i and closed else 0


def _age_after_name(toks: list[_Tok], j: int) -> bool:
    """Whether the number at j is the age of the person named before it ("Sepoy Imran Ali, 24"): under 100, after a
    comma and a capitalised word."""
    value = toks[j].value
    named = j >= 2 and toks[j - 1].low == "," and toks[j - 2].kind == "word" and toks[j - 2].text[:1].isupper()
    if not named or value is None or value >= 100:
        return False
    # A rank names a person ("Lance Naik Shahid, 31"); else the list must go on ("Gul Zaman, 40, and his son"), as
    # "In Quetta, 12 were killed" does not.
    return _rank_name_back(toks, j - 2) is not None or (j + 1 < len(toks) and toks[j + 1].low in (",", "and"))


def _is_age(toks: list[_Tok], i: int) -> bool:
    """A bare number that reads as an age: under 100, with nothing after it but a comma or the end."""
    tok = toks[i] if i < len(toks) else None
    nxt = toks[i + 1].low if i + 1 < len(toks) else ","
    value = tok.value if tok is not None and tok.kind == "qty" else None
    return value is not None and value < 100 and nxt in (",", ";", ")")


def _list_back(toks: list[_Tok], j: int) -> tuple[list[_Item], list[_Item]]:
    items: list[_Item] = []
    subset, j = _aside_back(toks, j)
    item, k = _item_back(toks, j, strict=False)
    # "The dead were a policeman, a woman and two children, and 26 people were injured": a list has one "and"; past
    # a ", and", another "and" belongs to an earlier list, so the phrase ends at the ", and".
    before_comma_and: int | None = None
    while item is not None:
        items.append(item)
        if k >= 0 and toks[k].low == "including":
            subset.extend(items)
            items = []
            k -= 1
            if k >= 0 and toks[k].low == ",":
                k -= 1
            item, k = _item_back(toks, k, strict=False)
            continue
        if k >= 0 and toks[k].low in (",", "and"):
            comma_and = toks[k].low == "and" and k >= 1 and toks[k - 1].low == ","
            if toks[k].low == "and" and not comma_and and before_comma_and is not None:
                del items[before_comma_and:]
                break
            if comma_and and before_comma_and is None:
                before_comma_and = len(items)
            nxt, k, more = _conjunct_back(toks, k)
            if _apposed_name(item, nxt):
                items.pop()  # "A policeman, Constable Amjad Ali, was martyred": the policeman's rank and name
            if nxt is not None and more:
                item = nxt
                continue
            if nxt is not None:
                items.append(nxt)
        break
    return items, subset


def _aside_back(toks: list[_Tok], j: int) -> tuple[list[_Item], int]:
    """The "including" aside that ends at j, if any, and the index where the phrase before it ends: "Six
    terrorists, including a high-value target, were killed" reads past the aside."""
    if j >= 0 and toks[j].low == ",":
        j -= 1
    aside = _including_start(toks, j)
    if aside is None:
        return [], j
    subset, _ = _list_fwd(toks, aside + 1)
    j = aside - 1
    return subset, j - 1 if j >= 0 and toks[j].low == "," else j


def _apposed_name(item: _Item, before: _Item | None) -> bool:
    """Whether a rank and name read leftwards names the one person of the phrase before it."""
    return item.named and before is not None and before.count == 1 and not before.named


def _conjunct_back(toks: list[_Tok], k: int) -> tuple[_Item | None, int, bool]:
    """The phrase before the "," or "and" at k: (it or None, the index before it, whether the list goes on)."""
    sep = k - 1 if toks[k].low == "and" and k >= 1 and toks[k - 1].low == "," else k
    nxt, before = _item_back(toks, sep - 1, strict=True)
    if nxt is None:
        return None, k, False
    if before >= 0 and toks[before].low in _OBJECT_VERBS:
        # "attacked a checkpost and ...": the object is no victim; but "left two soldiers and three civilians
        # dead": a result verb's whole object list is.
        return (nxt if toks[before].low in _RESULT_VERBS else None), before, False
    if before >= 0 and (
        toks[before].low == "of" or (toks[before].low == "the" and before and toks[before - 1].low == "of")
    ):
        return None, k, False  # "Of the 40 passengers, nine were killed": the group, not more victims
    if before >= 0 and toks[before].low in ("at", "to") and nxt.role is None:
        return None, k, False  # "The death toll stood at 10 and seven others were injured": the toll, not the hurt
    if before >= 0 and toks[before].low == "including" and not _has_item_before(toks, before):
        return None, k, False  # "three dead, including a child, and 12 injured": the aside closes a phrase
    return nxt, before, True


def _including_start(toks: list[_Tok], j: int) -> int | None:
    """Index of "including" opening an aside that ends at j, when a phrase stands before it ("Six people,
    including a woman and a child of the Hazara community, were killed": up to 15 words back)."""
    for k in range(j, max(-1, j - 16), -1):
        low = toks[k].low
        if low == "including":
            return k if _has_item_before(toks, k) else None
        if toks[k].kind == "punct" or low in _TRIGGERS:
            return None
    return None


def _has_item_before(toks: list[_Tok], k: int) -> bool:
    k -= 1
    if k >= 0 and toks[k].low == ",":
        k -= 1
    item, _ = _item_back(toks, k, strict=False)
    return item is not None


def _skip_aux_back(toks: list[_Tok], j: int) -> tuple[int, bool, bool, bool]:
    """Step left over helpers; return (index, passive seen, "also" seen, negated)."""
    passive = also = negated = False
    while j >= 0 and (toks[j].low in _AUX or toks[j].low == "not"):
        low = toks[j].low
        passive = passive or low in _PASSIVE_MARKERS
        also = also or low == "also"
        negated = negated or low == "not"
        if low in ("who", "that"):
            j -= 1
            break
        j -= 1
    return j, passive, also, negated


def _trigger_class(low: str) -> str:
    if low in _MILITANT_KILL:
        return MILITANTS
    return KILLED if low in _KILL_WORDS else INJURED


def _mentions_in(toks: list[_Tok]) -> list[tuple[int, Mention]]:
    """Casualty mentions of one sentence, each with the index of its verb."""
    found: list[tuple[int, Mention]] = []
    for t, tok in enumerate(toks):
        if not _is_counting_trigger(toks, t):
            continue
        cls = _trigger_class(tok.low)
        j, passive, also, negated = _skip_aux_back(toks, t - 1)
        if negated:
            continue
        items, subset, active = _phrases_of(toks, t, j, passive)
        also = also or (t > 0 and toks[t - 1].low == "also")
        _resolve_roles(toks, t, cls, items, subset, active)
        found.extend((t, mention) for mention in _tally(items, subset, cls, also, tok.low).mentions(cls))
        if not (items or active):
            _read_phraseless(toks, t, cls, found)
    return found


def _is_counting_trigger(toks: list[_Tok], t: int) -> bool:
    """Is the token at t a casualty verb that counts people of its own?"""
    tok = toks[t]
    if tok.kind != "word" or tok.low not in _TRIGGERS:
        return False
    # "the injured were shifted to hospital", "among the dead": no count of their own.
    if t > 0 and toks[t - 1].kind == "art" and tok.low in ("injured", "wounded", "dead"):
        return False
    if t > 1 and toks[t - 1].low in ("injured", "wounded") and tok.low not in _DEATH_OF_INJURED:
        return False
    # "two injured later died": counted once, as deaths.
    return not (tok.low in ("injured", "wounded") and _followed_by_death(toks, t))


def _phrases_of(toks: list[_Tok], t: int, j: int, passive: bool) -> tuple[list[_Item], list[_Item], bool]:
    """The phrases the verb at t counts, their "including" subset, and whether they are its objects.

    An active transitive verb counts its objects ("killed two policemen"); otherwise, or when it has
    none, the phrases before it (ending at j) are its subject ("two policemen were killed").
    """
    items: list[_Item] = []
    subset: list[_Item] = []
    active = False
    if toks[t].low in _TRANSITIVE and not passive:
        items, subset = _list_fwd(toks, _object_start(toks, t))
        active = bool(items)
    if not items:
        items, subset = _list_back(toks, j)
        if items and toks[t].low not in _TRANSITIVE and _object_of_earlier_verb(toks, j):
            return [], [], False
        if len(items) == 1 and items[0].role is None and t + 1 < len(toks):
            # "two martyred soldiers": the noun follows the verb used as an adjective.
            items[0].role = _role(toks[t + 1].low)
        if items:
            subset = subset + _trailing_subset(toks, t)
    return items, subset, active


def _object_of_earlier_verb(toks: list[_Tok], j: int) -> bool:
    """Whether the phrase ending at j, before an intransitive verb, is the object of an active verb before it, its
    own subject left out: in the headline "Quetta gunmen kill two traffic policemen, die in police fire" the
    gunmen die, and the two policemen are counted once, by "kill"."""
    if j < 0 or toks[j].low != ",":
        return False
    _, k = _item_back(toks, j - 1, strict=False)
    return k >= 0 and toks[k].low in _ACTIVE_FORMS


def _trailing_subset(toks: list[_Tok], t: int) -> list[_Item]:
    """The part of a subject named after its verb, or after the place and cause the verb goes on to give: "23 people
    were killed, including 10 terrorists"; "nine people died in the assault and the gunfight that followed,
    four policemen and five militants among them" (no count or casualty verb between)."""
    k = t + 1
    while k < len(toks) and k - t <= _SUBSET_REACH and toks[k].low not in (",", "including"):
        if toks[k].kind == "qty" or toks[k].low in _TRIGGERS or toks[k].low in (";", ":"):
            return []
        k += 1
    if k < len(toks) and toks[k].low == ",":
        k += 1
    if k < len(toks) and toks[k].low == "including":
        part, _ = _list_fwd(toks, k + 1)
        return part
    return []


# How many words after its verb the part of a subject may be named ("..., including 10 terrorists").
_SUBSET_REACH = 12


def _object_start(toks: list[_Tok], t: int) -> int:
    """Where the objects of the active verb at t begin."""
    k = t + 1
    if k < len(toks) and toks[k].low in ("also",):
        k += 1
    if k + 1 < len(toks) and toks[k].low in ("himself", "herself", "themselves") and toks[k + 1].low == "and":
        k += 2  # "killing himself and two guards": the bomber is counted elsewhere
    return k


def _resolve_roles(toks: list[_Tok], t: int, cls: str, items: list[_Item], subset: list[_Item], active: bool) -> None:
    """Roles from context: "four of them" takes an earlier noun's; those security forces kill are militants."""
    for item in items + subset:
        if item.role is None and item.antecedent:
            item.role = _antecedent_role(toks, t)
    # "Nine terrorists were killed and six more were wounded": a bare count of the hurt after a counted group of
    # militants is more of them (injured militants are never counted); after uncounted "militants attacked" it is
    # the victims.
    if cls == INJURED and not active and _antecedent_role(toks, t, counted=True) == "militant":
        for item in items:
            if item.role is None and not item.head and not item.antecedent and item.count is not None:
                item.role = "militant"
    # "Troops killed three": militants; but "an attack on troops martyred 14" counts the troops' dead.
    martyred = toks[t].low.startswith("martyr")
    if active and cls == KILLED and not martyred and _subject_role(toks, t) == "security":
        for item in items:
            if item.role is None or item.antecedent:
                item.role = "militant"


@dataclass(slots=True)
class _Tally:
    """The phrases of one verb summed: victims and militants, vague ones ("several people"), their wording."""

    victims: int = 0
    militants: int = 0
    vague_victims: bool = False
    vague_militants: bool = False
    approx: bool = False
    by_also: bool = False  # some phrase is on top of earlier figures by "also" ("18 soldiers also died")
    by_other: bool = False  # ... or by "another", "two more", "two of the injured later died"
    # "A senior officer and 12 more people died": the "more" adds to the phrase's own figure before it (items come
    # right to left, so a plain item after an additive one stands before it in the text), not to earlier ones;
    # "a civilian and two more soldiers" still adds to earlier soldiers.
    more_in_phrase: bool = False
    subset: bool = False  # "four of them": part of a figure given before
    heads: set[str] = field(default_factory=set)  # the nouns counted as victims

    @property
    def additive(self) -> bool:
        return (self.by_other and not self.more_in_phrase) or self.by_also

    def add(self, item: _Item, cls: str, also: bool, verb: str) -> None:
        self.approx = self.approx or item.approx
        if item.role == "bomber":
            return
        if also and item.definite and (item.count or 0) > 1:
            # "The two bus drivers who were also martyred were ...": victims counted before, now named ("the
            # SP's granddaughter and a passer-by were also wounded" are new).
            return
        is_militant = item.role == "militant" or (item.role is None and cls == MILITANTS)
        if item.count is None:
            if is_militant:
                self.vague_militants = True
            elif not item.definite:
                self.vague_victims = True
            return
        if is_militant:
            self.militants += item.count
        else:
            self.more_in_phrase = self.more_in_phrase or (
                self.by_other and not item.additive and not self.militants and self.heads <= EVERYONE
            )
            self.victims += item.count
            if item.head:
                self.heads.add(item.head)
        self.by_other = self.by_other or item.additive or (item.from_injured and verb in _DEATH_OF_INJURED)
        self.by_also = self.by_also or (also and not item.definite)
        self.subset = self.subset or item.antecedent

    def mentions(self, cls: str) -> list[Mention]:
        kind = "subset" if self.subset else "regular"
        if cls in (KILLED, MILITANTS):
            return [
                *self._mention(KILLED, self.victims, self.vague_victims, kind),
                *self._mention(MILITANTS, self.militants, self.vague_militants, kind),
            ]
        # Injured attackers are not tracked: the product counts injured victims only.
        return self._mention(INJURED, self.victims, self.vague_victims, kind)

    def _mention(self, cls: str, total: int, vague: bool, kind: str) -> list[Mention]:
        if total:
            heads = frozenset(self.heads) if cls != MILITANTS else frozenset()
            also = self.by_also and not self.by_other
            return [Mention(cls, total, 0, 0, kind, self.additive, self.approx, also=also, heads=heads)]
        if vague:
            return [Mention(cls, None, 0, 0, "vague")]
        return []


def _without_apposed_parts(items: list[_Item]) -> list[_Item]:
    """ "15 people, eight soldiers and seven guards, were killed": a count of people in general that is the sum of
    the other counted victims of the phrase names them all; the parts are not added to it. So does a count followed
    by as many names ("Two soldiers, Havildar Noor Rehman and Sepoy Waqas Ahmed, embraced shahadat")."""
    named = [i for i in items if i.named]
    unnamed = [i for i in items if not i.named]
    if named and len(unnamed) == 1 and unnamed[0].count == len(named):
        return unnamed
    counted = [i for i in items if i.count is not None and i.role not in ("militant", "bomber")]
    general = [i for i in counted if i.head in EVERYONE]
    if len(counted) < 3 or len(general) != 1:
        return items
    whole = general[0]
    parts = [i for i in counted if i is not whole]
    if whole.count != sum(i.count or 0 for i in parts):
        return items
    return [i for i in items if all(i is not p for p in parts)]


def _tally(items: list[_Item], subset: list[_Item], cls: str, also: bool, verb: str) -> _Tally:
    """Sum the phrases of the verb; militants named in the subset of those killed are moved out of the victims."""
    tally = _Tally()
    for item in _without_apposed_parts(items):
        tally.add(item, cls, also, verb)
    excluded = sum(s.count or 0 for s in subset if s.role == "militant" and s.count)
    if cls == KILLED and excluded and tally.victims:
        tally.victims = max(0, tally.victims - excluded)
        tally.militants += excluded
    bombers = sum(1 for s in subset if s.role == "bomber")
    if cls == KILLED and bombers and tally.victims:
        tally.victims = max(0, tally.victims - bombers)  # the bomber is counted nowhere (label guide)
    return tally


def _read_phraseless(toks: list[_Tok], t: int, cls: str, found: list[tuple[int, Mention]]) -> None:
    """A verb at t with no phrase of its own: an earlier injured person died, or a count earlier in the clause."""
    earlier = [m for pos, m in found if pos < t and m.cls == INJURED and m.count]
    if toks[t].low in _DEATH_OF_INJURED and earlier:
        # "A constable who was injured in the attack succumbed": the injured person died.
        earlier[-1].cls = KILLED
        return
    if any(toks[k].low == "among" for k in range(max(0, t - 3), t)):
        return  # "among those killed": part of a figure given elsewhere
    fallback = _fallback(toks, t, cls)
    if fallback is not None:
        found.append((t, fallback))


def _followed_by_death(toks: list[_Tok], t: int) -> bool:
    for k in range(t + 1, min(t + 5, len(toks))):
        if toks[k].low in _DEATH_OF_INJURED:
            return True
        if not (_is_modifier(toks[k]) or toks[k].low in _AUX):
            return False
    return False


def _fallback(toks: list[_Tok], t: int, cls: str) -> Mention | None:
    """A count and a person noun earlier in the same clause ("five policemen on patrol ... were martyred")."""
    start = t - 1
    while start >= 0 and toks[start].low not in (",", ";", ":"):
        start -= 1
    for k in range(start + 1, t):
        if any(toks[m].low in _TRIGGERS for m in range(k + 1, t)):
            continue  # the phrase belongs to a verb in between
        if toks[k].low in ("a", "an") and k + 1 < t:
            head = toks[k + 1 : min(k + 4, t)]
            nouns = [h for h in head if _role(h.low) == "victim" and not _is_plural(h.low)]
            if nouns and cls != MILITANTS:
                return Mention(cls, 1, 0, 0, "fallback")
        if toks[k].kind != "qty" or toks[k].value is None:
            continue
        role = None
        for m in range(k + 1, min(k + 4, t)):
            role = _merge_role(role, toks[m].low)
        if role is None:
            continue
        if role == "militant" and cls == INJURED:
            return None  # "three more terrorists were taken into custody wounded": injured attackers are not counted
        target = MILITANTS if role == "militant" else cls
        part = _partitive_count(toks, k)
        count = toks[k if part is None else part]  # "nine of the 40 passengers on the coach": nine
        return Mention(target, count.value, 0, 0, "fallback", count.additive, count.approx)
    return None


def _clause_background(toks: list[_Tok]) -> list[bool]:
    """Per token: does it sit in a clause about another (earlier) attack or about statistics?"""
    clauses: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(toks):
        if tok.low in _CLAUSE_BREAK:
            clauses.append((start, i))
            start = i + 1
    clauses.append((start, len(toks)))
    flags: list[bool] = []
    linked = False  # past a cue that links to an earlier event ("comes days after"): the rest is about that one
    for a, b in clauses:
        words = toks[a:b]
        text = " ".join(t.text for t in words)
        past = bool(_PAST_CUE_RE.search(text) or _CLAIM_RE.search(text)) or any(t.kind == "year" for t in words)
        flags.append(past or linked)
        linked = linked or bool(_LINK_CUE_RE.search(text))
    # A short opening clause ("In 2014," / "Last year,") frames the whole sentence.
    if flags and flags[0] and clauses[0][1] - clauses[0][0] <= 6:
        flags = [True] * len(flags)
    relative = False  # "... last year, in which three militants, a woman and a child died": the rest is that event's
    for n in range(1, len(clauses)):
        a, b = clauses[n]
        opens_relative = a + 1 < b and toks[a + 1].low == "which" and toks[a].low in ("in", "during", "of")
        if a < b and (toks[a].low in _CONTINUATION or opens_relative) and flags[n - 1]:
            flags[n] = True
            relative = relative or opens_relative
        flags[n] = flags[n] or relative
    per_token = [False] * len(toks)
    for (a, b), flag in zip(clauses, flags, strict=True):
        for i in range(a, min(b + 1, len(toks))):
            per_token[i] = flag
    return per_token


def _toll_mentions(sentence: str, toks: list[_Tok]) -> list[tuple[int, Mention]]:
    found: list[tuple[int, Mention]] = []
    for match in _TOLL_RE.finditer(sentence):
        # The figure is the token that ends past the match, which may have absorbed the match's last words
        # ("went up to four": the quantity is "up to four").
        at = match.end()
        idx = next((i for i, t in enumerate(toks) if t.start + len(t.text) > at), None)
        if idx is None or toks[idx].kind != "qty" or toks[idx].value is None:
            continue
        if match.group("inj"):
            cls = INJURED
        elif _TOLL_MILITANT_RE.search(match.group("kill") or "") or _TOLL_MILITANT_RE.match(match["mid"].lstrip()):
            cls = MILITANTS  # "the militants' death toll", "the number of dead militants"
        else:
            cls = KILLED
        found.append((idx, Mention(cls, toks[idx].value, 0, 0, "toll", approx=toks[idx].approx)))
    return found


def _negations(sentence: str) -> list[Mention]:
    out = []
    if _NONE_BOTH_RE.search(sentence):
        out.append(Mention(KILLED, 0, 0, 0, "negation"))
        out.append(Mention(INJURED, 0, 0, 0, "negation"))
    if _NONE_KILLED_RE.search(sentence):
        out.append(Mention(KILLED, 0, 0, 0, "negation"))
    if _NONE_INJURED_RE.search(sentence):
        out.append(Mention(INJURED, 0, 0, 0, "negation"))
    return out


# ---------------------------------------------------------------------------
# Document layout


def _document(title: str, text: str) -> list[tuple[str, int]]:
    """Sentences with their tier: 0 for the title and lead, 1 for the rest, `_BACKGROUND_TIER` from the first
    paragraph about an earlier event on."""
    out: list[tuple[str, int]] = []
    if title.strip():
        out.append((_rewrite(_sentence_case(title.strip())), 0))
    # Lines before the dateline (captions, highlights, a kicker) are read as body; the lead opens at the dateline.
    preamble, story = split_preamble(text)
    for paragraph in (p for p in _PARAGRAPH_RE.split(_rewrite(preamble)) if p.strip()):
        out.extend((sentence, 1) for sentence in split_sentences(paragraph))
    paragraphs = [p for p in _PARAGRAPH_RE.split(_rewrite(story)) if p.strip()]
    lead_left = 0
    in_background = False
    for n, paragraph in enumerate(paragraphs):
        sentences = split_sentences(paragraph)
        if n == 0:
            # The lead is the first paragraph, at least two sentences, at most three.
            lead_left = max(_LEAD_MIN, min(_LEAD_MAX, len(sentences)))
        # From the first paragraph about an earlier event on ("Earlier this month, ..."), the text is background.
        in_background = in_background or (n > 0 and opens_background(paragraph))
        for sentence in sentences:
            # "... the firing went on until morning. Separately, one soldier was martyred when ...": from a sentence
            # that turns to another incident on, the rest of the report is about others.
            in_background = in_background or (n > 0 and bool(_SEPARATE_RE.match(sentence)))
            tier = _BACKGROUND_TIER if in_background else 0 if lead_left > 0 else 1
            # A headline repeated in the body ("Bomb Attack On Police Van Kills 5") is read as the title is, also
            # as the kicker of a sentence ("Bannu Bombing Leaves 12 Soldiers Dead: A suicide bombing ...").
            out.extend((_sentence_case(part), tier) for part in _KICKER_RE.split(sentence) if part.strip())
            lead_left -= 1
    return out


_SEPARATE_RE = re.compile(
    r"\W*(?:(?:notably|earlier|previously|meanwhile|also),?\s+)?(?:separately\b"
    r"|in\s+(?:a|an|another)\s+separate\s+(?:incident|attack|development)\b"
    r"|(?:in\s+)?an?(?:other)?\s+similar\s+(?:incident|attack|blast|explosion|bombing)s?\b)",
    re.I,
)


def _sentence_case(title: str) -> str:
    """A headline In Title Case ("Rocket Assault On Coal Mines Kills 20 Miners, Wounds Seven") lower-cased,
    so its capitals are not read as names; other headlines unchanged."""
    words = re.findall(r"[A-Za-z][\w'-]*", title)
    capitalised = sum(w[0].isupper() for w in words)
    return title.lower() if len(words) >= 4 and capitalised >= 0.8 * len(words) else title


# "Bannu attack leaves 12 soldiers dead: At least twelve personnel lost their lives ...": a kicker before a
# colon restates what the sentence after it says; read as two sentences, their figures are not added.
_KICKER_RE = re.compile(r"(?<=\w):\s+(?=[A-Z](?:[a-z]|\s))")


def _contrast_more(local: list[tuple[int, Mention]]) -> None:
    """ "Four people lost their lives and 18 more were hurt", "martyring one policeman and wounding six more":
    a "more" that follows another field's figure in its sentence contrasts the two fields; it adds nothing to
    the injured (or killed) given before. Such a figure is the sentence's own."""
    seen: set[str] = set()
    for _, mention in sorted(local, key=lambda pm: pm[0]):
        if mention.count is None:
            continue
        if mention.additive and not mention.also and mention.cls not in seen and seen - {mention.cls}:
            mention.additive = False
        if not mention.additive:
            seen.add(mention.cls)


def _restates_the_lead(local: list[tuple[int, Mention]], lead_tolls: set[int]) -> bool:
    """Whether a sentence gives again a toll of several that the lead gave."""
    return any(m.cls == KILLED and (m.count or 0) >= 2 and m.count in lead_tolls for _, m in local)


def collect(title: str, text: str) -> list[Mention]:
    mentions: list[Mention] = []
    lead_tolls: set[int] = set()  # the killed figures the lead gives
    earlier = -2  # the index of the last sentence whose every figure is about other events
    for index, (raw_sentence, tier) in enumerate(_document(title, text)):
        if not _RELEVANT_RE.search(raw_sentence):
            continue  # most sentences of a report say nothing about casualties; skip them cheaply
        sentence = _clean_sentence(raw_sentence)
        toks = _tokenise(sentence)
        background = _clause_background(toks)
        local = _mentions_in(toks) + _toll_mentions(sentence, toks)
        if _RUNNING_TOTAL_RE.search(sentence):
            for _, mention in local:
                mention.total = mention.cls == KILLED and not mention.additive and bool(mention.count)
        _contrast_more(local)
        # After a paragraph about the past ("Last July, the government gave the TTP the label ..."), a paragraph that
        # gives the lead's toll again ("It said thirteen brave sons of the soil were martyred, while a woman and two
        # children suffered serious injuries") is back on this event.
        past = tier == _BACKGROUND_TIER and not _restates_the_lead(local, lead_tolls)
        # "... 78 attacks in June that left at least 100 dead. Another 189 people were wounded, ...": a sentence that
        # goes on from one about other events, as "another" or "a further" does, is about them too.
        past = past or (earlier == index - 1 and bool(_GOES_ON_RE.match(sentence)))
        for position, mention in local:
            in_clause = background[position] if position < len(background) else False
            mention.background = past or in_clause
            if (
                mention.kind == "toll"
                and tier == 0
                and not _STATISTICS_RE.search(sentence)
                and not _CLAIM_RE.search(sentence)
            ):
                # A follow-up's lead names its attack by date ("last week's blast"): still this event.
                mention.background = False
        lead_tolls |= {m.count for _, m in local if tier == 0 and m.cls == KILLED and m.count and not m.background}
        any_background = any(background)
        extra = _negations(sentence)
        for mention in extra:
            mention.background = tier == _BACKGROUND_TIER or (any_background and all(background))
        for mention in [m for _, m in local] + extra:
            mention.sentence = index
            mention.tier = tier
            mentions.append(mention)
        if local and all(m.background for _, m in local):
            earlier = index
    return mentions


_GOES_ON_RE = re.compile(r"\W*(?:another|a\s+further|further|in\s+addition|besides)\b", re.I)
