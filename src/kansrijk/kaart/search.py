"""Searching the Kaart: understand the question, filter, rank (hybrid), explain.

The public page, the API and `kansrijk kaart search` all call `kaart_search`. Each process keeps one
search index in memory together with the map version it was built from; every search first reads
the version (one small query) and rebuilds when the map changed, so several web and worker
processes never serve an outdated map for longer than one search.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kansrijk.core import clock
from kansrijk.geo.models import Gebied, PostcodeArea, Stadsdeel, Wijk
from kansrijk.kaart import selectors
from kansrijk.kaart.documents import served_stadsdelen, service_documents
from kansrijk.kaart.hours import opening_hours
from kansrijk.kaart.models import Service, Taxonomy, TaxonomyTerm
from kansrijk.kaart.opening import OpeningHours, is_open
from kansrijk.kaart.understanding import (
    MAX_QUERY_CHARS,
    LanguageName,
    Place,
    Term,
    Understood,
    Vocabulary,
    understand,
    without,
)
from kansrijk.search.embedding import get_embedder
from kansrijk.search.index import FacetFilter, Hit, Mode, Query, SearchIndex
from kansrijk.search.store import embeddings_for

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class KaartFilters:
    """Filters chosen in the search form (or the API), on top of what the question says."""

    stadsdelen: tuple[str, ...] = ()
    gebieden: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    phase: str | None = None
    languages: tuple[str, ...] = ()
    free: bool | None = None
    open_now: bool = False
    removed: tuple[tuple[str, str], ...] = ()  # chips the person took away: (kind, value)


@dataclass(frozen=True)
class KaartResult:
    service: Service
    why: tuple[str, ...]
    hit: Hit
    stale: bool
    areas: tuple[str, ...]  # names of the stadsdelen it serves (all of them for a city-wide service)


@dataclass(frozen=True)
class KaartSearchResult:
    query: str
    understood: Understood
    places: tuple[str, ...]  # names of the understood stadsdelen
    results: tuple[KaartResult, ...]
    candidates: int  # services that passed the filters
    mode: Mode
    semantic: bool  # whether the semantic side took part
    seconds: float
    version: int


@dataclass
class _Bundle:
    version: int
    index: SearchIndex
    services: dict[str, Service]
    vocabulary: Vocabulary
    stadsdeel_names: dict[str, str]
    gebied_stadsdeel: dict[str, str]
    built_seconds: float
    embedded: int = 0
    missing: int = 0  # services without a stored embedding yet (found by words only until then)
    built_at: float = field(default_factory=time.monotonic)
    # Opening hours per service, made when an "open now" search first needs them. Every period carries its
    # schedule's validity dates, so hours made on one day still answer correctly on the days after it.
    hours: dict[str, OpeningHours | None] = field(default_factory=dict)

    def open_ids(self, at: datetime) -> frozenset[str]:
        day = clock.local_date(at)
        open_ids = set()
        for doc_id, service in self.services.items():
            if doc_id not in self.hours:
                self.hours[doc_id] = opening_hours(service, on=day)
            found = self.hours[doc_id]
            if found is not None and is_open(found, at):
                open_ids.add(doc_id)
        return frozenset(open_ids)


_lock = threading.Lock()
_bundle: _Bundle | None = None


# --- building -------------------------------------------------------------------------------------


# The Kaart's taxonomies by the name the question understanding gives them.
TERM_TAXONOMIES: Mapping[str, str] = {
    Taxonomy.HULPVRAAG: "hulpvraag",
    Taxonomy.FASE: "fase",
    Taxonomy.DOELGROEP: "doelgroep",
}


def build_vocabulary() -> Vocabulary:
    """The words the question understanding knows, from the database (geography and taxonomy)."""
    places: list[Place] = [
        Place(kind="stadsdeel", code=s.code, name=s.naam, stadsdeel_code=s.code, gebied_code=None)
        for s in Stadsdeel.objects.all()
    ]
    places += [
        Place(kind="gebied", code=g.code, name=g.naam, stadsdeel_code=g.stadsdeel.code, gebied_code=g.code)
        for g in Gebied.objects.select_related("stadsdeel")
    ]
    places += [
        Place(kind="wijk", code=w.code, name=w.naam, stadsdeel_code=w.gebied.stadsdeel.code, gebied_code=w.gebied.code)
        for w in Wijk.objects.select_related("gebied__stadsdeel")
    ]
    postcodes = {
        area.pc4: Place(
            kind="postcode",
            code=area.pc4,
            name=area.pc4,
            stadsdeel_code=area.stadsdeel.code,
            gebied_code=area.gebied.code if area.gebied is not None else None,
        )
        for area in PostcodeArea.objects.select_related("stadsdeel", "gebied")
    }
    terms = [
        Term(
            taxonomy=TERM_TAXONOMIES[term.taxonomy_id],
            code=term.code,
            label_nl=term.label_nl,
            label_en=term.label_en,
            synonyms=tuple([*term.synonyms_nl, *term.synonyms_en]),
        )
        for term in TaxonomyTerm.objects.filter(active=True, taxonomy_id__in=TERM_TAXONOMIES)
    ]
    languages = [
        LanguageName(code=lang.code, name_nl=lang.name_nl, name_en=lang.name_en, synonyms=tuple(lang.synonyms))
        for lang in selectors.languages()
    ]
    return Vocabulary(places=places, postcodes=postcodes, terms=terms, languages=languages)


def build_bundle(version: int | None = None, *, compute_at_most: int | None = None) -> _Bundle:
    """Build this process's index. `compute_at_most` limits how many missing embeddings are computed
    now (a web request); the others count as `missing` until the worker has stored them."""
    started = time.perf_counter()
    version = selectors.kaart_version() if version is None else version
    services = list(selectors.public_services())
    vocabulary = build_vocabulary()
    gebied_stadsdeel = {p.code: p.stadsdeel_code for p in vocabulary.places if p.kind == "gebied"}
    gebieden_of: dict[str, frozenset[str]] = {}
    for gebied, stadsdeel in gebied_stadsdeel.items():
        gebieden_of[stadsdeel] = gebieden_of.get(stadsdeel, frozenset()) | {gebied}
    documents = service_documents(services, gebieden_of=gebieden_of)
    embedder = get_embedder()
    vectors = None
    embedded = missing = 0
    if embedder is not None:
        found = embeddings_for([doc.semantic_text for doc in documents], embedder, compute_at_most=compute_at_most)
        vectors, embedded, missing = found.vectors, found.computed, found.missing
    index = SearchIndex(documents, embedder=embedder, vectors=vectors if documents else None)
    bundle = _Bundle(
        version=version,
        index=index,
        services={str(service.pk): service for service in services},
        vocabulary=vocabulary,
        stadsdeel_names={p.code: p.name for p in vocabulary.places if p.kind == "stadsdeel"},
        gebied_stadsdeel=gebied_stadsdeel,
        built_seconds=0.0,
        embedded=embedded,
        missing=missing,
    )
    bundle.built_seconds = time.perf_counter() - started
    logger.info(
        "kaart: search index v%s built: %d services in %.2f s (%d embedded now, semantic %s)",
        version,
        len(services),
        bundle.built_seconds,
        embedded,
        "on" if embedder is not None else "off",
    )
    return bundle


PLACE_BOOST_WEIGHT = 0.5  # measured: 0.823 nDCG@5 against 0.814 at 1.0 (ADR 0004)

# A request computes at most this many missing embeddings itself (about 30 ms each); the worker's
# `kaart.index_warm` job computes the rest after a large import.
REQUEST_EMBED_LIMIT = 50
# An index built while embeddings were missing is rebuilt after this long, to pick up the stored ones.
INCOMPLETE_REBUILD_SECONDS = 60.0


def _stale(bundle: _Bundle | None, version: int) -> bool:
    if bundle is None or bundle.version != version:
        return True
    return bundle.missing > 0 and time.monotonic() - bundle.built_at > INCOMPLETE_REBUILD_SECONDS


def current_bundle(*, in_request: bool = True) -> _Bundle:
    """This process's index, rebuilt first if the map changed since it was built. In a request at
    most REQUEST_EMBED_LIMIT missing embeddings are computed; the worker (in_request=False) computes all."""
    global _bundle
    version = selectors.kaart_version()
    bundle = _bundle
    if bundle is not None and not _stale(bundle, version):
        return bundle
    with _lock:
        bundle = _bundle
        if bundle is None or _stale(bundle, version):
            bundle = build_bundle(version, compute_at_most=REQUEST_EMBED_LIMIT if in_request else None)
            _bundle = bundle
        return bundle


def forget_index() -> None:
    """Drop this process's index (tests, and after changing the embedder setting)."""
    global _bundle
    with _lock:
        _bundle = None


