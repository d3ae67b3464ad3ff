"""Shared text handling for the readers of a report: page clean-up, word tokens and sentence splitting."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Token",
    "background_start",
    "clean_article",
    "name_key",
    "opens_background",
    "sentence_spans",
    "split_sentences",
    "tokenize",
]

# ------------------------------------------------------------------ word tokens

_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: as written, its lower-case key, and where it sits."""

    text: str
    key: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split text into word tokens; punctuation (hyphens, dots, apostrophes) only separates them."""
    return [Token(m.group(), m.group().casefold(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def name_key(name: str) -> tuple[str, ...]:
    """The lookup key of a name: "D.I. Khan" → ("d", "i", "khan"), "Fitna-al-Khawarij" → ("fitna", "al", "khawarij")."""
    return tuple(t.key for t in tokenize(name))


# ------------------------------------------------------------------ pattern gates


def fold(text: str) -> str:
    """The text as `required_fragments` are tested against it: case-folded, and the dotless ı read as i
    (re.IGNORECASE matches it to "i")."""
    return text.casefold().replace("ı", "i")


def required_fragments(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Strings one of which every match of `pattern` contains, as `fold` gives them; () when none is known.

    A cheap gate before a costly search: `any(f in fold(text) for f in fragments)` is false only where the
    pattern cannot match. Read from the pattern's parse: a run of literal characters outside any optional
    part, or one such run from each branch of an alternation; the longest shortest choice wins. Only plain
    ASCII is trusted, so case-insensitive matching of other scripts never hides a match.
    """
    from re import _parser  # type: ignore[attr-defined]

    if pattern.flags & re.VERBOSE:
        return ()
    return tuple(dict.fromkeys(_fragments(_parser.parse(pattern.pattern, pattern.flags))))


def _better(best: tuple[str, ...], found: tuple[str, ...]) -> tuple[str, ...]:
    if not found or not all(f and f.isascii() for f in found):
        return best
    return found if not best or min(map(len, found)) > min(map(len, best)) else best


