"""The `khabar` command line: every command of SPEC.md; failures print one clear line, never a traceback."""

from __future__ import annotations

import json
import logging
import signal
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from domain.redact import RedactingFilter, redact, url_password
from domain.settings import get_settings
from khabar.output import OutputFormat, render

logger = logging.getLogger("khabar")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="khabar — news monitoring for militant attacks in Pakistan.",
)
db_app = typer.Typer(no_args_is_help=True, help="Warehouse maintenance.")
app.add_typer(db_app, name="db")


class UserError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Warehouse URL (default: $KHABAR_DATABASE_URL, else an SQLite file in the data dir)."),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table, json or csv.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only from this date on (YYYY-MM-DD).")]

INCIDENT_COLUMNS = [
    "id", "occurred_on", "event_type", "province", "district", "attack_type", "group", "claimed",
    "killed", "injured", "militants_killed", "sources",
]  # fmt: skip
TREND_COLUMNS = ["bucket", "key", "incidents", "killed", "injured"]


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--since must be a date like 2026-03-01, got {value!r}") from None


def _db(db: str | None) -> str:
    return db or get_settings().effective_database_url


@app.callback()
def _configure(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Debug logging.")] = False,
) -> None:
    level = logging.DEBUG if verbose else getattr(logging, get_settings().log_level.upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactingFilter(_secrets(sys.argv)))
    for noisy in ("scrapy", "urllib3", "alembic"):
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

    report = run_once(sources, _db(db), progress=lambda m: typer.echo(m, err=True))
    print_run_report(report)


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
    url = _db(db)
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
def incidents(db: DbOption = None, since: SinceOption = None, format: FormatOption = OutputFormat.TABLE) -> None:
    """Incidents (newest first) with their sources."""
    from khabar.pipeline import incidents_since

    rows = [row.as_dict() for row in incidents_since(_db(db), _parse_date(since))]
    typer.echo(render(rows, INCIDENT_COLUMNS, format, title="incidents"))


@app.command()
def trends(
    by: Annotated[str, typer.Option("--by", help="province, district, group or attack_type.")] = "province",
    period: Annotated[str, typer.Option("--period", help="day, week or month.")] = "month",
    db: DbOption = None,
    since: SinceOption = None,
    format: FormatOption = OutputFormat.TABLE,
) -> None:
    """Attacks, killed and injured per period and key."""
    if by not in ("province", "district", "group", "attack_type"):
        raise UserError(f"--by must be province, district, group or attack_type, got {by!r}")
    if period not in ("day", "week", "month"):
        raise UserError(f"--period must be day, week or month, got {period!r}")
    from khabar.pipeline import trend_rows

    rows = trend_rows(_db(db), by, period, _parse_date(since))
    typer.echo(render(rows, TREND_COLUMNS, format, title=f"attacks by {by} per {period}"))


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

    url = _db(db)
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


def _user_errors() -> tuple[type[BaseException], ...]:
    from crawlers.crawl import CrawlError
    from crawlers.sources import SourcesError
    from khabar.classify_io import InputError
    from warehouse.db import WarehouseError

    return (UserError, InputError, SourcesError, WarehouseError, CrawlError)


# Exit statuses besides 0 (success), 1 (internal error) and 2 (bad input or an unusable warehouse).
EXIT_BUSY = 75  # EX_TEMPFAIL: another process holds the warehouse's writer lock; try again later
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def main(argv: list[str] | None = None) -> int:
    """Entry point: map expected failures to one line on stderr and a non-zero status."""
    from warehouse.lock import WarehouseBusy

    args = sys.argv[1:] if argv is None else argv
    secrets = _secrets(args)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        # Standalone mode: click itself reports usage errors (exit 2) and --help; ours come through here.
        app(args=argv, prog_name="khabar")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except WarehouseBusy as exc:
        typer.echo(f"khabar: busy: {redact(str(exc), secrets)}", err=True)
        return EXIT_BUSY
    except _user_errors() as exc:
        typer.echo(f"khabar: error: {redact(str(exc), secrets)}", err=True)
        return 2
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
