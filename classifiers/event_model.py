"""Event-type and attack-type classifier: MiniLM (ONNX int8) embeddings and logistic heads."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from classifiers import encoder as enc
from domain.taxonomy import AttackType, EventType
from models import model_path

MODEL_DIR = model_path()
ENCODER_FILE = "encoder-int8.onnx"
HEADS_FILE = "heads.npz"
LABELS_FILE = "labels.json"
METADATA_FILE = "metadata.json"
TOKENIZER_DIR = "tokenizer"
EVENT_LABELS: list[str] = [e.value for e in EventType]
ATTACK_LABELS: list[str] = [a.value for a in AttackType]


@dataclass(frozen=True, slots=True)
class EventPrediction:
    """The event type of one report and, for attacks, the attack type.

    `probabilities` holds the three event-type probabilities under their labels and the attack-type
    probabilities (conditional on the report being an attack) under theirs.
    """

    event_type: EventType
    event_confidence: float
    attack_type: AttackType | None
    attack_confidence: float
    probabilities: dict[str, float]


def _softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


class EventModel:
    """Loads the artifacts once; `predict` and `embed` take (title, text) pairs."""

    def __init__(self, model_dir: Path) -> None:
        labels = json.loads((model_dir / LABELS_FILE).read_text())
        # The artifacts carry their own label order; refuse ones that disagree with the taxonomy.
        if sorted(labels["event_type"]) != sorted(EVENT_LABELS) or sorted(labels["attack_type"]) != sorted(
            ATTACK_LABELS
        ):
            raise ValueError(f"labels in {model_dir / LABELS_FILE} do not match the taxonomy")
        self.event_labels: list[str] = labels["event_type"]
        self.attack_labels: list[str] = labels["attack_type"]
        with np.load(model_dir / HEADS_FILE) as heads:
            self._event_w = heads["event_coef"].astype(np.float32)
            self._event_b = heads["event_intercept"].astype(np.float32)
            self._attack_w = heads["attack_coef"].astype(np.float32)
            self._attack_b = heads["attack_intercept"].astype(np.float32)
        metadata = json.loads((model_dir / METADATA_FILE).read_text())
        # Inference must cut texts where training did, so the window length travels with the artifacts.
        max_tokens = int(metadata.get("config", {}).get("max_tokens", enc.MAX_TOKENS))
        self.encoder = enc.OnnxEncoder(model_dir / ENCODER_FILE, model_dir / TOKENIZER_DIR, max_tokens=max_tokens)
        digest = hashlib.sha256()
        for name in (ENCODER_FILE, HEADS_FILE, LABELS_FILE):
            digest.update((model_dir / name).read_bytes())
        self.version: str = f"minilm-heads-{digest.hexdigest()[:10]}"
        self.model_dir = model_dir

    @classmethod
    def load(cls, model_dir: Path | None = None) -> EventModel:
        """The model in `model_dir` (default: the shipped artifacts), loaded once per process."""
        return _load(Path(model_dir or MODEL_DIR).resolve())

    def embed(self, items: Sequence[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """L2-normalised embeddings, one row per (title, text)."""
        texts = [enc.join_title_text(title or "", text or "") for title, text in items]
        return self.encoder.encode(texts, batch_size=batch_size)

    def predict(self, items: Sequence[tuple[str, str]], batch_size: int = 32) -> list[EventPrediction]:
        if not items:
            return []
        x = self.embed(items, batch_size=batch_size)
        event_p = _softmax(x @ self._event_w.T + self._event_b)
        attack_p = _softmax(x @ self._attack_w.T + self._attack_b)
        out = []
        for ep, ap in zip(event_p, attack_p, strict=True):
            e = int(ep.argmax())
            event_type = EventType(self.event_labels[e])
            probabilities = {label: round(float(p), 6) for label, p in zip(self.event_labels, ep, strict=True)}
            probabilities.update({label: round(float(p), 6) for label, p in zip(self.attack_labels, ap, strict=True)})
            attack_type: AttackType | None = None
            attack_confidence = 0.0
            if event_type is EventType.ATTACK:
                a = int(ap.argmax())
                attack_type = AttackType(self.attack_labels[a])
                attack_confidence = float(ap[a])
            out.append(EventPrediction(event_type, float(ep[e]), attack_type, attack_confidence, probabilities))
        return out


@functools.lru_cache(maxsize=4)
def _load(model_dir: Path) -> EventModel:
    return EventModel(model_dir)
