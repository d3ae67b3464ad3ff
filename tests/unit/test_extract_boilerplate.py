"""The boilerplate patterns file: the shipped one loads, and a broken one fails with the entry named."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from crawlers.boilerplate_patterns import (
    BoilerplatePatternError,
    load_boilerplate_patterns,
    read_boilerplate_patterns,
)

GOOD = """
furniture_lines:
  max_words: 40
  patterns:
    - '^read more\\b'
    - '\\bin your inbox\\b'
lead_ins:
  - 'related( stories)?'
  - 'most (read|viewed)'
copyright:
  max_words: 25
  patterns:
    - '\\ball rights reserved\\b'
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_shipped_patterns_load() -> None:
    patterns = load_boilerplate_patterns()
    assert len(patterns.furniture) >= 10
    assert patterns.furniture_max_words == 40
    assert patterns.copyright_max_words == 25
    assert patterns.lead_in.match("You might also like")


def test_a_good_file_is_compiled_case_insensitively(tmp_path: Path) -> None:
    patterns = read_boilerplate_patterns(_write(tmp_path, GOOD))
    assert [p.pattern for p in patterns.furniture] == [r"^read more\b", r"\bin your inbox\b"]
    assert patterns.furniture[0].search("READ MORE: the budget")
    assert patterns.copyright[0].search("© Example. ALL RIGHTS RESERVED.")


def test_lead_ins_match_whole_lines_only(tmp_path: Path) -> None:
    lead_in = read_boilerplate_patterns(_write(tmp_path, GOOD)).lead_in
    assert lead_in.match("Related stories:")
    assert lead_in.match("most viewed")
    assert not lead_in.match("Related stories say the attack was planned for weeks")
    assert not lead_in.match("Unrelated")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "'\\bin your inbox\\b'",
            "'(unclosed'",
            r"boilerplate\.yaml: furniture_lines\.patterns\[1\] is not a valid regular expression \('\(unclosed'\)",
        ),
        ("'most (read|viewed)'", "'(most read)?'", r"lead_ins\[1\] matches an empty line"),
        ("max_words: 25", "max_words: 0", r"copyright\.max_words must be a positive whole number"),
        ("max_words: 40", "max_words: forty", r"furniture_lines\.max_words must be a positive whole number"),
        ("lead_ins:", "lead_in:", r"unknown keys \['lead_in'\], missing keys \['lead_ins'\]"),
        ("  max_words: 40\n", "  max_word: 40\n", r"furniture_lines has unknown keys \['max_word'\]"),
        ("    - '\\ball rights reserved\\b'", "    - ''", r"copyright\.patterns\[0\] must be a non-empty string"),
        ("    - '\\ball rights reserved\\b'", "    - 25", r"copyright\.patterns\[0\] must be a non-empty string"),
        ("  - 'related( stories)?'\n  - 'most (read|viewed)'", "  []", r"lead_ins must be a non-empty list"),
        ("lead_ins:", "lead_ins: [", r"boilerplate\.yaml: not valid YAML"),
    ],
)
def test_a_broken_file_names_the_entry_at_fault(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(BoilerplatePatternError, match=message):
        read_boilerplate_patterns(path)


def test_a_document_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BoilerplatePatternError, match="expected a mapping"):
        read_boilerplate_patterns(_write(tmp_path, "- just\n- a list\n"))
