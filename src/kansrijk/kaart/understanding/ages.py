"""Ages from numbers: a child's age ("baby van 3 maanden"), pregnancy weeks ("20 weken zwanger"), young parents."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from kansrijk.kaart.understanding.matching import Age, Context
from kansrijk.kaart.understanding.tokens import Token, text_at
from kansrijk.kaart.understanding.words import word_set

_UNIT_WORDS: Final = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
NUMBER_WORDS: Final[dict[str, float]] = {
    **{word: float(value) for value, word in enumerate(_UNIT_WORDS, start=1)},
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20, "dertig": 30, "veertig": 40,
    **{f"{unit}en{tens}": float(base + value)
       for tens, base in (("twintig", 20), ("dertig", 30), ("veertig", 40))
       for value, unit in enumerate(_UNIT_WORDS, start=1)},
    "anderhalf": 1.5, "half": 0.5, "tweeenhalf": 2.5, "drieenhalf": 3.5, "vierenhalf": 4.5,
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
}  # fmt: skip
_ARTICLE_NUMBERS: Final = frozenset({"een", "a"})  # numbers only when a unit follows

MONTH_UNITS: Final = word_set("maand maanden maandjes mnd mnden mndn mo month months mths")
YEAR_UNITS: Final = frozenset({"jaar", "jaren", "jaartje", "jr", "year", "years", "yr", "yrs"})
WEEK_UNITS: Final = frozenset({"week", "weken", "weekjes", "wk", "wkn", "weeks", "wks"})
DAY_UNITS: Final = frozenset({"dag", "dagen", "dagjes", "day", "days"})
TIME_UNITS: Final = MONTH_UNITS | YEAR_UNITS | WEEK_UNITS | DAY_UNITS
ORDINAL_SUFFIXES: Final = frozenset({"e", "ste", "de", "th", "st", "nd", "rd"})
WEEK_WORDS: Final = frozenset({"week", "zwangerschapsweek"})

CHILD_WORDS: Final = frozenset(
    {"baby", "babys", "baby's", "babytje", "kind", "kindje", "kindjes", "zoon", "zoontje", "dochter", "dochtertje",
     "peuter", "peutertje", "dreumes", "zuigeling", "tweeling", "child", "son", "daughter", "kid", "toddler",
     "infant", "newborn"}
)  # fmt: skip
CHILD_WORDS_FOR_BARE_YEARS: Final = CHILD_WORDS - word_set("baby babys baby's babytje zuigeling infant newborn")
AGE_WORDS_AFTER: Final = frozenset({"oud", "oude", "old"})
SELF_WORDS: Final = frozenset({"ben", "am", "i'm", "im"})
PREGNANCY_WORDS: Final = frozenset({"pregnant", "pregnancy", "expecting", "uitgerekend"})

_CHILD_WINDOW_BEFORE = 4
_CHILD_WINDOW_AFTER = 3
_WEEKS_PER_MONTH = 4.345
_MAX_PREGNANCY_WEEKS = 45
_MAX_CHILD_MONTHS = 18 * 12
_YOUNG_PARENT_AGES = range(12, 23)
_MAX_BARE_CHILD_YEARS = 12
_MAX_NUMBER = 10_000  # larger numbers are no ages (and "9" * 400 is no float)


def find_ages(context: Context) -> None:
    """Child ages ("baby van 3 maanden"), pregnancy weeks ("20 weken zwanger") and young parents."""
    tokens = context.tokens
    index = 0
    while index < len(tokens):
        found = None if index in context.fixed else _week_first(tokens, index) or _number_first(tokens, index)
        if found is None:
            index += 1
            continue
        age, end = found
        if age is not None:
            context.ages.append(age)
            context.fixed.update(range(index, end))
            context.consumed.update(range(index, end))
        index = end


def _week_first(tokens: Sequence[Token], index: int) -> tuple[Age | None, int] | None:
    """ "week 20" / "zwangerschapsweek 20": pregnancy weeks when the query speaks of pregnancy."""
    if tokens[index].text not in WEEK_WORDS:
        return None
    number = _number_at(tokens, index + 1)
    if number is None:
        return None
    value, end = number
    if not _pregnancy_anywhere(tokens) or not 0 < value <= _MAX_PREGNANCY_WEEKS:
        return None, end
    return Age("pregnancy", round(value), index), end


def _number_first(tokens: Sequence[Token], index: int) -> tuple[Age | None, int] | None:
    """A number, then a unit ("3 maanden"), an ordinal week ("20e week"), or nothing ("peuter van 2")."""
    number = _number_at(tokens, index)
    if number is None:
        return None
    value, end = number
    if end < len(tokens) and tokens[end].text in ORDINAL_SUFFIXES and text_at(tokens, end + 1) in WEEK_WORDS:
        pregnant = _pregnancy_anywhere(tokens) and 0 < value <= _MAX_PREGNANCY_WEEKS
        return (Age("pregnancy", round(value), index) if pregnant else None), end + 2
    unit = text_at(tokens, end)
    if unit in TIME_UNITS:
        return _age_with_unit(tokens, index, end, value, unit), end + 1
    if tokens[index].text in _ARTICLE_NUMBERS:
        return None
    return _age_without_unit(tokens, index, value), end


def _age_with_unit(tokens: Sequence[Token], start: int, end: int, value: float, unit: str) -> Age | None:
    """Decide what "N <unit>" means from the words around it."""
    child = _child_near(tokens, start, end + 1)
    pregnant_after = _pregnancy_near(tokens, end + 1, end + 3)
    if unit in WEEK_UNITS:
        pregnant = pregnant_after or (not child and (_pregnancy_anywhere(tokens) or _self_before(tokens, start)))
        if pregnant:
            return _pregnancy(value, start)
        return _child(value / _WEEKS_PER_MONTH, start) if child else None
    if unit in MONTH_UNITS:
        if pregnant_after:
            return _pregnancy(value * _WEEKS_PER_MONTH, start)
        return _child(value, start) if child else None
    if unit in YEAR_UNITS:
        if child:
            return _child(value * 12, start)
        return _young_parent(tokens, start, value)
    return _child(0, start) if child else None  # days


def _age_without_unit(tokens: Sequence[Token], start: int, value: float) -> Age | None:
    """ "peuter van anderhalf", "mijn zoon is 2" (years), or "ik ben 17" (a young parent)."""
    before = text_at(tokens, start - 1)
    if before in {"van", "is", "of"} and text_at(tokens, start - 2) in CHILD_WORDS_FOR_BARE_YEARS:
        return _child(value * 12, start) if 0 < value <= _MAX_BARE_CHILD_YEARS else None
    return _young_parent(tokens, start, value)


def _young_parent(tokens: Sequence[Token], start: int, value: float) -> Age | None:
    """ "ik ben 19 (jaar)": a parent younger than 23."""
    if _self_before(tokens, start) and round(value) in _YOUNG_PARENT_AGES and value == round(value):
        return Age("young", round(value), start)
    return None


def _pregnancy(weeks: float, start: int) -> Age | None:
    """Pregnancy weeks, if plausible."""
    return Age("pregnancy", round(weeks), start) if 0 < weeks <= _MAX_PREGNANCY_WEEKS else None


def _child(months: float, start: int) -> Age | None:
    """A child's age in months, if plausible."""
    return Age("child", round(months), start) if 0 <= months <= _MAX_CHILD_MONTHS else None