def _fragments(items: Any) -> tuple[str, ...]:
    """`required_fragments` of a parsed sequence of (opcode, argument) nodes."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: tuple[str, ...] = ()
    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        best = _better(best, (fold("".join(run)),) if run else ())
        run = []
        if op is c.SUBPATTERN:
            best = _better(best, _fragments(av[-1]))
        elif op is c.BRANCH:
            branches = [_fragments(branch) for branch in av[1]]
            if all(branches):
                best = _better(best, tuple(f for branch in branches for f in branch))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            best = _better(best, _fragments(av[2]))
    return _better(best, (fold("".join(run)),) if run else ())


# ------------------------------------------------------------------ sentences

# A sentence ends at . ! or ? (closing quotes and brackets stay with it) before a capital, digit or
# opening quote, unless the dot belongs to a title or an initial ("Mr.", "Lt.", "D.I."); a blank line
# always ends one.
# The cheap test first: the negative lookbehinds run only where a stop stands before the position.
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bLt\.)(?<!\bCol\.)(?<!\bGen\.)(?<!\bMaj\.)"
    r"(?<!\bCapt\.)(?<!\bNo\.)(?<!\bSt\.)(?<!\bBrig\.)(?<!\bSgt\.)(?<!\bRs\.)(?<!\bProf\.)"
    r"[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank sentence of `text`, in order; the spans cover the text."""
    starts = [0, *(m.end() for m in _SENTENCE_BREAK.finditer(text))]
    ends = [*starts[1:], len(text)]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if text[a:b].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped."""
    return [text[a:b].strip() for a, b in sentence_spans(text)]


# ------------------------------------------------------------------ background paragraphs

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# How a paragraph about another, earlier event opens: "Earlier this month, ...", "A day earlier, ...", "In
# December, ...", "On January 5, ...", "Last week ...", "In 2014 ...", "In a separate incident ...", "This is
# the second attack ...". Real reports end with such paragraphs, and their places and tolls are not the event's.
_BACKGROUND_OPENING = re.compile(
    r"^\W*(?:"
    r"(?:earlier|later)\s+(?:this|that|last)\s+(?:day|week|month|year)"
    rf"|earlier\s+in\s+(?:the\s+)?(?:week|month|year|{_MONTH_NAMES})\b"
    r"|earlier\s+(?:on\s+)?(?:the\s+same\s+day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"|(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:earlier|ago|before)"
    rf"|(?:last|in|on|since|during|earlier\s+on)\s+(?:{_MONTH_NAMES})\b"
    r"|(?:last|the\s+previous|the\s+past)\s+(?:week|month|year)"
    r"|in\s+(?:19|20)\d\d\b"
    r"|(?:in|on)\s+(?:a|an|another)\s+(?:separate|similar|earlier|previous)?\s*(?:attack|incident|blast|bombing|assault"
    r"|explosion|development|operation)"
    r"|(?:this|it)\s+(?:is|was)\s+(?:the\s+)?(?:second|third|fourth|fifth|latest)\b"
    r"|separately\b"
    r")",
    re.IGNORECASE,
)


def split_headline(text: str) -> tuple[str, str]:
    """(headline, body) of a text written as a headline line, a blank line and the body; ("", text) otherwise."""
    head, blank, body = text.partition("\n\n")
    return (head.strip(), body) if blank and head.strip() and "\n" not in head.strip() else ("", text)


def opens_background(paragraph: str) -> bool:
    """Whether the paragraph opens like one about another, earlier event."""
    return bool(_BACKGROUND_OPENING.match(paragraph))


def background_start(text: str) -> int | None:
    """Where the text turns to other, earlier events for good: the offset of the first paragraph after the first
    that opens like background ("Earlier this month, ..."), or None. Everything from there on is background."""
    offset = 0
    first = True
    for line in text.split("\n"):
        if line.strip():
            if not first and opens_background(line):
                return offset
            first = False
        offset += len(line) + 1
    return None


# ------------------------------------------------------------------ page clean-up

# Lines that are page furniture whatever their position: navigation, sharing, comment boxes, bylines.
_FURNITURE_LINE = re.compile(
    r"""^\W*(?:
        advertisement|close|comments?|comments\ are\ closed\.?|share(?:\ this(?:\ article)?)?(?:\ on:?)?
      | tagged:?|leave\ a\ (?:comment|reply)|read\ (?:more|full\ story)|also\ read|related(?:\ (?:news|stories|posts))?
      | must\ read|next\ story.*|previous\ story.*|more\ from\ .{1,30}|subscribe\b.*|discover\ more\b.*
      | follow\ (?:us|on)\b.*|source:\ .{1,40}|story\ code\b.*|(?:first\ )?published\b.{0,60}|updated\b.{0,60}
      | by\ [A-Z][\w.' -]{1,50}|staff\ reporter|our\ (?:staff\ )?correspondent|(?:web|news|monitoring)\ desk
      | agencies|f\.\ ?p\.\ report|news\ on\ one\ click|you\ may\ (?:also\ )?(?:be\ interested|like).*
      | see\ full\ list|copyright\b.{0,60}|all\ rights\ reserved.*|for\ more\ information.{0,60}
      | ■.*|_{2,}|-{2,}|\*{2,}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line that opens a list of links ("Read more: ...", "Also read: ..."): the rest of it is another story.
_LINK_NAMES = r"read\s+more|also\s+read|read\s+also|related|must\s+read|see\s+also"
_LINK_LEAD = re.compile(rf"^\W*(?:{_LINK_NAMES})\s*[:|-]", re.I)
# A line that only announces such a list, its headlines on the lines below ("ALSO READ", "Related stories").
_LINK_MARK = re.compile(rf"^\W*(?:{_LINK_NAMES}|related\s+(?:news|stories|posts|articles)|more\s+stories)\W*$", re.I)
_LINK_HEADLINE_WORDS = 25  # a related story's headline is shorter than this
# A highlight in a bulleted list over the story ("• Islamic State group says it carried out the attack"): the
# story's own facts, kept however short (not a kicker or a related story's headline).
_HIGHLIGHT = re.compile(r"^[•▪●]\s*(?:\S+\s+){3}")
# ... and so is a sub-head that gives a group's claim ("Faction of TTP says it carried out the killing", "LeJ
# Al-Alami says it carried out attack"): the story's own news, not a kicker.
_CLAIM_LINE = re.compile(
    r"\b(?:says?|said)\s+(?:it|they)\s+(?:carried\s+out|was\s+behind|were\s+behind)\b"
    r"|\b(?:claims?|owns?|accepts?)\s+(?:the\s+)?(?:responsibility|attack|bombing|blast|killing|kidnapping|assault)\b",
    re.I,
)
# Photo captions and credits.
_CAPTION = re.compile(
    r"PHOTO\s*:|\bphoto\s+(?:credit|by|courtesy|:)|\(photo\b|\bfile\s+photo\b|\bscreengrab\b|\bvia\s+getty\b"
    r"|[—–-]\s*(?:[\w.'-]+\s+){0,3}?/\s*(?:AFP|APP|AP|Reuters|Online|INP|NNI|PPI|White\s+Star|File)\s*$"
    r"|[—–-]\s*(?:AFP|APP|AP|Reuters|Reuters/File|AFP/File|Online|INP|NNI|PPI|Dawn|Express|File|Twitter|X|White\s+Star)"
    r"(?:\s+Photo)?\s*$|\((?:AFP|APP|AP|Reuters|Online|INP|NNI|PPI|File)\)\s*$",
    re.IGNORECASE,
)
# A long caption still ends with its credit: "... authorities said. (Photo by A. Name / AFP via Getty Images)".
# ... or with its outlet's short credit: "... wounding over 30. (AN photo)", "(AP Photo/Name)".
_CAPTION_END = re.compile(
    r"\((?:photo|image|file photo)s?\s*(?:by|credit|courtesy|:)[^()]*\)\s*$|\bvia\s+getty\s+images\)?\s*$"
    r"|\((?:[\w.'-]+\s+){1,2}photos?(?:\s*/\s*[^()]{1,40})?\)\s*$"
    # ... or with an agency and its photographer in capitals: "... shrink the Muslim population. EPA/REHAN KHAN".
    r"|(?-i:\b(?:EPA|AFP|AP|Reuters|AA|Xinhua)/[A-Z][A-Z.' -]{1,40})\s*$",
    re.I,
)
_DATE_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|ist|pkt|gmt|utc|pst|date|updated|published|on|last"
)
# A line of dates, times and separators only ("Monday, July 22, 2024", "10:09 PM | July 22, 2024").
_DATE_LINE = re.compile(rf"^(?:[\s\d,.:;|/()+-]|\b(?:{_DATE_WORDS})\b)+$", re.IGNORECASE)
# Stored pages sometimes start with a machine date stamp: " date 2024-11-10 ...".
_DATE_STAMP = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)
_HANDLE = re.compile(r"\(@\w+\)|pic\.twitter\.com/\S+|https?://\S+|www\.\S+")
_TWEET_END = re.compile(r"pic\.twitter\.com/\S+(?:\s*[—–-]\s*[^\n]{0,80})?\s*$", re.IGNORECASE)
# Dashes some pages set with look-alike characters (a box-drawing line, a horizontal bar): read as an em dash, so a
# caption's "─ AFP/File" credit and an aside "six others ─ two captains and ... ─ were wounded" read as they mean.
_DASHES = str.maketrans({"\u2500": "\u2014", "\u2015": "\u2014"})
_SENTENCE_END = re.compile(r"[.!?…\"'”’)]\s*$")
_SHORT_LINE_WORDS = 12


