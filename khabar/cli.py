"""The `khabar` command line: every command of SPEC.md; failures print one clear line, never a traceback."""

from __future__ import annotations

import json
import logging
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

# Typer vendors Click (typer._click) and re-exports only BadParameter; the usage errors main() maps come from here.
from typer._click import exceptions as click

from domain.errors import KhabarError
from domain.redact import RedactingFilter, redact, url_password
from domain.settings import get_settings
from khabar.cli_options import (
    AttackTypeOption,
    ClaimedOption,
    DistrictOption,
    EventTypeOption,
    GroupOption,
    MinConfidenceOption,
    ProvinceOption,
    SinceOption,
    UntilOption,
    build_filter,
    change_time,
)
from khabar.output import OutputFormat, render

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

logger = logging.getLogger("khabar")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="khabar — news monitoring for militant attacks in Pakistan.",
)
db_app = typer.Typer(no_args_is_help=True, help="Warehouse maintenance.")
app.add_typer(db_app, name="db")


class UserError(KhabarError):
    """Bad input from the user: printed as one line, exit status 2."""


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Warehouse URL (default: $KHABAR_DATABASE_URL, else an SQLite file in the data dir)."),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many (see the command).")]
# The legacy trend columns `khabar demo` prints.
TREND_COLUMNS = ["bucket", "key", "incidents", "killed", "injured"]


