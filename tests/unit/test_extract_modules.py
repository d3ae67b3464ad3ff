"""The extraction modules one by one: import direction, metadata, continuation paragraphs, language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(m for m in sys.modules if m.startswith('crawlers')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True)
    return set(out.stdout.split())


def test_publisher_parsers_do_not_import_the_extractor_that_calls_them() -> None:
    # The record lives in crawlers.article, so a publisher module loads without the generic extractor:
    # no import cycle between crawlers.extract and crawlers.publishers.
    loaded = _modules_loaded_by("import crawlers.publishers.frontier_gazette")
    assert "crawlers.publishers.frontier_gazette" in loaded
    assert not loaded & {"crawlers.extract", "crawlers.generic"}


def test_the_record_module_imports_nothing_of_ours() -> None:
    assert _modules_loaded_by("import crawlers.article") == {"crawlers", "crawlers.article"}
