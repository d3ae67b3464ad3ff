"""Keep secrets out of output and logs: passwords in URLs, secret-looking query parameters, known secret values."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

MASK = "***"

# scheme://user:password@ — the password may hold anything but whitespace and '@' (a '/' included).
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][\w+.-]*://[^:@/\s]*):(?P<password>[^\s@]*)@")
# ?password=...&token=... — parameters whose value is a credential, wherever they sit in a query string.
_SECRET_PARAM = re.compile(
    r"(?P<head>[?&;](?:password|passwd|pwd|pass|token|access_token|api_?key|apikey|key|secret|"
    r"client_secret|signature|sig|auth|authorization)=)(?P<value>[^&;#\s'\"]*)",
    re.IGNORECASE,
)
# Values shorter than this are not masked by value (a password "a" would blank every "a" in the log).
_MIN_SECRET_LENGTH = 4


def url_password(url: str) -> str | None:
    """The password in a URL's user-info part, if it has one."""
    match = _USERINFO.search(url)
    return match["password"] or None if match else None


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with URL passwords, credential query parameters and each of `secrets` replaced by ***."""
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _USERINFO.sub(lambda m: f"{m['head']}:{MASK}@", text)
    return _SECRET_PARAM.sub(lambda m: f"{m['head']}{MASK}", text)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts every record's final message (arguments and tracebacks included)."""

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = redact(message, self.secrets), None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return True
