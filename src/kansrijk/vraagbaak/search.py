"""Searching the Vraagbaak: visible questions with their answers, in the Kaart's hybrid search.

Each visible question (published or closed) is one document of `kansrijk.search.index.SearchIndex`:
the lexical side indexes its title (twice, to weigh it), its text, the labels of its tags, its visible
human answers, its solution and what the asker later said worked; the semantic side embeds the title
and the text (stored per text by `kansrijk.search.store`, with the Kaart's embedder, so an answer
arriving never re-embeds a question). Tags are the facet "tag"; the flag "solved" says the question
has a solution.

Like the Kaart, each process keeps one index with the version it was built from. The version is a
few aggregates over the visible questions, their answers and the solution feedback (two small
queries per search), so a publication, a new answer, a solution or a hidden answer in any process
is seen by the next search in every process. Not seen: an in-place edit of a visible question's
title or text that changes nothing else (see `index_version`).
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Max, Sum

from kansrijk.search.embedding import get_embedder
from kansrijk.search.index import Document, FacetFilter, Hit, Mode, Query, SearchIndex
from kansrijk.search.store import embeddings_for
from kansrijk.search.text import QUESTION_STOP_WORDS, STOP_WORDS, normalise, stem, words
from kansrijk.vraagbaak import tags as vraagbaak_tags
from kansrijk.vraagbaak.models import VISIBLE_STATES, Answer, AnswerState, Question

logger = logging.getLogger(__name__)


# A request computes at most this many missing embeddings itself; `warm_index()` (a worker job)
# computes the rest. An index built while some were missing is rebuilt after a while to pick them up.
REQUEST_EMBED_LIMIT = 50
INCOMPLETE_REBUILD_SECONDS = 60.0
SEMANTIC_TEXT_CHARS = 1500  # the embedder reads about 512 tokens; the start of a question says most
MAX_QUERY_CHARS = 2000
SNIPPET_CHARS = 200
SIMILAR_MIN_WORDS = 3

# Words almost every Vraagbaak question uses: they rank (BM25 weighs them low) but never on their own
# make an earlier question "similar" (see `is_relevant`).
GENERIC_WORDS = frozenset(
    stem(word)
    for word in """
    moeder moeders vader vaders ouder ouders gezin gezinnen kind kinderen kindje baby babys familie vrouw man
    mevrouw meneer client clienten clientje vraag vragen antwoord situatie casus collega collegas
    goed weet weten denk denken gaat gaan doen heel veel erg echt
    """.split()  # noqa: SIM905 - a word list reads better as text
)

VersionKey = tuple[object, ...]


@dataclass(frozen=True)
class QuestionHit:
    question: Question
    score: float
    hit: Hit
    snippet: str  # a short piece of the question (or its answers) around the matched words


@dataclass
class _Bundle:
    version: VersionKey
    index: SearchIndex
    questions: dict[str, Question]
    texts: dict[str, tuple[str, ...]]  # per document: the texts a snippet may come from, in order
    built_seconds: float = 0.0
    embedded: int = 0
    missing: int = 0
    built_at: float = field(default_factory=time.monotonic)


_lock = threading.Lock()
_bundle: _Bundle | None = None


# --- version --------------------------------------------------------------------------------------


def index_version() -> VersionKey:
    """A cheap key that changes whenever the searchable content changes: which questions are visible
    (count and sum of ids), when one was last published, solved, closed or edited, which answers solve them,
    their tags, the solution feedback, and which answers are visible (count, sum of ids, last written
    or edited)."""
    questions = Question.objects.online().aggregate(
        n=Count("pk", distinct=True),
        ids=Sum("pk", distinct=True),
        published=Max("published_at"),
        solved=Max("solved_at"),
        closed=Max("closed_at"),
        edited=Max("edited_at"),
        solutions=Sum("solution_id", distinct=True),
        solved_n=Count("solution_id", distinct=True),
        tag_n=Count("tags", distinct=True),
        tag_max=Max("tags__pk"),
        feedback_n=Count("feedback", distinct=True),
        feedback_at=Max("feedback__created_at"),
    )
    answers = Answer.objects.filter(state=AnswerState.VISIBLE, question__state__in=VISIBLE_STATES).aggregate(
        n=Count("pk"), ids=Sum("pk"), created=Max("created_at"), edited=Max("edited_at")
    )
    return (*sorted(questions.items()), *sorted(answers.items()))


# --- building -------------------------------------------------------------------------------------


def _answer_text(answer: Answer) -> str:
    """An automatic answer counts with its statements only (its intro is the same everywhere)."""
    if answer.is_automatic:
        return " ".join(str(s.get("text", "")) for s in answer.statements if isinstance(s, dict))
    return answer.text


def _tag_labels(keys: Iterable[str], labels: dict[str, str]) -> list[str]:
    return [labels[key] for key in keys if key in labels]


def question_document(question: Question, *, tag_labels: dict[str, str]) -> tuple[Document, tuple[str, ...]]:
    """The search document of a visible question (its answers, tags, solution and feedback
    prefetched), and the texts a snippet may be cut from."""
    tag_keys = [t.tag for t in question.tags.all()]
    visible = [a for a in question.answers.all() if a.state == AnswerState.VISIBLE]
    human = [a.text for a in visible if not a.is_automatic and a.pk != question.solution_id]
    solution = question.solution if question.solution_id is not None else None
    solution_text = _answer_text(solution) if solution is not None and solution.state == AnswerState.VISIBLE else ""
    feedback = getattr(question, "feedback", None)
    feedback_text = feedback.text if feedback is not None else ""
    parts = [
        question.title,
        question.title,
        question.text,
        *_tag_labels(tag_keys, tag_labels),
        solution_text,
        *human,
        feedback_text,
    ]
    document = Document(
        id=str(question.pk),
        text=" ".join(part for part in parts if part),
        semantic_text=f"{question.title}. {question.text}"[:SEMANTIC_TEXT_CHARS],
        facets={"tag": frozenset(tag_keys)},
        flags={"solved": question.solution_id is not None},
    )
    snippet_sources = tuple(t for t in (question.text, solution_text, feedback_text, *human, question.title) if t)
    return document, snippet_sources


def visible_questions() -> list[Question]:
    """The searchable questions, newest first (the order of a search without words)."""
    return list(
        Question.objects.online()
        .select_related("solution", "feedback")
        .prefetch_related("tags", "answers")
        .order_by("-published_at", "-pk")
    )


def build_bundle(version: VersionKey | None = None, *, compute_at_most: int | None = None) -> _Bundle:
    started = time.perf_counter()
    version = index_version() if version is None else version
    questions = visible_questions()
    labels = {key: tag.label for key, tag in vraagbaak_tags.tag_index().items()} if questions else {}
    documents: list[Document] = []
    texts: dict[str, tuple[str, ...]] = {}
    for question in questions:
        document, sources = question_document(question, tag_labels=labels)
        documents.append(document)
        texts[document.id] = sources
    embedder = get_embedder()
    vectors = None
    embedded = missing = 0
    if embedder is not None and documents:
        found = embeddings_for([d.semantic_text for d in documents], embedder, compute_at_most=compute_at_most)
        vectors, embedded, missing = found.vectors, found.computed, found.missing
    index = SearchIndex(documents, embedder=embedder if documents else None, vectors=vectors)
    bundle = _Bundle(
        version=version,
        index=index,
        questions={str(q.pk): q for q in questions},
        texts=texts,
        embedded=embedded,
        missing=missing,
    )
    bundle.built_seconds = time.perf_counter() - started
    logger.info(
        "vraagbaak: search index built: %d questions in %.2f s (%d embedded now, semantic %s)",
        len(questions),
        bundle.built_seconds,
        embedded,
        "on" if embedder is not None else "off",
    )
    return bundle


def _stale(bundle: _Bundle | None, version: VersionKey) -> bool:
    if bundle is None or bundle.version != version:
        return True
    return bundle.missing > 0 and time.monotonic() - bundle.built_at > INCOMPLETE_REBUILD_SECONDS


def current_bundle(*, in_request: bool = True) -> _Bundle:
    """This process's index, rebuilt first when the Vraagbaak changed since it was built."""
    global _bundle
    version = index_version()
    bundle = _bundle
    if bundle is not None and not _stale(bundle, version):
        return bundle
    with _lock:
        bundle = _bundle
        if bundle is None or _stale(bundle, version):
            bundle = build_bundle(version, compute_at_most=REQUEST_EMBED_LIMIT if in_request else None)
            _bundle = bundle
        return bundle


