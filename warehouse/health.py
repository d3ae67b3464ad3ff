"""Source health for operators: last success, error rate, volume, and a drop in extracted text length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from warehouse.schema import Article, CrawlRun, Source

WINDOW_DAYS = 7
BASELINE_DAYS = 30
# Extracted text that shrinks to under half its usual length means the page layout changed under us.
TEXT_DROP_RATIO = 0.5


@dataclass(frozen=True, slots=True)
class SourceHealth:
    source: str
    enabled: bool | None
    last_success: datetime | None
    runs: int
    error_rate: float | None
    articles_per_day: float
    avg_text_chars: int | None
    status: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "enabled": self.enabled,
            "last_success": self.last_success.strftime("%Y-%m-%d %H:%M") if self.last_success else None,
            "runs": self.runs,
            "error_rate": None if self.error_rate is None else round(self.error_rate, 2),
            "articles_per_day": round(self.articles_per_day, 1),
            "avg_text_chars": self.avg_text_chars,
            "status": self.status,
        }


def _runs_by_source(session: Session, since: datetime) -> dict[str, tuple[int, int]]:
    """(runs, runs with errors) per source since then, in one grouped query."""
    run = CrawlRun
    errored = sa.or_(run.error.is_not(None), sa.and_(run.failed > 0, run.fetched == 0))
    rows = session.execute(
        sa.select(run.source, sa.func.count(run.id), sa.func.sum(sa.case((errored, 1), else_=0)))
        .where(run.finished_at >= since)
        .group_by(run.source)
    )
    return {source: (int(total), int(errors or 0)) for source, total, errors in rows}


def _articles_by_source(session: Session, start: datetime, end: datetime) -> dict[str, tuple[int, float | None]]:
    """(articles, average text length) per source fetched in [start, end), in one grouped query."""
    rows = session.execute(
        sa.select(Article.source, sa.func.count(Article.id), sa.func.avg(sa.func.length(Article.text)))
        .where(Article.fetched_at >= start, Article.fetched_at < end)
        .group_by(Article.source)
    )
    return {source: (int(count), float(avg) if avg is not None else None) for source, count, avg in rows}


def source_health(
    session: Session, now: datetime | None = None, extra: dict[str, bool] | None = None
) -> list[SourceHealth]:
    """One row per source known to the warehouse (plus `extra` names → enabled flags from sources.yaml)."""
    now = now or datetime.now(UTC)
    window_start = now - timedelta(days=WINDOW_DAYS)
    baseline_start = now - timedelta(days=BASELINE_DAYS)
    known = {s.name: s for s in session.scalars(sa.select(Source))}
    names = sorted(set(known) | set(extra or {}))
    # Four grouped queries for all sources (not four per source): `khabar sources` stays fast at any size.
    runs_of = _runs_by_source(session, window_start)
    recent_of = _articles_by_source(session, window_start, now)
    before_of = _articles_by_source(session, baseline_start, window_start)
    rows = []
    for name in names:
        source = known.get(name)
        enabled = (extra or {}).get(name, source.enabled if source else None)
        runs, errors = runs_of.get(name, (0, 0))
        articles, recent = recent_of.get(name, (0, None))
        before = before_of.get(name, (0, None))[1]
        last_success = source.last_success_at if source else None
        if not runs and last_success is None:
            status = "never crawled"
        elif runs and errors == runs:
            status = "failing: every recent run had errors"
        elif recent is not None and before and recent < TEXT_DROP_RATIO * before:
            status = f"text length dropped ({int(recent)} vs {int(before)} chars): layout change?"
        else:
            status = "ok"
        rows.append(
            SourceHealth(
                source=name,
                enabled=enabled,
                last_success=last_success,
                runs=runs,
                error_rate=errors / runs if runs else None,
                articles_per_day=articles / WINDOW_DAYS,
                avg_text_chars=int(recent) if recent is not None else None,
                status=status,
            )
        )
    return rows
