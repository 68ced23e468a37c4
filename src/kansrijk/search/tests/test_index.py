"""The hybrid index on its own: filters first, then lexical and semantic ranks fused (RRF)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from kansrijk.search.index import Document, FacetFilter, Query, SearchIndex
from kansrijk.search.text import tokens


class KeywordEmbedder:
    """A transparent stand-in for a sentence model: one dimension per concept word, so a test can
    say exactly which documents are "semantically" close. (The real models are measured in the
    benchmark; this checks the fusion logic.)"""

    name = "test-keywords"
    dimensions = 4
    concepts = ("baby", "geld", "roken", "taal")

    def _vector(self, text: str) -> np.ndarray:
        lowered = text.lower()
        vector = np.array([1.0 if concept in lowered else 0.0 for concept in self.concepts], dtype=np.float32)
        vector += 0.01  # never all zero
        return vector / np.linalg.norm(vector)

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        return np.vstack([self._vector(text) for text in texts])

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def doc(doc_id: str, text: str, semantic: str = "", **facets: set[str]) -> Document:
    flags = {"whole_city": "heel" in facets.pop("flag", set()), "free": "gratis" in text.lower()}
    return Document(
        id=doc_id,
        text=text,
        semantic_text=semantic or text,
        facets={name: frozenset(values) for name, values in facets.items()},
        flags=flags,
    )


DOCS = [
    doc("babybank-nw", "Babybank: gratis kleding en een kinderwagen", stadsdeel={"F"}, category={"babyspullen"}),
    doc("babybank-zo", "Babybank Zuidoost: spullen voor je baby", stadsdeel={"T"}, category={"babyspullen"}),
    doc("schuldhulp", "Schuldhulp: hulp bij rekeningen", "geld zorgen", stadsdeel={"F"}, category={"geldzorgen"}),
    doc("rookstop", "Stoppen met roken tijdens de zwangerschap", stadsdeel={"T"}, category={"roken"}),
    doc("lijn", "Telefonische hulplijn voor ouders", "baby geld", flag={"heel"}, category={"opvoeden"}),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    embedder = KeywordEmbedder()
    return SearchIndex(DOCS, embedder=embedder, vectors=embedder.embed_documents([d.semantic_text for d in DOCS]))


def ids(hits) -> list[str]:
    return [hit.id for hit in hits]


def test_tokens_are_stemmed_without_stop_words():
    assert tokens("Ik zoek de rekeningen en vaders") == tokens("rekening vader")
    assert tokens("Café ZWANGERE") == tokens("cafe zwanger")
    assert "de" not in tokens("de baby")


def test_lexical_match_comes_first(index):
    hits = index.search(Query(text="kinderwagen", mode="lexical"))
    assert ids(hits) == ["babybank-nw"]
    assert hits[0].matched_words == ("kinderwagen",)
    assert hits[0].semantic_rank is None


def test_place_filter_keeps_the_whole_city(index):
    place = FacetFilter(facet="stadsdeel", values=frozenset({"T"}), or_flag="whole_city")
    hits = index.search(Query(text="", filters=(place,), limit=10))
    assert set(ids(hits)) == {"babybank-zo", "rookstop", "lijn"}


def test_a_filtered_out_document_never_appears_however_well_it_matches(index):
    place = FacetFilter(facet="stadsdeel", values=frozenset({"T"}))
    assert "babybank-nw" not in ids(index.search(Query(text="babybank kinderwagen kleding", filters=(place,))))


def test_flags_filter(index):
    assert ids(index.search(Query(text="babybank", flags={"free": True}))) == ["babybank-nw"]


def test_semantic_side_finds_what_words_miss(index):
    # "geld" is not in the lexical text of the schuldhulp document, only in its semantic text.
    lexical = ids(index.search(Query(text="geld", mode="lexical")))
    hybrid = ids(index.search(Query(text="geld", mode="hybrid")))
    assert "schuldhulp" not in lexical
    assert "schuldhulp" in hybrid


def test_rrf_rewards_agreement_between_signals(index):
    hits = index.search(Query(text="babybank baby"))
    # Both babybanks match on words and meaning; the line matches on meaning only.
    assert set(ids(hits)[:2]) == {"babybank-nw", "babybank-zo"}
    assert hits[0].lexical_rank is not None and hits[0].semantic_rank is not None


def test_boost_lifts_documents_of_the_understood_need(index):
    boost = FacetFilter(facet="category", values=frozenset({"roken"}))
    hits = index.search(Query(text="hulp", boosts=(boost,), mode="lexical"))
    assert ids(hits)[0] == "rookstop"
    assert hits[0].boosted


def test_only_filters_lists_every_allowed_document(index):
    category = FacetFilter(facet="category", values=frozenset({"babyspullen"}))
    assert set(ids(index.search(Query(text="", filters=(category,))))) == {"babybank-nw", "babybank-zo"}


def test_only_ids_restricts(index):
    assert ids(index.search(Query(text="babybank", only_ids=frozenset({"babybank-zo"})))) == ["babybank-zo"]


def test_alternative_facets_are_or(index):
    place = FacetFilter(facet="stadsdeel", values=frozenset({"F"}), alternatives=(("category", frozenset({"roken"})),))
    assert set(ids(index.search(Query(text="", filters=(place,))))) == {"babybank-nw", "schuldhulp", "rookstop"}


def test_limit_and_empty_index():
    assert SearchIndex([]).search(Query(text="baby")) == []
    big = SearchIndex([doc(str(i), f"baby hulp {i}") for i in range(30)])
    assert len(big.search(Query(text="baby", limit=7, mode="lexical"))) == 7


def test_without_an_embedder_search_is_lexical(index):
    lexical_only = SearchIndex(DOCS)
    hits = lexical_only.search(Query(text="kinderwagen", mode="hybrid"))
    assert ids(hits) == ["babybank-nw"] and hits[0].semantic_rank is None


def test_vectors_must_match_documents():
    with pytest.raises(ValueError, match="one vector per document"):
        SearchIndex(DOCS, embedder=KeywordEmbedder(), vectors=np.zeros((2, 4), dtype=np.float32))