def warm_index() -> int:
    """Build the index with every missing embedding computed (for a worker job); returns how many
    embeddings were computed."""
    forget_index()
    return current_bundle(in_request=False).embedded


def forget_index() -> None:
    """Drop this process's index (tests, and after changing the embedder setting)."""
    global _bundle
    with _lock:
        _bundle = None


# --- searching ------------------------------------------------------------------------------------


def snippet(texts: Sequence[str], matched_words: Sequence[str], *, length: int = SNIPPET_CHARS) -> str:
    """About `length` characters of the first text that contains a matched word (by stem), around
    that word; else the start of the first text. Cut at word boundaries, with "…" where cut."""
    wanted = {stem(word) for word in matched_words}
    for text in texts:
        for match in re.finditer(r"\w+", text):
            word = normalise(match.group())
            if word in STOP_WORDS or stem(word) not in wanted:
                continue
            return _cut(text, match.start(), length)
    return _cut(texts[0], 0, length) if texts else ""


def _cut(text: str, position: int, length: int) -> str:
    text = " ".join(text.split())  # positions shift a little; good enough for a window
    if len(text) <= length:
        return text
    start = max(0, min(position - length // 3, len(text) - length))
    end = start + length
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < position else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _tag_filters(tag_keys: Sequence[str]) -> tuple[FacetFilter, ...]:
    """Every chosen tag must be on the question (each tag narrows)."""
    return tuple(FacetFilter(facet="tag", values=frozenset({key})) for key in dict.fromkeys(tag_keys))


def _hits(bundle: _Bundle, query: Query) -> list[QuestionHit]:
    found = bundle.index.search(query)
    return [
        QuestionHit(
            question=bundle.questions[hit.id],
            score=hit.score,
            hit=hit,
            snippet=snippet(bundle.texts[hit.id], hit.matched_words),
        )
        for hit in found
    ]


def question_search(
    *,
    query: str,
    limit: int = 10,
    solved_only: bool = False,
    tags: Sequence[str] = (),
    mode: Mode = "hybrid",
) -> list[QuestionHit]:
    """Visible questions for a search in plain words, best first. Every chosen tag must be on a
    question. Without words: every (matching) question, newest first. As on the Kaart, the semantic
    side ranks every question, so the list is full up to `limit` even when few share a word; use
    `is_relevant` where only clearly related questions may show."""
    bundle = current_bundle()
    text = " ".join(query.split())[:MAX_QUERY_CHARS]
    search_query = Query(
        text=text,
        semantic_text=text,
        filters=_tag_filters(tags),
        flags={"solved": True} if solved_only else {},
        limit=limit,
        mode=mode,
    )
    return _hits(bundle, search_query)


def shared_words(hit: Hit) -> set[str]:
    """The meaningful words (stemmed) a hit shares with its query: no stop words, no generic words."""
    return {stem(word) for word in hit.matched_words if word not in QUESTION_STOP_WORDS} - GENERIC_WORDS


def is_relevant(hit: QuestionHit, *, query: str) -> bool:
    """Whether an earlier question clearly relates to `query`, beyond "nearest by meaning" (the
    semantic side always finds a nearest one, however far): it shares enough of the query's
    meaningful words — a quarter of them, at least 2 and at most 4."""
    needed = min(4, max(2, math.ceil(len(meaningful_stems(query)) / 4)))
    return len(shared_words(hit.hit)) >= needed


def meaningful_stems(text: str) -> list[str]:
    """The different content words of a question, stemmed: without the question reader's stop words
    ("ik heb een vraag over") and the words nearly every question uses."""
    stems = (stem(word) for word in words(text) if word not in QUESTION_STOP_WORDS and len(word) > 1)
    return [s for s in dict.fromkeys(stems) if s not in GENERIC_WORDS and not s.isdigit()]


def meaningful_words(text: str) -> int:
    return len(meaningful_stems(text))


def similar_questions(
    *,
    title: str,
    text: str,
    limit: int = 5,
    exclude_id: int | None = None,
    solved_only: bool = False,
    tags: Sequence[str] = (),
) -> list[QuestionHit]:
    """Earlier visible questions that clearly resemble a question being written (see
    `is_relevant`); nothing while it has fewer than three meaningful words. `tags` (the tags chosen
    so far) bring questions sharing one forward, but do not filter."""
    combined = " ".join(f"{title} {text}".split())[:MAX_QUERY_CHARS]
    if meaningful_words(combined) < SIMILAR_MIN_WORDS:
        return []
    bundle = current_bundle()
    boosts = (FacetFilter(facet="tag", values=frozenset(tags), weight=0.5),) if tags else ()
    # The title says what the question is about: it counts twice for the words.
    search_query = Query(
        text=f"{title} {combined}",
        semantic_text=combined,
        flags={"solved": True} if solved_only else {},
        boosts=boosts,
        limit=max(10 * limit, 50),  # room for the ones `is_relevant` leaves out
    )
    hits = [
        hit for hit in _hits(bundle, search_query) if hit.question.pk != exclude_id and is_relevant(hit, query=combined)
    ]
    return hits[:limit]
