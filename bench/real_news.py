"""Score `khabar classify` on hand-labelled real news pages (bench/real/pages.jsonl): accuracy, F1 and calibration."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.benchmd import update_section  # noqa: E402
from domain.text import split_headline  # noqa: E402

try:
    from classifiers.evaluate import per_class
except ImportError:  # the model stack is not importable here: the same formula, written out below
    per_class = None  # type: ignore[assignment]

SECTION = "## Real reporting"  # one section per split: "## Real reporting (dev pages)"
PAGES = REPO_ROOT / "bench" / "real" / "pages.jsonl"
DEFAULT_CACHE = REPO_ROOT / "var" / "real" / "cache.jsonl"
# The same pages retold in our own words (facts, figures, structure and noise kept; no sentence of the page).
# They follow each page paragraph by paragraph, so like the cache they stay out of the repository (gitignored
# var/). See bench/real/README.md, "Retold pages".
RETOLD = REPO_ROOT / "var" / "real" / "retold.jsonl"
ATTACK_TYPES = (
    "suicide_bombing", "bombing", "armed_assault", "targeted_killing", "kidnapping", "hijacking",
    "infrastructure_attack",
)  # fmt: skip
EXACT_FIELDS = ("event_type", "group", "claimed", "province", "district", "killed", "injured", "militants_killed")
TARGETS = {
    "event_type": 0.95,
    "attack_type_macro_f1": 0.85,
    "group": 0.90,
    "province": 0.97,
    "district": 0.90,
    "killed": 0.85,
    "injured": 0.85,
}
BINS = 10
FETCH_BATCH = 20


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    accuracy: dict[str, float]
    attack_macro_f1: float
    attack_macro_f1_present: float  # over the classes with gold pages or predictions in this split
    attack_f1: dict[str, tuple[float, int]]  # class -> (F1, support)
    event_reliability: list[tuple[int, float, float]]  # per bin: (count, mean confidence, accuracy)
    event_ece: float
    attack_reliability: list[tuple[int, float, float]] | None  # P(attack) vs gold attack, if the output has it
    attack_ece: float | None
    field_ece: dict[str, tuple[int, float]]  # every stated confidence: (pages it applies to, ECE)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# The stored-pages corpus the cache was copied from puts its own record of a page's date in front of some
# excerpts (" date 2023-12-03 At least nine people ..."). That is the corpus's metadata, not the page's text:
# no page prints an ISO date before its first line, and the pipeline reads extracted text that has none.
_CORPUS_DATE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


def read_cache(path: Path) -> dict[str, dict[str, Any]]:
    """The cached texts by URL, without the corpus's date stamp. A row without a title (the retellings:
    headline, blank line, body) gives its first line as the title, as a crawler gives a page's headline
    beside its body; left in the body, a headline without a full stop is dropped with the page furniture."""
    cache = {}
    for row in read_jsonl(path):
        text = _CORPUS_DATE.sub("", row.get("text") or "", count=1)
        title = row.get("title")
        if title is None:
            title, text = split_headline(text)
        cache[row["url"]] = {**row, "title": title, "text": text}
    return cache


def load_pages(split: str) -> list[dict[str, Any]]:
    """The labelled pages of one split; "all" is dev and test (`extra` is read only when asked for)."""
    return [p for p in read_jsonl(PAGES) if p["split"] == split or (split == "all" and p["split"] != "extra")]


def classify(pages: Sequence[dict[str, Any]], cache: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Run `khabar classify` on the cached texts of these pages; predictions come back in page order."""
    (REPO_ROOT / "var").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=REPO_ROOT / "var", prefix="real_news_") as tmp:
        in_path, out_path = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with in_path.open("w", encoding="utf-8") as fh:
            for i, page in enumerate(pages):
                got = cache[page["url"]]
                row = {"id": i, "title": got.get("title") or "", "text": got.get("text") or "", "url": page["url"]}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        command = [sys.executable, "-m", "khabar.cli", "classify", "--input", str(in_path), "--output", str(out_path)]
        subprocess.run(command, cwd=REPO_ROOT, check=True)
        by_id = {row["id"]: row for row in read_jsonl(out_path)}
    return [by_id[i] for i in range(len(pages))]


