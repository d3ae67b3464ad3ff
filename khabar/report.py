"""`khabar report`: one self-contained HTML file (inline CSS and SVG, no scripts, no network) for analysts.

The daily report DAG calls `write_report`.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from domain.settings import get_settings
from khabar.boundaries import load_boundaries
from khabar.report_data import gather
from khabar.report_map import incident_map
from warehouse.db import make_engine, require_existing, session_scope
from warehouse.filters import IncidentFilter
from warehouse.trends import PERIODS, Period


@dataclass(frozen=True, slots=True)
class WrittenReport:
    path: Path
    incidents: int
    bytes: int


def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s) — an article's link must never become a javascript: or data: link."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def host(url: str) -> str:
    return urlsplit(url).netloc or url


def environment() -> Environment:
    """Templates from the package; autoescape on, so every string from an article is HTML-escaped."""
    env = Environment(
        loader=PackageLoader("khabar", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_href"] = safe_href
    env.filters["host"] = host
    return env


def render_report(context: dict[str, object]) -> str:
    return environment().get_template("report.html.j2").render(**context)


def build_report(
    db_url: str,
    path: str | Path,
    filters: IncidentFilter | None = None,
    *,
    period: Period | str | None = None,
    now: datetime | None = None,
) -> WrittenReport:
    """Query the warehouse and write the report to `path` (atomically: a reader never sees half a file)."""
    if period is not None and period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    require_existing(db_url)
    now = now or datetime.now(UTC)
    filters = filters or IncidentFilter()
    engine = make_engine(db_url)
    try:
        with session_scope(engine) as session:
            context = gather(session, filters, period, now)
    finally:
        engine.dispose()
    boundaries = load_boundaries()
    context["map"] = incident_map(context["incidents"], boundaries)
    context["map_source"] = boundaries.source if boundaries else None
    html = render_report(context)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(html)
    os.replace(tmp.name, target)
    return WrittenReport(target, len(context["incidents"]), len(html.encode("utf-8")))


def write_report(db_url: str | None, path: str | Path, since: date | None = None, until: date | None = None) -> Path:
    """The daily DAG's entry point: the report of incidents from `since` to `until` (inclusive) at `path`.

    `db_url` None means the configured warehouse ($KHABAR_DATABASE_URL, else the embedded SQLite file).
    """
    url = db_url or get_settings().effective_database_url
    return build_report(url, path, IncidentFilter(since=since, until=until)).path
