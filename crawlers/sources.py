"""sources.yaml → typed, validated Source records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from crawlers.urls import host_of
from domain.taxonomy import SourceKind

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
_KNOWN_KEYS = {"name", "kind", "url", "link_pattern", "enabled", "allow_hosts", "notes", "region"}


class SourcesError(ValueError):
    """sources.yaml is missing, unreadable or invalid; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: SourceKind
    url: str
    link_pattern: str | None = None
    enabled: bool = True
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)

    @property
    def hosts(self) -> set[str]:
        """Hosts this source may fetch from: its own plus the ones it lists."""
        return {host_of(self.url), *(h.lower() for h in self.allow_hosts)}

    def accepts_link(self, url: str) -> bool:
        """True when a discovered URL matches the source's link_pattern (or it has none)."""
        return self.link_pattern is None or re.search(self.link_pattern, url) is not None


def load_sources(path: Path | str) -> list[Source]:
    """Read and validate a sources file; raise SourcesError with a one-line reason on any problem."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"sources file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc}") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise SourcesError(f"sources file {path} is not valid YAML{line}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise SourcesError(f"sources file {path} must be a mapping with a 'sources' list")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw["sources"], start=1):
        source = _parse_entry(entry, f"{path}: source #{index}")
        if source.name in seen:
            raise SourcesError(f"{path}: source name '{source.name}' appears twice")
        seen.add(source.name)
        sources.append(source)
    return sources


def _parse_entry(entry: Any, where: str) -> Source:
    if not isinstance(entry, dict):
        raise SourcesError(f"{where} must be a mapping")
    unknown = set(entry) - _KNOWN_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    name = entry.get("name")
    if not isinstance(name, str) or not _SLUG.match(name):
        raise SourcesError(f"{where}: 'name' must be a lower-case slug, got {name!r}")
    where = f"{where} ({name})"
    try:
        kind = SourceKind(str(entry.get("kind")))
    except ValueError:
        kinds = ", ".join(k.value for k in SourceKind)
        raise SourcesError(f"{where}: 'kind' must be one of {kinds}, got {entry.get('kind')!r}") from None
    url = entry.get("url")
    if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise SourcesError(f"{where}: 'url' must be an http(s) URL, got {url!r}")
    pattern = entry.get("link_pattern")
    if pattern is not None:
        if not isinstance(pattern, str):
            raise SourcesError(f"{where}: 'link_pattern' must be a string")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SourcesError(f"{where}: 'link_pattern' is not a valid regex: {exc}") from None
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourcesError(f"{where}: 'enabled' must be true or false")
    allow = entry.get("allow_hosts", [])
    if not isinstance(allow, list) or not all(isinstance(h, str) and h for h in allow):
        raise SourcesError(f"{where}: 'allow_hosts' must be a list of host names")
    return Source(name, kind, url, pattern, enabled, tuple(allow))
