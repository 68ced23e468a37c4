"""How a service becomes a search document: its text, its facets and its flags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kansrijk.kaart.models import Service
from kansrijk.search.index import Document


def semantic_text(service: Service) -> str:
    """What is embedded: the name, the B1 description and the names of the needs it helps with."""
    labels = ", ".join(term.label_nl for term in service.categories.all())
    return f"{service.name}. {service.description} {labels}".strip()


def lexical_text(service: Service) -> str:
    """What BM25 indexes. The name counts twice; the hulpvraag labels and their everyday synonyms
    are added, so "kinderwagen" finds a babybank whose text only says "babyspullen"."""
    parts = [service.name, service.name, service.alternate_name, service.description, service.organization.name]
    parts += [service.eligibility_description, service.fees_description]
    for term in service.categories.all():
        parts += [term.label_nl, term.label_en, *term.synonyms_nl, *term.synonyms_en]
    for term in [*service.target_groups.all(), *service.phases.all()]:
        parts += [term.label_nl, term.label_en]
    return " ".join(part for part in parts if part)


def served_stadsdelen(service: Service) -> frozenset[str]:
    """The stadsdelen a service names, also through the gebieden it names (not the whole-city flag)."""
    return frozenset({s.code for s in service.stadsdelen.all()} | {g.stadsdeel.code for g in service.gebieden.all()})


def service_document(service: Service, *, gebieden_of: Mapping[str, frozenset[str]]) -> Document:
    """`service` must come with its relations prefetched (`selectors.public_services()`);
    `gebieden_of` maps each stadsdeel code to its gebied codes (the geography)."""
    whole_stadsdelen = {s.code for s in service.stadsdelen.all()}
    some_gebieden = {g.code for g in service.gebieden.all()}
    return Document(
        id=str(service.pk),
        text=lexical_text(service),
        semantic_text=semantic_text(service),
        facets={
            # Named gebieden also put a service in their stadsdeel ...
            "stadsdeel": served_stadsdelen(service),
            # ... and a service for a whole stadsdeel serves each of its gebieden ("in Osdorp" finds it).
            "gebied": frozenset(some_gebieden.union(*(gebieden_of.get(code, ()) for code in whole_stadsdelen))),
            "category": frozenset(t.code for t in service.categories.all()),
            "phase": frozenset(t.code for t in service.phases.all()),
            "target_group": frozenset(t.code for t in service.target_groups.all()),
            "language": frozenset(lang.code for lang in service.languages.all()),
        },
        flags={"free": service.free, "whole_city": service.whole_city},
    )


def service_documents(services: Iterable[Service], *, gebieden_of: Mapping[str, frozenset[str]]) -> list[Document]:
    return [service_document(service, gebieden_of=gebieden_of) for service in services]
