"""Searching the Kaart end to end on a small, controlled map (the real models and taxonomy)."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.kaart import search as kaart_search_module
from kansrijk.kaart.models import Schedule
from kansrijk.kaart.search import KaartFilters, current_bundle, forget_index, kaart_search
from kansrijk.kaart.services import ServiceChange, kaart_version_bump, service_update
from kansrijk.kaart.tests.factories import make_organization, make_service

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture
def kaart(db):
    return {
        "babybank_nw": make_service(
            "Babybank De Meeuw",
            "Heb je weinig geld? Haal gratis kleding, een bedje en een kinderwagen voor je baby.",
            categories=["babyspullen"],
            stadsdelen=["F"],
            free=True,
            hours=[("TU,TH", time(10), time(13))],
        ),
        "babywinkel_zo": make_service(
            "Babywinkel De Bijlmer",
            "Tweedehands spullen voor je baby, voor een kleine prijs.",
            categories=["babyspullen"],
            stadsdelen=["T"],
        ),
        "kledingbank": make_service(
            "Kledingbank Amsterdam",
            "Gratis kleding voor kinderen en baby's, in heel de stad.",
            categories=["babyspullen"],
            whole_city=True,
            free=True,
        ),
        "geldplein": make_service(
            "Geldplein West",
            "Een budgetcoach helpt je met rekeningen en schulden.",
            categories=["geldzorgen-en-schulden"],
            stadsdelen=["F"],
            free=True,
            languages=["nl", "ar"],
        ),
        "zwangercursus": make_service(
            "Samen zwanger",
            "Een groep voor zwangere vrouwen: controles en uitleg samen met andere moeders.",
            categories=["zwangerschap"],
            phases=["zwangerschap-en-bevalling"],
            stadsdelen=["T"],
            languages=["nl", "tw"],
        ),
        "stoppen": make_service(
            "Rookvrij zwanger",
            "Stoppen met roken als je zwanger bent, met een coach.",
            categories=["roken-alcohol-en-drugs"],
            phases=["zwangerschap-en-bevalling"],
            whole_city=True,
            free=True,
            last_verified_at=date(2025, 9, 1),
        ),
    }


def names(result) -> list[str]:
    return [item.service.name for item in result.results]


def test_the_nieuw_west_question_finds_free_babyspullen_there_first(kaart):
    result = kaart_search(query="Ik zoek een organisatie in Nieuw-West voor gratis babyspullen")
    assert [chip.label for chip in result.understood.chips] == ["Nieuw-West", "Gratis", "Babyspullen"]
    assert names(result)[0] == "Babybank De Meeuw"  # in Nieuw-West itself, before city-wide help
    assert "Kledingbank Amsterdam" in names(result)  # free and for the whole city
    assert "Babywinkel De Bijlmer" not in names(result)  # other stadsdeel, and not free
    assert "Geldplein West" not in names(result)[:2]
    top = result.results[0]
    assert "Helpt bij: Babyspullen" in top.why and "In Nieuw-West" in top.why and "Gratis" in top.why


def test_removing_a_chip_widens_the_search(kaart):
    narrow = kaart_search(query="babyspullen in Zuidoost")
    assert names(narrow)[0] == "Babywinkel De Bijlmer"
    assert "Babybank De Meeuw" not in names(narrow)
    wide = kaart_search(query="babyspullen in Zuidoost", filters=KaartFilters(removed=(("place", "T"),)))
    assert "Babybank De Meeuw" in names(wide)


def test_everyday_words_find_the_need(kaart):
    assert names(kaart_search(query="waar kan ik een kinderwagen krijgen"))[0] == "Babybank De Meeuw"
    assert names(kaart_search(query="ik heb geen geld en veel rekeningen"))[0] == "Geldplein West"


def test_language_filter(kaart):
    result = kaart_search(query="iemand die Arabisch spreekt")
    assert names(result) == ["Geldplein West"]
    assert "Spreekt Arabisch" in result.results[0].why


def test_phase_from_pregnancy_weeks(kaart):
    result = kaart_search(query="ik ben 20 weken zwanger")
    assert result.understood.pregnancy_weeks == 20
    assert set(names(result)) == {"Samen zwanger", "Rookvrij zwanger"}


def test_form_filters_combine_with_the_question(kaart):
    result = kaart_search(query="", filters=KaartFilters(stadsdelen=("T",), categories=("babyspullen",)))
    assert set(names(result)) == {"Babywinkel De Bijlmer", "Kledingbank Amsterdam"}
    assert result.candidates == 2


def test_open_now(kaart):
    tuesday_11 = datetime(2026, 11, 24, 11, 0, tzinfo=AMS)
    open_result = kaart_search(query="babyspullen", filters=KaartFilters(open_now=True), at=tuesday_11)
    assert names(open_result) == ["Babybank De Meeuw"]  # the others publish no hours: not guessed open
    monday = datetime(2026, 11, 23, 11, 0, tzinfo=AMS)
    assert names(kaart_search(query="babyspullen", filters=KaartFilters(open_now=True), at=monday)) == []


def test_open_now_follows_hours_that_change_on_a_date(db):
    service = make_service("Inloop Noord", "Inloopspreekuur voor ouders.", categories=["babyspullen"], whole_city=True)
    Schedule.objects.create(
        service=service, byday="MO,TU,WE,TH,FR", opens_at=time(9), closes_at=time(12), valid_to=date(2026, 11, 27)
    )
    Schedule.objects.create(
        service=service, byday="MO,TU,WE,TH,FR", opens_at=time(13), closes_at=time(17), valid_from=date(2026, 11, 30)
    )
    kaart_version_bump()

    def open_at(day: int, month: int, hour: int) -> list[str]:
        at = datetime(2026, month, day, hour, tzinfo=AMS)
        return names(kaart_search(query="inloop", filters=KaartFilters(open_now=True), at=at))

    assert open_at(27, 11, 10) == ["Inloop Noord"]  # Friday, the old hours
    assert open_at(30, 11, 10) == []  # Monday morning: the old hours have ended
    assert open_at(30, 11, 14) == ["Inloop Noord"]  # Monday afternoon: the new hours
    with freeze_time("2026-11-27 18:00:00"):  # Friday 19:00 in Amsterdam
        page = Client().get(f"/kaart/aanbod/{service.pk}/").content.decode()
    assert "Open op maandag om 13:00" in page
    assert "ma t/m vr 09:00 - 12:00" in page


def test_services_not_checked_for_half_a_year_are_marked(kaart):
    with freeze_time("2026-11-23 12:00:00"):
        result = kaart_search(query="stoppen met roken")
    assert names(result)[0] == "Rookvrij zwanger"
    assert result.results[0].stale


def test_nothing_is_invented(kaart):
    result = kaart_search(query="paardrijles voor volwassenen op Texel")
    known = {service.name for service in kaart.values()}
    assert set(names(result)) <= known


def test_the_index_follows_changes_made_in_another_process(kaart, make_user):
    """Each process keeps its own index with the map version it was built from. Another process (here:
    the same process after its index was put aside) changes a service; the first one notices."""
    assert "Babybank De Meeuw" in names(kaart_search(query="kinderwagen"))
    first_process_index = current_bundle()

    forget_index()  # from here on we are "another process", with its own (empty) index
    editor_org = make_organization("Redactie (test)")
    service = kaart["babybank_nw"]
    service.organization.managed_by = None
    service.organization.save()
    editor = make_user(Role.KAART_REDACTEUR)
    service.organization.managed_by = editor.memberships.get().organisation
    service.organization.save()
    service_update(
        service=service,
        change=ServiceChange(
            name="Babybank De Meeuw",
            description="Gratis wiegjes, luiers en kleding voor je baby.",
            categories=list(service.categories.all()),
            phases=list(service.phases.all()),
            target_groups=[],
            languages=list(service.languages.all()),
            whole_city=False,
            stadsdelen=list(service.stadsdelen.all()),
            free=True,
            fees_description="",
            referral_required=False,
            wait_time_days=None,
            application_process="",
            url="",
            email="",
            status="active",
        ),
        by=editor,
    )
    assert editor_org.pk  # an unrelated organisation does not matter

    kaart_search_module._bundle = first_process_index  # back in the first process, with its old index
    result = kaart_search(query="luiers")
    assert names(result)[0] == "Babybank De Meeuw"
    assert result.version > first_process_index.version


def test_cli_json_shape(kaart, capsys):
    call_command("kaart", "search", "gratis babyspullen in Nieuw-West", "--json", "--limit", "3")
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "gratis babyspullen in Nieuw-West"
    assert data["understood"] == {
        "stadsdelen": ["Nieuw-West"],
        "categories": ["babyspullen"],
        "free": True,
        "languages": [],
        "phase": None,
    }
    first = data["results"][0]
    assert set(first) == {"service_id", "name", "organization", "stadsdelen", "categories", "free", "score", "why"}
    assert first["name"] == "Babybank De Meeuw" and first["stadsdelen"] == ["Nieuw-West"]
    city_wide = next(r for r in data["results"] if r["name"] == "Kledingbank Amsterdam")
    assert len(city_wide["stadsdelen"]) == 8  # every stadsdeel, Weesp included
    assert len(data["results"]) <= 3


def test_lexical_only_when_no_model(kaart, settings):
    settings.KANSRIJK_SEARCH_EMBEDDER = "none"
    forget_index()
    result = kaart_search(query="kinderwagen")
    assert not result.semantic
    assert names(result)[0] == "Babybank De Meeuw"


def test_a_request_never_embeds_a_whole_import(kaart, monkeypatch):
    """A web request computes only a few missing embeddings; the worker's job stores the rest and the
    request-built index is replaced once they are there."""
    from kansrijk.kaart import jobs
    from kansrijk.search.models import StoredEmbedding

    StoredEmbedding.objects.all().delete()
    monkeypatch.setattr(kaart_search_module, "REQUEST_EMBED_LIMIT", 2)
    monkeypatch.setattr(kaart_search_module, "INCOMPLETE_REBUILD_SECONDS", 0.0)
    forget_index()
    result = kaart_search(query="kinderwagen")
    bundle = kaart_search_module._bundle
    assert bundle is not None and (bundle.embedded, bundle.missing) == (2, len(kaart) - 2)
    assert names(result)[0] == "Babybank De Meeuw"  # found by its words meanwhile
    forget_index()
    assert jobs.index_warm() == len(kaart) - 2  # the worker embeds the rest
    assert StoredEmbedding.objects.count() == len(kaart)
    assert current_bundle().missing == 0
