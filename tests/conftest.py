"""Shared fixtures: a warehouse URL on SQLite and on PostgreSQL (a throwaway schema per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"

# The tests' news sites, webhooks and mail servers run on loopback: allow the crawler to reach it, as the
# demo does. Production allows no private network; tests/reliability checks that default explicitly.
os.environ.setdefault("KHABAR_CRAWL_ALLOW_NETWORKS", "127.0.0.0/8")


def postgres_base_url() -> str:
    return os.environ.get("KHABAR_TEST_DATABASE_URL", DEFAULT_PG_URL)


def _postgres_unreachable_reason(url: str) -> str | None:
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
    except Exception as exc:  # any driver error means "not reachable" here
        return f"PostgreSQL at {url} unreachable: {str(exc).splitlines()[0]}"
    return None


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Settings are cached per process; a test that sets environment variables must see them."""
    from domain.settings import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def postgres_available() -> str:
    """The base PostgreSQL URL; skips (or fails under CI=true) when the server is unreachable."""
    url = postgres_base_url()
    reason = _postgres_unreachable_reason(url)
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason + " (set KHABAR_TEST_DATABASE_URL)")
    return url


@pytest.fixture
def postgres_url(postgres_available: str) -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(postgres_available)
    with admin.begin() as conn:
        conn.execute(sa.text(f'create schema "{schema}"'))
    sep = "&" if "?" in postgres_available else "?"
    yield f"{postgres_available}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'drop schema "{schema}" cascade'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'warehouse.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Every warehouse test runs on both databases."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(name))
