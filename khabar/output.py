"""Render rows for the terminal (rich table, as wide as the terminal), for programs (JSON) and spreadsheets (CSV)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

# Table width when the terminal's cannot be read (output piped to a file) and COLUMNS is unset.
FALLBACK_WIDTH = 120

NUMERIC_COLUMNS = frozenset(
    {
        "incidents", "attacks", "operations", "killed", "injured", "militants_killed", "killed_unknown",
        "injured_unknown", "id", "found", "new", "fetched", "failed", "skipped", "stored", "articles", "revision",
        "confidence", "reports",
    }
)  # fmt: skip


# Table headers for long column names, so narrow numeric columns do not fold their header mid-word.
HEADERS = {
    "killed_unknown": "killed\nunknown",
    "injured_unknown": "injured\nunknown",
    "militants_killed": "militants\nkilled",
}


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def terminal_width() -> int:
    """The terminal's width: $COLUMNS, else the terminal's own, else FALLBACK_WIDTH."""
    return max(40, shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns)


def cell(value: Any) -> str:
    """A value as table/CSV text: empty for None, yes/no for booleans, lists one item per line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)


def console(width: int | None = None) -> Console:
    """A recording console of the given (else the terminal's) width that writes nowhere by itself."""
    return Console(record=True, width=width or terminal_width(), file=io.StringIO(), color_system=None)


def table_text(table: Table, width: int | None = None) -> str:
    out = console(width)
    out.print(table)
    return out.export_text().rstrip("\n")


def plain_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: frozenset[int] = frozenset(),
    fold: int | None = None,
    title: str | None = None,
    caption: str | None = None,
    width: int | None = None,
) -> str:
    """A simple-headed table of one-line cells, laid out by hand: linear in the rows, so a table of ten
    thousand rows (a daily trend over years) prints in milliseconds where rich takes most of a minute.

    Headers may span lines ("toll\nunknown"); columns in `right` are right-aligned; when the table is wider
    than `width`, the column `fold` is narrowed and its cells wrap.
    """
    width = width or terminal_width()
    head = [h.split("\n") for h in headers]
    widths = [max([len(line) for line in h] + [len(r[i]) for r in rows]) for i, h in enumerate(head)]
    overflow = sum(widths) + 2 * (len(widths) - 1) - width
    if overflow > 0 and fold is not None:
        widths[fold] = max(6, widths[fold] - overflow)

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    out: list[str] = []
    total = sum(widths) + 2 * (len(widths) - 1)
    if title:
        out.append(title.center(total).rstrip() if len(title) < total else title)
    depth = max(len(h) for h in head)
    for k in range(depth):
        out.append(line([h[k - (depth - len(h))] if k >= depth - len(h) else "" for h in head]))
    out.append("─" * total)
    for row in rows:
        cells = list(row)
        if fold is not None and len(cells[fold]) > widths[fold]:
            chunks = [cells[fold][j : j + widths[fold]] for j in range(0, len(cells[fold]), widths[fold])]
            out.append(line([*cells[:fold], chunks[0], *cells[fold + 1 :]]))
            out.extend(line(["" if i != fold else c for i in range(len(cells))]) for c in chunks[1:])
        else:
            out.append(line(cells))
    if caption:
        out.append("")
        out.extend(_wrap(caption, width))
    return "\n".join(out)


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def to_json(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    return json.dumps([{c: row.get(c) for c in columns} for row in rows], indent=2, default=str, ensure_ascii=False)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return buffer.getvalue().rstrip("\n")


def render(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    title: str | None = None,
    *,
    width: int | None = None,
    caption: str | None = None,
) -> str:
    """The rows in the requested format; an empty result still prints a header (table/CSV) or []."""
    if fmt is OutputFormat.JSON:
        return to_json(rows, columns)
    if fmt is OutputFormat.CSV:
        return to_csv(rows, columns)
    table = Table(title=title, caption=caption, show_lines=False)
    for column in columns:
        table.add_column(
            HEADERS.get(column, column), justify="right" if column in NUMERIC_COLUMNS else "left", overflow="fold"
        )
    for row in rows:
        table.add_row(*(cell(row.get(c)) for c in columns))
    return table_text(table, width)
