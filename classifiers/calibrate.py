"""Fit the Platt maps of `calibration.json` on the real-reporting development pages: `python -m classifiers.calibrate`.

Reads the pages' texts as we retold them (`var/real/retold.jsonl`, gitignored; bench/real/README.md), or with
`--cache var/real/cache.jsonl` the real copy; without the texts the committed maps stay as they are.
Only the development splits are read, `dev` and `extra` (`--splits`): the `test` split measures the result. The
rules are tuned on both, the dev pages for longest, so a map fitted on dev alone promises on new copy what the
rules only do on copy they were tuned on (the killed map: dev ECE 0.03, test 0.13); the extra pages, fewer of them
read while tuning, pull the maps towards what new copy gets. Each field's map is fitted
on the reports where that field's stated confidence applies: the event type on every page, P(attack)
against "the page reports an attack" on every page, the attack type on predicted attacks, and group,
claim, place and figures on predicted incidents (outside an incident those fields share the event type's
confidence).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from classifiers.calibration import FIELDS, IDENTITY, Calibration, expected_calibration_error, fit_platt
from classifiers.event_model import CALIBRATION_FILE, METADATA_FILE, MODEL_DIR, EventModel
from domain.text import split_headline

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGES = REPO_ROOT / "bench" / "real" / "pages.jsonl"
CACHE = REPO_ROOT / "var" / "real" / "retold.jsonl"
RULE_FIELDS = ("group", "claimed", "province", "district", "killed", "injured", "militants_killed")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def observations(
    labels: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]
) -> dict[str, tuple[list[float], list[bool]]]:
    """Per field: the raw confidences the classifier stated and whether each was right."""
    out: dict[str, tuple[list[float], list[bool]]] = {name: ([], []) for name in FIELDS}

    def note(name: str, raw: float, hit: bool) -> None:
        out[name][0].append(float(raw))
        out[name][1].append(bool(hit))

    for pred, g in zip(labels, gold, strict=True):
        conf = pred["confidence"]
        note("event_type", conf["event_type"], pred["event_type"] == g["event_type"])
        note("p_attack", pred["p_attack"], g["event_type"] == "attack")
        if pred["attack_type"] is not None:
            note("attack_type", conf["attack_type"], pred["attack_type"] == g["attack_type"])
        if pred["event_type"] != "other":
            for name in RULE_FIELDS:
                note(name, conf[name], pred[name] == g[name])
    return out


def _title_and_text(row: dict[str, Any]) -> tuple[str, str]:
    """A cached page's title and text; a retelling (no title) gives its headline line as the title."""
    if row.get("title") is None:
        return split_headline(row.get("text") or "")
    return row["title"] or "", row.get("text") or ""


def _fit(raw: list[float], hits: list[bool]) -> tuple[float, float] | None:
    """The Platt map of one field, or None with too few or one-sided examples."""
    if len(raw) < 20 or all(hits) or not any(hits):
        return None
    return fit_platt(raw, hits)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model-dir", type=Path, default=MODEL_DIR)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--splits", default="dev,extra", help="the development splits to fit on (never test)")
    args = parser.parse_args(argv)
    splits = set(args.splits.split(","))
    if "test" in splits or not splits <= {"dev", "extra"}:
        parser.error("--splits: dev and/or extra (the test split only measures)")
    if not args.cache.exists():
        print(f"no text cache at {args.cache}: calibration.json left as it is")
        return 0
    from classifiers.classify import Classifier

    cache = {row["url"]: row for row in _read_jsonl(args.cache)}
    pages = [p for p in _read_jsonl(PAGES) if p["split"] in splits and p["url"] in cache]
    classifier = Classifier.load(args.model_dir)
    items = [_title_and_text(cache[p["url"]]) for p in pages]
    classifier.event_typer.calibration = IDENTITY  # raw scores in, maps out
    predicted = [x.as_json() for x in classifier.classify(items)]
    seen = observations(predicted, [p["labels"] for p in pages])
    maps = {}
    summary: dict[str, Any] = {}
    for name, (raw, hits) in seen.items():
        fitted = _fit(raw, hits)
        if fitted is None:
            print(f"{name:<17} n={len(raw):<4} left raw (too few or one-sided examples)")
            continue
        maps[name] = fitted
        calibrated = Calibration(maps)
        after = [calibrated(name, p) for p in raw]
        summary[name] = {
            "n": len(raw),
            "ece_raw": round(expected_calibration_error(raw, hits), 4),
            "ece_fitted": round(expected_calibration_error(after, hits), 4),
        }
        print(
            f"{name:<17} n={len(raw):<4} a={maps[name][0]:+.3f} b={maps[name][1]:+.3f}  "
            f"ECE raw {expected_calibration_error(raw, hits):.3f} -> {expected_calibration_error(after, hits):.3f}"
        )
    path = args.model_dir / CALIBRATION_FILE
    path.write_text(json.dumps(Calibration(maps).to_json(), indent=2) + "\n", encoding="utf-8")
    # The version hashes the calibration too; the metadata must name the model as it now loads.
    metadata_path = args.model_dir / METADATA_FILE
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata["version"] = EventModel(args.model_dir).version
    texts = "retold" if args.cache.resolve() == CACHE.resolve() else "real copy"
    names = " and ".join(sorted(splits))
    metadata["calibration"] = {"fitted_on": f"bench/real {names} pages, {texts} ({len(pages)})", "fields": summary}
    metadata_path.write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path} from {len(pages)} {names} pages; model version {metadata['version']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
