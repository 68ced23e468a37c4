"""The anonymity guard stays linear in the text length on pathological input: each 10,000-character
run of one unit (see `pathological.py`) takes at most 10x an ordinary Dutch text of the same length,
measured in the same test (a ratio, not an absolute time). Before the fix "Jan " * 500 took 34 s."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kansrijk.vraagbaak import anonymity
from kansrijk.vraagbaak.tests.pathological import UNITS, ordinary, pathological

SIZE = 10_000
MAX_RATIO = 10.0
CASES = Path(__file__).with_name("data") / "guard_cases.json"


@pytest.fixture(scope="module", autouse=True)
def _deduce_loaded() -> Iterator[None]:
    anonymity.warm()
    yield


def _seconds(text: str, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        anonymity.check(text)
        samples.append(time.perf_counter() - started)
    return min(samples)


@pytest.fixture(scope="module")
def baseline() -> float:
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    text = ordinary([item["text"] for item in cases["planted"] + cases["clean"]], SIZE)
    assert len(text) > SIZE - 100
    anonymity.check(text)  # compiles the patterns and fills the word caches
    return _seconds(text, repeat=3)


@pytest.mark.parametrize("name", list(UNITS))
def test_pathological_input_is_within_10x_of_ordinary_text(name: str, baseline: float) -> None:
    text = pathological(name, SIZE)
    assert len(text) == SIZE
    seconds = _seconds(text, repeat=1)
    if seconds > MAX_RATIO * baseline:  # a busy machine: measure once more before failing
        seconds = min(seconds, _seconds(text, repeat=2))
    assert seconds <= MAX_RATIO * baseline, f"{name}: {seconds:.2f} s, {seconds / baseline:.1f}x the ordinary text"


def test_long_name_run_is_still_one_name() -> None:
    """Bounding deduce's name context keeps the finding: a run of names is flagged as a name."""
    findings = anonymity.check("Jan " * 300)
    assert [f.kind for f in findings] == ["name"]
    assert findings[0].start == 0


def test_name_context_rounds_are_bounded() -> None:
    """deduce's own (recursive, unbounded) name context is replaced by the bounded one."""
    names = anonymity.deduce_model().processors["names"]
    assert type(names["name_context"]).__name__ == "BoundedContextAnnotator"