class TrendBy(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    GROUP = "group"
    ATTACK_TYPE = "attack_type"


class TrendPeriod(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def _db(db: str | None, *, create: bool = False) -> str:
    """The warehouse URL; unless `create`, an SQLite file that does not exist is an error, not a new database."""
    url = db or get_settings().effective_database_url
    if not create:
        from warehouse.db import require_existing

        require_existing(url)
    return url


@contextmanager
def _reading(db: str | None) -> Iterator[Session]:
    """A session on an existing warehouse, for the query commands."""
    from warehouse.db import make_engine, session_scope

    engine = make_engine(_db(db))
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


@app.callback()
def _configure(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")] = False,
) -> None:
    level = logging.DEBUG if verbose else getattr(logging, get_settings().log_level.upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter(_secrets(sys.argv)))
    for noisy in ("scrapy", "urllib3", "alembic", "matplotlib"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # The extractors log every page they cannot parse at ERROR; the CLI reports that itself, once.
    for chatty in ("trafilatura", "htmldate"):
        logging.getLogger(chatty).setLevel(logging.DEBUG if verbose else logging.CRITICAL)


@app.command()
def run(
    sources: Annotated[Path, typer.Option("--sources", help="sources.yaml to crawl.")],
    db: DbOption = None,
) -> None:
    """One full pipeline run: discover → fetch → classify → resolve incidents → load → alert."""
    from khabar.pipeline import run_once

    report = run_once(sources, _db(db, create=True), progress=lambda m: typer.echo(m, err=True))
    print_run_report(report)
    if report.alerts_failed:
        # Recorded in the alerts table (status failed, error) and retried by the next run; say so loudly.
        typer.echo(
            f"khabar: alerts: {report.alerts_failed} alert(s) could not be delivered "
            "(see the alerts table; they are retried on the next run)",
            err=True,
        )
        raise typer.Exit(EXIT_ALERTS_FAILED)


def print_run_report(report: Any) -> None:
    typer.echo(crawl_table(report.crawl, title=f"run {report.run_id}"))
    typer.echo(
        f"stored {report.stored} article(s) ({report.duplicates} duplicate(s) skipped), "
        f"labelled {report.labelled}, "
        f"incidents {report.incidents_new} new / {report.incidents_updated} updated, "
        f"alerts {report.alerts_sent} sent / {report.alerts_failed} failed, {report.duration_s} s"
    )
    if report.quarantined or report.figures_rejected:
        typer.echo(
            f"quarantined {report.quarantined} record(s) the warehouse refused; "
            f"rejected {report.figures_rejected} implausible casualty figure(s)"
        )


def crawl_table(stats: dict[str, Any], title: str | None = None) -> str:
    """The per-source crawl summary that `run`, `crawl` and `demo` print."""
    rows = [
        {
            "source": name,
            "found": s.found,
            "new": s.new,
            "fetched": s.fetched,
            "failed": s.failed,
            "skipped": s.skipped,
            "status": _source_status(s),
        }
        for name, s in sorted(stats.items())
    ]
    columns = ["source", "found", "new", "fetched", "failed", "skipped", "status"]
    return render(rows, columns, OutputFormat.TABLE, title=title)


def _source_status(stats: Any) -> str:
    if stats.error:
        return str(stats.error)
    if stats.not_modified:
        return "not modified"
    reasons = {**stats.failed_reasons, **stats.skipped_reasons}
    return ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())) or "ok"


@app.command()
def crawl(
    sources: Annotated[Path, typer.Option("--sources", help="sources.yaml to crawl.")],
    db: DbOption = None,
) -> None:
    """Discover, fetch and extract new articles of every enabled source into the warehouse."""
    from crawlers.sources import load_sources
    from khabar.pipeline import crawl as crawl_sources
    from khabar.pipeline import new_run_id, upgrade_db

    enabled = [s for s in load_sources(sources) if s.enabled]
    url = _db(db, create=True)
    upgrade_db(url)
    outcome = crawl_sources(enabled, url, new_run_id())
    typer.echo(crawl_table(outcome.stats))
    typer.echo(f"stored {outcome.stored} new article(s), {outcome.duplicates} duplicate(s) skipped")


@app.command()
def classify(
    input: Annotated[Path, typer.Option("--input", help="JSONL: id, title, text, optional published, url.")],
    output: Annotated[Path, typer.Option("--output", help="JSONL with the labels added.")],
    baseline: Annotated[bool, typer.Option("--baseline", help="Use the keyword baseline, not the model.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 64,
) -> None:
    """Label articles from a JSONL file; a malformed line gets an error record, the rest are labelled."""
    from khabar.classify_io import classify_jsonl

    summary = classify_jsonl(input, output, baseline=baseline, batch_size=batch_size)
    typer.echo(
        f"labelled {summary.labelled} article(s) with {summary.model_version}; "
        f"{len(summary.errors)} bad line(s) -> {output}",
        err=True,
    )
    if summary.errors:
        first = summary.errors[0]
        raise UserError(f"{len(summary.errors)} input line(s) not labelled (first: {first})")


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="HTML files or http(s) URLs.", metavar="FILE_OR_URL...")],
) -> None:
    """Extract title, text, date and language from pages; one JSON line per input."""
    from khabar.extract_io import extract_one

    failures = 0
    for item in inputs:
        record = extract_one(item)
        failures += "error" in record
        typer.echo(json.dumps(record, ensure_ascii=False, default=str))
    if failures:
        raise UserError(f"{failures} of {len(inputs)} input(s) could not be extracted")


@app.command()
def incidents(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    province: ProvinceOption = None,
    district: DistrictOption = None,
    group: GroupOption = None,
    attack_type: AttackTypeOption = None,
    event_type: EventTypeOption = None,
    claimed: ClaimedOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the newest N incidents.")] = None,
    format: FormatOption = OutputFormat.TABLE,
    long: Annotated[
        bool, typer.Option("--long", help="One row per (incident, source) with a source_url column (csv, json).")
    ] = False,
) -> None:
    """Incidents, newest first: place, type, group, tolls, confidence, headline and source URLs."""
    from khabar.views import no_match, render_incidents, write_incidents
    from warehouse.queries import iter_incidents, list_incidents

    if long and format is OutputFormat.TABLE:
        raise click.UsageError("--long needs --format csv or json")
    filters = build_filter(
        since, until, province, district, group, attack_type, event_type, claimed, min_confidence, limit
    )
    if format is not OutputFormat.TABLE:  # for programs: streamed, in constant memory at any size
        with _reading(db) as session:
            stream = (row.as_dict() for row in iter_incidents(session, filters))
            if not write_incidents(stream, format, sys.stdout, long=long):
                typer.echo(no_match("incidents", filters.describe()), err=True)
        return
    with _reading(db) as session:
        rows = [row.as_dict() for row in list_incidents(session, filters=filters)]
    if not rows:
        typer.echo(no_match("incidents", filters.describe()))
        return
    title = "incidents" + (f" ({filters.describe()})" if filters.describe() else "")
    typer.echo(render_incidents(rows, format, title=title, long=long))