# --- searching ------------------------------------------------------------------------------------


def _merge(understood: Understood, filters: KaartFilters, bundle: _Bundle) -> Understood:
    for kind, value in filters.removed:
        understood = without(understood, kind, value, bundle.vocabulary)
    return understood


def _place_filter(stadsdelen: set[str], gebieden: set[str], gebied_stadsdeel: Mapping[str, str]) -> FacetFilter | None:
    """A named gebied narrows its own stadsdeel; other named stadsdelen stay whole."""
    narrowed = {gebied_stadsdeel[g] for g in gebieden if g in gebied_stadsdeel}
    whole = stadsdelen - narrowed
    if not whole and not gebieden:
        return None
    return FacetFilter(
        facet="stadsdeel",
        values=frozenset(whole),
        or_flag="whole_city",
        alternatives=(("gebied", frozenset(gebieden)),),
    )


def build_query(
    understood: Understood,
    filters: KaartFilters,
    bundle: _Bundle,
    *,
    limit: int,
    mode: Mode,
    at: datetime,
) -> Query:
    facet_filters: list[FacetFilter] = []
    place = _place_filter(
        set(understood.stadsdelen) | set(filters.stadsdelen),
        set(understood.gebieden) | set(filters.gebieden),
        bundle.gebied_stadsdeel,
    )
    boosts: list[FacetFilter] = []
    if place is not None:
        facet_filters.append(place)
        # Help in the asked area itself comes before help for the whole city (but not before the need).
        boosts.append(replace(place, or_flag=None, weight=PLACE_BOOST_WEIGHT))
    categories = frozenset(understood.categories) | frozenset(filters.categories)
    if categories:
        # A need chosen in the form must hold; a need read from the question comes first.
        category_filter = FacetFilter(facet="category", values=categories)
        (facet_filters if filters.categories else boosts).append(category_filter)
    if understood.target_groups:
        # "ik ben 19", "vader", "zonder papieren": help meant for that group comes first.
        boosts.append(FacetFilter(facet="target_group", values=frozenset(understood.target_groups)))
    phase = filters.phase or understood.phase
    if phase:
        facet_filters.append(FacetFilter(facet="phase", values=frozenset({phase})))
    languages = frozenset(understood.languages) | frozenset(filters.languages)
    if languages:
        facet_filters.append(FacetFilter(facet="language", values=languages))
    free = filters.free if filters.free is not None else understood.free
    only_ids = bundle.open_ids(at) if filters.open_now else None
    return Query(
        # Words rank on the need alone; the sentence model reads the whole question, as it was asked.
        text=understood.ranking_text,
        semantic_text=understood.query if understood.ranking_text else "",
        filters=tuple(facet_filters),
        flags={"free": True} if free else {},
        boosts=tuple(boosts),
        only_ids=only_ids,
        limit=limit,
        mode=mode,
    )


