"""Engines, sessions and migrations for the warehouse, with one-line errors for a bad or dead database."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.orm import Session

if TYPE_CHECKING:  # Alembic is imported by the commands that migrate, not by every query
    from alembic.config import Config

from domain.errors import KhabarError
from domain.redact import redact

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30
POSTGRES_CONNECT_TIMEOUT_S = 10

# Driver messages (lower-cased) mapped to the short reason shown to the user.
_REASONS = (
    ("connection refused", "connection refused"),
    ("timeout expired", "connection timed out"),
    ("timed out", "connection timed out"),
    ("could not translate host name", "unknown host"),
    ("name or service not known", "unknown host"),
    ("password authentication failed", "authentication failed"),
    ("no password supplied", "authentication failed"),
    ("does not exist", None),  # e.g. 'database "x" does not exist': the driver's words are clear
    ("unable to open database file", "cannot open the database file"),
    ("server closed the connection", "the server closed the connection"),
    ("terminating connection", "the server closed the connection"),
)


class WarehouseError(KhabarError):
    """The warehouse cannot be used; the message is one line, safe to show (no passwords)."""


def display_url(url: str | URL) -> str:
    """The URL with its password masked and query string dropped (it may carry credentials too)."""
    text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    return redact(text.split("?", 1)[0])


def _reason(exc: BaseException) -> str:
    """A short, lower-case reason for a driver error, without the driver's multi-line detail."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    lowered = text.lower()
    for needle, reason in _REASONS:
        if needle in lowered:
            if reason is not None:
                return reason
            break
    first = next((line.strip() for line in text.splitlines() if line.strip()), type(orig).__name__)
    # psycopg2 prefixes 'connection to server at "host" (ip), port N failed: <the actual reason>'
    return re.sub(r"^(FATAL|ERROR):\s*", "", first.rsplit("failed: ", 1)[-1])


def connection_error(url: str | URL, exc: BaseException) -> WarehouseError:
    """The user-facing error for a database that cannot be reached or was lost mid-run."""
    return WarehouseError(f"cannot connect to the warehouse at {display_url(url)}: {_reason(exc)}")


def _parse(url: str | URL) -> URL:
    try:
        return sa.make_url(url) if isinstance(url, str) else url
    except (ArgumentError, ValueError) as exc:  # ValueError: a non-numeric port
        raise WarehouseError(
            f"invalid warehouse URL {display_url(str(url))!r}: expected e.g. sqlite:///path/khabar.sqlite "
            "or postgresql+psycopg2://user@host:5432/db"
        ) from exc


def sqlite_file(url: str | URL) -> Path | None:
    """The database file of an SQLite URL (None for in-memory databases and other backends)."""
    try:
        parsed = _parse(url)
    except WarehouseError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def require_existing(url: str | URL) -> None:
    """Refuse an SQLite warehouse file that does not exist, so reading never creates an empty database.

    Commands that only read call this before `make_engine` (which would create the file); those that
    build a warehouse (run, crawl, demo, db upgrade) do not. Other backends are left to `make_engine`.
    """
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise WarehouseError(f"no warehouse at {path}; run `khabar db upgrade` or `khabar run` first")


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLite leaves foreign keys off per connection; without this ON DELETE CASCADE silently does nothing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    # WAL lets readers (analysts, the API) work while a pipeline task writes; a no-op once set.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str | URL, *, check: bool = True) -> Engine:
    """An engine for the warehouse URL; with `check`, connect once so a dead server fails here, clearly.

    SQLite: the file's directory is created, foreign keys are enforced and writers wait for locks.
    PostgreSQL: pooled connections are pinged before use, so a restarted server is survived.
    """
    parsed = _parse(url)
    engine = _create_engine(parsed, _engine_options(parsed))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    if check:
        _check_connection(engine, parsed)
    return engine


def _engine_options(parsed: URL) -> dict[str, Any]:
    """`create_engine` keyword arguments for the backend; an SQLite file (and its directory) is created here."""
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_file(parsed)
        if path is not None:
            try:
                _create_private_file(path)
            except OSError as exc:
                raise WarehouseError(
                    f"cannot create the directory for the warehouse at {display_url(parsed)}: {exc.strerror}"
                ) from exc
        return {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S}}
    if backend == "postgresql":
        options: dict[str, Any] = {"pool_pre_ping": True}
        if parsed.get_driver_name() in ("psycopg2", "psycopg") and "connect_timeout" not in parsed.query:
            options["connect_args"] = {"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S}
        return options
    return {}


def _create_engine(parsed: URL, options: dict[str, Any]) -> Engine:
    """`sa.create_engine`, with an unknown driver or an unusable URL as a one-line WarehouseError."""
    try:
        return sa.create_engine(parsed, **options)
    except NoSuchModuleError as exc:
        raise WarehouseError(
            f"unknown database driver {parsed.drivername!r} in the warehouse URL {display_url(parsed)}: "
            "use sqlite:// or postgresql+psycopg2://"
        ) from exc
    except (ArgumentError, TypeError, ImportError) as exc:
        raise WarehouseError(f"cannot use the warehouse URL {display_url(parsed)}: {exc}") from exc


def _check_connection(engine: Engine, parsed: URL) -> None:
    """Connect once, so a dead server fails here; the engine is disposed of when it does."""
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        log.debug("warehouse connection check failed", exc_info=True)
        raise connection_error(parsed, exc) from exc


def _create_private_file(path: Path) -> None:
    """Create the database file (and missing directories) readable by the owner only; keep an existing one."""
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session committed on success and rolled back on error; a lost database becomes WarehouseError."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except sa.exc.DBAPIError as exc:
        session.rollback()
        translated = translate_error(engine.url, exc)
        if translated is None:
            raise
        raise translated from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def translate_error(url: str | URL, exc: sa.exc.DBAPIError) -> WarehouseError | None:
    """The one-line WarehouseError for an outage or a missing schema; None for any other database error."""
    message = str(exc.orig).lower()
    if exc.connection_invalidated:
        return WarehouseError(f"lost the connection to the warehouse at {display_url(url)}: {_reason(exc)}")
    if any(needle in message for needle, _ in _REASONS if needle != "does not exist"):
        return connection_error(url, exc)
    if "no such table" in message or ("relation" in message and "does not exist" in message):
        first = str(exc.orig).strip().splitlines()[0]
        return WarehouseError(
            f"the warehouse at {display_url(url)} has no schema yet ({first}): run `khabar db upgrade`"
        )
    return None


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic Config pointing at the packaged migrations, independent of the working directory."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _run_alembic(engine_or_url: Engine | str, action: str, revision: str) -> None:
    from alembic import command

    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        with engine.begin() as connection:
            config = alembic_config(connection)
            if action == "upgrade":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
    except sa.exc.DBAPIError as exc:
        translated = translate_error(engine.url, exc)
        if translated is None:
            raise
        raise translated from exc
    finally:
        if isinstance(engine_or_url, str):
            engine.dispose()


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Migrate the warehouse to `revision` (default: the latest schema)."""
    _run_alembic(engine_or_url, "upgrade", revision)


def downgrade(engine_or_url: Engine | str, revision: str) -> None:
    """Migrate the warehouse back to `revision` ("base" drops every table)."""
    _run_alembic(engine_or_url, "downgrade", revision)
