"""sources.yaml → typed, validated Source records (a pydantic model per entry, one-line errors)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError, field_validator

from crawlers.urls import host_of
from domain import yamlfile
from domain.errors import KhabarError
from domain.taxonomy import SourceKind

_SLUG = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_HOST = re.compile(r"^[a-z0-9.-]+(:\d{1,5})?$")


class SourcesError(KhabarError, ValueError):
    """sources.yaml is missing, unreadable or invalid; the message names the file and the entry."""


class Source(BaseModel):
    """One configured news source: where its index is, how to read it, which hosts it may fetch from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(pattern=_SLUG)]
    kind: SourceKind
    url: str
    link_pattern: str | None = None
    enabled: StrictBool = True
    allow_hosts: tuple[str, ...] = ()
    # Politeness for this source's site, when it differs from the global settings (KHABAR_CRAWL_DELAY_S,
    # KHABAR_CRAWL_REQUEST_TIMEOUT_S): seconds between requests (Scrapy randomises 0.5-1.5x), and seconds a
    # request may take.
    delay_s: Annotated[float, Field(ge=0, le=300)] | None = None
    timeout_s: Annotated[float, Field(gt=0, le=600)] | None = None
    # Free-text fields for the people who edit the file; khabar ignores them.
    notes: str | None = None
    region: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"must be an http(s) URL, got {value!r}")
        return value

    @field_validator("link_pattern")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"is not a valid regex: {exc}") from None
        return value

    @field_validator("allow_hosts")
    @classmethod
    def _hosts(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [h for h in value if not _HOST.match(h.lower())]
        if bad:
            raise ValueError(f"must be host names (host or host:port), got {bad[0]!r}")
        return tuple(h.lower() for h in value)

    @property
    def hosts(self) -> set[str]:
        """Hosts this source may fetch from: its own plus the ones it lists."""
        return {host_of(self.url), *self.allow_hosts}


# What each kind of pydantic error means for someone editing sources.yaml.
_FIELD_HINTS = {
    "name": "'name' must be a lower-case slug (letters, digits, - and _)",
    "kind": f"'kind' must be one of {', '.join(k.value for k in SourceKind)}",
    "enabled": "'enabled' must be true or false",
    "allow_hosts": "'allow_hosts' must be a list of host names",
}


def _problem(error: ValidationError, entry: Any) -> str:
    """The first problem of an entry, in the words of the file's author."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else ""
    if first["type"] == "extra_forbidden":
        unknown = sorted(str(k) for k in entry if k not in Source.model_fields)
        return f"unknown key(s) {', '.join(unknown)}"
    if first["type"] == "missing":
        return f"'{field}' is missing"
    if first["type"] == "value_error":
        return f"'{field}' {str(first['msg']).removeprefix('Value error, ')}"
    hint = _FIELD_HINTS.get(field, f"'{field}' is invalid")
    return f"{hint}, got {first.get('input')!r}"


def load_sources(path: Path | str) -> list[Source]:
    """Read and validate a sources file; raise SourcesError with a one-line reason on any problem."""
    path = Path(path)
    try:
        raw = yamlfile.safe_load(path.read_text(encoding="utf-8"))
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
        where = f"{path}: source #{index}"
        if not isinstance(entry, dict):
            raise SourcesError(f"{where} must be a mapping")
        if isinstance(entry.get("name"), str):
            where = f"{where} ({entry['name']})"
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            raise SourcesError(f"{where}: {_problem(exc, entry)}") from None
        if source.name in seen:
            raise SourcesError(f"{path}: source name '{source.name}' appears twice")
        seen.add(source.name)
        sources.append(source)
    return sources
