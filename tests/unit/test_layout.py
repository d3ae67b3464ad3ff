"""The import direction of the house: dags → khabar → crawlers | classifiers | warehouse → domain (and models).

Read from the source with `ast`, function-level imports included, so a cycle cannot hide inside a function.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("dags", "khabar", "crawlers", "classifiers", "warehouse", "domain", "models")
# What each package may import of ours (itself always). `models` holds the trained models (data) and the
# path to them; `classifiers` reads them.
ALLOWED = {
    "dags": {"khabar", "domain"},
    "khabar": {"crawlers", "classifiers", "warehouse", "domain", "models"},
    "crawlers": {"domain"},
    "classifiers": {"domain", "models"},
    "warehouse": {"domain"},
    "domain": set(),
    "models": set(),
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_imports_point_one_way(package: str) -> None:
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in imported_packages(path) - ALLOWED[package] - {package}
    }
    assert not wrong, sorted(wrong)


def test_every_package_is_governed() -> None:
    top = {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert top <= set(PACKAGES) | {"bench"}, top - set(PACKAGES)
