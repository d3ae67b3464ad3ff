"""Choose the alert threshold on P(attack) from real reporting: recall of attacks against false alerts.

Usage: python bench/alert_threshold.py [--split dev|test|all] [--write]

The labelled real pages of `bench/real/pages.jsonl` (texts from the gitignored cache, see
bench/real/README.md) are classified with the shipped model. A page raises an alert when the model calls it
an attack and its calibrated P(attack) reaches the threshold; an incident (the pages sharing an `incident`
key) is alerted when any of its pages is. Per threshold: attack incidents alerted (recall) and non-attack
incidents alerted (false alerts: operations, hoaxes, statements, attacks abroad, other stories), with the
page-level figures beside. The threshold is chosen on the dev split for recall first, as subscribers need
every attack: most attack incidents alerted, then fewest false alerts, then the middle of the tied
thresholds; the test split is then scored at that threshold only.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.benchmd import update_section  # noqa: E402
from bench.real_news import DEFAULT_CACHE, RETOLD, classify, load_pages, read_cache  # noqa: E402
from domain.settings import Settings  # noqa: E402

SECTION = "## Alert threshold on real reporting"
DEFAULT = float(Settings.model_fields["alert_min_p_attack"].default)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def alerted(pred: dict[str, Any], threshold: float) -> bool:
    return pred["event_type"] == "attack" and float(pred.get("p_attack", 0.0)) >= threshold


def sweep(pages: Sequence[dict[str, Any]], preds: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    by_incident: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = defaultdict(list)
    for page, pred in zip(pages, preds, strict=True):
        by_incident[page["incident"]].append((page, pred))
    attack_incidents = {k for k, v in by_incident.items() if any(p["labels"]["event_type"] == "attack" for p, _ in v)}
    rows = []
    for t in THRESHOLDS:
        hit = {k for k, v in by_incident.items() if any(alerted(pred, t) for _, pred in v)}
        attack_pages = [(p, pr) for p, pr in zip(pages, preds, strict=True) if p["labels"]["event_type"] == "attack"]
        other_pages = [(p, pr) for p, pr in zip(pages, preds, strict=True) if p["labels"]["event_type"] != "attack"]
        rows.append(
            {
                "threshold": t,
                "incidents_alerted": len(hit & attack_incidents),
                "attack_incidents": len(attack_incidents),
                "false_incidents": sorted(hit - attack_incidents),
                "pages_alerted": sum(alerted(pr, t) for _, pr in attack_pages),
                "attack_pages": len(attack_pages),
                "false_pages": sum(alerted(pr, t) for _, pr in other_pages),
                "other_pages": len(other_pages),
            }
        )
    return rows


def choose(rows: Sequence[dict[str, Any]]) -> float:
    """Most attacks alerted, then fewest false alerts; of the thresholds tied on both, the middle one (the
    choice least sensitive to a small shift of the calibration; of two middles, the higher)."""
    most = max(r["incidents_alerted"] for r in rows)
    complete = [r for r in rows if r["incidents_alerted"] == most]
    fewest = min(len(r["false_incidents"]) for r in complete)
    tied = [r for r in complete if len(r["false_incidents"]) == fewest]
    return float(tied[len(tied) // 2]["threshold"])


def table(rows: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| P(attack) ≥ | attack incidents alerted | non-attack incidents alerted | attack pages | non-attack pages |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['threshold']:.1f} | {r['incidents_alerted']}/{r['attack_incidents']} | {len(r['false_incidents'])} "
            f"| {r['pages_alerted']}/{r['attack_pages']} | {r['false_pages']}/{r['other_pages']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all", "extra"), default="dev")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--retold", action="store_true", help="the pages' texts as retold (var/real/retold.jsonl)")
    parser.add_argument("--write", action="store_true", help="update the section in BENCHMARKS.md (dev and test)")
    args = parser.parse_args(argv)
    if args.retold:
        args.cache = RETOLD
    section_title = SECTION + (", retold" if args.retold else "")
    if not args.cache.exists():
        print(f"no cache at {args.cache}: see bench/real/README.md")
        return 2
    cache = read_cache(args.cache)
    out = [section_title, ""]
    splits: tuple[str, ...] = (args.split,)
    if args.write:
        splits = ("dev", "extra", "test") if args.retold else ("dev", "test")
    chosen: float | None = None
    model_version = "?"
    for split in splits:
        wanted = load_pages(split)
        pages = [p for p in wanted if p["url"] in cache]
        predicted = classify(pages, cache)
        model_version = str(predicted[0].get("model_version", "?")) if predicted else "?"
        rows = sweep(pages, predicted)
        if split == "dev" or chosen is None:
            chosen = choose(rows)
        kinds = defaultdict(int)
        for p in pages:
            kinds[p["labels"]["event_type"]] += 1
        out += [
            f"### {split}: {len(pages)} pages with cached text of {len(wanted)} "
            f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})",
            "",
            table(rows if split == "dev" else [r for r in rows if r["threshold"] == chosen]),
            "",
        ]
        for r in rows:
            if r["threshold"] == chosen and r["false_incidents"]:
                out.append(f"False alerts at {chosen:.1f}: {', '.join(r['false_incidents'])}")
                out.append("")
    out += [
        f"Chosen on dev: P(attack) ≥ {chosen:.1f} (most attack incidents alerted, then fewest false alerts, then the "
        f"middle of the tied thresholds); the default of `KHABAR_ALERT_MIN_P_ATTACK` is {DEFAULT:.1f}"
        + ("." if abs(chosen - DEFAULT) < 1e-9 else " — NOT the chosen one."),
        f"- command: `python bench/alert_threshold.py{' --retold' if args.retold else ''} --write`; date "
        f"{date.today().isoformat()}; model `{model_version}`; pages without text are skipped (bench/real/README.md)",
        "",
    ]
    section = "\n".join(out)
    print(section)
    if args.write:
        update_section(REPO_ROOT / "BENCHMARKS.md", section_title, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