def _why(service: Service, hit: Hit, understood: Understood, filters: KaartFilters, bundle: _Bundle) -> tuple[str, ...]:
    """A short B1 explanation of why this service is in the list, in the interface language."""
    language = get_language() or "nl"
    reasons: list[str] = []
    asked = set(understood.categories) | set(filters.categories)
    matching = [term.label(language) for term in service.categories.all() if term.code in asked]
    if matching:
        reasons.append(_("Helpt bij: %(needs)s") % {"needs": ", ".join(matching)})
    places = set(understood.stadsdelen) | set(filters.stadsdelen)
    places |= {bundle.gebied_stadsdeel[code] for code in filters.gebieden if code in bundle.gebied_stadsdeel}
    if places:
        if service.whole_city:
            reasons.append(_("Voor heel Amsterdam"))
        else:
            own = served_stadsdelen(service)
            names = [bundle.stadsdeel_names[code] for code in sorted(places & own) if code in bundle.stadsdeel_names]
            if names:
                reasons.append(_("In %(places)s") % {"places": ", ".join(names)})
    if (filters.free if filters.free is not None else understood.free) and service.free:
        reasons.append(_("Gratis"))
    asked_languages = set(understood.languages) | set(filters.languages)
    spoken = [
        lang.name(language)
        for lang in sorted(service.languages.all(), key=lambda lang: lang.code)
        if lang.code in asked_languages
    ]
    if spoken:
        reasons.append(_("Spreekt %(languages)s") % {"languages": ", ".join(spoken)})
    if hit.matched_words:
        reasons.append(_("Jouw woorden: %(words)s") % {"words": ", ".join(hit.matched_words[:4])})
    elif hit.semantic_rank is not None and not matching:
        reasons.append(_("Lijkt op wat je zoekt"))
    return tuple(reasons)


def kaart_search(
    *,
    query: str,
    filters: KaartFilters | None = None,
    limit: int = 10,
    mode: Mode = "hybrid",
    at: datetime | None = None,
) -> KaartSearchResult:
    """Search the public map. `query` is free text in plain words (Dutch or English)."""
    started = time.perf_counter()
    filters = filters or KaartFilters()
    bundle = current_bundle()
    query = " ".join(query.split())[:MAX_QUERY_CHARS]
    understood = _merge(understand(query, bundle.vocabulary), filters, bundle)
    moment = at or clock.now()
    search_query = build_query(understood, filters, bundle, limit=limit, mode=mode, at=moment)
    hits, candidates = bundle.index.search_counted(search_query)
    today = clock.local_date(moment)
    results = tuple(
        KaartResult(
            service=bundle.services[hit.id],
            why=_why(bundle.services[hit.id], hit, understood, filters, bundle),
            hit=hit,
            stale=selectors.is_stale(bundle.services[hit.id], today),
            areas=_served_names(bundle.services[hit.id], bundle),
        )
        for hit in hits
    )
    return KaartSearchResult(
        query=query,
        understood=understood,
        places=tuple(bundle.stadsdeel_names.get(code, code) for code in understood.stadsdelen),
        results=results,
        candidates=candidates,
        mode=mode,
        semantic=mode == "hybrid" and bundle.index.embedder is not None,
        seconds=time.perf_counter() - started,
        version=bundle.version,
    )


def _served_names(service: Service, bundle: _Bundle) -> tuple[str, ...]:
    if service.whole_city:
        return tuple(sorted(bundle.stadsdeel_names.values()))
    names = (bundle.stadsdeel_names.get(code) for code in served_stadsdelen(service))
    return tuple(sorted(name for name in names if name is not None))