def _number_at(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """A number at tokens[index] (digits, "1,5", Dutch or English words, "een half", "2 en een half")."""
    text = text_at(tokens, index)
    if not text:
        return None
    if text[0].isdigit():
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return None
        if not math.isfinite(value) or value > _MAX_NUMBER:
            return None
    elif text in NUMBER_WORDS:
        value = NUMBER_WORDS[text]
    else:
        return None
    end = index + 1
    if text in _ARTICLE_NUMBERS and text_at(tokens, end) == "half":
        return 0.5, end + 1
    if (text_at(tokens, end), text_at(tokens, end + 1), text_at(tokens, end + 2)) in {
        ("en", "een", "half"),
        ("and", "a", "half"),
    }:
        return value + 0.5, end + 3
    return value, end


def _child_near(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A child word shortly before the number, or a child word or "oud" shortly after the unit."""
    before = tokens[max(0, start - _CHILD_WINDOW_BEFORE) : start]
    after = tokens[end : end + _CHILD_WINDOW_AFTER]
    return any(token.text in CHILD_WORDS for token in before) or any(
        token.text in CHILD_WORDS or token.text in AGE_WORDS_AFTER for token in after
    )


def _is_pregnancy_word(tokens: Sequence[Token], index: int) -> bool:
    """ "zwanger", "zwangerschap...", "pregnant", "(in) verwachting"."""
    text = tokens[index].text
    if text.startswith("zwanger") or text in PREGNANCY_WORDS:
        return True
    return text == "verwachting" and text_at(tokens, index - 1) == "in"


def _pregnancy_near(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A pregnancy word among tokens[start:end]."""
    return any(_is_pregnancy_word(tokens, index) for index in range(max(0, start), min(end, len(tokens))))


def _pregnancy_anywhere(tokens: Sequence[Token]) -> bool:
    """A pregnancy word anywhere in the query."""
    return _pregnancy_near(tokens, 0, len(tokens))


def _self_before(tokens: Sequence[Token], start: int) -> bool:
    """ "ik ben 20 weken", "I am 19": the person speaks about herself."""
    return any(text_at(tokens, index) in SELF_WORDS for index in (start - 1, start - 2))
