"""Every SQL example in the analysts' documentation runs on SQLite and PostgreSQL and returns rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from warehouse_fixture import fill_warehouse

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ("docs/warehouse.md", "warehouse/README.md", "README.md")
_BLOCK = re.compile(r"```sql\n(.*?)```", re.S)


def statements(document: str) -> list[tuple[str, str]]:
    """(label, statement) for every statement of every ```sql block, in order."""
    found = []
    text = (ROOT / document).read_text(encoding="utf-8")
    for number, block in enumerate(_BLOCK.findall(text), 1):
        for part in re.split(r";\s*(?:\n|$)", block):
            code = "\n".join(line for line in part.splitlines() if not line.strip().startswith("--")).strip()
            if code:
                found.append((f"{document} block {number}", part.strip()))
    return found


EXAMPLES = [example for document in DOCUMENTS for example in statements(document)]


def test_the_guide_has_at_least_ten_examples() -> None:
    assert len(statements("docs/warehouse.md")) >= 10
    assert all(statements(document) for document in DOCUMENTS)


@pytest.fixture
def engine(db_url: str) -> Iterator[sa.Engine]:
    fill_warehouse(db_url)
    engine = sa.create_engine(db_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("example", EXAMPLES, ids=[label for label, _ in EXAMPLES])
def test_sql_example_runs_and_returns_rows(engine: sa.Engine, example: tuple[str, str]) -> None:
    label, sql = example
    with engine.connect() as conn:
        rows = conn.execute(sa.text(sql)).all()
    assert rows, f"{label} returned no rows:\n{sql}"
