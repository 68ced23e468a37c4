"""The state of one question's analysis, and the greedy longest-first matching of vocabulary phrases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kansrijk.kaart.understanding.tokens import Token
from kansrijk.kaart.understanding.vocabulary import Entry, EntryKind, Place, Vocabulary
from kansrijk.kaart.understanding.words import STOP_WORDS


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase of the vocabulary found at tokens[start:end]."""

    start: int
    end: int
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """One understood thing at tokens[start:end]."""

    kind: EntryKind
    code: str
    start: int
    end: int
    label: str = ""
    place: Place | None = None
    weak: bool = False

    def inside(self, other: Match) -> bool:
        """True when this match lies strictly within the (longer) other match."""
        return other.start <= self.start and self.end <= other.end and (other.end - other.start) > self.width

    @property
    def width(self) -> int:
        """The number of tokens matched."""
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Age:
    """An age read from the query: a child's age in months, pregnancy weeks, or a young parent."""

    kind: str  # "child" | "pregnancy" | "young"
    value: int
    start: int


@dataclass
class Context:
    """Tokens, candidate matches, and what has been found and which tokens are taken so far."""

    tokens: list[Token]
    vocabulary: Vocabulary
    candidates: list[list[Candidate]] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    ages: list[Age] = field(default_factory=list)
    fixed: set[int] = field(default_factory=set)  # postcode and age tokens: nothing else may use them
    guarded: set[int] = field(default_factory=set)  # guard phrases: no need, phase, group or language
    consumed: set[int] = field(default_factory=set)  # tokens that are not left for text ranking

    def __post_init__(self) -> None:
        self.candidates = find_candidates(self.tokens, self.vocabulary)

    def of_kind(self, kind: str) -> list[Match]:
        """The matches of one kind, in the order they were found."""
        return [match for match in self.matches if match.kind == kind]

    def tokens_of(self, *kinds: str) -> set[int]:
        """The token positions used by matches of these kinds."""
        return {index for match in self.matches if match.kind in kinds for index in range(match.start, match.end)}

    def take(self, match: Match) -> None:
        """Record a match; its tokens are no longer left for text ranking."""
        self.matches.append(match)
        self.consumed.update(range(match.start, match.end))


def find_candidates(tokens: Sequence[Token], vocabulary: Vocabulary) -> list[list[Candidate]]:
    """All vocabulary phrases per start position, longest first (one dictionary look-up per n-gram)."""
    words = [token.text for token in tokens]
    result: list[list[Candidate]] = []
    for start in range(len(words)):
        row: list[Candidate] = []
        for length in range(min(vocabulary.max_phrase_tokens, len(words) - start), 0, -1):
            gram = words[start : start + length]
            entries = vocabulary.lookup(" ".join(gram))
            if length > 1 and not any(word in STOP_WORDS for word in gram):
                entries += vocabulary.lookup("".join(gram))  # "zuid oost" -> "zuidoost"
            if length == 1:
                entries += _new_meanings(vocabulary.lookup_stem(gram[0]), entries)
            if entries:
                row.append(Candidate(start, start + length, entries))
        result.append(row)
    return result


def _new_meanings(extra: tuple[Entry, ...], known: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """Stem matches only add meanings of a kind the exact word does not already have."""
    known_kinds = {entry.kind for entry in known}
    return tuple(entry for entry in extra if entry.kind not in known_kinds)


def scan(
    context: Context,
    kinds: frozenset[str],
    blocked: set[int],
    accept: Callable[[Candidate, Entry], bool] = lambda candidate, entry: True,
) -> list[tuple[Candidate, list[Entry]]]:
    """Greedy longest-first, left-to-right matching of one group of kinds, skipping blocked tokens."""
    found: list[tuple[Candidate, list[Entry]]] = []
    position = 0
    while position < len(context.tokens):
        for candidate in context.candidates[position]:
            if blocked.intersection(range(candidate.start, candidate.end)):
                continue
            chosen = [entry for entry in candidate.entries if entry.kind in kinds and accept(candidate, entry)]
            if chosen:
                found.append((candidate, chosen))
                position = candidate.end
                break
        else:
            position += 1
    return found


def entry_match(candidate: Candidate, entry: Entry) -> Match:
    """The match of one meaning of a candidate phrase."""
    return Match(
        entry.kind, entry.code, candidate.start, candidate.end, entry.label, place=entry.place, weak=entry.weak
    )