def _norm(line: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", line.casefold()))


def _latin_share(line: str) -> float:
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return 1.0
    latin = sum("LATIN" in unicodedata.name(c, "") for c in letters)
    return latin / len(letters)


def _is_furniture(line: str, title_key: str) -> bool:
    stripped = line.strip()
    key = _norm(stripped)
    if not key:
        return True
    if title_key and (key == title_key or (len(key) > 20 and title_key.startswith(key))):
        return True  # the headline repeated by the page (site header, H1, social card)
    if _FURNITURE_LINE.match(stripped) or _DATE_LINE.match(stripped) or _LINK_LEAD.match(stripped):
        return True
    if (len(stripped) < 400 and _CAPTION.search(stripped)) or (len(stripped) < 1200 and _CAPTION_END.search(stripped)):
        return True
    if _latin_share(stripped) < 0.5:
        return True  # Urdu or other scripts inside an English page: a tweet or statement the model cannot read
    if _TWEET_END.search(stripped) and len(stripped) < 600:
        return True  # a pasted tweet: its photo link ends it, however long its text ("#PAKWatch: ... left 57 dead")
    return bool(_HANDLE.search(stripped)) and len(stripped.split()) < 25 and "said" not in key.split()


def _in_link_list(line: str, links: bool) -> bool:
    """Whether the line is part of a list of links to other stories: the line that announces one, and after it
    the related stories' headlines, however long ("Flash floods in Swat: death toll rises to 14 as ...")."""
    if _LINK_MARK.match(line):
        return True
    return links and not _SENTENCE_END.search(line) and len(line.split()) < _LINK_HEADLINE_WORDS


def clean_article(title: str, text: str) -> str:
    """The body of a stored page without its furniture, for every reader of the report.

    Drops what pages put around the story: the headline repeated (also glued to the opening), date and
    byline lines, photo captions (often printed twice), "Read more" link lists, share and comment boxes,
    pasted tweets and lines in other scripts, teaser lines repeated in full below them, and any line
    already seen. Short lines without a sentence end (kickers, sub-heads, headlines of related stories)
    go too, unless they are all the text has. Clean copy (one paragraph, or paragraphs of sentences) passes unchanged.
    """
    text = _DATE_STAMP.sub("", text or "").translate(_DASHES)
    lines = text.split("\n")
    if len(lines) <= 1:
        return text
    title_key = _norm(title or "")
    head = (title or "").strip()
    kept: list[str] = []
    seen: set[str] = set()
    links = False  # inside a list of links to other stories, under an "Also read" line
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        glued = len(stripped) > len(head) + 20 and stripped[len(head)].isalnum()
        if head and glued and stripped[: len(head)].lower() == head.lower():
            # The headline glued to the opening, no space between ("... toll climbs to 53Islamabad - More bodies
            # were ..."): the opening, with its dateline, is what follows it.
            stripped = stripped[len(head) :].lstrip(" -–—:|")
        key = _norm(stripped)
        if key in seen and len(key) >= 12:
            continue
        seen.add(key)
        links = _in_link_list(stripped, links)
        if links or _is_furniture(stripped, title_key):
            continue
        if stripped.endswith(("...", "…")):
            later = " ".join(lines[n + 1 : n + 4])
            if _norm(stripped.rstrip(".… ")) in _norm(later):
                continue  # a teaser repeated in full below
        short = len(stripped.split()) < _SHORT_LINE_WORDS and not _SENTENCE_END.search(stripped)
        if short and not (_HIGHLIGHT.match(stripped) or _CLAIM_LINE.search(stripped)):
            continue
        kept.append(stripped)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body or text.strip()
