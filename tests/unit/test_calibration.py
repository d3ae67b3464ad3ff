"""Platt calibration of the stated confidences, and P(attack) on every label."""

from __future__ import annotations

import json

import pytest

from classifiers.calibration import FIELDS, Calibration, expected_calibration_error, fit_platt, logit, sigmoid
from classifiers.event_model import CALIBRATION_FILE, MODEL_DIR


def test_identity_and_round_trip() -> None:
    assert Calibration()("event_type", 0.73) == 0.73
    cal = Calibration({"event_type": (1.2, -0.3)})
    assert cal("event_type", 0.73) == pytest.approx(sigmoid(1.2 * logit(0.73) - 0.3))
    assert Calibration.from_json(cal.to_json()).maps == cal.maps


def test_bad_entries_are_refused() -> None:
    with pytest.raises(ValueError):
        Calibration.from_json({"platt": {"not_a_field": [1.0, 0.0]}})
    with pytest.raises(ValueError):
        Calibration.from_json({"platt": {"group": [1.0]}})


def test_fit_platt_pulls_overconfident_scores_down() -> None:
    raw = [0.95] * 40 + [0.6] * 40
    hits = [True] * 28 + [False] * 12 + [True] * 24 + [False] * 16  # 70% and 60% right
    a, b = fit_platt(raw, hits)
    cal = Calibration({"x": (a, b)})
    assert expected_calibration_error([cal("x", p) for p in raw], hits) < expected_calibration_error(raw, hits)


def test_a_falling_map_becomes_the_base_rate() -> None:
    a, b = fit_platt([0.9] * 10 + [0.2] * 10, [False] * 10 + [True] * 10)
    assert a == 0.0 and 0.4 < sigmoid(b) < 0.6


def test_shipped_calibration_names_known_fields() -> None:
    path = MODEL_DIR / CALIBRATION_FILE
    if not path.exists():
        pytest.skip("no calibration shipped")
    data = json.loads(path.read_text())
    assert set(data["platt"]) <= set(FIELDS)
    assert {"event_type", "p_attack"} <= set(data["platt"])
