"""One writer at a time per warehouse: a PostgreSQL advisory lock, or a lock file beside an SQLite database.

Runs, migrations and the classify / resolve / alert stages hold it, so two of them never send the same
alert, race a fresh schema into existence, or resolve one article into two incidents. Both kinds of lock
belong to the process (its connection, its open file) and vanish with it, so a killed run never leaves a
stale lock behind. Re-entrant within a process: a run that holds the lock may call stages that take it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

from warehouse.db import WarehouseError, display_url, make_engine, sqlite_file

# The advisory lock's key is derived from this name and the schema, so warehouses that share a database
# in different schemas do not block each other.
_LOCK_NAME = "khabar-warehouse-writer"
_POLL_S = 0.2


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse's writer lock: try again later (exit status 75, EX_TEMPFAIL)."""

    exit_code = 75
    label = "busy"


_held: dict[str, int] = {}
_held_guard = threading.Lock()


@contextlib.contextmanager
def writer_lock(url: str | URL, *, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block; wait up to `wait_s` for it, else raise WarehouseBusy."""
    key = str(url)
    with _held_guard:
        if _held.get(key):
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                _held[key] -= 1
        return
    backend = sa.make_url(url).get_backend_name() if isinstance(url, str) else url.get_backend_name()
    locker = _postgres_lock if backend == "postgresql" else _sqlite_lock
    with locker(url, wait_s):
        with _held_guard:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_guard:
                _held.pop(key, None)


def _busy(url: str | URL, wait_s: float) -> WarehouseBusy:
    waited = f" (waited {wait_s:.0f} s)" if wait_s >= 1 else ""
    return WarehouseBusy(f"another khabar process is writing to the warehouse at {display_url(url)}{waited}")


@contextlib.contextmanager
def _postgres_lock(url: str | URL, wait_s: float) -> Iterator[None]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            key = conn.execute(sa.text("select hashtext(:name || ':' || current_schema())"), {"name": _LOCK_NAME})
            lock_key = int(key.scalar_one())
            conn.commit()
            deadline = time.monotonic() + wait_s
            while not conn.execute(sa.text("select pg_try_advisory_lock(:k)"), {"k": lock_key}).scalar_one():
                conn.commit()
                if time.monotonic() >= deadline:
                    raise _busy(url, wait_s)
                time.sleep(_POLL_S)
            conn.commit()
            try:
                yield
            finally:
                with contextlib.suppress(sa.exc.DBAPIError):
                    conn.execute(sa.text("select pg_advisory_unlock(:k)"), {"k": lock_key})
                    conn.commit()
    finally:
        engine.dispose()


@contextlib.contextmanager
def _sqlite_lock(url: str | URL, wait_s: float) -> Iterator[None]:
    path = sqlite_file(url)
    if path is None:  # an in-memory database belongs to one connection anyway
        yield
        return
    lock_path = Path(f"{path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise _busy(url, wait_s) from None
                time.sleep(_POLL_S)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
