"""Languages help is asked in: "spreekt Arabisch", "in het Turks", "Engelstalig", "Tigrinya"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from kansrijk.kaart.understanding.matching import Candidate, Context, entry_match, scan
from kansrijk.kaart.understanding.tokens import Token, text_at
from kansrijk.kaart.understanding.vocabulary import Entry
from kansrijk.kaart.understanding.words import DEFINITE_ARTICLES, negated

LANGUAGE_CUES_BEFORE: Final = frozenset(
    {"in", "spreekt", "spreken", "spreek", "sprekend", "sprekende", "praat", "praten", "speaks", "speak", "speaking"}
)
LANGUAGE_CUES_AFTER: Final = frozenset(
    {"spreekt", "spreken", "sprekend", "sprekende", "praat", "praten", "talig", "talige", "speaking", "speaker",
     "speakers", "speaks"}
)  # fmt: skip


def find_languages(context: Context) -> None:
    """Help in a language: "spreekt Arabisch", "in het Turks", "Engelstalig", "Tigrinya"."""
    tokens = context.tokens

    def accept(candidate: Candidate, entry: Entry) -> bool:
        if negated(tokens, candidate.start):
            return False
        return not entry.needs_cue or _language_cue(tokens, candidate.start, candidate.end)

    blocked = context.fixed | context.guarded | context.tokens_of("place", "category", "free")
    for candidate, entries in scan(context, frozenset({"language"}), blocked, accept):
        context.take(entry_match(candidate, entries[0]))


def _language_cue(tokens: Sequence[Token], start: int, end: int) -> bool:
    """ "in het Nederlands", "spreekt Marokkaans", "iemand die Nederlands spreekt"."""
    previous = start - 1
    while previous >= 0 and tokens[previous].text in DEFINITE_ARTICLES:
        previous -= 1
    before = text_at(tokens, previous) if previous >= 0 else ""
    return before in LANGUAGE_CUES_BEFORE or text_at(tokens, end) in LANGUAGE_CUES_AFTER
