"""The Vraagbaak anonymity guard on pathological input: its cost must stay linear in the text length.

Times, in one run, an ordinary 10,000-character Dutch text (the corpus texts of
benchmarks/data/vraagbaak_guard*.json, one paragraph each) as the baseline, and 10,000-character runs
of one unit (digits, one letter, "1 ", "Jan ", different capitalised words, full stops, "@", "a.", "Jan-",
"06-", ...; see kansrijk/vraagbaak/tests/pathological.py). Prints each time and its ratio to the
baseline; exits 1 when any ratio exceeds 10. Needs no database. Called by `make bench`.

Usage: python benchmarks/vraagbaak_guard_pathological.py [--size N] [--max-ratio R] [--exclude NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import percentile, timed  # type: ignore[import-not-found]  # benchmarks/measure.py

REPO = Path(__file__).resolve().parents[1]
CORPORA = sorted((REPO / "benchmarks" / "data").glob("vraagbaak_guard*.json"))
MAX_RATIO = 10.0


def corpus_texts(exclude: tuple[str, ...] = ()) -> list[str]:
    texts: list[str] = []
    for path in CORPORA:
        if path.name in exclude or path.stem in exclude:
            continue  # e.g. an unseen test set that must stay unread while the guard is tuned
        corpus = json.loads(path.read_text(encoding="utf-8"))
        items = corpus["planted"] + corpus["clean"] if "planted" in corpus else corpus.get("cases", [])
        texts.extend(item["text"] for item in items)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="Characters per input (default 10,000).")
    parser.add_argument("--max-ratio", type=float, default=MAX_RATIO, help="Fail above this ratio to the baseline.")
    parser.add_argument(
        "--exclude", nargs="*", default=[], help="Corpus files (name or stem) not to read, e.g. an unseen test set."
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")

    from kansrijk.vraagbaak import anonymity
    from kansrijk.vraagbaak.tests.pathological import UNITS, ordinary, pathological

    anonymity.warm()
    base_text = ordinary(corpus_texts(tuple(args.exclude)), args.size)
    anonymity.check(base_text)  # compiles the patterns and fills the word caches
    base = percentile(timed(lambda: anonymity.check(base_text), repeat=5), 50)
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cpu, Python {platform.python_version()}"
    print("== Vraagbaak anonymity guard, pathological input ==")
    print(f"machine: {machine}")
    print(f"baseline: ordinary Dutch text, {len(base_text):,} chars: {base * 1000:.0f} ms (median of 5)")
    worst = 0.0
    for name in UNITS:
        text = pathological(name, args.size)
        seconds = min(timed(lambda text=text: anonymity.check(text), repeat=2))
        ratio = seconds / base
        worst = max(worst, ratio)
        flag = "" if ratio <= args.max_ratio else f"  <-- above {args.max_ratio:g}x"
        print(f"  {name:<30} {len(text):>6,} chars {seconds * 1000:>8.0f} ms {ratio:>6.1f}x{flag}")
    verdict = "meets" if worst <= args.max_ratio else "misses"
    print(f"worst ratio to the baseline: {worst:.1f}x (target <= {args.max_ratio:g}x: {verdict})")
    if worst > args.max_ratio:
        sys.exit(1)


if __name__ == "__main__":
    main()
