"""Text for the lexical side of search: normalise, split, drop Dutch stop words, stem (Snowball)."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9a-z]+")

# Function words and request fluff that carry no meaning for finding a service, left out of documents and
# queries alike. The question reader (understanding.STOP_WORDS) leaves out more words of a question on top.
_STOP_WORDS_TEXT = """
de het een en of in op aan te van voor met bij naar om uit over tot als dan dat die dit deze er
is zijn ben bent was waren wordt worden word kan kun kunt kunnen wil wilt willen moet moeten
ik je jij u we wij ze zij hij mijn jouw uw ons onze hun hem haar me mij
waar wie wat hoe welke ook nog al wel even graag zoek zoeken zoekt iemand iets organisatie
organisaties instantie plek hulp help helpen
the a an of for to in on at and or with my i me we you is are am can looking find need
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def normalise(text: str) -> str:
    """Lower case without accents: "Oekraïens" -> "oekraiens", "Café" -> "cafe"."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    """One Snowball stemmer per thread: a PyStemmer instance must not be used by two at once."""
    stemmer: Stemmer.Stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer("dutch")
        _local.stemmer = stemmer
    return stemmer


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Dutch Snowball stem of one (normalised) word."""
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """The normalised words of a text, stop words included."""
    return _WORD.findall(normalise(text))


def tokens(text: str) -> list[str]:
    """Stemmed content words: what BM25 indexes and searches."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())]
