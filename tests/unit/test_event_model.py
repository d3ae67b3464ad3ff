"""The shipped event/attack model: loads, meets fixed bars on a test slice, copes with odd input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from classifiers.data.corpus import corpus_sha256, load_split
from classifiers.evaluate import evaluate_rows
from classifiers.event_model import METADATA_FILE, MODEL_DIR, EventModel, EventPrediction
from domain.taxonomy import AttackType, EventType

DATA = Path(__file__).resolve().parents[2] / "classifiers" / "data"

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "encoder-int8.onnx").exists(), reason="model artifacts not built")


@pytest.fixture(scope="module")
def model() -> EventModel:
    return EventModel.load()


@pytest.fixture(scope="module")
def test_slice() -> list[dict[str, Any]]:
    rows = load_split("test")
    # Every third report: a fixed, spread-out slice that includes some hand-written ones.
    return rows[::3][:100]


def _check(p: EventPrediction) -> None:
    assert isinstance(p.event_type, EventType)
    assert 0.0 <= p.event_confidence <= 1.0
    assert (p.attack_type is not None) == (p.event_type is EventType.ATTACK)
    if p.attack_type is not None:
        assert isinstance(p.attack_type, AttackType)
        assert 0.0 < p.attack_confidence <= 1.0
    else:
        assert p.attack_confidence == 0.0
    assert abs(sum(p.probabilities[e.value] for e in EventType) - 1.0) < 1e-4
    assert abs(sum(p.probabilities[a.value] for a in AttackType) - 1.0) < 1e-4


def test_loads_once_with_version(model: EventModel) -> None:
    assert EventModel.load() is model
    assert model.version.startswith("minilm-heads-") and len(model.version) > len("minilm-heads-")
    metadata = json.loads((MODEL_DIR / METADATA_FILE).read_text())
    assert metadata["version"] == model.version
    train_hash = corpus_sha256(load_split("train"))
    assert metadata["data"]["train_sha256"] == train_hash, "artifacts were trained on another training split"


def test_artifacts_fit_the_size_budget() -> None:
    total = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert total <= 30 * 1024 * 1024


def test_beats_fixed_bars_on_a_test_slice(model: EventModel, test_slice: list[dict[str, Any]]) -> None:
    report = evaluate_rows(model, test_slice)
    assert report.event_accuracy >= 0.90, report.summary()
    assert report.attack_macro_f1 >= 0.75, report.summary()


def test_odd_inputs_get_labels(model: EventModel) -> None:
    huge = "Militants attacked a police post in Bannu. " * 25_000  # about 1 MB
    items = [
        ("", ""),
        ("   ", "\n\t"),
        ("پشاور میں دھماکہ", "پولیس کے مطابق دھماکے میں تین افراد جاں بحق ہو گئے۔"),
        ("Anschlag in Quetta", "Bei einem Anschlag wurden mehrere Menschen getötet."),
        ("Blast in Bannu", huge),
        ("\x00\ufffd", "\u200b" * 10),
    ]
    preds = model.predict(items)
    assert len(preds) == len(items)
    for p in preds:
        _check(p)
    assert model.predict([]) == []


def test_predictions_are_deterministic_and_batch_independent(
    model: EventModel, test_slice: list[dict[str, Any]]
) -> None:
    items = [(r["title"], r["text"]) for r in test_slice[:24]]
    first = model.predict(items, batch_size=8)
    again = model.predict(items, batch_size=8)
    assert first == again
    # Each text is encoded on its own, so its labels cannot depend on its batch-mates.
    assert model.predict(items, batch_size=1) == first
    assert model.predict(items[::-1], batch_size=5) == first[::-1]


def test_embeddings_are_normalised(model: EventModel) -> None:
    items = [
        ("Suicide blast kills 12 in Quetta", "A suicide bomber struck a police van in Quetta."),
        ("Bomber kills 12 in Quetta", "Twelve people died when a bomber hit a police vehicle in Quetta."),
        ("Pakistan win by six wickets", "The pace attack bowled the visitors out for 140."),
    ]
    x = model.embed(items)
    assert x.shape == (3, 384) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-3)
    # Two reports of the same attack sit closer than a cricket report.
    assert float(x[0] @ x[1]) > float(x[0] @ x[2])


def test_fast_tokenizer_matches_the_transformers_tokenizer() -> None:
    from classifiers.encoder import FastTokenizer, join_title_text, load_tokenizer
    from classifiers.event_model import MODEL_DIR, TOKENIZER_DIR

    rows = load_split("test")[:40]
    texts = [join_title_text(r["title"], r["text"]) for r in rows] + ["", "کوئٹہ میں دھماکہ", "x " * 5000]
    reference = load_tokenizer(MODEL_DIR / TOKENIZER_DIR)(texts, truncation=True, max_length=128)["input_ids"]
    assert FastTokenizer(MODEL_DIR / TOKENIZER_DIR, 128).ids(texts) == reference
