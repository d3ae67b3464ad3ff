"""`khabar classify`: JSONL in, labelled JSONL out, one bad line never spoiling the batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from domain.errors import KhabarError


class InputError(KhabarError, ValueError):
    """The input file as a whole cannot be read."""


@dataclass(slots=True)
class ClassifySummary:
    labelled: int = 0
    model_version: str = ""
    errors: list[str] = field(default_factory=list)


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record, error) for every non-blank line: the record is None when the line is not a
    JSON object, and it comes with an error when it cannot be labelled (so the error can name its id)."""
    try:
        handle = path.open("r", encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise InputError(f"input file not found: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"line {number}: not valid JSON ({exc.msg})"
                continue
            if not isinstance(record, dict):
                yield number, None, f"line {number}: expected a JSON object"
                continue
            if "id" not in record:
                yield number, None, f"line {number}: missing 'id'"
                continue
            title, text = record.get("title") or "", record.get("text") or ""  # null is empty
            if not isinstance(title, str) or not isinstance(text, str):
                yield number, record, f"line {number}: 'title' and 'text' must be strings"
                continue
            yield number, record | {"title": title, "text": text}, None


def classify_jsonl(
    input_path: Path, output_path: Path, *, baseline: bool = False, batch_size: int = 64
) -> ClassifySummary:
    """Label every good line in input order; bad lines become {"line", "id", "error"} records."""
    from classifiers.classify import Classifier
    from domain.settings import get_settings

    if input_path.is_dir():
        raise InputError(f"{input_path} is a directory, not a JSONL file")
    # The model `khabar run` would use (KHABAR_MODEL_DIR), so a candidate model is scored as it would run.
    classifier = Classifier.load(get_settings().model_dir, baseline=baseline)
    summary = ClassifySummary(model_version=classifier.version)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    pending: list[dict[str, Any]] = []

    def flush(out: Any) -> None:
        labels = classifier.classify([(r.get("title", ""), r.get("text", "")) for r in pending])
        for record, label in zip(pending, labels, strict=True):
            out.write(json.dumps(record | label.as_json(), ensure_ascii=False) + "\n")
        summary.labelled += len(pending)
        pending.clear()

    with output_path.open("w", encoding="utf-8") as out:
        for number, record, error in _records(input_path):
            if error is not None:
                summary.errors.append(error)
                flush(out)  # keep output in input order
                out.write(json.dumps({"line": number, "id": (record or {}).get("id"), "error": error}) + "\n")
                continue
            assert record is not None
            pending.append(record)
            if len(pending) >= batch_size:
                flush(out)
        if pending:
            flush(out)
    return summary
