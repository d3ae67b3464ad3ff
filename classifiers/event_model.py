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
from classifiers import features as feat
from classifiers.calibration import Calibration
from domain.taxonomy import AttackType, EventType
from models import model_path

MODEL_DIR = model_path()
ENCODER_FILE = "encoder-int8.onnx"
HEADS_FILE = "heads.npz"
LABELS_FILE = "labels.json"
METADATA_FILE = "metadata.json"
CALIBRATION_FILE = "calibration.json"
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
    # The event head's probability that the report describes an attack of any type (raw, uncalibrated).
    p_attack: float = 0.0


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
        config = metadata.get("config", {})
        # Inference must cut texts where training did, so the window length travels with the artifacts.
        max_tokens = int(config.get("max_tokens", enc.MAX_TOKENS))
        # Heads fitted with cue/fact features read them after the embedding, scaled as in training.
        self.feature_scale = float(config.get("feature_scale", 0.0))
        self.uses_features = self.feature_scale > 0
        if self.uses_features and (
            config.get("event_features") != feat.event_feature_names()
            or config.get("attack_features") != feat.attack_feature_names()
            or config.get("cues_sha256", feat.cues_sha256()) != feat.cues_sha256()
        ):
            raise ValueError(f"the heads in {model_dir} were fitted on other cue families than rules/cues.yaml")
        # Platt maps for the stated confidences, applied by the classifier (classifiers/calibration.py).
        self.calibration = Calibration.read(model_dir / CALIBRATION_FILE)
        self.encoder = enc.OnnxEncoder(model_dir / ENCODER_FILE, model_dir / TOKENIZER_DIR, max_tokens=max_tokens)
        digest = hashlib.sha256()
        for name in (ENCODER_FILE, HEADS_FILE, LABELS_FILE, CALIBRATION_FILE):
            if (model_dir / name).exists():
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

    def features(
        self, items: Sequence[tuple[str, str]], facts: Sequence[feat.Facts] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The scaled cue/fact features of the event head and of the attack head (empty when unused)."""
        if not self.uses_features:
            return np.zeros((len(items), 0), np.float32), np.zeros((len(items), 0), np.float32)
        if facts is None:
            facts = [feat.read_facts(title or "", text or "") for title, text in items]
        event_x = [feat.event_features(t or "", x or "", f) for (t, x), f in zip(items, facts, strict=True)]
        attack_x = [feat.attack_features(t or "", x or "") for t, x in items]
        scale = np.float32(self.feature_scale)
        return np.vstack(event_x) * scale, np.vstack(attack_x) * scale

    def predict(
        self,
        items: Sequence[tuple[str, str]],
        batch_size: int = 32,
        *,
        embeddings: np.ndarray | None = None,
        facts: Sequence[feat.Facts] | None = None,
    ) -> list[EventPrediction]:
        """Event and attack type per report; `embeddings` and `facts` may be passed when already computed."""
        if not items:
            return []
        x = self.embed(items, batch_size=batch_size) if embeddings is None else embeddings
        event_f, attack_f = self.features(items, facts)
        event_logits = np.hstack([x, event_f]) @ self._event_w.T + self._event_b
        attack_logits = np.hstack([x, attack_f]) @ self._attack_w.T + self._attack_b
        event_p = _softmax(event_logits)
        attack_p = _softmax(attack_logits)
        attack_index = self.event_labels.index(EventType.ATTACK.value)
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
            out.append(
                EventPrediction(
                    event_type, float(ep[e]), attack_type, attack_confidence, probabilities, float(ep[attack_index])
                )
            )
        return out


@functools.lru_cache(maxsize=4)
def _load(model_dir: Path) -> EventModel:
    return EventModel(model_dir)
