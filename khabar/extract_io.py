"""`khabar extract`: one page (file or URL) → one JSON record, errors included as records."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawlers.dates import first_trusted
from crawlers.extract import extract_article
from domain.settings import get_settings

MAX_PAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 20.0


def _fetch(url: str) -> tuple[bytes, str | None]:
    request = urllib.request.Request(url, headers={"User-Agent": get_settings().user_agent})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        body = response.read(MAX_PAGE_BYTES + 1)
        charset = response.headers.get_content_charset()
    if len(body) > MAX_PAGE_BYTES:
        raise ValueError(f"page larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
    return body, charset


def extract_one(item: str) -> dict[str, Any]:
    """Extract a local HTML file or an http(s) URL; failures come back as {"input", "error"}."""
    record: dict[str, Any] = {"input": item}
    try:
        if urlsplit(item).scheme in ("http", "https"):
            body, charset = _fetch(item)
            url = item
        else:
            path = Path(item)
            if path.stat().st_size > MAX_PAGE_BYTES:
                raise ValueError(f"file larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
            body, charset, url = path.read_bytes(), None, path.resolve().as_uri()
    except FileNotFoundError:
        return record | {"error": "file not found"}
    except IsADirectoryError:
        return record | {"error": "is a directory"}
    except urllib.error.HTTPError as exc:
        return record | {"error": f"HTTP {exc.code}"}
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        return record | {"error": str(getattr(exc, "reason", exc))}
    article = extract_article(body, url, header_charset=charset)
    if article is None:
        return record | {"error": "no article text found"}
    published, _ = first_trusted([article.published, article.published_guess])
    return record | {
        "title": article.title,
        "text": article.text,
        "published": published.isoformat() if published else None,
        "language": article.language,
    }
