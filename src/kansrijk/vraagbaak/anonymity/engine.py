"""deduce, loaded once per process (lazily, thread-safe) with its name-context annotator bounded."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, Final

logger = logging.getLogger(__name__)

_lock = threading.Lock()


_model: Any = None


load_seconds: float | None = None


def deduce_model() -> Any:
    """deduce's `Deduce` model, loaded on first use (the benchmark and tests call it directly)."""
    return _deduce()


def _deduce() -> Any:
    global _model, load_seconds
    if _model is None:
        with _lock:
            if _model is None:
                started = time.perf_counter()
                with _no_gc():
                    model = _load_model()
                _bound_name_context(model)
                _model = model
                load_seconds = time.perf_counter() - started
    return _model


def _load_model() -> Any:
    """deduce's model; its lookup structures from the guard's disk cache when there (see `tries`), else
    from deduce's own cache, after which the guard's cache is written for the next process."""
    import deduce.deduce as module
    from deduce import Deduce

    from kansrijk.vraagbaak.anonymity import tries

    structs = tries.load_structs()
    if structs is None:
        model = Deduce()
        try:
            tries.save_structs(model.lookup_structs)
        except Exception:  # the cache is an optimisation: never fail the check for it
            logger.exception("vraagbaak.anonymity: could not cache deduce's lookup structures")
        return model
    original = module.get_lookup_structs
    module.get_lookup_structs = lambda **_kwargs: structs
    try:
        return Deduce()
    finally:
        module.get_lookup_structs = original


# deduce's name-context annotator grows every name annotation by a token on either side ("Jan" ->
# "Jan de Vries") and repeats until nothing changes. On a run of n capitalised words ("Jan Jan Jan ...")
# every word seeds an annotation that keeps growing for n rounds: cubic (2,000 characters took 34 s).
# Real names settle within 2 rounds (3 at most on every corpus and test text). So: the first EXACT_ROUNDS
# rounds are deduce's own; after that, overlapping annotations that still grow are joined into one (only
# its two ends can grow further), and after NAME_CONTEXT_ROUNDS it stops. Our own rules flag long runs.
EXACT_ROUNDS: Final = 1


NAME_CONTEXT_ROUNDS: Final = 12


def _bound_name_context(model: Any) -> None:
    """Replace deduce's iterative name-context annotator by the bounded one (same rules, same order)."""
    from deduce.annotator import ContextAnnotator

    names = model.processors["names"]
    for position, name in enumerate(names.get_names(recursive=False)):
        old = names[name]
        if type(old) is ContextAnnotator and old.iterative:
            bounded = _bounded_context_class()(old)
            names.remove_processor(name)
            names.add_processor(name, bounded, position=position)


@cache
def _bounded_context_class() -> type:
    from deduce.annotator import ContextAnnotator
    from docdeid.annotation import Annotation, AnnotationSet

    def joined(text: str, annotations: Any) -> Any:
        """Overlapping annotations as one: the left end (token, first tag part) of the leftmost, the right
        end (token, last tag part) of the rightmost, so that it grows as they would at its ends."""
        result = AnnotationSet()
        ordered = sorted(annotations, key=lambda a: (a.start_char, -a.end_char))
        index = 0
        while index < len(ordered):
            left = right = ordered[index]
            priority = left.priority
            index += 1
            while index < len(ordered) and ordered[index].start_char < right.end_char:
                if ordered[index].end_char > right.end_char:
                    right = ordered[index]
                priority = max(priority, ordered[index].priority)
                index += 1
            if right is left:
                result.add(left)
                continue
            result.add(
                Annotation(
                    text=text[left.start_char : right.end_char],
                    start_char=left.start_char,
                    end_char=right.end_char,
                    start_token=left.start_token,
                    end_token=right.end_token,
                    tag=f"{left.tag}+{right.tag}",
                    priority=priority,
                )
            )
        return result

    class BoundedContextAnnotator(ContextAnnotator):  # type: ignore[misc]  # deduce ships no types
        """deduce's ContextAnnotator with a bounded number of rounds (and a loop instead of recursion)."""

        def __init__(self, original: ContextAnnotator) -> None:
            self.__dict__.update(original.__dict__)

        def _annotate(self, text: str, annotations: Any) -> Any:
            done = AnnotationSet()
            todo = annotations
            for round_ in range(NAME_CONTEXT_ROUNDS):
                before = todo.copy()
                for context_pattern in self.pattern:
                    todo = self._apply_context_pattern(text, todo, context_pattern)
                changed = AnnotationSet(todo.difference(before))
                done.update(todo.intersection(before))
                if not changed:
                    return done
                todo = joined(text, changed) if round_ + 1 >= EXACT_ROUNDS else changed
            done.update(todo)
            return done

    return BoundedContextAnnotator


@contextmanager
def _no_gc() -> Iterator[None]:
    """Without the cyclic garbage collector while loading millions of small objects (deduce's pickled
    lookup tries, the word lists): the collector would walk them again and again; loading takes half.
    Afterwards they are frozen (`gc.freeze`): they live as long as the process, and a full collection
    that walked them would stop a request for seconds (seen: one check of 0.2 s taking 5.6 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
