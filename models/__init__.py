"""The trained models khabar ships: one folder per model (weights, tokenizer, label maps, metadata, card).

Only data lives here; the code that trains and runs the models is in `classifiers/`.
"""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
# The model the classifier loads unless KHABAR_MODEL_DIR names another folder.
DEFAULT_MODEL = "event-minilm"


def model_path(name: str = DEFAULT_MODEL) -> Path:
    """The folder of a shipped model."""
    return MODELS_DIR / name
