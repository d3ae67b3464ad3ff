"""How query results look: incident listings, one incident in full, and trend tables, in each output format."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.table import Table

from khabar.output import OutputFormat, cell, plain_table, render, table_text, terminal_width, to_csv, to_json
from warehouse.queries import INCIDENT_FIELDS
from warehouse.trends import TrendTable

INCIDENT_COLUMNS = list(INCIDENT_FIELDS)
TREND_COLUMNS = [
    "bucket", "key", "attacks", "killed", "injured", "killed_unknown", "injured_unknown", "operations",
    "militants_killed", "partial",
]  # fmt: skip
# CSV keeps an incident's sources in one cell joined by this; a '|' inside a URL is written as %7C.
SOURCE_SEPARATOR = "|"
PROVINCE_SHORT = {
    "Khyber Pakhtunkhwa": "KP",
    "Islamabad": "ICT",
    "Gilgit-Baltistan": "GB",
    "Azad Kashmir": "AJK",
}
# Roughly the narrowest the table's other columns get; below that the URLs go under the table.
_OTHER_COLUMNS_MIN = 80


def no_match(what: str, description: str) -> str:
    return f"no {what} match" + (f" ({description})" if description else "")


def _place(row: dict[str, Any]) -> str:
    province = row.get("province")
    short = PROVINCE_SHORT.get(province, province) if province else None
    parts = [p for p in (row.get("town"), row.get("district"), short) if p]
    return ", ".join(parts) or "unknown"


def _kind(row: dict[str, Any]) -> str:
    if row.get("event_type") == "attack":
        return str(row.get("attack_type") or "attack (type unknown)").replace("_", " ")
    return "security operation"


def _group(row: dict[str, Any]) -> str:
    return f"{row['group']}, claimed" if row.get("claimed") else str(row["group"])


def _toll(row: dict[str, Any]) -> str:
    def figure(value: Any) -> str:
        return "?" if value is None else str(value)

    lines = [f"killed {figure(row.get('killed'))}", f"injured {figure(row.get('injured'))}"]
    if row.get("militants_killed") is not None:
        lines.append(f"militants {row['militants_killed']}")
    return "\n".join(lines)


def incidents_table(rows: Sequence[dict[str, Any]], title: str, width: int | None = None) -> str:
    """A table as wide as the terminal; each source URL whole on its own line, in the table if it fits."""
    width = width or terminal_width()
    longest = max((len(url) for row in rows for url in row.get("sources") or ()), default=0)
    inline = longest + _OTHER_COLUMNS_MIN <= width
    table = Table(title=title, show_lines=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("when, where", overflow="fold", min_width=10)
    table.add_column("what, who", overflow="fold", min_width=9)
    table.add_column("toll (? unknown)", no_wrap=True)
    table.add_column("conf", justify="right", no_wrap=True)
    table.add_column("headline", overflow="fold", ratio=1, min_width=12)
    if inline:
        table.add_column("sources", no_wrap=True, min_width=longest)
    for row in rows:
        values = [
            str(row["id"]),
            f"{row['occurred_on']}\n{_place(row)}",
            f"{_kind(row)}\n{_group(row)}",
            _toll(row),
            f"{row['confidence']:.2f}",
            row.get("headline") or "",
        ]
        if inline:
            values.append("\n".join(row.get("sources") or ()))
        table.add_row(*values)
    text = table_text(table, width)
    if not inline and longest:
        lines = [f"#{row['id']}  {url}" for row in rows for url in row.get("sources") or ()]
        text += "\nsources (one URL a line):\n" + "\n".join(lines)
    return text


def _csv_sources(urls: Sequence[str]) -> str:
    return SOURCE_SEPARATOR.join(url.replace(SOURCE_SEPARATOR, "%7C") for url in urls)


def long_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (incident, source): the incident's fields and `source_url` (empty when it has none)."""
    out = []
    for row in rows:
        flat = {k: v for k, v in row.items() if k != "sources"}
        for url in row.get("sources") or [None]:
            out.append(flat | {"source_url": url})
    return out


_ENCODER = json.JSONEncoder(default=str, ensure_ascii=False)  # built once: json.dumps builds one per call
_json = _ENCODER.encode


def _json_object(item: dict[str, Any], columns: Sequence[str]) -> str:
    """One incident as an element of the top-level array: what json.dumps(indent=2) writes, indented two more,
    put together here because json.dumps runs in pure Python whenever it indents (most of a large export)."""
    fields = []
    for c in columns:
        value = item.get(c)
        if isinstance(value, list | tuple) and value:
            text = "[\n" + ",\n".join("      " + _json(v) for v in value) + "\n    ]"
        else:
            text = _json(value)  # an empty tuple is "[]" like an empty list
        fields.append(f"    {_json(c)}: {text}")
    return "  {\n" + ",\n".join(fields) + "\n  }" if fields else "  {}"


def write_incidents(rows: Iterable[dict[str, Any]], fmt: OutputFormat, out: TextIO, *, long: bool = False) -> int:
    """Write incidents as JSON or CSV while they are read (constant memory); returns how many were written."""
    columns = [c for c in INCIDENT_COLUMNS if c != "sources"] + ["source_url"] if long else list(INCIDENT_COLUMNS)
    writer = csv.writer(out, lineterminator="\n") if fmt is OutputFormat.CSV else None
    if writer is not None:
        writer.writerow(columns)
    else:
        out.write("[")
    count = 0
    for row in rows:
        for item in long_rows([row]) if long else [row]:
            if writer is not None:
                values = item | {"sources": _csv_sources(item.get("sources") or ())}
                writer.writerow([cell(values.get(c)) for c in columns])
            else:
                out.write(("," if count else "") + "\n" + _json_object(item, columns))
            count += 1
    if writer is None:
        out.write("\n]\n" if count else "]\n")
    return count


