"""Word lists that several steps of the question understanding share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from kansrijk.kaart.understanding.tokens import Token
from kansrijk.search.text import QUESTION_STOP_WORDS

# Words left out of the question's ranking text and `remaining` (the search engine's question stop words:
# the word ranking's stop words, plus request fluff, place and age words and negations).
STOP_WORDS: Final = QUESTION_STOP_WORDS


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one white-space separated string."""
    return frozenset(text.split())


DEFINITE_ARTICLES: Final = frozenset({"de", "het", "t", "'t", "the"})
ARTICLES: Final = DEFINITE_ARTICLES | {"een", "a", "an"}
NEGATIONS: Final = frozenset({"geen", "niet", "nauwelijks", "weinig", "no", "not", "don't", "dont", "doesn't"})
_NEGATION_FILLERS: Final = frozenset({"goed", "zo", "veel", "echt", "well", "much", "good", "really"})


def negated(tokens: Sequence[Token], start: int) -> bool:
    """ "niet gratis", "spreekt geen Nederlands", "spreek niet goed Engels"."""
    index = start - 1
    while index >= 0 and tokens[index].text in _NEGATION_FILLERS:
        index -= 1
    return index >= 0 and tokens[index].text in NEGATIONS
