"""Which incidents a listing, trend or report covers: one filter object, applied as SQL conditions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from domain.taxonomy import EventType
from warehouse import schema

# What the resolver stores: attacks and security operations ('other' stories never become incidents).
INCIDENT_EVENT_TYPES: tuple[str, ...] = (EventType.ATTACK.value, EventType.SECURITY_OPERATION.value)


def _values(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in values))


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """Conditions on incidents; an empty tuple or None means "any".

    `since` and `until` are inclusive days of `occurred_on` (Pakistan calendar days). `limit` is not a
    condition: each query says what it limits (the newest incidents, the top trend keys, a table's rows).
    """

    since: date | None = None
    until: date | None = None
    provinces: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    attack_types: tuple[str, ...] = ()
    event_types: tuple[str, ...] = INCIDENT_EVENT_TYPES
    claimed: bool | None = None
    min_confidence: float | None = None
    limit: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        for name in ("provinces", "districts", "groups", "attack_types", "event_types"):
            object.__setattr__(self, name, _values(getattr(self, name)))
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since ({self.since}) is after until ({self.until})")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
        if self.limit is not None and self.limit < 1:
            raise ValueError(f"limit must be at least 1, not {self.limit}")

    def conditions(self) -> list[sa.ColumnElement[bool]]:
        """The WHERE conditions on `incidents` (event types always restricted, the rest when set)."""
        inc = schema.Incident
        where: list[sa.ColumnElement[bool]] = [inc.event_type.in_(self.event_types or INCIDENT_EVENT_TYPES)]
        if self.since is not None:
            where.append(inc.occurred_on >= self.since)
        if self.until is not None:
            where.append(inc.occurred_on <= self.until)
        for column, values in (
            (inc.province, self.provinces),
            (inc.district, self.districts),
            (inc.group_code, self.groups),
            (inc.attack_type, self.attack_types),
        ):
            if values:
                where.append(column.in_(values))
        if self.claimed is not None:
            where.append(inc.claimed == sa.true() if self.claimed else inc.claimed == sa.false())
        if self.min_confidence is not None:
            where.append(inc.confidence >= self.min_confidence)
        return where

    def describe(self) -> str:
        """The active conditions in words, for titles ("" when nothing is filtered)."""
        parts: list[str] = []
        if self.since and self.until:
            parts.append(f"{self.since} to {self.until}")
        elif self.since:
            parts.append(f"since {self.since}")
        elif self.until:
            parts.append(f"until {self.until}")
        for label, values in (
            ("province", self.provinces),
            ("district", self.districts),
            ("group", self.groups),
            ("attack type", self.attack_types),
        ):
            if values:
                parts.append(f"{label} {', '.join(values)}")
        if set(self.event_types) != set(INCIDENT_EVENT_TYPES):
            parts.append("event type " + ", ".join(self.event_types))
        if self.claimed is not None:
            parts.append("claimed" if self.claimed else "not claimed")
        if self.min_confidence is not None:
            parts.append(f"confidence ≥ {self.min_confidence:g}")
        return "; ".join(parts)