def render_incidents(
    rows: Sequence[dict[str, Any]], fmt: OutputFormat, *, title: str, long: bool = False, width: int | None = None
) -> str:
    if long:
        columns = [c for c in INCIDENT_COLUMNS if c != "sources"] + ["source_url"]
        return render(long_rows(rows), columns, fmt, title=title, width=width)
    if fmt is OutputFormat.JSON:
        return to_json(rows, INCIDENT_COLUMNS)
    if fmt is OutputFormat.CSV:
        return to_csv([row | {"sources": _csv_sources(row.get("sources") or ())} for row in rows], INCIDENT_COLUMNS)
    return incidents_table(rows, title, width)


def render_incident(detail: dict[str, Any], fmt: OutputFormat, width: int | None = None) -> str:
    """One incident: its fields, then every report with its figures, then the revision history."""
    if fmt is OutputFormat.JSON:
        return json.dumps(detail, indent=2, default=str, ensure_ascii=False)
    width = width or terminal_width()
    fields = [c for c in INCIDENT_COLUMNS if c != "sources"]
    head = render(
        [{"field": c, "value": cell(detail.get(c))} for c in fields],
        ["field", "value"],
        OutputFormat.TABLE,
        title=f"incident {detail['id']}",
        width=width,
    )
    reports = [
        {
            "published": _minute(r["published_at"]) or f"{_minute(r['fetched_at'])} (fetched)",
            "source": r["source"],
            "title": r["title"],
            "killed": r["killed"],
            "injured": r["injured"],
            "militants_killed": r["militants_killed"],
            "labels": _labels_text(r["labels"][0]) if r["labels"] else "",
        }
        for r in detail["reports"]
    ]
    report_table = render(
        reports,
        ["published", "source", "title", "killed", "injured", "militants_killed", "labels"],
        OutputFormat.TABLE,
        title=f"{len(reports)} report(s)",
        width=width,
    )
    urls = "\n".join(f"{i}. {r['url']}" for i, r in enumerate(detail["reports"], 1))
    position = {r["article_id"]: i for i, r in enumerate(detail["reports"], 1)}
    history = [
        {
            "revision": r["revision"],
            "at": r["at"],
            # The report (its number in the list above) whose arrival made the revision.
            "report": position.get(r.get("article_id"), ""),
            "changes": _changes_text(r["changes"]),
        }
        for r in detail["revisions"]
    ]
    revisions = render(
        history,
        ["revision", "at", "report", "changes"],
        OutputFormat.TABLE,
        title="revisions",
        width=width,
    )
    parts = [head, report_table, "report URLs:", urls, revisions]
    if detail.get("merged_into"):
        parts.insert(0, f"merged into incident {detail['merged_into']}: its reports are listed there")
    return "\n".join(parts)


def _minute(iso: str | None) -> str | None:
    """'2026-11-16T10:30:00Z' as '2026-11-16 10:30 UTC' for tables."""
    return f"{iso[:10]} {iso[11:16]} UTC" if iso else None


def _labels_text(label: dict[str, Any]) -> str:
    kind = label.get("attack_type") or label.get("event_type")
    place = ", ".join(p for p in (label.get("district"), label.get("province")) if p)
    claimed = " claimed" if label.get("claimed") else ""
    return f"{kind}; {label.get('group')}{claimed}; {place or 'no place'}; conf {label.get('confidence')}"


def _changes_text(changes: dict[str, Any]) -> str:
    return "; ".join(f"{name}: {c.get('old')} → {c.get('new')}" for name, c in changes.items())


def trend_title(table: TrendTable, event_types: Sequence[str], description: str) -> str:
    """What the trend counts, in words: "attacks by province per month", or with operations."""
    kinds = set(event_types)
    if kinds == {"attack"}:
        what = "attacks"
    elif kinds == {"security_operation"}:
        what = "security operations"
    else:
        what = "attacks and security operations"
    title = f"{what} by {table.by.replace('_', ' ')} per {table.period}"
    return f"{title} ({description})" if description else title


def trend_caption(table: TrendTable) -> str:
    """How many tolls were unknown, and what 'partial' means."""
    text = (
        f"{table.attacks} attack(s), {table.operations} operation(s); tolls unknown (killed / injured): killed in "
        f"{table.killed_unknown}, injured in {table.injured_unknown} attack(s), counted as 0"
    )
    if any(b.partial for b in table.buckets):
        text += "; * partial period: only partly covered (under way, or cut by --since/--until)"
    return text


def trend_table_text(table: TrendTable, title: str, width: int | None = None) -> str:
    """The trend for the terminal: short headers, the key folds, numbers and periods never do."""
    headers = ["period", "key", "attacks", "killed", "injured", "toll\nunknown", "oper-\nations", "militants\nkilled"]
    rows = [
        [
            p.bucket + ("*" if p.partial else ""),
            p.key,
            str(p.attacks),
            str(p.killed),
            str(p.injured),
            f"{p.killed_unknown} / {p.injured_unknown}",
            str(p.operations),
            str(p.militants_killed),
        ]
        for p in table.points
    ]
    right = frozenset(range(2, len(headers)))
    return plain_table(headers, rows, right=right, fold=1, title=title, caption=trend_caption(table), width=width)


def render_trend(table: TrendTable, fmt: OutputFormat, title: str, width: int | None = None) -> str:
    if fmt is OutputFormat.TABLE:
        return trend_table_text(table, title, width)
    return render([p.as_dict() for p in table.points], TREND_COLUMNS, fmt)
