"""The YAML data files read the same through libyaml as through PyYAML's own parser."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from domain import yamlfile

ROOT = Path(__file__).resolve().parents[2]
DATA_FILES = sorted(
    p
    for p in ROOT.rglob("*.yaml")
    if not any(part in {".venv", "var", "node_modules", ".git"} for part in p.relative_to(ROOT).parts)
)


def test_there_are_data_files_to_compare() -> None:
    assert len(DATA_FILES) >= 15
    assert ROOT / "domain" / "data" / "gazetteer.yaml" in DATA_FILES


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_data_file_loads_to_the_same_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yamlfile.safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_fast_loader_is_a_safe_one() -> None:
    assert issubclass(yamlfile.LOADER, yaml.SafeLoader) or yamlfile.LOADER.__name__ == "CSafeLoader"
    with pytest.raises(yaml.YAMLError):
        yamlfile.safe_load("!!python/object/apply:os.system ['true']")
