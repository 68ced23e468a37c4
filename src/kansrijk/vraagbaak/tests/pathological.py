"""Inputs that once made the anonymity guard super-linear, shared by the regression test
(`test_guard_pathological.py`) and `benchmarks/vraagbaak_guard_pathological.py`.

Each is one unit repeated to the wanted length: long runs of digits, of one letter, of capitalised
words (the same one, or different ones: deduce's name context grew every word into every other one),
of punctuation, of hyphenated or dotted tokens (regexes that restarted inside a token), and so on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

# name -> the unit that is repeated (None: a run of different capitalised words, see `pathological`)
UNITS: dict[str, str | None] = {
    "digits": "1",
    "one letter": "a",
    "'1 '": "1 ",
    "'Jan '": "Jan ",
    "'Jan Piet '": "Jan Piet ",
    "different capitalised words": None,
    "full stops": ".",
    "'@'": "@",
    "'a.'": "a.",
    "'Jan-'": "Jan-",
    "'06-'": "06-",
    "'Jan. '": "Jan. ",
    "'1.'": "1.",
    "'1-'": "1-",
    "'Aa-'": "Aa-",
    "'a@b.'": "a@b.",
    "'a.nl/'": "a.nl/",
    "'Jan (1) '": "Jan (1) ",
    "'fatima '": "fatima ",
    "'mevrouw '": "Mevrouw ",
    "'Jan, '": "Jan, ",
    "'Jan''": "Jan'",
    "'kenmerk'": "kenmerk",
    "new lines and dashes": "\n- ",
    "'x[at]y[.]'": "x[at]y[.]",
    "'a @ b . '": "a @ b . ",
    "'+1 '": "+1 ",
    "'0 6 '": "0 6 ",
    "'Plein '40-'45 '": "Plein '40-'45 ",
    "'Ouders (Ab) en '": "Ouders (Ab) en ",
    "'nul zes '": "nul zes ",
    "'een 1 '": "een 1 ",
    "'Van '": "Van ",
    "'De Vries '": "De Vries ",
    "'a_1 insta '": "a_1 insta ",
    "'kok bij Jan '": "kok bij Jan ",
    "'klas 4B van '": "klas 4B van ",
    "'Jan 'A' '": "Jan 'A' ",
    "'de enige '": "de enige ",
    "'AB-C 1-'": "AB-C 1-",
}

_NAMES = ("Jan", "Piet", "Fatima", "Yonas", "Abena", "Kees", "Mo", "Sanne", "Bos", "Vries", "Tesfay", "Osei", "Anna")


def pathological(name: str, size: int) -> str:
    """The input called `name`, `size` characters long."""
    unit = UNITS[name]
    if unit is None:
        words = itertools.cycle(f"{a} {b} " for a, b in itertools.product(_NAMES, _NAMES))
        text = "".join(itertools.islice(words, size // 6 + 1))
    else:
        text = unit * (size // len(unit) + 1)
    return text[:size]


def ordinary(texts: Iterable[str], size: int) -> str:
    """Ordinary Dutch: the given texts, one paragraph each (repeated if needed), cut to `size` at a space."""
    paragraphs = [text.strip() for text in texts if text.strip()]
    if not paragraphs:
        raise ValueError("no texts to build an ordinary text from")
    parts: list[str] = []
    length = 0
    for paragraph in itertools.cycle(paragraphs):
        parts.append(paragraph)
        length += len(paragraph) + 2
        if length >= size:
            break
    text = "\n\n".join(parts)[:size]
    return text[: text.rfind(" ")] if " " in text else text
