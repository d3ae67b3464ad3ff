"""Calibrated confidences: one Platt map per field, fitted on development reports, applied at labelling.

Every confidence the classifier states (event type, attack type, P(attack), group, claim, province,
district and the three figures) starts as a raw score — a softmax probability of a head fitted on
generated text, or a rule's share of evidence — that is not a probability on real copy. A Platt map
`sigmoid(a * logit(raw) + b)` per field turns it into one: `a` and `b` are fitted by
`python -m classifiers.calibrate` on the development pages of the real-reporting set and stored in the
model folder (`calibration.json`); a field without a map keeps its raw score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EPS = 1e-4
FIELDS = (
    "event_type",
    "attack_type",
    "p_attack",
    "group",
    "claimed",
    "province",
    "district",
    "killed",
    "injured",
    "militants_killed",
)


def logit(p: float) -> float:
    p = min(1.0 - EPS, max(EPS, p))
    return math.log(p / (1.0 - p))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Calibration:
    """Platt maps by field name: (a, b) with calibrated = sigmoid(a * logit(raw) + b)."""

    maps: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def __call__(self, name: str, raw: float) -> float:
        ab = self.maps.get(name)
        if ab is None:
            return raw
        return sigmoid(ab[0] * logit(raw) + ab[1])

    def to_json(self) -> dict[str, Any]:
        return {"platt": {k: [round(a, 6), round(b, 6)] for k, (a, b) in sorted(self.maps.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Calibration:
        platt = data.get("platt", {})
        if not isinstance(platt, Mapping):
            raise ValueError("calibration: 'platt' must map field names to [a, b]")
        maps = {}
        for name, ab in platt.items():
            if name not in FIELDS or not isinstance(ab, list) or len(ab) != 2:
                raise ValueError(f"calibration: bad entry {name!r}: {ab!r}")
            maps[str(name)] = (float(ab[0]), float(ab[1]))
        return cls(maps)

    @classmethod
    def read(cls, path: Path) -> Calibration:
        """The maps stored at `path`; none (raw scores) when the file does not exist."""
        if not path.exists():
            return cls()
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


IDENTITY = Calibration()


def fit_platt(raw: Sequence[float], hits: Sequence[bool], l2: float = 0.01) -> tuple[float, float]:
    """(a, b) minimising the log-loss of sigmoid(a * logit(raw) + b) against the hits, lightly regularised
    towards the identity map (a = 1, b = 0) so a field with few or one-sided examples stays near its raw score.
    Damped Newton steps: a step is halved until the loss falls (raw scores near 0 or 1 make plain Newton
    overshoot)."""
    xs = [logit(p) for p in raw]
    ys = [1.0 if h else 0.0 for h in hits]
    n = max(1, len(xs))

    def loss(a: float, b: float) -> float:
        total = 0.0
        for x, y in zip(xs, ys, strict=True):
            p = min(1.0 - 1e-12, max(1e-12, sigmoid(a * x + b)))
            total -= y * math.log(p) + (1.0 - y) * math.log(1.0 - p)
        return total / n + 0.5 * l2 * ((a - 1.0) ** 2 + b**2)

    a, b = 1.0, 0.0
    current = loss(a, b)
    for _ in range(200):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in zip(xs, ys, strict=True):
            p = sigmoid(a * x + b)
            r, w = p - y, p * (1.0 - p)
            ga, gb = ga + r * x, gb + r
            haa, hab, hbb = haa + w * x * x, hab + w * x, hbb + w
        ga, gb = ga / n + l2 * (a - 1.0), gb / n + l2 * b
        haa, hab, hbb = haa / n + l2, hab / n, hbb / n + l2
        det = haa * hbb - hab * hab
        if det <= 1e-15:
            break
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        step = 1.0
        while step > 1e-6:
            candidate = loss(a - step * da, b - step * db)
            if candidate <= current:
                break
            step /= 2
        else:
            break
        a, b = a - step * da, b - step * db
        improved = current - candidate
        current = candidate
        if improved < 1e-12:
            break
    if a < 0:
        # A confidence that falls as the raw score rises is noise on a small set: state the field's rate.
        rate = (sum(ys) + 1.0) / (len(ys) + 2.0)
        return 0.0, logit(rate)
    return a, b


def expected_calibration_error(probs: Sequence[float], hits: Sequence[bool], bins: int = 10) -> float:
    """Ten equal-width bins of the stated probability, weighted by their size."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for p, h in zip(probs, hits, strict=True):
        groups[min(int(p * bins), bins - 1)].append((p, h))
    total = max(1, len(probs))
    ece = 0.0
    for members in groups:
        if members:
            mean_p = sum(p for p, _ in members) / len(members)
            rate = sum(h for _, h in members) / len(members)
            ece += len(members) / total * abs(mean_p - rate)
    return ece
