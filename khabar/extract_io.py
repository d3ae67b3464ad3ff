"""`khabar extract`: one page (file or URL) → one JSON record, errors included as records."""

from __future__ import annotations

import http.client
import socket
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawlers.dates import first_trusted
from crawlers.extract import extract_article
from crawlers.policy import IPNetwork, UrlPolicy, address_allowed, ip_literal, parse_networks
from crawlers.urls import host_of
from domain.errors import KhabarError
from domain.settings import get_settings

MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


class FetchError(KhabarError):
    """The page could not be fetched; the message is the record's `error`."""


def _connect(url: str, remaining: float, networks: tuple[IPNetwork, ...]) -> http.client.HTTPConnection:
    """A connection to the URL's host, closed again unless the address it reached is one the policy allows.

    The check is on the connected peer, not on a separate lookup, so a name cannot answer differently twice.
    """
    parts = urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = cls(parts.hostname or "", parts.port, timeout=remaining)
    try:
        connection.connect()
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {parts.hostname}: {exc.strerror or exc}") from None
    except TimeoutError:
        raise FetchError("timeout: could not connect") from None
    except OSError as exc:
        raise FetchError(f"connection failed: {exc.strerror or exc}") from None
    assert connection.sock is not None
    peer = str(connection.sock.getpeername()[0]).split("%")[0]
    address = ip_literal(peer)
    if address is None or not address_allowed(address, networks):
        connection.close()
        raise FetchError(f"refused: {parts.hostname} is a non-public address ({peer})")
    return connection


def fetch(url: str, *, timeout_s: float, max_bytes: int = MAX_PAGE_BYTES) -> tuple[bytes, str | None]:
    """GET `url` (http or https only), following redirects; the whole fetch ends within `timeout_s`.

    Each hop passes the crawler's URL policy (scheme, public address unless a setting allows the
    network); the body is read in chunks against the deadline and the size cap, so a server that drips
    one byte a second cannot hold the command past the deadline.
    """
    settings = get_settings()
    networks = parse_networks(settings.crawl_allow_network_list)
    deadline = time.monotonic() + timeout_s
    for _ in range(MAX_REDIRECTS + 1):
        # Any host the user names (and its redirects), but only http(s) and, on connect, public addresses.
        refusal = UrlPolicy(frozenset({host_of(url)}), networks).refusal(url)
        if refusal is not None:
            raise FetchError(f"refused: {refusal} ({url})")
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"timeout: no answer within {timeout_s:.0f} s")
        parts = urlsplit(url)
        connection = _connect(url, remaining, networks)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            connection.request("GET", path, headers={"User-Agent": settings.user_agent, "Host": parts.netloc})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location") or "")
                continue
            if response.status >= 400:
                raise FetchError(f"HTTP {response.status}")
            body = _read_body(connection, response, deadline, max_bytes, timeout_s)
            return body, response.headers.get_content_charset()
        except TimeoutError:
            raise FetchError(f"timeout: no complete answer within {timeout_s:.0f} s") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"connection failed: {exc}") from None
        finally:
            connection.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _read_body(
    connection: http.client.HTTPConnection,
    response: http.client.HTTPResponse,
    deadline: float,
    max_bytes: int,
    timeout_s: float,
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"timeout: the page did not finish within {timeout_s:.0f} s")
        if connection.sock is not None:
            connection.sock.settimeout(remaining)
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too_large: page larger than {max_bytes // (1024 * 1024)} MB")
        chunks.append(chunk)


def extract_one(item: str) -> dict[str, Any]:
    """Extract a local HTML file or an http(s) URL; failures come back as {"input", "error"}."""
    record: dict[str, Any] = {"input": item}
    try:
        if urlsplit(item).scheme in ("http", "https"):
            body, charset = fetch(item, timeout_s=get_settings().extract_timeout_s)
            url = item
        else:
            path = Path(item)
            if not path.is_file():
                raise FetchError("is a directory" if path.is_dir() else "file not found")
            if path.stat().st_size > MAX_PAGE_BYTES:
                raise FetchError(f"file larger than {MAX_PAGE_BYTES // (1024 * 1024)} MB")
            body, charset, url = path.read_bytes(), None, path.resolve().as_uri()
    except FetchError as exc:
        return record | {"error": str(exc)}
    except OSError as exc:
        return record | {"error": exc.strerror or str(exc)}
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
