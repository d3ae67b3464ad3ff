"""Rewrite one `## ` section of BENCHMARKS.md in place, keeping every other section as it is."""

from __future__ import annotations

import re
from pathlib import Path


def update_section(path: Path, heading: str, section: str) -> None:
    """Replace the section that starts with `heading` (up to the next `## `) or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
