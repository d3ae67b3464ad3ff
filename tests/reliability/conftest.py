"""Fixtures of the reliability tests: news sites on hosts of their own (127.0.0.2, 127.0.0.3)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from httpfixture import FixtureServer


@pytest.fixture
def site() -> Iterator[FixtureServer]:
    """A news site on 127.0.0.2 (a host of its own, distinct from the 127.0.0.1 of other servers)."""
    with FixtureServer("127.0.0.2") as server:
        yield server


@pytest.fixture
def elsewhere() -> Iterator[FixtureServer]:
    """Another host on 127.0.0.3: a source may never fetch from it."""
    with FixtureServer("127.0.0.3") as server:
        yield server
