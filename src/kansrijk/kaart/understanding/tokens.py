"""Tokens of a question: normalised words and numbers, as typed, with the text between them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from kansrijk.search.text import normalise

_TOKEN_RE: Final = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:'[^\W\d_]+)*")
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "&": " en "})
_HYPHENS: Final = frozenset({"-", "\u2010", "\u2011", "\u2013"})  # hyphen, non-breaking hyphen, en dash


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number of a text: normalised text, the text as typed, and what came before it."""

    text: str
    raw: str
    gap_before: str


def tokenize(text: str) -> list[Token]:
    """Split a text into words and numbers; "&" counts as "en", punctuation and emoji separate words."""
    prepared = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    tokens: list[Token] = []
    last_end = 0
    for match in _TOKEN_RE.finditer(prepared):
        raw = match.group()
        tokens.append(Token(text=normalise(raw), raw=raw, gap_before=prepared[last_end : match.start()]))
        last_end = match.end()
    return tokens


def phrase_key(text: str) -> str:
    """The normalised look-up key of a phrase: its tokens joined by one space."""
    return " ".join(token.text for token in tokenize(text))


def text_at(tokens: Sequence[Token], index: int) -> str:
    """The normalised text of tokens[index], or "" outside the query."""
    return tokens[index].text if 0 <= index < len(tokens) else ""


def hyphen_before(tokens: Sequence[Token], index: int) -> bool:
    """tokens[index] is glued to the previous word by a hyphen ("smoke-free")."""
    return index > 0 and tokens[index].gap_before in _HYPHENS


def hyphen_after(tokens: Sequence[Token], end: int) -> bool:
    """The word after a match is glued to it by a hyphen ("Noord-Holland")."""
    return end < len(tokens) and tokens[end].gap_before in _HYPHENS