@app.command()
def incident(
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident's id.")],
    db: DbOption = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.TABLE,
) -> None:
    """One incident with every source report, the figures each gave, and its revision history."""
    from khabar.views import render_incident
    from warehouse.details import incident_detail

    if format is OutputFormat.CSV:
        raise click.UsageError("khabar incident shows --format table or json")
    with _reading(db) as session:
        detail = incident_detail(session, incident_id)
    if detail is None:
        raise UserError(f"no incident {incident_id}")
    typer.echo(render_incident(detail.as_dict(), format))


@app.command()
def changes(
    since: Annotated[
        datetime,
        typer.Option(
            "--since", parser=change_time, metavar="TIME", help="ISO date or time (UTC unless an offset is given)."
        ),
    ],
    db: DbOption = None,
) -> None:
    """JSON lines: incidents created, revised or joined by a further report since TIME, and why."""
    from warehouse.details import changes_since

    with _reading(db) as session:
        found = changes_since(session, since)
    for change in found:
        typer.echo(json.dumps(change.as_dict(), default=str, ensure_ascii=False))


@app.command()
def trends(
    by: Annotated[TrendBy, typer.Option("--by", case_sensitive=False, help="What each row is.")] = TrendBy.PROVINCE,
    period: Annotated[TrendPeriod, typer.Option("--period", case_sensitive=False)] = TrendPeriod.MONTH,
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    province: ProvinceOption = None,
    district: DistrictOption = None,
    group: GroupOption = None,
    attack_type: AttackTypeOption = None,
    event_type: EventTypeOption = None,
    claimed: ClaimedOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Only the N keys with the most attacks (then operations).")
    ] = None,
    format: FormatOption = OutputFormat.TABLE,
    plot: Annotated[
        Path | None, typer.Option("--plot", metavar="FILE.png|svg", help="Also draw the trend as a chart.")
    ] = None,
) -> None:
    """Attacks, killed, injured (and unknown tolls), security operations and militants killed per period and key.

    Every period of the range is listed (zeros included); a period the range covers only in part
    (the current month, or one cut by --since/--until) is marked partial.
    """
    from khabar.views import no_match, render_trend, trend_title
    from warehouse.trends import trend_table

    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise click.BadParameter(f"{plot} must end in .png or .svg", param_hint="'--plot'")
    filters = build_filter(
        since, until, province, district, group, attack_type, event_type, claimed, min_confidence, limit
    )
    with _reading(db) as session:
        table = trend_table(session, by.value, period.value, filters)
    title = trend_title(table, filters.event_types, filters.describe())
    if not table.points:
        typer.echo(no_match("attacks or operations", filters.describe()), err=format is not OutputFormat.TABLE)
        if format is OutputFormat.TABLE:
            return
    typer.echo(render_trend(table, format, title))
    if plot is not None and table.points:
        from khabar.plot import plot_trend

        plot_trend(table, plot, title)
        typer.echo(f"chart written to {plot}", err=True)


@app.command()
def report(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE.html", help="Where to write the report.")],
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    province: ProvinceOption = None,
    district: DistrictOption = None,
    group: GroupOption = None,
    attack_type: AttackTypeOption = None,
    event_type: EventTypeOption = None,
    claimed: ClaimedOption = None,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Rows in the latest-incidents table (default 50).")
    ] = None,
    period: Annotated[
        TrendPeriod | None,
        typer.Option("--period", case_sensitive=False, help="Chart period (default: by the range's length)."),
    ] = None,
) -> None:
    """A self-contained offline HTML report: trend charts, a map, the latest incidents, data quality."""
    from khabar.report import build_report

    filters = build_filter(
        since, until, province, district, group, attack_type, event_type, claimed, min_confidence, limit
    )
    written = build_report(_db(db), output, filters, period=period.value if period else None)
    typer.echo(f"report written to {written.path} ({written.incidents} incident(s), {written.bytes} bytes)")


