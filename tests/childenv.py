"""What a test passes through to the CLI it runs as a subprocess, besides the test's own settings."""

from __future__ import annotations

import os


def passthrough() -> dict[str, str]:
    """PYTHONPATH (a checkout other than the installed one) and coverage's variables (to measure the child)."""
    return {k: v for k, v in os.environ.items() if k == "PYTHONPATH" or k.startswith("COVERAGE_")}
