"""sources.yaml loading: valid files become Source records, every invalid one a one-line SourcesError."""

from pathlib import Path

import pytest

from crawlers.sources import SourcesError, load_sources
from domain.taxonomy import SourceKind

VALID = """
sources:
  - name: dawn
    kind: feed
    url: https://www.dawn.com/feeds/home
    link_pattern: '/news/\\d+'
    enabled: true
  - name: wire
    kind: listing
    url: https://wire.example.pk/latest/
    allow_hosts: [cdn.example.pk]
    enabled: false
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_loads_valid_file(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, VALID))
    assert [s.name for s in sources] == ["dawn", "wire"]
    dawn, wire = sources
    assert dawn.kind is SourceKind.FEED and dawn.enabled
    assert dawn.link_pattern == "/news/\\d+"
    assert wire.hosts == {"wire.example.pk", "cdn.example.pk"}
    assert not wire.enabled


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sources: [", "not valid YAML"),
        ("- a\n- b\n", "must be a mapping with a 'sources' list"),
        ("sources:\n  - name: Dawn News\n    kind: feed\n    url: https://x.pk/f\n", "lower-case slug"),
        ("sources:\n  - name: a\n    kind: rss\n    url: https://x.pk/f\n", "'kind' must be one of"),
        ("sources:\n  - name: a\n    kind: feed\n    url: ftp://x.pk/f\n", "http(s) URL"),
        (
            "sources:\n  - name: a\n    kind: feed\n    url: https://x.pk/f\n    link_pattern: '('\n",
            "not a valid regex",
        ),
        (
            "sources:\n  - name: a\n    kind: feed\n    url: https://x.pk/f\n    enabled: maybe\n",
            "true or false",
        ),
        ("sources:\n  - name: a\n    kind: feed\n    url: https://x.pk/f\n    colour: red\n", "unknown key"),
        ("sources:\n  - name: a\n    kind: feed\n", "'url' is missing"),
        ("sources:\n  - name: a\n    kind: feed\n    url: https://x.pk/f\n    allow_hosts: ['a b']\n", "host names"),
        (
            "sources:\n  - {name: a, kind: feed, url: 'https://x.pk/f'}\n  - {name: a, kind: feed, url: 'https://y.pk/f'}\n",
            "appears twice",
        ),
    ],
)
def test_invalid_files_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SourcesError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        load_sources(write(tmp_path, text))
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="not found"):
        load_sources(tmp_path / "nope.yaml")


def test_shipped_catalogue_is_valid() -> None:
    sources = load_sources(Path(__file__).resolve().parents[2] / "sources.yaml")
    assert len(sources) >= 20
    assert {s.kind for s in sources} == set(SourceKind)
