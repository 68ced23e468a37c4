"""Text for the lexical side of search: normalise, split, drop Dutch stop words, stem (Snowball)."""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9a-z]+")

# Function words and request fluff that carry no meaning for finding a service, left out of documents and
# queries alike. QUESTION_STOP_WORDS leaves out more words of a question on top.
_STOP_WORDS_TEXT = """
de het een en of in op aan te van voor met bij naar om uit over tot als dan dat die dit deze er
is zijn ben bent was waren wordt worden word kan kun kunt kunnen wil wilt willen moet moeten
ik je jij u we wij ze zij hij mijn jouw uw ons onze hun hem haar me mij
waar wie wat hoe welke ook nog al wel even graag zoek zoeken zoekt iemand iets organisatie
organisaties instantie plek hulp help helpen
the a an of for to in on at and or with my i me we you is are am can looking find need
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

# Words left out of a question's ranking text (the Kaart's question understanding, the Vraagbaak's question search):
# the stop words above, plus request fluff, place and age words and negations (a "no" in a question says nothing
# about which service or answer fits).
_QUESTION_STOP_WORDS_TEXT = """
aan al alle alles als alsjeblieft alstublieft andere bent ben beste bij dan dank dat de deze die dit doen
door een en er ergens even graag had heb hebben heeft het hier hoe hoi hallo hun iemand iets ik in is ja je
jij jou jouw jullie kan kun kunnen kunt maar me meer met mij mijn moet moeten mag mogen na naar nee niet
geen nog nu of om omdat ons onze ook op over s t 't te tot u uit uw van voor waar waarbij wat we wel welk
welke wie wij wil willen wilt word wordt worden zal ze zelf zij zijn zo zoals zoek zoeken zoekt zou zouden
krijgen vinden vind bedankt graag ergens
hulp help helpen hulpverlening organisatie organisaties instantie instanties instelling instellingen plek
adres info informatie iemand
amsterdam stad stadsdeel stadsgebied gebied wijk buurt regio omgeving dichtbij nabij dicht rond rondom
richting
spreekt spreken spreek sprekend sprekende praat praten talig talige
dag dagen week weken maand maanden mnd jaar jaren oud oude e ste zoon zoontje dochter dochtertje
a an the i i'm im am are be my me our you your for on at of to with and or looking look find need needs
want some someone somebody who that which where what how can could would please there any it this near
around about from by organisation organization service services speaking speaks speak speaker old
months month weeks years year days day son daughter no not
"""
QUESTION_STOP_WORDS = STOP_WORDS | frozenset(_QUESTION_STOP_WORDS_TEXT.split())


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
