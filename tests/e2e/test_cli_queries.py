"""The query commands as analysts use them: filters, output shapes, table width, usage errors (both databases)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from warehouse_fixture import ARTICLES, HOSTILE_URL, fill_warehouse

from khabar.cli import main
from khabar.views import SOURCE_SEPARATOR
from warehouse.queries import INCIDENT_FIELDS


@pytest.fixture
def warehouse(db_url: str) -> str:
    fill_warehouse(db_url)
    return db_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def incident_ids(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> list[int]:
    code, out, err = run(capsys, "incidents", "--db", db, "--format", "json", *args)
    assert code == 0, err
    return [row["id"] for row in json.loads(out)]


FILTER_CASES = [
    ((), [45, 44, 43, 42, 41, 40]),
    (("--since", "2026-03"), [45, 44, 43, 42]),  # a month is its first day...
    (("--until", "2026-01"), [41, 40]),  # ... or its last
    (("--since", "2026", "--until", "2026-03-20"), [43, 42, 41, 40]),  # a year; a day
    (("--until", "2026-03-03"), [42, 41, 40]),
    (("--province", "Balochistan", "--province", "Sindh"), [45, 44, 41]),
    (("--district", "peshawar"), [40]),  # any spelling the gazetteer knows
    (("--group", "TTP"), [43, 40]),
    (("--attack-type", "suicide_bombing"), [41]),
    (("--event-type", "security_operation"), [43]),
    (("--claimed",), [45, 40]),
    (("--no-claimed",), [44, 43, 42, 41]),
    (("--min-confidence", "0.8"), [45, 43, 40]),
    (("--limit", "2"), [45, 44]),
    (("--group", "unknown", "--event-type", "attack", "--province", "Sindh"), [44]),
]


@pytest.mark.parametrize(("args", "expected"), FILTER_CASES, ids=[" ".join(a) or "none" for a, _ in FILTER_CASES])
def test_incident_filters(
    warehouse: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: list[int]
) -> None:
    assert incident_ids(capsys, warehouse, *args) == expected


def test_incidents_json_keeps_sources_as_a_list(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incidents", "--db", warehouse, "--format", "json", "--group", "TTP", "--claimed")
    [row] = json.loads(out)
    assert code == 0 and list(row) == list(INCIDENT_FIELDS)
    assert row["sources"] == ["https://www.dawn.com/news/1001", "https://tribune.com.pk/story/2002"]
    assert row["headline"] == "Peshawar market blast toll rises to five; TTP claims"
    assert (row["latitude"], row["longitude"], row["town"]) == (34.01, 71.58, None)
    assert row["first_report_at"] == "2026-01-10T08:00:00Z" and row["revision"] == 2


def test_incidents_csv_one_row_per_incident_and_long_form(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incidents", "--db", warehouse, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == list(INCIDENT_FIELDS) and len(rows) == 6
    by_id = {row["id"]: row for row in rows}
    assert by_id["40"]["sources"].split(SOURCE_SEPARATOR) == [
        "https://www.dawn.com/news/1001",
        "https://tribune.com.pk/story/2002",
    ]
    assert by_id["40"]["claimed"] == "yes" and by_id["41"]["killed"] == ""
    code, out, _ = run(capsys, "incidents", "--db", warehouse, "--format", "csv", "--long")
    long_rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(long_rows) == len(ARTICLES)  # one row per (incident, source)
    assert "sources" not in long_rows[0] and long_rows[0]["source_url"]
    assert sorted(r["source_url"] for r in long_rows if r["id"] == "40") == [
        "https://tribune.com.pk/story/2002",
        "https://www.dawn.com/news/1001",
    ]
    code, out, _ = run(capsys, "incidents", "--db", warehouse, "--format", "json", "--long", "--province", "Sindh")
    assert json.loads(out)[0]["source_url"] == HOSTILE_URL


@pytest.mark.parametrize("columns", [80, 120, 250])
def test_table_fits_the_terminal_and_never_splits_a_url(
    warehouse: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, "incidents", "--db", warehouse)
    assert code == 0
    lines = out.splitlines()
    urls = [a[3] for a in ARTICLES]
    for url in urls:
        assert any(url in line for line in lines), (url, columns)
    assert all(len(line) <= columns for line in lines if not any(url in line for url in urls))
    table_width = max(len(line) for line in lines if line.startswith(("┏", "┃", "│")))
    assert table_width <= columns
    if columns == 250:  # wide enough: the URLs sit in the table
        assert any(line.startswith("│") and "https://www.dawn.com/news/1001" in line for line in lines)


def test_empty_result_says_so(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incidents", "--db", warehouse, "--province", "Punjab")
    assert code == 0 and out.strip() == "no incidents match (province Punjab)"
    code, out, err = run(capsys, "incidents", "--db", warehouse, "--province", "Punjab", "--format", "json")
    assert code == 0 and json.loads(out) == [] and "no incidents match" in err
    code, out, _ = run(capsys, "trends", "--db", warehouse, "--province", "Punjab")
    assert code == 0 and out.startswith("no attacks or operations match")


def test_trends_json_zero_rows_measures_and_titles(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = (
        "trends",
        "--db",
        warehouse,
        "--by",
        "group",
        "--period",
        "month",
        "--since",
        "2026-01",
        "--until",
        "2026-04",
    )
    code, out, _ = run(capsys, *args, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and set(rows[0]) == {"bucket", "key", "attacks", "killed", "injured", "killed_unknown",
                                          "injured_unknown", "operations", "militants_killed", "partial"}  # fmt: skip
    assert {r["bucket"] for r in rows} == {"2026-01", "2026-02", "2026-03", "2026-04"}
    assert len(rows) == 4 * 4  # TTP, BLA, BLF, unknown in every month, February all zeros
    ttp_march = next(r for r in rows if (r["bucket"], r["key"]) == ("2026-03", "TTP"))
    assert (ttp_march["attacks"], ttp_march["operations"], ttp_march["militants_killed"]) == (0, 1, 8)
    assert sum(r["killed_unknown"] for r in rows) == 1 and sum(r["injured_unknown"] for r in rows) == 1
    code, out, _ = run(capsys, *args, "--event-type", "attack")
    assert code == 0 and out.lstrip().startswith("attacks by group per month (2026-01-01 to 2026-04-30")
    assert "tolls unknown (killed / injured): killed in 1, injured in 1 attack(s)" in " ".join(out.split())
    code, out, _ = run(capsys, *args, "--event-type", "security_operation")
    assert "security operations by group per month" in out
    code, out, _ = run(capsys, *args)
    assert "attacks and security operations by group" in out
    code, out, _ = run(capsys, *args, "--format", "csv", "--province", "Balochistan")  # filter one, group by another
    keys = {row["key"] for row in csv.DictReader(io.StringIO(out))}
    assert code == 0 and keys == {"BLA", "BLF"}


def test_trends_plot_png_and_svg(sqlite_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fill_warehouse(sqlite_url)
    for name in ("chart.png", "chart.svg"):
        args = ("trends", "--db", sqlite_url, "--until", "2026-04-10", "--plot", str(tmp_path / name))
        code, _, err = run(capsys, *args)  # April is cut by --until: a partial period
        assert code == 0, err
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "partial period" in svg and "Balochistan" in svg


def test_incident_shows_reports_figures_and_history(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "incident", "40", "--db", warehouse, "--format", "json")
    data = json.loads(out)
    assert code == 0 and [r["killed"] for r in data["reports"]] == [3, 5]
    assert [r["revision"] for r in data["revisions"]] == [1, 2] and data["reports"][1]["labels"][0]["group"] == "TTP"
    code, out, _ = run(capsys, "incident", "40", "--db", warehouse)
    assert code == 0 and "2 report(s)" in out and "revisions" in out and "killed: 3 → 5" in " ".join(out.split())
    assert "https://tribune.com.pk/story/2002" in out


def test_changes_are_json_lines(warehouse: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "changes", "--db", warehouse, "--since", "2026-03-03T12:00:00Z")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(c["incident_id"], c["kind"]) for c in lines] == [
        (42, "merged"), (43, "created"), (44, "created"), (45, "created"), (45, "revised"),
    ]  # fmt: skip
    assert all({"incident_id", "revision", "kind", "at", "changes", "why"} <= set(c) for c in lines)


USAGE_ERRORS = [
    (["incidents", "--bogus"], "No such option: --bogus"),
    (["trends", "--by", "colour"], "'colour' is not one of"),
    (["trends", "--period", "year"], "'year' is not one of"),
    (["incidents", "--since"], "requires an argument"),
    (["incidents", "--since", "2026-13"], "expected a day (2026-03-01), a month (2026-03) or a year (2026)"),
    (["incidents", "--until", "2026-02-30"], "'2026-02-30'"),
    (["incidents", "--since", "2026-03", "--until", "2026-02"], "is after --until"),
    (["incidents", "--group", "Taliban"], "'Taliban' is not one of"),
    (["incidents", "--district", "Atlantis"], "'Atlantis' is not a district"),
    (["incidents", "--min-confidence", "2"], "--min-confidence"),
    (["incidents", "--limit", "0"], "--limit"),
    (["incidents", "--format", "table", "--long"], "--long needs --format csv or json"),
    (["changes", "--since", "yesterday"], "expected an ISO date or time"),
    (["changes"], "Missing option '--since'"),
    (["report"], "Missing option '--output'"),
    (["trends", "--plot", "chart.pdf"], "must end in .png or .svg"),
    (["frobnicate"], "No such command"),
]


@pytest.mark.parametrize(("argv", "fragment"), USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_are_one_line_with_status_2(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    fill_warehouse(sqlite_url)
    needs_db = argv[0] in ("incidents", "trends", "changes") and "--bogus" not in argv
    code, out, err = run(capsys, argv[0], *(["--db", sqlite_url] if needs_db else []), *argv[1:])
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("khabar: error: ") and fragment in lines[0], lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["incidents"],
        ["trends"],
        ["incident", "1"],
        ["changes", "--since", "2026-01-01"],
        ["sources"],
        ["report", "--output", "r.html"],
    ],
)
def test_reading_a_missing_sqlite_warehouse_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    missing = tmp_path / "nowhere" / "khabar.sqlite"
    code, _, err = run(capsys, *argv, "--db", f"sqlite:///{missing}")
    assert code == 2
    assert err.strip() == f"khabar: error: no warehouse at {missing}; run `khabar db upgrade` or `khabar run` first"
    assert not missing.exists() and not missing.parent.exists()


def test_db_upgrade_creates_the_warehouse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    created = tmp_path / "new" / "khabar.sqlite"
    assert run(capsys, "db", "upgrade", "--db", f"sqlite:///{created}")[0] == 0
    code, out, _ = run(capsys, "incidents", "--db", f"sqlite:///{created}")
    assert created.is_file() and code == 0 and out.strip() == "no incidents match"
