"""Rare identifying details from the curated list in `data/rare_details.txt`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kansrijk.vraagbaak.anonymity.findings import Finding
from kansrijk.vraagbaak.anonymity.lexicon import _lines


@cache
def _rare_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line) for line in _lines("rare_details.txt"))


# what a rare detail names in brackets right after it belongs to it: "<condition> (<eponym or abbreviation>)"
_BRACKETED = re.compile(r"\s?\([^()\n]{2,40}\)")


def _rare_details(text: str) -> Iterator[Finding]:
    for pattern in _rare_patterns():
        for m in pattern.finditer(text):
            if "d" in pattern.groupindex and m.group("d"):
                start, end = m.start("d"), m.end("d")
            elif m.group():
                start, end = m.start(), m.end()
            else:
                continue
            bracketed = _BRACKETED.match(text, end)
            if bracketed:
                end = bracketed.end()
            yield Finding("rare_detail", text[start:end], start, end)
