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


def _avg_text(session: Session, source: str, start: datetime, end: datetime) -> float | None:
    value = session.scalar(
        sa.select(sa.func.avg(sa.func.length(Article.text))).where(
            Article.source == source, Article.fetched_at >= start, Article.fetched_at < end
        )
    )
    return float(value) if value is not None else None


def source_health(
    session: Session, now: datetime | None = None, extra: dict[str, bool] | None = None
) -> list[SourceHealth]:
    """One row per source known to the warehouse (plus `extra` names → enabled flags from sources.yaml)."""
    now = now or datetime.now(UTC)
    window_start = now - timedelta(days=WINDOW_DAYS)
    baseline_start = now - timedelta(days=BASELINE_DAYS)
    known = {s.name: s for s in session.scalars(sa.select(Source))}
    names = sorted(set(known) | set(extra or {}))
    rows = []
    for name in names:
        source = known.get(name)
        enabled = (extra or {}).get(name, source.enabled if source else None)
        runs = list(
            session.scalars(sa.select(CrawlRun).where(CrawlRun.source == name, CrawlRun.finished_at >= window_start))
        )
        errors = sum(1 for r in runs if r.error or (r.failed and not r.fetched))
        articles = session.scalar(
            sa.select(sa.func.count(Article.id)).where(Article.source == name, Article.fetched_at >= window_start)
        )
        recent = _avg_text(session, name, window_start, now)
        before = _avg_text(session, name, baseline_start, window_start)
        last_success = source.last_success_at if source else None
        if not runs and last_success is None:
            status = "never crawled"
        elif runs and errors == len(runs):
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
                runs=len(runs),
                error_rate=errors / len(runs) if runs else None,
                articles_per_day=(articles or 0) / WINDOW_DAYS,
                avg_text_chars=int(recent) if recent is not None else None,
                status=status,
            )
        )
    return rows
