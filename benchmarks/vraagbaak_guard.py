"""The Vraagbaak's anonymity guard: recall on planted identifiers, false positives on clean questions,
and time per check. Needs no database. Called by `make bench`.

Corpus: benchmarks/data/vraagbaak_guard.json, realistic Dutch case questions written before the guard
was tuned. "planted" texts carry annotated identifiers (kind, text, offsets); "clean" texts talk about
areas, organisations, ages, countries, professions, months and numbers that identify no one.

- recall: share of planted spans that some finding overlaps (overall and per kind); target >= 0.95
- false-positive rate: share of clean texts with any finding; target <= 10%
- extra findings: findings on planted texts that overlap no planted span (a precision hint)
- time: p50/p95 of one check after warm-up, on the corpus texts and on a 1,000-character text

Usage: python benchmarks/vraagbaak_guard.py [--verbose] [--corpus FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import percentile  # type: ignore[import-not-found]  # benchmarks/measure.py

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "benchmarks" / "data" / "vraagbaak_guard.json"
RECALL_TARGET = 0.95
FPR_TARGET = 0.10
LATENCY_TARGET_MS = 100.0


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def evaluate(corpus: dict[str, Any], verbose: bool = False) -> dict[str, Any]:
    """Recall, per-kind recall, FPR and extra findings of `anonymity.check` on `corpus`."""
    from kansrijk.vraagbaak import anonymity

    found_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    extra = 0
    for item in corpus["planted"]:
        findings = anonymity.check(item["text"])
        for span in item["spans"]:
            total_by_kind[span["kind"]] += 1
            if any(overlaps(f.start, f.end, span["start"], span["end"]) for f in findings):
                found_by_kind[span["kind"]] += 1
            elif verbose:
                print(f"  MISS {item['id']} {span['kind']}: {span['text']!r}")
        for f in findings:
            if not any(overlaps(f.start, f.end, s["start"], s["end"]) for s in item["spans"]):
                extra += 1
                if verbose:
                    print(f"  EXTRA {item['id']} {f.kind}: {f.text!r}")
    flagged = 0
    for item in corpus["clean"]:
        findings = anonymity.check(item["text"])
        if findings:
            flagged += 1
            if verbose:
                print(f"  FP {item['id']}: {[(f.kind, f.text) for f in findings]}")
    total = sum(total_by_kind.values())
    return {
        "recall": sum(found_by_kind.values()) / total if total else 0.0,
        "per_kind": {k: (found_by_kind[k], total_by_kind[k]) for k in sorted(total_by_kind)},
        "fpr": flagged / len(corpus["clean"]) if corpus["clean"] else 0.0,
        "flagged": flagged,
        "clean": len(corpus["clean"]),
        "spans": total,
        "extra": extra,
    }


def timings(texts: list[str], repeat: int = 3) -> list[float]:
    from kansrijk.vraagbaak import anonymity

    samples = []
    for _ in range(repeat):
        for text in texts:
            start = time.perf_counter()
            anonymity.check(text)
            samples.append(time.perf_counter() - start)
    return samples


def meets(ok: bool) -> str:
    return "meets" if ok else "misses"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="List every miss, extra finding and false positive.")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test")
    corpus = json.loads(args.corpus.read_text(encoding="utf-8"))

    from kansrijk.vraagbaak import anonymity

    anonymity.warm()
    load = anonymity.load_seconds or 0.0
    result = evaluate(corpus, verbose=args.verbose)
    texts = [item["text"] for item in corpus["planted"] + corpus["clean"]]
    corpus_samples = timings(texts)
    long_text = " ".join(texts)[:1000]
    long_samples = timings([long_text], repeat=50)

    base = baseline(corpus)
    model = anonymity.deduce_model()
    base_samples = [timed_call(lambda: model.deidentify(long_text, disabled={"redactor"})) for _ in range(50)]
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cpu, Python {platform.python_version()}"
    print("== Vraagbaak anonymity guard ==")
    print(f"machine: {machine}")
    planted, spans, clean = len(corpus["planted"]), result["spans"], result["clean"]
    print(f"corpus: {args.corpus.name}: {planted} texts with {spans} planted identifiers, {clean} clean texts")
    print(f"deduce load: {load:.1f} s (once per process)")
    recall, fpr = result["recall"], result["fpr"]
    print(f"recall on planted identifiers: {recall:.3f} (target >= {RECALL_TARGET}: {meets(recall >= RECALL_TARGET)})")
    for kind, (found, total) in result["per_kind"].items():
        print(f"  {kind:<14} {found:>3}/{total:<3} {found / total:.2f}")
    flagged = f"{result['flagged']}/{clean}"
    fpr_target = f"target <= {FPR_TARGET:.0%}: {meets(fpr <= FPR_TARGET)}"
    print(f"false-positive rate on clean texts: {fpr:.1%} ({flagged}; {fpr_target})")
    print(f"extra findings on planted texts (overlapping no planted span): {result['extra']}")
    p50, p95 = percentile(corpus_samples, 50) * 1000, percentile(corpus_samples, 95) * 1000
    mean_chars = statistics.mean(len(t) for t in texts)
    print(f"time per check, corpus texts (mean {mean_chars:.0f} chars): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    l50, l95 = percentile(long_samples, 50) * 1000, percentile(long_samples, 95) * 1000
    target = f"target < {LATENCY_TARGET_MS:.0f} ms: {meets(l95 < LATENCY_TARGET_MS)}"
    print(f"time per check, 1,000 chars: p50 {l50:.1f} ms, p95 {l95:.1f} ms ({target})")
    b50 = percentile(base_samples, 50) * 1000
    print(
        f"baseline, deduce alone (every annotation except age counts): recall {base['recall']:.3f}, "
        f"false-positive rate {base['fpr']:.1%}, 1,000 chars p50 {b50:.1f} ms "
        f"(the guard takes {l50 / b50:.1f}x deduce's time)"
    )


def timed_call(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def baseline(corpus: dict[str, Any]) -> dict[str, float]:
    """deduce 3.0.6 without our filters, rules or allow-lists."""
    from kansrijk.vraagbaak import anonymity

    model = anonymity.deduce_model()

    def spans(text: str) -> list[tuple[int, int]]:
        annotations = model.deidentify(text, disabled={"redactor"}).annotations
        return [(a.start_char, a.end_char) for a in annotations if a.tag != "leeftijd"]

    total = found = 0
    for item in corpus["planted"]:
        got = spans(item["text"])
        for span in item["spans"]:
            total += 1
            found += any(overlaps(s, e, span["start"], span["end"]) for s, e in got)
    flagged = sum(bool(spans(item["text"])) for item in corpus["clean"])
    return {
        "recall": found / total if total else 0.0,
        "fpr": flagged / len(corpus["clean"]) if corpus["clean"] else 0.0,
    }


if __name__ == "__main__":
    main()
