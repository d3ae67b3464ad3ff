"""Casualty figures (victims killed, injured, militants killed) read from the wording of a news report.

A small package: `vocabulary.py` reads the grammar's data files (`tokens.yaml`, `phrases.yaml`,
`mentions.yaml`, `combination.yaml`), `reader.py` finds casualty mentions sentence by sentence, and
`combine.py` turns them into one figure per field with a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from classifiers.casualties.combine import bare_attackers, combine, only_attackers, without_attackers
from classifiers.casualties.reader import CLASSES, INJURED, KILLED, MILITANTS, collect
from classifiers.casualties.vocabulary import load_vocabulary

__all__ = ["MAX_PLAUSIBLE_FIGURE", "Casualties", "extract_casualties"]

# No single attack or operation in Pakistan's record comes near this many victims or militants; a larger
# figure is a statistic, a typo or hostile input, and is rejected (counted in `rejected`), not stored.
MAX_PLAUSIBLE_FIGURE = load_vocabulary().max_plausible_figure


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures for one report; None means the report gives no usable number."""

    killed: int | None
    injured: int | None
    militants_killed: int | None
    confidence: dict[str, float]
    # Fields whose figure was beyond MAX_PLAUSIBLE_FIGURE and so set to None.
    rejected: tuple[str, ...] = ()
    # The killed figure may count only the attackers (`combine.only_attackers`): in a report of an operation the
    # classifier reads it as no victims' toll; in an attack report "4 killed" is the victims.
    attackers_only: bool = False


def extract_casualties(title: str, text: str) -> Casualties:
    """Victims killed, injured and militants killed as reported by one article.

    A figure is 0 when the report says explicitly that nobody was killed/hurt and None when it
    gives no usable number (not mentioned, or only "scores"/"dozens").
    """
    mentions = collect(title or "", text or "")
    values: dict[str, int | None] = {}
    confidence: dict[str, float] = {}
    rejected: list[str] = []
    for cls in CLASSES:
        values[cls], confidence[cls] = combine([m for m in mentions if m.cls == cls])
        if (value := values[cls]) is not None and value > MAX_PLAUSIBLE_FIGURE:
            values[cls], confidence[cls] = None, 0.0
            rejected.append(cls)
    killed_mentions = [m for m in mentions if m.cls == KILLED]
    victims = without_attackers(killed_mentions, values[KILLED], values[MILITANTS])
    if victims is None:
        victims = bare_attackers(killed_mentions, values[KILLED], values[MILITANTS])
    if victims is not None:
        values[KILLED] = victims
    return Casualties(
        killed=values[KILLED],
        injured=values[INJURED],
        militants_killed=values[MILITANTS],
        confidence=confidence,
        rejected=tuple(rejected),
        attackers_only=victims is None and only_attackers(killed_mentions, values[KILLED], values[MILITANTS]),
    )
