"""Word counting and whitespace/case normalisation shared by the extraction modules."""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")


def word_count(text: str | None) -> int:
    """Runs of word characters in `text` (0 for None)."""
    return len(WORD.findall(text or ""))


def norm_words(text: str | None) -> str:
    """Lower-cased words joined by single spaces: the form in which two blocks are compared."""
    return " ".join(WORD.findall((text or "").lower()))


def squash(text: str) -> str:
    """Runs of whitespace as single spaces, trimmed."""
    return " ".join(text.split())
