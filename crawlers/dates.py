"""Which publication dates a crawled report may carry: a page or feed date outside 2000 … tomorrow is not trusted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

# Online news archives start in the late 1990s; anything earlier on a page is a template or parser artefact.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
# A day of slack for time zones (a Karachi morning is the previous evening in UTC) and clock skew.
FUTURE_SLACK = timedelta(days=1)


def trusted(value: datetime | None, *, now: datetime | None = None) -> datetime | None:
    """`value` when it lies between 2000-01-01 and tomorrow (naive values are taken as UTC), else None."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    return value if EARLIEST <= aware <= latest else None


def first_trusted(
    candidates: Sequence[datetime | None], *, now: datetime | None = None
) -> tuple[datetime | None, bool]:
    """The first trusted date of `candidates` (best source first), and whether an untrusted one was passed over."""
    passed_over = False
    for value in candidates:
        if value is None:
            continue
        if trusted(value, now=now) is not None:
            return value, passed_over
        passed_over = True
    return None, passed_over
