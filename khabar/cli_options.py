"""The options the query commands share (incidents, trends, report): dates, filters and their choices."""

from __future__ import annotations

import difflib
import re
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from domain.gazetteer import load_gazetteer, name_key
from domain.taxonomy import AttackType, Group, Province

if TYPE_CHECKING:  # the warehouse (SQLAlchemy) is imported only by commands that query it
    from warehouse.filters import IncidentFilter

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


class IncidentEventType(StrEnum):
    """The event types incidents have (other stories never become incidents)."""

    ATTACK = "attack"
    SECURITY_OPERATION = "security_operation"


def _span(value: str) -> tuple[date, date]:
    """The first and last day a date, month (2026-03) or year (2026) stands for."""
    text = value.strip()
    try:
        if _DAY.match(text):
            day = date.fromisoformat(text)
            return day, day
        if m := _MONTH.match(text):
            first = date(int(m.group(1)), int(m.group(2)), 1)
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, following - timedelta(days=1)
        if _YEAR.match(text):
            return date(int(text), 1, 1), date(int(text), 12, 31)
    except ValueError:
        pass
    raise ValueError(f"expected a day (2026-03-01), a month (2026-03) or a year (2026), got {value!r}")


def since_date(value: str) -> date:
    """--since: the first day of the day, month or year given."""
    return _span(value)[0]


def until_date(value: str) -> date:
    """--until: the last day of the day, month or year given (inclusive)."""
    return _span(value)[1]


def change_time(value: str) -> datetime:
    """--since of `changes`: an ISO datetime (naive means UTC) or a date (its midnight, UTC)."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        example = "2026-03-01 or 2026-03-01T06:00:00Z"
        raise ValueError(f"expected an ISO date or time like {example}, got {value!r}") from None
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def district_name(value: str) -> str:
    """A district as the gazetteer names it; any of its spellings or aliases is accepted ("DI Khan")."""
    gazetteer = load_gazetteer()
    key = name_key(value)
    for district in gazetteer.districts:
        if key in {name_key(n) for n in (district.name, *district.aliases)}:
            return district.name
    names = [d.name for d in gazetteer.districts]
    close = difflib.get_close_matches(value.title(), names, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else " (a district of the gazetteer, e.g. Peshawar, Quetta)"
    raise ValueError(f"{value!r} is not a district{hint}")


SinceOption = Annotated[
    date | None,
    typer.Option(
        "--since", parser=since_date, metavar="DATE", help="From this day, month (2026-03) or year (2026) on."
    ),
]
UntilOption = Annotated[
    date | None,
    typer.Option("--until", parser=until_date, metavar="DATE", help="Up to and including this day, month or year."),
]
ProvinceOption = Annotated[
    list[Province] | None,
    typer.Option("--province", help="Only these provinces (repeat the option for several)."),
]
DistrictOption = Annotated[
    list[str] | None,
    typer.Option(
        "--district",
        parser=district_name,
        metavar="DISTRICT",
        help="Only these districts: any name or spelling the gazetteer knows (repeatable).",
    ),
]
GroupOption = Annotated[list[Group] | None, typer.Option("--group", help="Only these perpetrator groups.")]
AttackTypeOption = Annotated[
    list[AttackType] | None,
    typer.Option("--attack-type", case_sensitive=False, help="Only these attack types (leaves out operations)."),
]
EventTypeOption = Annotated[
    list[IncidentEventType] | None,
    typer.Option("--event-type", case_sensitive=False, help="Only attacks or only security operations."),
]
ClaimedOption = Annotated[
    bool | None,
    typer.Option("--claimed/--no-claimed", help="Only incidents a group claimed / only those nobody claimed."),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0, help="Only incidents with at least this confidence."),
]


def build_filter(
    since: date | None = None,
    until: date | None = None,
    province: list[Province] | None = None,
    district: list[str] | None = None,
    group: list[Group] | None = None,
    attack_type: list[AttackType] | None = None,
    event_type: list[IncidentEventType] | None = None,
    claimed: bool | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> IncidentFilter:
    """The IncidentFilter for the options given; a since after until is a usage error."""
    from warehouse.filters import INCIDENT_EVENT_TYPES, IncidentFilter

    if since and until and since > until:
        raise typer.BadParameter(f"--since {since} is after --until {until}", param_hint="'--since'")
    return IncidentFilter(
        since=since,
        until=until,
        provinces=tuple(p.value for p in province or ()),
        districts=tuple(district or ()),
        groups=tuple(g.value for g in group or ()),
        attack_types=tuple(a.value for a in attack_type or ()),
        claimed=claimed,
        min_confidence=min_confidence,
        limit=limit,
        event_types=tuple(e.value for e in event_type) if event_type else INCIDENT_EVENT_TYPES,
    )
