"""The check: deduce's proposals and our rules, allow-lists, filters and the merge."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from kansrijk.vraagbaak.anonymity.addresses import _addresses
from kansrijk.vraagbaak.anonymity.allowlist import _allowed_spans, _apply_allowed, _organisation_heads
from kansrijk.vraagbaak.anonymity.contact import _simple
from kansrijk.vraagbaak.anonymity.dates import _approximate_date, _dates
from kansrijk.vraagbaak.anonymity.employment import _employment
from kansrijk.vraagbaak.anonymity.engine import _deduce
from kansrijk.vraagbaak.anonymity.findings import _PRIORITY, Finding
from kansrijk.vraagbaak.anonymity.lexicon import _english, _frequencies, _vocabulary
from kansrijk.vraagbaak.anonymity.names import (
    _english_text,
    _lowercase_word,
    _names,
    _role_word,
    _sentence_word,
    _word_after_article,
)
from kansrijk.vraagbaak.anonymity.normalise import _sentence_starts, _visible
from kansrijk.vraagbaak.anonymity.numbers import _mixed_ids, _numbers, _service_number, _whole_token
from kansrijk.vraagbaak.anonymity.proposals import _from_deduce
from kansrijk.vraagbaak.anonymity.rare import _rare_details

logger = logging.getLogger("kansrijk.vraagbaak.anonymity")


def warm() -> None:
    """Load deduce now (about 6 s), so that the first check is fast."""
    _deduce()
    _vocabulary()
    _frequencies()
    _english()


def check(text: str, *, allowed: Iterable[str] = ()) -> list[Finding]:
    """The spans of `text` that could identify someone, sorted by start, overlaps merged.

    `allowed` are extra phrases (case-insensitive, whole phrase) that are never findings, such as the
    names of organisations known to the site. If deduce fails, our own rules still run; if they fail too,
    the error is raised: the guard fails closed, it never passes a text it could not check.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    plain, origin = _visible(text)
    phrases = tuple(sorted({a for a in allowed if isinstance(a, str)}))
    try:
        found = _check(plain, phrases)
    except Exception:  # deduce failed: fall back to the rules alone (which raise if they fail too)
        logger.exception("vraagbaak.anonymity: check failed, retrying without deduce")
        found = _check(plain, (), use_deduce=False)
    if plain == text:
        return found
    mapped = []
    for f in found:  # offsets back into the text as written
        start, end = origin[f.start], origin[f.end - 1] + 1
        mapped.append(Finding(f.kind, text[start:end], start, end))
    return mapped


def _check(text: str, allowed: tuple[str, ...], *, use_deduce: bool = True) -> list[Finding]:
    found: list[Finding] = []
    organisations: list[tuple[int, int]] = []
    if use_deduce:
        found.extend(_from_deduce(text, organisations))
    found.extend(_own_rules(text))
    allowed_spans = _allowed_spans(text, allowed) + organisations + list(_organisation_heads(text))
    kept = [f for f in (_apply_allowed(text, f, allowed_spans) for f in found) if f is not None]
    kept = [_whole_token(text, f) if f.kind == "case_number" else f for f in kept]
    sentence_starts = _sentence_starts(text)
    kept = [f for f in kept if not (f.kind == "name" and _sentence_word(text, f, sentence_starts))]
    kept = [f for f in kept if not (f.kind == "name" and (_word_after_article(text, f) or _english_text(f)))]
    kept = [f for f in kept if not (f.kind == "name" and (_lowercase_word(f) or _role_word(f)))]
    kept = [f for f in kept if not (f.kind == "phone" and _service_number(f.text))]
    kept = [f for f in kept if not (f.kind == "date" and _approximate_date(text, f))]
    return _merge(text, kept)


def _own_rules(text: str) -> Iterator[Finding]:
    yield from _simple(text)
    yield from _numbers(text)
    yield from _addresses(text)
    yield from _mixed_ids(text)
    yield from _dates(text)
    yield from _rare_details(text)
    yield from _employment(text)
    yield from _names(text)


def _merge(text: str, findings: list[Finding]) -> list[Finding]:
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    for finding in ordered:
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = min((last.kind, finding.kind), key=lambda k: _PRIORITY.get(k, len(_PRIORITY)))
            end = max(last.end, finding.end)
            merged[-1] = Finding(kind, text[last.start : end], last.start, end)
        else:
            merged.append(finding)
    return merged
