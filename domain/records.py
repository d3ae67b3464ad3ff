"""Records passed between the stages of a run: an article, its labels, an incident."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

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


# The labelled fields of the taxonomy, in the order every output and benchmark uses.
LABEL_FIELDS = (
    "event_type", "attack_type", "group", "claimed", "province", "district", "killed", "injured", "militants_killed",
)  # fmt: skip


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
    # The extractors' own strength of evidence for group, claim, place and figures, before calibration (a
    # district taken only from a wire's dateline is 0.3): incident resolution reads it to tell a guess from a
    # stated fact, which the calibrated confidence, a probability of being right, does not separate. Stored,
    # not part of the labels' JSON.
    evidence: dict[str, float] = field(default_factory=dict, compare=False)
    # The encoder's unit-length embedding of the report (None from the keyword baseline): incident
    # resolution compares reports by it. Not part of the labels' JSON.
    embedding: Any = field(default=None, compare=False, repr=False)

    def as_json(self) -> dict[str, Any]:
        """The labels as `khabar classify` writes them: taxonomy strings, per-field confidence, P(attack)."""
        return {
            "event_type": self.event_type.value,
            "attack_type": self.attack_type.value if self.attack_type else None,
            "group": self.group.value,
            "claimed": self.claimed,
            "province": self.province.value if self.province else None,
            "district": self.district,
            "killed": self.killed,
            "injured": self.injured,
            "militants_killed": self.militants_killed,
            "confidence": self.confidence,
            "p_attack": self.p_attack,
            "rejected_figures": list(self.rejected_figures),
            "model_version": self.model_version,
        }

    @property
    def overall_confidence(self) -> float:
        """The confidence of the decision that matters most: is this an attack, and of what type."""
        keys = ("event_type", "attack_type") if self.attack_type else ("event_type",)
        values = [self.confidence[k] for k in keys if k in self.confidence]
        return min(values) if values else 0.0
