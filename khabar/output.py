"""Render rows for the terminal (rich table), for programs (JSON) and for spreadsheets (CSV)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: OutputFormat, title: str | None = None) -> str:
    """The rows in the requested format; an empty result still prints a header (table/CSV) or []."""
    if fmt is OutputFormat.JSON:
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], indent=2, default=str)
    if fmt is OutputFormat.CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buffer.getvalue().rstrip("\n")
    table = Table(title=title, show_lines=False)
    for column in columns:
        numeric = column in {
            "incidents",
            "killed",
            "injured",
            "militants_killed",
            "id",
            "found",
            "new",
            "fetched",
            "failed",
            "skipped",
            "stored",
            "articles",
        }
        table.add_column(column, justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    console = Console(record=True, width=160, file=io.StringIO())
    console.print(table)
    return console.export_text().rstrip("\n")
