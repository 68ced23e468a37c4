"""Embeddings are computed once per text and model, and kept in the database."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kansrijk.search.embedding import Embedder, Vector
from kansrijk.search.models import StoredEmbedding

BATCH = 500  # computed and stored per batch, so an interrupted build keeps its work


def text_hash(model_name: str, text: str) -> str:
    return hashlib.sha256(f"{model_name}\x00{text}".encode()).hexdigest()


@dataclass(frozen=True)
class Embeddings:
    vectors: Vector  # one unit row per text; all zeros for a text whose vector is still missing
    computed: int  # vectors computed during this call
    missing: int  # texts left without a vector (beyond `compute_at_most`)


def embeddings_for(texts: Sequence[str], embedder: Embedder, *, compute_at_most: int | None = None) -> Embeddings:
    """Vectors for `texts`, in order: stored ones are loaded, missing ones computed (at most
    `compute_at_most` of them, so a web request never embeds a whole import) and stored."""
    hashes = [text_hash(embedder.name, text) for text in texts]
    stored: dict[str, Vector] = {}
    unique = list(dict.fromkeys(hashes))
    for start in range(0, len(unique), 900):  # SQLite allows ~999 parameters per query
        for row in StoredEmbedding.objects.filter(
            model_name=embedder.name, text_hash__in=unique[start : start + 900]
        ).only("text_hash", "vector"):
            stored[row.text_hash] = np.frombuffer(bytes(row.vector), dtype="<f4")
    missing = [(h, text) for h, text in dict(zip(hashes, texts, strict=True)).items() if h not in stored]
    to_compute = missing if compute_at_most is None else missing[:compute_at_most]
    for start in range(0, len(to_compute), BATCH):
        batch = to_compute[start : start + BATCH]
        vectors = embedder.embed_documents([text for _h, text in batch])
        rows = []
        for (h, _text), vector in zip(batch, vectors, strict=True):
            stored[h] = vector
            rows.append(
                StoredEmbedding(
                    model_name=embedder.name,
                    text_hash=h,
                    dimensions=int(vector.shape[0]),
                    vector=vector.astype("<f4").tobytes(),
                )
            )
        StoredEmbedding.objects.bulk_create(rows, ignore_conflicts=True)
    if not texts:
        return Embeddings(np.zeros((0, 0), dtype=np.float32), 0, 0)
    zero = np.zeros(embedder.dimensions, dtype=np.float32)  # a text whose vector is still missing
    matrix = np.ascontiguousarray(np.vstack([stored.get(h, zero) for h in hashes]), dtype=np.float32)
    return Embeddings(matrix, len(to_compute), len(missing) - len(to_compute))
