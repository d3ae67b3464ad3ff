"""Turn fetched HTML bytes into text when the declared charset is missing, misplaced or wrong."""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

# Browsers look for a declaration near the top; pages that bury it deeper are rare and usually broken.
META_SCAN_BYTES = 16_384
# Detection on a prefix is as good as on the whole page and keeps huge pages cheap.
DETECT_SCAN_BYTES = 65_536

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)

# The WHATWG encoding standard: these labels mean windows-1252 on the web, whatever the name says.
_WEB_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for an HTML/HTTP charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    name = _WEB_ALIASES.get(name, name)
    # A byte-oriented page cannot really be UTF-16 if it was readable enough to declare so in ASCII.
    return "utf-8" if name.startswith("utf-16") else name


def declared_charset(body: bytes) -> str | None:
    """The charset named by an XML declaration or a <meta> tag near the top of the page."""
    head = body[:META_SCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return normalize_charset(match.group(1).decode("ascii", "ignore")) if match else None


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_LATIN_SINGLE_BYTE = re.compile(r"^(cp125\d|cp8\d\d|cp77\d|mac_\w+|iso8859_\d+|latin_\d)$")


def _detect(body: bytes) -> str | None:
    matches = from_bytes(body[:DETECT_SCAN_BYTES])
    best = matches.best()
    if best is None:
        return None
    # Detectors cannot tell the single-byte Latin code pages apart on short or mostly-ASCII text
    # (mac_latin2, cp1250 and cp1252 score alike). windows-1252 is by far the most common of them on
    # the web, so it wins whenever the bytes are valid windows-1252 and detection landed in that family.
    if _LATIN_SINGLE_BYTE.match(best.encoding or "") and _decodes(body, "cp1252"):
        return "cp1252"
    return normalize_charset(best.encoding)


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """Decode page bytes: BOM, then valid UTF-8, then <meta> charset, then HTTP header, then detection.

    Valid UTF-8 wins over any declaration because non-ASCII text is almost never valid UTF-8 by
    accident, while wrong declarations (a CMS template saying utf-8 over windows-1252 bytes, or
    the reverse) are common. Never raises: undecodable bytes become U+FFFD.
    """
    if not body:
        return ""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(codec, errors="replace")
    if _is_utf8(body):
        return body.decode("utf-8")

    # From here on the bytes are not UTF-8, so any declaration claiming UTF-8 is known to be wrong.
    for source, charset in (("meta", declared_charset(body)), ("header", normalize_charset(header_charset))):
        if charset and charset != "utf-8":
            log.debug("decoding with %s charset %s", source, charset)
            return body.decode(charset, errors="replace")
    detected = _detect(body)
    if detected:
        log.debug("decoding with detected charset %s", detected)
        return body.decode(detected, errors="replace")
    # Detection gives up on very short or binary input; the web's default legacy charset is the best bet.
    return body.decode("cp1252", errors="replace")
