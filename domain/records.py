"""Records passed between the stages of a run: an article, its labels, an incident."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from domain.taxonomy import AttackType, EventType, Group, Province


@dataclass(slots=True)
class Article:
    """One fetched and extracted news report."""

    url: str
    canonical_url: str
    source: str
    title: str
    text: str
    content_hash: str
    fetched_at: datetime
    published_at: datetime | None = None
    language: str | None = None
    author: str | None = None
    http_status: int | None = None


@dataclass(slots=True)
class ArticleLabels:
    """What the classifier says about one article; every field has a confidence in [0, 1]."""

    event_type: EventType
    attack_type: AttackType | None
    group: Group
    claimed: bool
    province: Province | None
    district: str | None
    killed: int | None
    injured: int | None
    militants_killed: int | None
    model_version: str
    confidence: dict[str, float] = field(default_factory=dict)
    # Calibrated probability that the article reports an attack (any attack type); alerts gate on it.
    # Hoaxes, drills, foiled plots, operations and other stories get a low one.
    p_attack: float = 0.0
    # Figures the text gave but that were beyond any real attack, so not kept (e.g. ("killed",)).
    rejected_figures: tuple[str, ...] = ()

    @property
    def overall_confidence(self) -> float:
        """The confidence of the decision that matters most: is this an attack, and of what type."""
        keys = ("event_type", "attack_type") if self.attack_type else ("event_type",)
        values = [self.confidence[k] for k in keys if k in self.confidence]
        return min(values) if values else 0.0
