"""Write the retellings of the labelled real pages again (bench/real/README.md, "Retold pages").

Usage:
    python bench/retold.py split [--parts N]   # var/real/parts/<split>_<k>.in.jsonl: url, outlet, date, kind, labels
    python bench/retold.py assemble             # var/real/parts/*.jsonl -> var/real/retold.jsonl, pages' order

`split` cuts each split of `bench/real/pages.jsonl` into N briefs' worth of pages (no text: the URLs and
labels only). Whoever retells a part (helper sessions, by the brief in bench/real/README.md) writes one
`{url, text}` line per page it found to `var/real/parts/<split>_<k>.jsonl`. `assemble` joins every such part
into `var/real/retold.jsonl` in the order of `pages.jsonl`, keeps the first text of a URL, and counts what it
skipped: a line that is not JSON, a URL that is not a labelled page, an empty text. Everything stays in the
gitignored `var/`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.real_news import PAGES, RETOLD, read_jsonl  # noqa: E402

PARTS = RETOLD.parent / "parts"
SPLITS = ("dev", "extra", "test")
BRIEF_FIELDS = ("url", "outlet", "published", "kind", "labels")


def _pages() -> list[dict[str, Any]]:
    return read_jsonl(PAGES)


def split(parts: int, out: Path = PARTS) -> dict[str, int]:
    """Write the briefs' page lists; returns how many pages went to each file."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    pages = _pages()
    for name in SPLITS:
        rows = [p for p in pages if p["split"] == name]
        size = -(-len(rows) // parts)
        for k in range(parts):
            chunk = rows[k * size : (k + 1) * size]
            path = out / f"{name}_{k}.in.jsonl"
            path.write_text("".join(json.dumps({f: p[f] for f in BRIEF_FIELDS}) + "\n" for p in chunk), "utf-8")
            written[path.name] = len(chunk)
    return written


def assemble(parts: Path = PARTS, out: Path = RETOLD) -> tuple[int, dict[str, int]]:
    """Join the written parts into the retellings file; returns (pages written, skipped lines by reason)."""
    order = [p["url"] for p in _pages()]
    known = set(order)
    texts: dict[str, str] = {}
    skipped = {"not JSON": 0, "not a labelled page": 0, "no text": 0}
    for path in sorted(parts.glob("*.jsonl")):
        if path.name.endswith(".in.jsonl"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                skipped["not JSON"] += 1
                continue
            url, text = row.get("url"), row.get("text")
            if url not in known:
                skipped["not a labelled page"] += 1
            elif not isinstance(text, str) or not text.strip():
                skipped["no text"] += 1
            else:
                texts.setdefault(url, text)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps({"url": u, "text": texts[u]}) + "\n" for u in order if u in texts), "utf-8")
    return len(texts), skipped


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    cut = sub.add_parser("split", help="write the page lists for the briefs")
    cut.add_argument("--parts", type=int, default=4)
    sub.add_parser("assemble", help="join the written parts into var/real/retold.jsonl")
    args = parser.parse_args(argv)
    if args.command == "split":
        if args.parts < 1:
            parser.error("--parts must be at least 1")
        for name, n in split(args.parts).items():
            print(f"{PARTS.relative_to(REPO_ROOT) / name}: {n} pages")
        return 0
    n, skipped = assemble()
    print(f"{RETOLD.relative_to(REPO_ROOT)}: {n} pages; skipped " + ", ".join(f"{v} {k}" for k, v in skipped.items()))
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
