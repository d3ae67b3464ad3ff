"""Colours and key selection shared by the charts (report SVG and --plot images)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

OTHER = "other"
# Tableau 10: distinct, colour-blind-friendlier than the defaults, readable on white.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip
OTHER_COLOUR = "#c7c7c7"
UNKNOWN_COLOUR = "#8c8c8c"


def top_keys(weights: Mapping[str, float], limit: int) -> list[str]:
    """The keys to draw: all when they fit, else the `limit - 1` heaviest and OTHER (alphabetical, OTHER last)."""
    keys = sorted(k for k in weights)
    if len(keys) <= limit:
        return keys
    heaviest = sorted(keys, key=lambda k: (-weights[k], k))[: limit - 1]
    return [*sorted(heaviest), OTHER]


def colours_for(keys: Sequence[str]) -> dict[str, str]:
    """A colour per key, in order; 'unknown' and OTHER get greys so real categories stand out."""
    colours: dict[str, str] = {}
    free = iter(PALETTE)
    for key in keys:
        if key == OTHER:
            colours[key] = OTHER_COLOUR
        elif key in ("unknown", "none"):
            colours[key] = UNKNOWN_COLOUR
        else:
            colours[key] = next(free, OTHER_COLOUR)
    return colours
