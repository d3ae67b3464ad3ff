"""Load the demo stories (stories.yaml), validated by pydantic models, with the labels a correct system gives them."""

from __future__ import annotations

from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from domain import yamlfile
from domain.errors import KhabarError
from domain.taxonomy import AttackType, EventType, Group, Province

Publisher = Literal["frontier-herald", "quetta-times", "indus-wire"]
PUBLISHERS: tuple[str, ...] = get_args(Publisher)

# The Frontier Herald numbers its articles; the demo's numbers start here, in order of publication.
FRONTIER_HERALD_FIRST_NUMBER = 2041001


class StoryDataError(KhabarError, ValueError):
    """stories.yaml (or a file in its format) is malformed; the message names the file, the story and the field."""


def _iso_datetime(value: object) -> object:
    # Only ISO text (or a timestamp YAML already parsed), never pydantic's other inputs such as epoch seconds.
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"must be an ISO datetime with a UTC offset, got {_shown(value)}")


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Folded YAML paragraphs may carry line breaks and runs of spaces; the site serves them collapsed.
Paragraph = Annotated[Text, AfterValidator(lambda p: " ".join(p.split()))]
# bool is an int subclass; a casualty figure of `true` is a typo, not 1.
Count = Annotated[StrictInt, Field(ge=0)]
Published = Annotated[AwareDatetime, BeforeValidator(_iso_datetime)]


class ExpectedLabels(BaseModel):
    """The labels a correct classifier gives one story, and the incident it belongs to (every key required)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event_type: EventType
    attack_type: AttackType | None
    group: Group
    claimed: StrictBool
    province: Province | None
    district: Text | None
    killed: Count | None
    injured: Count | None
    militants_killed: Count | None
    incident: Text | None

    @field_validator("attack_type")
    @classmethod
    def _attack_type_only_for_attacks(cls, value: AttackType | None, info: ValidationInfo) -> AttackType | None:
        event_type = info.data.get("event_type")
        if event_type is not None and (event_type is EventType.ATTACK) != (value is not None):
            raise ValueError("must be set for attacks and only for attacks")
        return value

    @field_validator("incident")
    @classmethod
    def _incident_unless_other(cls, value: str | None, info: ValidationInfo) -> str | None:
        event_type = info.data.get("event_type")
        if event_type is not None and (event_type is EventType.OTHER) != (value is None):
            raise ValueError("must be null for 'other' stories and set otherwise")
        return value


class StoryEntry(BaseModel):
    """One story as stories.yaml writes it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Slug
    publisher: Publisher
    published: Published
    title: Text
    author: Text | None = None
    section: Text | None = None  # the desk it is filed under; each publisher has a default
    paragraphs: Annotated[tuple[Paragraph, ...], Field(min_length=1)]
    expected: ExpectedLabels


class DemoStory(StoryEntry):
    """One article of the demo site: its text, where its publisher serves it, and its expected labels."""

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
        return self.model_copy(update={"url": base_url.rstrip("/") + self.path})


def default_stories_path() -> Path:
    """The stories.yaml shipped inside this package."""
    return Path(str(resources.files("khabar.demo").joinpath("stories.yaml")))


def load_stories(path: Path | None = None) -> list[DemoStory]:
    """Parse and validate stories, oldest first; raise StoryDataError with a one-line reason on the first problem."""
    source = path or default_stories_path()
    entries: list[StoryEntry] = []
    seen: set[str] = set()
    for index, item in enumerate(_read_story_list(source), start=1):
        entry = _validate(item, index, source)
        if entry.id in seen:
            raise StoryDataError(f"{source}: story {entry.id!r}: duplicate id")
        seen.add(entry.id)
        entries.append(entry)
    paths = _assign_paths(entries)
    return [
        DemoStory(**dict(entry), path=paths[entry.id]) for entry in sorted(entries, key=lambda s: (s.published, s.id))
    ]


def _read_story_list(source: Path) -> list[Any]:
    try:
        doc = yamlfile.safe_load(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoryDataError(f"stories file not found: {source}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryDataError(f"cannot read stories file {source}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark is not None else ""
        raise StoryDataError(f"stories file {source} is not valid YAML{line}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("stories"), list):
        raise StoryDataError(f"{source}: expected a mapping with a 'stories' list")
    return list(doc["stories"])


def _validate(item: Any, index: int, source: Path) -> StoryEntry:
    where = f"{source}: story #{index}"
    if not isinstance(item, dict):
        raise StoryDataError(f"{where}: expected a mapping")
    if isinstance(item.get("id"), str):
        where = f"{source}: story {item['id']!r}"
    try:
        return StoryEntry.model_validate(item)
    except ValidationError as exc:
        raise StoryDataError(f"{where}: {_problem(exc)}") from None


# What a failed check means for someone editing stories.yaml, by the field's name.
_FIELD_HINTS = {
    "id": "must be a lower-case slug (a-z, 0-9 and hyphens)",
    "published": "must be an ISO datetime with a UTC offset",
    "paragraphs": "must be a list of non-empty strings",
    "expected": "must be a mapping of labels",
    "claimed": "must be true or false",
    "killed": "must be a non-negative integer or null",
    "injured": "must be a non-negative integer or null",
    "militants_killed": "must be a non-negative integer or null",
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    """('expected', 'killed') -> expected.killed; ('paragraphs', 2) -> paragraphs #3, counted from 1 like stories."""
    name = ""
    for part in loc:
        name += f" #{part + 1}" if isinstance(part, int) else f".{part}" if name else part
    return name


def _shown(value: object, limit: int = 80) -> str:
    """The offending value as the file's author wrote it (YAML parses bare timestamps), cut to one short line."""
    text = repr(str(value) if isinstance(value, datetime) else value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _problem(error: ValidationError) -> str:
    """The first problem of a story, naming the field in the file's own terms."""
    errors = error.errors()
    unknown = [f"'{_field_name(e['loc'])}'" for e in errors if e["type"] == "extra_forbidden"]
    if unknown:
        return f"unknown key(s) {', '.join(unknown)}"
    first = errors[0]
    field = _field_name(first["loc"])
    if first["type"] == "missing":
        return f"'{field}' is missing"
    if first["type"] == "value_error":
        return f"'{field}' {str(first['msg']).removeprefix('Value error, ')}"
    if first["type"] in ("enum", "literal_error"):
        return f"'{field}' must be {first.get('ctx', {}).get('expected')}, got {_shown(first['input'])}"
    last = first["loc"][-1]
    hint = "must be a non-empty string" if isinstance(last, int) else _FIELD_HINTS.get(str(last))
    return f"'{field}' {hint or 'must be a non-empty string'}, got {_shown(first['input'])}"


def _assign_paths(stories: list[StoryEntry]) -> dict[str, str]:
    """Each publisher's URL scheme; Frontier Herald numbers follow publication order, so they are stable."""
    paths: dict[str, str] = {}
    herald = sorted((s for s in stories if s.publisher == "frontier-herald"), key=lambda s: (s.published, s.id))
    for offset, story in enumerate(herald):
        paths[story.id] = f"/news/{FRONTIER_HERALD_FIRST_NUMBER + offset}/{story.id}"
    for story in stories:
        if story.publisher == "quetta-times":
            paths[story.id] = f"/story/{story.id}.html"
        elif story.publisher == "indus-wire":
            paths[story.id] = f"/wire/{story.published:%Y}/{story.published:%m}/{story.id}"
    return paths
