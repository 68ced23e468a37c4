"""The Kaart's search: relevance on the labelled set, latency and index build at 10,000 services, and
index freshness across worker processes. Called by `benchmarks/run.py` (make bench) inside its
throw-away test database.

Relevance: every question of src/kansrijk/kaart/data/relevance_nl.json is asked of the demo map;
nDCG@5 (graded: 2 exactly right, 1 useful) and recall@5 for hybrid, lexical-only, and a plain
substring baseline (an ILIKE-style search: services ranked by how many of the question's words
occur in their name or description).
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import random
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

from django.conf import settings
from django.db import connection, transaction

from measure import percentile  # type: ignore[import-not-found]  # benchmarks/measure.py

REPO = Path(__file__).resolve().parents[1]
RELEVANCE = REPO / "src" / "kansrijk" / "kaart" / "data" / "relevance_nl.json"
SLUGS = REPO / "src" / "kansrijk" / "kaart" / "data" / "demo" / "service_slugs.json"
SCALE = int(os.environ.get("KAART_BENCH_SERVICES", "10000"))
QUERIES = 200
K = 5


# --- relevance --------------------------------------------------------------------------------------


def ndcg(ranked: Sequence[str], relevant: dict[str, int], k: int = K) -> float:
    dcg = sum((2 ** relevant.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2**rel - 1) / math.log2(i + 2) for i, rel in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: Sequence[str], relevant: dict[str, int], k: int = K) -> float:
    wanted = {doc for doc, rel in relevant.items() if rel > 0}
    return len(wanted & set(ranked[:k])) / len(wanted) if wanted else 0.0


def substring_baseline(services: list[Any]) -> Callable[[str], list[str]]:
    from kansrijk.search.text import STOP_WORDS, normalise, words

    texts = [(str(s.pk), normalise(f"{s.name} {s.description}")) for s in services]

    def search(query: str) -> list[str]:
        terms = [w for w in words(query) if w not in STOP_WORDS and len(w) > 2]
        scored = [(sum(term in text for term in terms), pk) for pk, text in texts]
        return [pk for score, pk in sorted(scored, key=lambda item: -item[0]) if score > 0][:K]

    return search


def relevance_report() -> dict[str, float]:
    from kansrijk.kaart.demo import load_demo_map
    from kansrijk.kaart.search import current_bundle, forget_index, kaart_search
    from kansrijk.kaart.selectors import public_services
    from kansrijk.search.embedding import load_embedder

    default_embedder = str(settings.KANSRIJK_SEARCH_EMBEDDER)

    load_demo_map()
    labelled = json.loads(RELEVANCE.read_text(encoding="utf-8"))["questions"]
    slug_ids = json.loads(SLUGS.read_text(encoding="utf-8"))
    questions = [(q["query"], {slug_ids[slug]: grade for slug, grade in q["relevant"].items()}) for q in labelled]
    baseline = substring_baseline(list(public_services()))

    def found(query: str, mode: Literal["hybrid", "lexical"]) -> list[str]:
        return [str(r.service.pk) for r in kaart_search(query=query, limit=K, mode=mode).results]

    # (name, sentence model to use, search); the other model too when its package is installed.
    systems: list[tuple[str, str, Callable[[str], list[str]]]] = [
        ("hybrid", default_embedder, lambda q: found(q, "hybrid")),
        ("lexical-only", default_embedder, lambda q: found(q, "lexical")),
        ("substring (ILIKE-style)", default_embedder, baseline),
    ]
    systems += [
        (f"hybrid with {other}", other, lambda q: found(q, "hybrid"))
        for other in ("use", "e5")
        if other != default_embedder and load_embedder(other) is not None
    ]
    figures: dict[str, float] = {}
    print(f"relevance on {len(questions)} labelled Dutch questions, demo map of {public_services().count()} services:")
    for name, embedder, system in systems:
        settings.KANSRIJK_SEARCH_EMBEDDER = embedder
        forget_index()
        current_bundle(in_request=False)  # embed every service first, as an import does
        ranked = [(system(query), rel) for query, rel in questions]
        figures[name] = statistics.mean(ndcg(hits, rel) for hits, rel in ranked)
        recall_5 = statistics.mean(recall(hits, rel) for hits, rel in ranked)
        print(f"  {name:<26} nDCG@5 {figures[name]:.3f}   recall@5 {recall_5:.3f}")
    settings.KANSRIJK_SEARCH_EMBEDDER = default_embedder
    forget_index()
    ratio = figures["hybrid"] / figures["lexical-only"] if figures["lexical-only"] else float("inf")
    verdict = "meets" if ratio >= 1.15 else "MISSES"
    print(f"  hybrid / lexical-only nDCG@5 = {ratio:.2f}x  ({verdict} the target of 1.15x)")
    return figures


# --- scale ------------------------------------------------------------------------------------------

KINDS: list[tuple[str, str, list[str], list[str]]] = [
    (
        "Babybank",
        "Gratis kleding, luiers en spullen voor je baby als je weinig geld hebt.",
        ["babyspullen"],
        ["na-de-geboorte"],
    ),
    (
        "Kledingruil",
        "Ruil kleding voor kinderen en baby's met andere ouders.",
        ["babyspullen", "contact-met-andere-ouders"],
        ["na-de-geboorte"],
    ),
    (
        "Voedselbank uitgiftepunt",
        "Elke week een pakket met eten als je rond moet komen van weinig geld.",
        ["eten-en-boodschappen"],
        ["na-de-geboorte", "zwangerschap-en-bevalling"],
    ),
    (
        "Budgetcoach",
        "Samen je rekeningen op een rij zetten en een plan maken tegen schulden.",
        ["geldzorgen-en-schulden"],
        ["na-de-geboorte", "zwangerschap-en-bevalling"],
    ),
    (
        "Formulierenhulp",
        "Hulp bij brieven, toeslagen en het aanvragen van de Stadspas.",
        ["regelingen-en-toeslagen"],
        ["na-de-geboorte", "voor-de-zwangerschap"],
    ),
    (
        "Woonloket",
        "Advies als je huis te klein is, bij schimmel of als je geen vaste plek hebt.",
        ["wonen"],
        ["zwangerschap-en-bevalling", "na-de-geboorte"],
    ),
    (
        "Kinderwensspreekuur",
        "Wil je zwanger worden? Praat met een verloskundige over gezond zwanger worden.",
        ["zwanger-worden-en-kinderwens"],
        ["voor-de-zwangerschap"],
    ),
    (
        "Verloskundigenpraktijk",
        "Controles tijdens je zwangerschap en hulp bij de bevalling.",
        ["zwangerschap", "bevalling"],
        ["zwangerschap-en-bevalling"],
    ),
    (
        "Zwangerschapsgroep",
        "Samen met andere zwangeren naar de controles en leren over je zwangerschap.",
        ["zwangerschap", "contact-met-andere-ouders"],
        ["zwangerschap-en-bevalling"],
    ),
    (
        "Bevalcursus",
        "Bereid je voor op de bevalling, ook als je er bang voor bent.",
        ["bevalling"],
        ["zwangerschap-en-bevalling"],
    ),
    (
        "Kraamzorg",
        "Een kraamverzorgende helpt je de eerste dagen na de geboorte thuis.",
        ["kraamtijd"],
        ["na-de-geboorte"],
    ),
    (
        "Borstvoedingsgroep",
        "Vragen over borstvoeding of flesvoeding? Een lactatiekundige helpt.",
        ["voeding-en-borstvoeding"],
        ["na-de-geboorte"],
    ),
    (
        "Opvoedspreekuur",
        "Vragen over slapen, huilen of driftbuien? Kom langs met je kind.",
        ["opvoeden-en-opgroeien"],
        ["na-de-geboorte"],
    ),
    (
        "Praatgroep",
        "Voel je je somber of gespannen na de bevalling? Praat met andere moeders en een hulpverlener.",
        ["stress-en-psychische-klachten"],
        ["na-de-geboorte"],
    ),
    (
        "Rookstopcoach",
        "Stoppen met roken of minder drinken, samen met een coach.",
        ["roken-alcohol-en-drugs"],
        ["zwangerschap-en-bevalling", "voor-de-zwangerschap"],
    ),
    (
        "Advies bij geweld",
        "Voel je je thuis niet veilig? Bel voor advies of hulp.",
        ["veiligheid-en-huiselijk-geweld"],
        ["zwangerschap-en-bevalling", "na-de-geboorte"],
    ),
    (
        "Taalcafé",
        "Oefen Nederlands met andere ouders, met koffie en voorlezen.",
        ["taal-en-lezen", "contact-met-andere-ouders"],
        ["na-de-geboorte"],
    ),
    (
        "Werkplein",
        "Hulp bij werk zoeken of een opleiding naast de zorg voor je kind.",
        ["werk-en-inkomen"],
        ["na-de-geboorte"],
    ),
    (
        "Vadergroep",
        "Vaders praten samen over het vaderschap en hun baby.",
        ["vaders", "contact-met-andere-ouders"],
        ["na-de-geboorte", "zwangerschap-en-bevalling"],
    ),
    (
        "Rechtswinkel",
        "Gratis juridisch advies, ook over je verblijfsvergunning.",
        ["verblijfsstatus-en-juridisch"],
        ["zwangerschap-en-bevalling", "na-de-geboorte"],
    ),
    (
        "Consultatiebureau",
        "Je baby wegen, meten en vaccineren, en al je vragen over gezondheid.",
        ["gezondheid-van-de-baby"],
        ["na-de-geboorte"],
    ),
    (
        "Inloopochtend",
        "Kom koffie drinken en ontmoet andere ouders uit de buurt.",
        ["contact-met-andere-ouders"],
        ["na-de-geboorte", "zwangerschap-en-bevalling"],
    ),
]
EXTRA = [
    "Je kunt zonder afspraak langskomen.",
    "Bel eerst voor een afspraak.",
    "Een vrijwilliger neemt de tijd voor je.",
    "Ook voor vaders en partners.",
    "Neem je baby gerust mee.",
    "We spreken ook Engels.",
    "Je hebt een verwijzing nodig van de huisarts of het Ouder- en Kindteam.",
]
LANGUAGES = ["en", "ar", "tr", "ber", "tw", "pl", "pap", "srn", "ti", "fa"]


def generate_services(count: int, seed: int = 42) -> None:
    """`count` fictional services over all stadsdelen (seeded), written in bulk."""
    from kansrijk.geo.models import Gebied, Stadsdeel
    from kansrijk.kaart.models import KaartOrganization, Language, Service, TaxonomyTerm
    from kansrijk.kaart.services import kaart_version_bump

    rng = random.Random(seed)
    stadsdelen = list(Stadsdeel.objects.all())
    gebieden = list(Gebied.objects.select_related("stadsdeel"))
    terms = {(t.taxonomy_id, t.code): t for t in TaxonomyTerm.objects.all()}
    languages = {lang.code: lang for lang in Language.objects.all()}
    organizations = KaartOrganization.objects.bulk_create(
        [KaartOrganization(name=f"Bench organisatie {i} (demo)", is_demo=True) for i in range(count // 20)]
    )
    services: list[Service] = []
    plan: list[tuple[list[str], list[str], list[Any], list[str]]] = []
    for i in range(count):
        kind, text, categories, phases = rng.choice(KINDS)
        gebied = rng.choice(gebieden)
        whole_city = rng.random() < 0.04
        description = (
            f"{text} {rng.choice(EXTRA)} In {gebied.naam}." if not whole_city else f"{text} {rng.choice(EXTRA)}"
        )
        services.append(
            Service(
                organization=rng.choice(organizations),
                name=f"{kind} {gebied.naam} {i}",
                description=description,
                free=rng.random() < 0.6,
                formal=rng.random() < 0.6,
                whole_city=whole_city,
                is_demo=True,
            )
        )
        langs = ["nl", *rng.sample(LANGUAGES, rng.choice([0, 0, 1, 2]))]
        areas = [] if whole_city else [gebied.stadsdeel] + ([rng.choice(stadsdelen)] if rng.random() < 0.2 else [])
        plan.append((categories, phases, areas, langs))
    with transaction.atomic():
        Service.objects.bulk_create(services, batch_size=1000)
        categories_through, phases_through = Service.categories.through, Service.phases.through
        langs_through, areas_through = Service.languages.through, Service.stadsdelen.through
        category_rows, phase_rows, language_rows, area_rows = [], [], [], []
        for service, (categories, phases, areas, langs) in zip(services, plan, strict=True):
            category_rows += [
                categories_through(service_id=service.pk, taxonomyterm_id=terms[("gks-hulpvraag", c)].pk)
                for c in categories
            ]
            phase_rows += [
                phases_through(service_id=service.pk, taxonomyterm_id=terms[("gks-fase", p)].pk) for p in phases
            ]
            language_rows += [langs_through(service_id=service.pk, language_id=languages[code].pk) for code in langs]
            area_rows += [
                areas_through(service_id=service.pk, stadsdeel_id=area.pk) for area in {a.pk: a for a in areas}.values()
            ]
        categories_through.objects.bulk_create(category_rows, batch_size=5000)
        phases_through.objects.bulk_create(phase_rows, batch_size=5000)
        langs_through.objects.bulk_create(language_rows, batch_size=5000)
        areas_through.objects.bulk_create(area_rows, batch_size=5000)
        kaart_version_bump()


def latency_queries(rng: random.Random) -> list[str]:
    labelled = [q["query"] for q in json.loads(RELEVANCE.read_text(encoding="utf-8"))["questions"]]
    needs = [
        "babyspullen",
        "kinderwagen",
        "geen geld",
        "schulden",
        "borstvoeding",
        "stoppen met roken",
        "taalcafé",
        "vadergroep",
        "huilbaby",
        "zwanger",
        "kraamzorg",
        "voedselbank",
        "toeslagen",
        "juridisch advies",
        "stress",
    ]
    places = ["Nieuw-West", "Zuidoost", "Noord", "Osdorp", "de Bijlmer", "1064", "Oost", "Weesp", "IJburg", "West"]
    extra = [
        f"{rng.choice(needs)} in {rng.choice(places)}" + rng.choice(["", " gratis", " iemand die Arabisch spreekt"])
        for _ in range(QUERIES)
    ]
    return (labelled + extra)[:QUERIES]


def scale_report() -> None:
    from kansrijk.kaart.search import build_bundle, forget_index, kaart_search
    from kansrijk.search.embedding import get_embedder

    started = time.perf_counter()
    generate_services(SCALE)
    print(f"\nscale: {SCALE} generated services (seeded) written in {time.perf_counter() - started:.1f} s")
    embedder = get_embedder()
    forget_index()
    cold = build_bundle()
    print(
        f"  first index build (computes {cold.embedded} embeddings with {embedder.name if embedder else 'no model'}): "
        f"{cold.built_seconds:.1f} s"
    )
    warm = build_bundle()
    verdict = "meets" if warm.built_seconds <= 60 else "MISSES"
    print(f"  index build (embeddings stored, as every later build): {warm.built_seconds:.1f} s")
    print(f"    ({verdict} the target of 60 s)")
    rng = random.Random(7)
    queries = latency_queries(rng)
    for mode in ("hybrid", "lexical"):
        kaart_search(query="babyspullen", mode=mode)  # warm up this process's index
        samples = []
        for query in queries:
            t = time.perf_counter()
            kaart_search(query=query, mode=mode)
            samples.append(time.perf_counter() - t)
        p50, p95 = percentile(samples, 50) * 1000, percentile(samples, 95) * 1000
        verdict = "meets" if p95 <= 50 else "MISSES"
        print(
            f"  {mode:<8} search over {len(queries)} queries: p50 {p50:6.1f} ms   p95 {p95:6.1f} ms"
            f"  ({verdict} the target p95 <= 50 ms)"
        )


# --- freshness across processes --------------------------------------------------------------------------


def _worker(settings_env: dict[str, str], commands: Any, answers: Any) -> None:
    """One web process: answers the searches sent to its own queue, each with its process id."""
    os.environ.update(settings_env)
    import django

    django.setup()
    from django.db import connections

    from kansrijk.kaart.search import kaart_search

    connections["default"].settings_dict.update(json.loads(settings_env["KAART_BENCH_DB"]))
    while True:
        query = commands.get()
        if query is None:
            return
        result = kaart_search(query=query, limit=3, mode="lexical")
        answers.put((os.getpid(), [r.service.name for r in result.results]))


def freshness_report(processes: int = 3) -> None:
    """Several processes each hold an index; one service is changed; every process must show the
    change on its very next search."""
    from kansrijk.kaart.models import Service
    from kansrijk.kaart.services import kaart_version_bump

    if (connection.vendor == "sqlite" and connection.settings_dict["NAME"] in ("", ":memory:")) or "mode=memory" in str(
        connection.settings_dict["NAME"]
    ):
        print("\nfreshness across processes: skipped (in-memory SQLite cannot be shared between processes)")
        return
    context = multiprocessing.get_context("spawn")
    # Each worker has its own command queue, so every process answers exactly one search per round.
    commands, answers = [context.Queue() for _ in range(processes)], context.Queue()
    env = {
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "kansrijk.config.settings.test"),
        "KAART_BENCH_DB": json.dumps({"NAME": str(connection.settings_dict["NAME"])}),
        "SEARCH_EMBEDDER": "none",
    }
    workers = [context.Process(target=_worker, args=(env, own, answers)) for own in commands]
    for worker in workers:
        worker.start()
    try:
        target = Service.objects.order_by("name").first()
        assert target is not None
        marker = "Zeldzaamwoord"

        def ask_all() -> list[list[str]]:
            for own in commands:
                own.put(marker.lower())
            replies = [answers.get(timeout=300) for _ in workers]
            assert len({pid for pid, _names in replies}) == processes, "every process answers once"
            return [names for _pid, names in replies]

        before = ask_all()
        with transaction.atomic():
            Service.objects.filter(pk=target.pk).update(description=f"{target.description} {marker}")
            kaart_version_bump()
        after = ask_all()
        fresh = sum(target.name in names for names in after)
        stale_before = sum(target.name in names for names in before)
        correct = fresh == processes and not stale_before
        print(
            f"\nfreshness across {processes} worker processes: change seen on the next search by {fresh}/{processes} "
            f"(before the change: {stale_before}/{processes}) — {'correct' if correct else 'WRONG'}"
        )
    finally:
        for own in commands:
            own.put(None)
        for worker in workers:
            worker.join(timeout=60)


def run() -> None:
    print("\n--- Kaart search ---")
    relevance_report()
    scale_report()
    freshness_report()
