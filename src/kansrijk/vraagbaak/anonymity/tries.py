"""deduce's two large lookup tries (streets and healthcare institutions, 1.8 million nodes together) as one
sorted list of phrases in a string, so that deduce loads in a fraction of the time.

deduce keeps its lookup structures in a pickle of 77 MB; unpickling the two tries (a Python object and two
dictionaries per node) is 90% of the 4 s deduce takes to start. `SortedTrie` answers the same questions,
`longest_matching_prefix` and the first words (`children`), from the sorted phrases (their words joined by
a separator) by binary search. It is built once from deduce's own structures and kept in the guard's disk
cache (`diskcache`), under a key of deduce's version and its cache file; the other, small structures are
kept there too (pickled, as deduce itself keeps them). When anything is off, deduce loads as it always did.
"""

from __future__ import annotations

import logging
import marshal
import os
import pickle
import tempfile
from array import array
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any, Final

from kansrijk.vraagbaak.anonymity import diskcache

logger = logging.getLogger(__name__)

LARGE: Final = ("street", "healthcare_institution")
SEPARATOR: Final = "\x1f"  # sorts before every character a word can hold


def _trie_base() -> type:
    from docdeid.ds.lookup import LookupTrie

    trie: type = LookupTrie
    return trie


def sorted_trie_class() -> type:
    base = _trie_base()

    class SortedTrie(base):  # type: ignore[misc,valid-type]  # deduce ships no types
        """A read-only LookupTrie over sorted phrases: the same answers, no node objects."""

        def __init__(self, matching_pipeline: Any, blob: str, offsets: array[int], starts: list[str]) -> None:
            self.matching_pipeline = matching_pipeline
            self.is_terminal = False
            self._blob = blob
            self._offsets = offsets
            self._count = len(offsets) - 1
            self._starts = starts

        @property
        def children(self) -> dict[str, None]:
            """The first words of the phrases (deduce's annotator reads only their keys)."""
            return dict.fromkeys(self._starts)

        def _entry(self, index: int) -> str:
            return self._blob[self._offsets[index] : self._offsets[index + 1] - 1]

        def _state(self, prefix: str) -> tuple[bool, bool]:
            """Whether `prefix` is a phrase, and whether a longer phrase starts with it."""
            low, high = 0, self._count
            while low < high:
                middle = (low + high) // 2
                if self._entry(middle) < prefix:
                    low = middle + 1
                else:
                    high = middle
            terminal = low < self._count and self._entry(low) == prefix
            following = low + 1 if terminal else low
            longer = following < self._count and self._entry(following).startswith(prefix + SEPARATOR)
            return terminal, longer

        def add_item(self, item: list[str]) -> None:
            raise TypeError("a SortedTrie is read-only")

        def __contains__(self, item: object) -> bool:
            if not isinstance(item, list) or not item:
                return False
            return self._state(SEPARATOR.join(self._apply_matching_pipeline(word) for word in item))[0]

        def longest_matching_prefix(self, item: Sequence[str], start_i: int = 0) -> list[str] | None:
            longest = 0
            terminal = False
            prefix: str | None = None
            index = 0
            while True:
                if terminal:
                    longest = index
                if start_i + index >= len(item):
                    break
                word = self._apply_matching_pipeline(item[start_i + index])
                candidate = word if prefix is None else prefix + SEPARATOR + word
                terminal, longer = self._state(candidate)
                if not (terminal or longer):
                    break
                prefix = candidate
                index += 1
            if not longest:
                return None
            return [self._apply_matching_pipeline(word) for word in item[start_i : start_i + longest]]

    return SortedTrie


def _phrases(trie: Any) -> list[str] | None:
    """Every phrase of a LookupTrie, its words joined by SEPARATOR, sorted; None if a word has a control
    character (the sort order would no longer match the trie's)."""
    phrases: list[str] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(trie, ())]
    while stack:
        node, words = stack.pop()
        if node.is_terminal and words:
            phrases.append(SEPARATOR.join(words))
        for word, child in node.children.items():
            if not word or any(ord(char) <= 0x1F for char in word):
                return None
            stack.append((child, (*words, word)))
    phrases.sort()
    return phrases


def _flatten(trie: Any) -> tuple[str, array[int], list[str]] | None:
    """The phrases of a LookupTrie as one string, the offset of each phrase in it, and the first words."""
    phrases = _phrases(trie)
    if phrases is None:
        return None
    blob = "\n".join(phrases) + "\n"
    offsets = array("q", [0])
    for phrase in phrases:
        offsets.append(offsets[-1] + len(phrase) + 1)
    return blob, offsets, list(trie.children.keys())


def from_trie(trie: Any) -> Any | None:
    """A SortedTrie with the phrases of `trie` (None when a word holds a control character)."""
    flat = _flatten(trie)
    return None if flat is None else sorted_trie_class()(trie.matching_pipeline, *flat)


def _cache_path() -> Path:
    import deduce

    source = Path(deduce.__file__).parent / "data" / "lookup" / "cache" / "lookup_structs.pickle"
    stat = source.stat()
    key = diskcache.key("deduce", version("deduce"), version("docdeid"), str(stat.st_size), str(stat.st_mtime_ns))
    return diskcache.folder() / f"deduce-lookup-{key}.marshal"


def load_structs() -> Any | None:
    """deduce's lookup structures with the large tries as SortedTries, or None when not cached yet."""
    try:
        path = _cache_path()
        value = marshal.loads(path.read_bytes())  # noqa: S302  # our own file, plain data
    except (OSError, EOFError, ValueError, TypeError):
        return None
    try:
        small = pickle.loads(value["small"])  # noqa: S301  # our own file, written from deduce's own pickle
        structs, pipelines = small["structs"], small["pipelines"]
        sorted_trie = sorted_trie_class()
        for name, (blob, offsets, starts) in value["tries"].items():
            positions = array("q")
            positions.frombytes(offsets)
            structs[name] = sorted_trie(pipelines[name], blob, positions, starts)
    except Exception:  # a stale or foreign file: deduce loads as before
        logger.warning("vraagbaak.anonymity: cached deduce structures unreadable, loading deduce's own")
        return None
    return structs


def save_structs(structs: Any) -> None:
    """Write the cache file from deduce's own lookup structures (once, after deduce loaded them)."""
    tries: dict[str, tuple[str, bytes, list[str]]] = {}
    pipelines: dict[str, Any] = {}
    base: Any = _trie_base()
    for name in LARGE:
        trie: Any = structs.get(name)
        if type(trie) is not base:
            return
        flat = _flatten(trie)
        if flat is None:
            return
        blob, offsets, starts = flat
        tries[name] = (blob, offsets.tobytes(), starts)
        pipelines[name] = trie.matching_pipeline
    small = type(structs)({name: value for name, value in structs.items() if name not in LARGE})
    value = {"small": pickle.dumps({"structs": small, "pipelines": pipelines}, protocol=5), "tries": tries}
    try:
        path = _cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".deduce-lookup-", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            marshal.dump(value, file)
        os.replace(temporary, path)
        for old in path.parent.glob("deduce-lookup-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        logger.info("vraagbaak.anonymity: cannot write the deduce cache (%s)", error)
