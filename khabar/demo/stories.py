"""Load and validate the demo site's stories (stories.yaml) with the labels a correct system gives them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from domain.errors import KhabarError
from domain.taxonomy import AttackType, EventType, Group, Province

PUBLISHERS: tuple[str, ...] = ("frontier-herald", "quetta-times", "indus-wire")

# The Frontier Herald numbers its articles; the demo's numbers start here, in order of publication.
FRONTIER_HERALD_FIRST_NUMBER = 2041001

_STORY_KEYS = {"id", "publisher", "published", "title", "author", "section", "paragraphs", "expected"}
_EXPECTED_KEYS = {
    "event_type",
    "attack_type",
    "group",
    "claimed",
    "province",
    "district",
    "killed",
    "injured",
    "militants_killed",
    "incident",
}


class StoryDataError(KhabarError, ValueError):
    """stories.yaml (or a file in its format) is malformed; the message names the story."""


@dataclass(frozen=True, slots=True)
class ExpectedLabels:
    """The labels a correct classifier gives one story, and the incident it belongs to."""

    event_type: EventType
    attack_type: AttackType | None
    group: Group
    claimed: bool
    province: Province | None
    district: str | None
    killed: int | None
    injured: int | None
    militants_killed: int | None
    incident: str | None


@dataclass(frozen=True, slots=True)
class DemoStory:
    """One article of the demo site: its text, where its publisher serves it, and its expected labels."""

    id: str
    publisher: str
    published: datetime
    title: str
    author: str | None
    section: str | None
    paragraphs: tuple[str, ...]
    expected: ExpectedLabels
    path: str
    url: str = ""  # absolute, filled in once a running DemoSite serves the story

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def served_at(self, base_url: str) -> DemoStory:
        """A copy whose url is the story's path on the given publisher base URL."""
        return replace(self, url=base_url.rstrip("/") + self.path)


def default_stories_path() -> Path:
    """The stories.yaml shipped inside this package."""
    return Path(str(resources.files("khabar.demo").joinpath("stories.yaml")))


def load_stories(path: Path | None = None) -> list[DemoStory]:
    """Parse and validate stories; raises StoryDataError naming the first bad story."""
    source = path or default_stories_path()
    with source.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not isinstance(doc, Mapping) or not isinstance(doc.get("stories"), list):
        raise StoryDataError(f"{source.name}: expected a mapping with a 'stories' list")
    raw = [_parse_story(item, index) for index, item in enumerate(doc["stories"])]
    seen: set[str] = set()
    for story in raw:
        if story["id"] in seen:
            raise StoryDataError(f"story {story['id']!r}: duplicate id")
        seen.add(story["id"])
    paths = _assign_paths(raw)
    stories = [
        DemoStory(path=paths[story["id"]], **story) for story in sorted(raw, key=lambda s: (s["published"], s["id"]))
    ]
    return stories


def _assign_paths(stories: list[dict[str, Any]]) -> dict[str, str]:
    """Each publisher's URL scheme; Frontier Herald numbers follow publication order, so they are stable."""
    paths: dict[str, str] = {}
    herald = sorted(
        (s for s in stories if s["publisher"] == "frontier-herald"), key=lambda s: (s["published"], s["id"])
    )
    for offset, story in enumerate(herald):
        paths[story["id"]] = f"/news/{FRONTIER_HERALD_FIRST_NUMBER + offset}/{story['id']}"
    for story in stories:
        if story["publisher"] == "quetta-times":
            paths[story["id"]] = f"/story/{story['id']}.html"
        elif story["publisher"] == "indus-wire":
            published: datetime = story["published"]
            paths[story["id"]] = f"/wire/{published:%Y}/{published:%m}/{story['id']}"
    return paths


def _parse_story(item: object, index: int) -> dict[str, Any]:
    if not isinstance(item, Mapping):
        raise StoryDataError(f"story #{index}: expected a mapping")
    story_id = item.get("id")
    if not isinstance(story_id, str) or not story_id or not _is_slug(story_id):
        raise StoryDataError(f"story #{index}: 'id' must be a lower-case slug, got {story_id!r}")
    where = f"story {story_id!r}"
    unknown = set(item) - _STORY_KEYS
    missing = {"publisher", "published", "title", "paragraphs", "expected"} - set(item)
    if unknown or missing:
        raise StoryDataError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    publisher = item["publisher"]
    if publisher not in PUBLISHERS:
        raise StoryDataError(f"{where}: unknown publisher {publisher!r}")
    paragraphs = item["paragraphs"]
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) and p.strip() for p in paragraphs):
        raise StoryDataError(f"{where}: 'paragraphs' must be a list of non-empty strings")
    return {
        "id": story_id,
        "publisher": publisher,
        "published": _parse_datetime(item["published"], where),
        "title": _required_str(item, "title", where),
        "author": _optional_str(item, "author", where),
        "section": _optional_str(item, "section", where),
        "paragraphs": tuple(" ".join(p.split()) for p in paragraphs),
        "expected": _parse_expected(item["expected"], where),
    }


def _parse_expected(value: object, where: str) -> ExpectedLabels:
    if not isinstance(value, Mapping) or set(value) != _EXPECTED_KEYS:
        raise StoryDataError(f"{where}: 'expected' must have exactly the keys {sorted(_EXPECTED_KEYS)}")
    try:
        labels = ExpectedLabels(
            event_type=EventType(value["event_type"]),
            attack_type=None if value["attack_type"] is None else AttackType(value["attack_type"]),
            group=Group(value["group"]),
            claimed=_bool(value["claimed"]),
            province=None if value["province"] is None else Province(value["province"]),
            district=_optional_str(value, "district", where),
            killed=_count(value["killed"]),
            injured=_count(value["injured"]),
            militants_killed=_count(value["militants_killed"]),
            incident=_optional_str(value, "incident", where),
        )
    except (ValueError, TypeError) as exc:
        raise StoryDataError(f"{where}: bad label: {exc}") from exc
    is_attack = labels.event_type is EventType.ATTACK
    if is_attack != (labels.attack_type is not None):
        raise StoryDataError(f"{where}: attack_type must be set for attacks and only for attacks")
    if (labels.event_type is EventType.OTHER) != (labels.incident is None):
        raise StoryDataError(f"{where}: incident must be null for 'other' stories and set otherwise")
    return labels


def _parse_datetime(value: object, where: str) -> datetime:
    parsed = value if isinstance(value, datetime) else None
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise StoryDataError(f"{where}: 'published' must be an ISO datetime with a UTC offset, got {value!r}")
    return parsed


def _required_str(item: Mapping[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise StoryDataError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _optional_str(item: Mapping[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    return _required_str(item, key, where)


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {value!r}")
    return value


def _count(value: object) -> int | None:
    # bool is an int subclass; a casualty figure of `true` is a typo, not 1.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"expected a non-negative integer or null, got {value!r}")
    return value


def _is_slug(value: str) -> bool:
    return all((part.isalnum() and part.islower()) or part.isdigit() for part in value.split("-"))
