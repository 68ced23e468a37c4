"""The text as a reader sees it, tokens and sentence starts."""

from __future__ import annotations

import re
import unicodedata

from kansrijk.vraagbaak.anonymity.patterns import _WORD


def _visible(text: str) -> tuple[str, list[int]]:
    """The text as a reader sees it: invisible format characters (zero-width spaces and joiners, soft
    hyphens) removed and compatibility forms folded (full-width digits), so "1234\u200b56782" is checked
    as the BSN it shows. Also returns, per character, its position in the original."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":
            continue
        folded = unicodedata.normalize("NFKC", char) if ord(char) > 127 else char
        for part in folded:
            chars.append(part)
            origin.append(index)
    return "".join(chars), origin


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"(?:[.!?:;]|\n)[\"')\]]*\s+|^\s*[-*•]\s*", text, re.MULTILINE):
        starts.add(m.end())
    for m in re.finditer(r"\S", text):
        starts.add(m.start())
        break
    return starts


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper() and not word.isupper()
