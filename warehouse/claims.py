"""URL claims: a crawl claims each article URL in the warehouse before fetching it.

Two sources on one host (two Airflow tasks, two processes, or a CLI run beside a scheduled one) may
discover the same article; the first claim wins and the other skips it (counted as skipped `claimed`).
A claim keeps every other source from the URL; the source that holds it takes it back in any later run or
retry (so a run killed mid-crawl never blocks its successor). It expires after `ttl`, when another source
may take over a URL whose crawl died, and expired rows are deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from warehouse import schema
from warehouse.db import make_engine, session_scope
from warehouse.load import insert, known_urls

logger = logging.getLogger(__name__)


def claim(session: Session, url: str, run_id: str, source: str, *, ttl: timedelta, now: datetime | None = None) -> bool:
    """Claim `url` (canonical) for this source's crawl in this run; False when another source holds it.

    One statement (an upsert whose update only takes over an expired claim or our own), so two
    processes claiming at once cannot both win. Commit right after, so the others see it.
    """
    now = now or schema.utcnow()
    table = schema.UrlClaim.__table__
    stmt = insert(session, schema.UrlClaim).values(canonical_url=url, run_id=run_id, source=source, claimed_at=now)
    ours = table.c.source == source
    stmt = stmt.on_conflict_do_update(
        index_elements=["canonical_url"],
        set_={"run_id": run_id, "source": source, "claimed_at": now},
        where=sa.or_(table.c.claimed_at <= now - ttl, ours),
    ).returning(table.c.canonical_url)
    return session.execute(stmt).first() is not None


def release(session: Session, urls: Iterable[str], run_id: str, source: str) -> int:
    """Give up this crawl's claims on `urls` (links it could not fetch: another crawl may try them)."""
    claim_ = schema.UrlClaim
    released = 0
    batch = sorted(set(urls))
    for start in range(0, len(batch), 500):
        result = session.execute(
            sa.delete(claim_).where(
                claim_.canonical_url.in_(batch[start : start + 500]),
                claim_.run_id == run_id,
                claim_.source == source,
            )
        )
        released += int(getattr(result, "rowcount", 0) or 0)
    return released


def expire(session: Session, ttl: timedelta, now: datetime | None = None) -> int:
    """Delete claims older than `ttl` (their crawls are long over)."""
    cutoff = (now or schema.utcnow()) - ttl
    result = session.execute(sa.delete(schema.UrlClaim).where(schema.UrlClaim.claimed_at <= cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


class ClaimStore:
    """The crawl process's handle on the claims table: one short transaction per claim."""

    def __init__(self, db_url: str, run_id: str, ttl: timedelta) -> None:
        self._engine: Engine = make_engine(db_url, check=False)
        self.run_id = run_id
        self.ttl = ttl

    def claim(self, url: str, source: str) -> bool:
        """True when this source may fetch `url`. Fails open (True, logged) when the warehouse is unreachable:
        a repeat fetch is cheaper than a lost article, and the warehouse stores a story once anyway."""
        try:
            with session_scope(self._engine) as session:
                return claim(session, url, self.run_id, source, ttl=self.ttl)
        except Exception as exc:  # any database failure: fetch anyway, say so
            logger.warning("could not claim %s (fetching it anyway): %s", url, type(exc).__name__)
            return True

    def known(self, urls: Sequence[str]) -> set[str]:
        """Those of `urls` the warehouse already holds (an exact, indexed lookup). Fails open (nothing known,
        logged): the warehouse stores a story once however often it is fetched."""
        try:
            with session_scope(self._engine) as session:
                return known_urls(session, urls)
        except Exception as exc:  # any database failure: fetch anyway, say so
            logger.warning("could not look up %d stored links (fetching them): %s", len(urls), type(exc).__name__)
            return set()

    def close(self) -> None:
        self._engine.dispose()
