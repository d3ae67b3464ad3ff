"""Language of an article: the text's script decides, the page's declaration refines."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawlers.metadata import meta_values
from crawlers.textnorm import WORD

__all__ = ["declared_language", "detect_language"]

_LANG_TAG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_URDU_LETTERS = re.compile(r"[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2\u06d3]")  # ٹ ڈ ڑ ں ھ ہ ے ۓ
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_SCRIPT_LANGS = {"ur", "ar", "fa", "ps", "sd", "ks", "ug"}
# The commonest English function words: a quarter of running English text, rare in other languages.
_ENGLISH_WORDS = frozenset(
    {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at"}
    | {"from", "it", "he", "said", "his", "are", "be", "has", "have", "were", "an"}
)
_ENGLISH_SHARE = 0.15
_SCRIPT_SAMPLE = 5000


def declared_language(tree: HtmlElement, meta: dict[str, str] | None = None) -> str | None:
    """The two-letter language the page declares (html lang, Content-Language, og:locale).

    `meta` is the page's meta_values(), when the caller already has them.
    """
    meta = meta_values(tree) if meta is None else meta
    for value in (tree.get("lang"), tree.get("xml:lang"), meta.get("content-language"), meta.get("og:locale")):
        match = _LANG_TAG.match((value or "").strip().split(",")[0])
        if match:
            return match.group(1).lower()
    return None


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code from the text's script, checked against what the page declares.

    Cheap on purpose: the sources are English and Urdu, and templates often declare "en" on
    Urdu pages, so the script decides and the declaration only refines it.
    """
    sample = text[:_SCRIPT_SAMPLE]
    arabic = len(_ARABIC_SCRIPT.findall(sample))
    latin = len(_LATIN.findall(sample))
    devanagari = len(_DEVANAGARI.findall(sample))
    letters = arabic + latin + devanagari
    if not letters:
        return declared
    if arabic / letters > 0.5:
        if declared in _ARABIC_SCRIPT_LANGS:
            return declared
        return "ur" if _URDU_LETTERS.search(sample) else "ar"
    if devanagari / letters > 0.5:
        return declared if declared in {"hi", "mr", "ne"} else "hi"
    if latin / letters > 0.5:
        if declared and declared not in _ARABIC_SCRIPT_LANGS:
            return declared
        words = [w.lower() for w in WORD.findall(sample)]
        if words and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= _ENGLISH_SHARE:
            return "en"
        return None
    return declared