def _per_class_f1(gold: Sequence[str], pred: Sequence[str]) -> dict[str, tuple[float, int]]:
    if per_class is not None:
        return {label: (s.f1, s.support) for label, s in per_class(gold, pred, list(ATTACK_TYPES)).items()}
    out = {}
    for label in ATTACK_TYPES:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        n_pred, n_gold = sum(p == label for p in pred), sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        out[label] = (2 * precision * recall / (precision + recall) if precision + recall else 0.0, n_gold)
    return out


def reliability(probs: Sequence[float], hits: Sequence[bool]) -> tuple[list[tuple[int, float, float]], float]:
    """Ten equal-width bins of the stated probability: (count, mean probability, observed rate) and the ECE."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(BINS)]
    for p, hit in zip(probs, hits, strict=True):
        bins[min(int(p * BINS), BINS - 1)].append((p, hit))
    table, ece = [], 0.0
    for members in bins:
        if not members:
            table.append((0, 0.0, 0.0))
            continue
        mean_p = sum(p for p, _ in members) / len(members)
        rate = sum(hit for _, hit in members) / len(members)
        table.append((len(members), mean_p, rate))
        ece += len(members) / max(1, len(probs)) * abs(mean_p - rate)
    return table, ece


def score(pages: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> Scores:
    gold_rows = [p["labels"] for p in pages]
    accuracy = {
        f: sum(p.get(f) == g[f] for p, g in zip(predicted, gold_rows, strict=True)) / len(pages) for f in EXACT_FIELDS
    }
    # Attack type over the pages that really are attacks; a missed attack counts as `none`, a wrong type.
    attacks = [(g, p) for g, p in zip(gold_rows, predicted, strict=True) if g["event_type"] == "attack"]
    gold_types = [g["attack_type"] for g, _ in attacks]
    pred_types = [p.get("attack_type") or "none" for _, p in attacks]
    classes = _per_class_f1(gold_types, pred_types)
    macro = sum(f1 for f1, _ in classes.values()) / len(classes)
    # The usual macro-F1 leaves out a class that no page has and no page was given (its F1 is undefined, not
    # 0); a class given to a page that is not of it stays in, at 0.
    present = [f1 for label, (f1, support) in classes.items() if support or label in pred_types]
    confidences = [float((p.get("confidence") or {}).get("event_type", 0.0)) for p in predicted]
    hits = [p.get("event_type") == g["event_type"] for p, g in zip(predicted, gold_rows, strict=True)]
    event_table, event_ece = reliability(confidences, hits)
    attack_table = attack_ece = None
    if all("p_attack" in p for p in predicted):
        attack_table, attack_ece = reliability(
            [float(p["p_attack"]) for p in predicted], [g["event_type"] == "attack" for g in gold_rows]
        )
    present_macro = sum(present) / max(1, len(present))
    return Scores(
        len(pages),
        accuracy,
        macro,
        present_macro,
        classes,
        event_table,
        event_ece,
        attack_table,
        attack_ece,
        field_calibration(predicted, gold_rows),
    )


def field_calibration(
    predicted: Sequence[dict[str, Any]], gold: Sequence[dict[str, Any]]
) -> dict[str, tuple[int, float]]:
    """ECE of every stated confidence over the pages where it applies (as `classifiers.calibrate` fits them):
    event type and P(attack) on every page, attack type on predicted attacks, the rest on predicted incidents."""
    seen: dict[str, tuple[list[float], list[bool]]] = {}

    def note(name: str, p: float, hit: bool) -> None:
        probs, hits = seen.setdefault(name, ([], []))
        probs.append(float(p))
        hits.append(bool(hit))

    for pred, g in zip(predicted, gold, strict=True):
        conf = pred.get("confidence") or {}
        note("event_type", conf.get("event_type", 0.0), pred.get("event_type") == g["event_type"])
        if "p_attack" in pred:
            note("p_attack", pred["p_attack"], g["event_type"] == "attack")
        if pred.get("attack_type") is not None:
            note("attack_type", conf.get("attack_type", 0.0), pred.get("attack_type") == g["attack_type"])
        if pred.get("event_type") != "other":
            for name in ("group", "claimed", "province", "district", "killed", "injured", "militants_killed"):
                if name in conf:
                    note(name, conf[name], pred.get(name) == g[name])
    return {name: (len(probs), reliability(probs, hits)[1]) for name, (probs, hits) in seen.items()}


def results_table(s: Scores) -> str:
    lines = ["| field | target | real pages |", "|---|---|---|"]
    rows = [("event_type accuracy", "event_type"), ("attack_type macro-F1", "attack_type_macro_f1")]
    rows += [(f"{f} accuracy", f) for f in EXACT_FIELDS if f != "event_type"]
    for label, key in rows:
        value = s.attack_macro_f1 if key == "attack_type_macro_f1" else s.accuracy[key]
        target = TARGETS.get(key)
        lines.append(f"| {label} | {f'≥ {target:.2f}' if target else '—'} | {value:.3f} |")
        if key == "attack_type_macro_f1":
            lines.append(
                f"| attack_type macro-F1, classes in gold or predicted | — | {s.attack_macro_f1_present:.3f} |"
            )
    return "\n".join(lines)


def reliability_table(title: str, table: Sequence[tuple[int, float, float]], ece: float) -> str:
    lines = [f"{title} (ECE {ece:.3f})", "", "| bin | n | mean confidence | observed |", "|---|---|---|---|"]
    for i, (n, mean_p, rate) in enumerate(table):
        if n:
            lines.append(f"| {i / BINS:.1f}–{(i + 1) / BINS:.1f} | {n} | {mean_p:.3f} | {rate:.3f} |")
    return "\n".join(lines)


def report(s: Scores) -> str:
    parts = [results_table(s), "", "Attack type F1 per class (support = gold attack pages):", ""]
    parts += [f"- {label}: {f1:.2f} ({n})" for label, (f1, n) in s.attack_f1.items()]
    parts += ["", reliability_table("event_type confidence vs correctness", s.event_reliability, s.event_ece)]
    if s.attack_reliability is not None and s.attack_ece is not None:
        parts += ["", reliability_table("P(attack) vs gold attack", s.attack_reliability, s.attack_ece)]
    if s.field_ece:
        parts += ["", "Calibration of every stated confidence (ECE, ten bins):", "", "| confidence | pages | ECE |"]
        parts += ["|---|---|---|"] + [f"| {name} | {n} | {ece:.3f} |" for name, (n, ece) in s.field_ece.items()]
    return "\n".join(parts)


def errors(pages: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> list[str]:
    """One line per wrong field: url, field, gold, predicted."""
    out = []
    for page, pred in zip(pages, predicted, strict=True):
        gold = page["labels"]
        for field in ("event_type", "attack_type", *EXACT_FIELDS[1:]):
            if pred.get(field) != gold[field]:
                out.append(f"{page['url']}\t{field}\tgold={gold[field]!r}\tpred={pred.get(field)!r}")
    return out


def fetch_cache(cache_path: Path) -> int:
    """Rebuild the cache from the live pages with `khabar extract` (a live page may run longer than its excerpt)."""
    urls = [p["url"] for p in read_jsonl(PAGES)]
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with cache_path.open("w", encoding="utf-8") as fh:
        for start in range(0, len(urls), FETCH_BATCH):
            batch = urls[start : start + FETCH_BATCH]
            command = [sys.executable, "-m", "khabar.cli", "extract", *batch]
            done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=False)
            for line in done.stdout.splitlines():
                record = json.loads(line)
                if "error" in record or not record.get("text"):
                    print(f"not fetched: {record.get('input')}: {record.get('error', 'no text')}", file=sys.stderr)
                    continue
                row = {"url": record["input"], "title": record.get("title") or "", "text": record["text"]}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
    print(f"fetched {written} of {len(urls)} pages into {cache_path}")
    return 0


def section_heading(split: str, retold: bool = False) -> str:
    return f"{SECTION}{', retold' if retold else ''} ({split} pages)"


def section_text(s: Scores, split: str, n_missing: int, command: str, version: str, retold: bool = False) -> str:
    outlets = len({p["outlet"] for p in load_pages(split)})
    if retold:
        what = [
            f"Every field of `khabar classify` on our retellings (`var/real/retold.jsonl`) of the **{split}** pages",
            "of `bench/real/pages.jsonl`: each page's facts, figures, order and noise (bylines, captions, related",
            "headlines, background tolls) in our own words, scored against the page's labels; a proxy for the real",
            'copy when its cache is absent (how the two compare: `bench/real/README.md`, "Retold pages").',
        ]
        cached = "retold"
    else:
        what = [
            f"Every field of `khabar classify` on the **{split}** pages of `bench/real/pages.jsonl`: real published",
            "reports (stored beginnings of the pages), labelled by hand under `classifiers/data/README.md`'s guide;",
            "see `bench/real/README.md`.",
        ]
        cached = "cached"
    return "\n".join(
        [
            section_heading(split, retold),
            "",
            *what,
            "Scored exactly like the classification-quality section: exact match over all pages (null = null is",
            "correct); attack_type macro-F1 over gold attacks, a missed attack counting as `none`. Calibration: ten",
            "equal-width bins of the stated probability, ECE weighted by bin size.",
            "",
            f"- command: `{command}`",
            f"- date: {date.today().isoformat()}, model `{version}`",
            f"- pages: {s.n} scored from {outlets} outlets ({n_missing} without {cached} text skipped)",
            "",
            report(s),
            "",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["dev", "test", "all", "extra"])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="JSONL of {url, title, text}")
    parser.add_argument("--errors", action="store_true", help="list every wrong field per page")
    parser.add_argument("--write", action="store_true", help="update the Real reporting section of BENCHMARKS.md")
    parser.add_argument("--fetch", action="store_true", help="rebuild the cache from the live pages")
    parser.add_argument(
        "--retold", action="store_true", help="score our retellings of the pages (var/real/retold.jsonl)"
    )
    args = parser.parse_args(argv)
    if args.fetch:
        return fetch_cache(args.cache)
    if args.retold:
        args.cache = RETOLD
    if not args.cache.exists():
        how = (
            'the retellings are written per machine (bench/real/README.md, "Retold pages")'
            if args.retold
            else "build it with `python bench/real_news.py --fetch` (needs internet)"
        )
        print(f"no texts at {args.cache}: {how}")
        return 0
    cache = read_cache(args.cache)
    wanted = load_pages(args.split)
    pages = [p for p in wanted if p["url"] in cache]
    if not pages:
        print(f"none of the {len(wanted)} {args.split} pages is in {args.cache}")
        return 0
    predicted = classify(pages, cache)
    scores = score(pages, predicted)
    version = str(predicted[0].get("model_version", "?"))
    print(f"{args.split}: {scores.n} pages ({len(wanted) - len(pages)} without cached text), model {version}\n")
    print(report(scores))
    if args.errors:
        print("\n" + "\n".join(errors(pages, predicted)))
    if args.write:
        command = f"python bench/real_news.py --split {args.split}{' --retold' if args.retold else ''} --write"
        text = section_text(scores, args.split, len(wanted) - len(pages), command, version, args.retold)
        update_section(REPO_ROOT / "BENCHMARKS.md", section_heading(args.split, args.retold), text)
        print("updated BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