@app.command()
def sources(
    sources: Annotated[Path | None, typer.Option("--sources", help="Also list sources not yet crawled.")] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Health of every source: last success, error rate, articles per day, extracted text length."""
    from khabar.pipeline import source_health

    rows = source_health(_db(db), sources)
    columns = ["source", "enabled", "last_success", "runs", "error_rate", "articles_per_day"]
    columns += ["avg_text_chars", "status"]
    typer.echo(render(rows, columns, format, title="sources"))


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Apply the Alembic migrations to the warehouse."""
    from khabar.pipeline import upgrade_db

    url = _db(db, create=True)
    upgrade_db(url)
    typer.echo("warehouse schema is up to date")


@app.command()
def demo(
    db: Annotated[
        str | None, typer.Option("--db", help="Warehouse for the demo (default: a fresh demo.sqlite).")
    ] = None,
) -> None:
    """Serve the bundled sample news site on 127.0.0.1, run the whole pipeline on it, print trends."""
    from khabar.demo_run import run_demo

    run_demo(db, echo=typer.echo)


class Terminated(BaseException):
    """SIGTERM (a stopped container, a killed task): unwind like Ctrl-C, so the crawl child is stopped too."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def _secrets(argv: list[str]) -> list[str]:
    """Configured secrets, plus the password of a --db URL given on the command line."""
    found = get_settings().secrets
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--db" and i + 1 < len(argv) else arg.removeprefix("--db=")
        if (arg == "--db" or arg.startswith("--db=")) and (password := url_password(value)):
            found.append(password)
    return found


# Exit statuses besides 0 (success), 1 (internal error) and each KhabarError's own (2 for bad input or an
# unusable warehouse, 75 when another process holds the warehouse).
EXIT_ALERTS_FAILED = 3  # the run finished, but at least one alert could not be delivered
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _usage_line(exc: click.UsageError) -> str:
    """Click's usage error as one line, with where to read the command's usage."""
    # Typer validates option values with pydantic, whose messages start "Value error, ".
    message = " ".join(exc.format_message().replace("Value error, ", "").split())
    path = exc.ctx.command_path if exc.ctx is not None else "khabar"
    return f"khabar: error: {message} (see '{path} --help')"


def main(argv: list[str] | None = None) -> int:
    """Entry point: map usage errors and expected failures to one line on stderr and a non-zero status."""
    args = sys.argv[1:] if argv is None else argv
    try:
        secrets = _secrets(args)
    except KhabarError as exc:  # the environment's settings do not validate: nothing can run
        typer.echo(f"khabar: {exc.label}: {exc}", err=True)
        return exc.exit_code
    signal.signal(signal.SIGTERM, _terminate)
    try:
        result = app(args=argv, prog_name="khabar", standalone_mode=False)
    except click.NoArgsIsHelpError as exc:
        typer.echo(exc.format_message(), err=True)
        return 2
    except click.UsageError as exc:  # unknown option or command, bad choice, missing value, bad date
        typer.echo(redact(_usage_line(exc), secrets), err=True)
        return 2
    except click.ClickException as exc:
        typer.echo(f"khabar: error: {redact(' '.join(exc.format_message().split()), secrets)}", err=True)
        return exc.exit_code
    except KhabarError as exc:  # every expected failure of ours: bad input, warehouse busy or down, crawl, sources
        typer.echo(f"khabar: {exc.label}: {redact(str(exc), secrets)}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("khabar: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Terminated:
        typer.echo("khabar: terminated", err=True)
        return EXIT_TERMINATED
    except Exception as exc:  # the last line of defence: one line for the user, the traceback in the log
        logger.debug("unexpected failure", exc_info=True)
        message = redact(f"{type(exc).__name__}: {exc}", secrets)
        typer.echo(f"khabar: internal error: {message} (rerun with -v for details)", err=True)
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main())
