"""The public pages (no login), the API and the flyers."""

from __future__ import annotations

from datetime import time

import pytest
from django.test import Client

from kansrijk.kaart.models import Taxonomy, TaxonomyTerm
from kansrijk.kaart.search import forget_index
from kansrijk.kaart.tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_index():
    forget_index()
    yield
    forget_index()


@pytest.fixture
def babybank(db):
    return make_service(
        "Babybank De Meeuw",
        "Heb je weinig geld? Haal gratis kleding en een kinderwagen.",
        categories=["babyspullen"],
        stadsdelen=["F"],
        free=True,
        hours=[("MO,TU,WE,TH,FR", time(9), time(17))],
        phone="020 555 01 23",
        postal_code="1064 AB",
        languages=["nl", "ar"],
    )


def test_search_page_without_login(babybank):
    page = Client().get("/kaart/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Waar zoek je hulp bij?" in html and "keer hulp gevonden" not in html


def test_search_shows_cards_with_chips_that_can_be_removed(babybank):
    response = Client().get("/kaart/", {"q": "gratis babyspullen in Nieuw-West"})
    html = response.content.decode()
    assert "Babybank De Meeuw" in html
    assert "1 keer hulp gevonden" in html
    assert "zonder=place%3AF" in html  # the chip's link without Nieuw-West
    assert "020 555 01 23" in html and "Gratis" in html
    assert "Teststraat 1, 1064 AB Amsterdam" in html
    assert "no-store" not in response.get("Cache-Control", "")  # public information, cacheable


def test_htmx_gets_only_the_results(babybank):
    response = Client().get("/kaart/", {"q": "kinderwagen"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Babybank De Meeuw" in html and "<html" not in html


def test_form_filters(babybank):
    html = Client().get("/kaart/", {"plaats": "stadsdeel:T", "hulpvraag": "babyspullen"}).content.decode()
    assert "0 keer hulp gevonden" in html and "Probeer andere woorden" in html
    html = Client().get("/kaart/", {"plaats": "gebied:GF07", "taal": "ar"}).content.decode()
    assert "Babybank De Meeuw" in html


def test_english_interface(babybank):
    client = Client()
    client.post("/taal/", {"language": "en", "next": "/kaart/"})
    html = client.get("/kaart/", {"q": "babyspullen"}).content.decode()
    assert '<html lang="en">' in html and "Things for the baby" in html  # taxonomy labels in English
    assert "Babybank De Meeuw" in html  # the data stays in Dutch


def test_service_organization_and_location_pages(babybank):
    client = Client()
    page = client.get(f"/kaart/aanbod/{babybank.pk}/").content.decode()
    assert "Babybank De Meeuw" in page and "Openingstijden" in page and "ma t/m vr 09:00 - 17:00" in page
    assert "Arabisch" in page and "Laatst gecontroleerd op 1 november 2026" in page
    assert client.get(f"/kaart/organisatie/{babybank.organization_id}/").status_code == 200
    location = babybank.locations.get()
    location_page = client.get(f"/kaart/locatie/{location.pk}/").content.decode()
    assert "Geuzenveld, Slotermeer" in location_page and "Babybank De Meeuw" in location_page
    assert client.get("/kaart/aanbod/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_flyer_pdf(babybank):
    client = Client()
    assert "Flyer of poster maken" in client.get("/kaart/flyer/").content.decode()
    response = client.get("/kaart/flyer/", {"stadsdeel": "F", "hulpvraag": "babyspullen", "taal": "nl"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    english = client.get("/kaart/flyer/", {"stadsdeel": "Nieuw-West", "taal": "en"})
    assert english.content.startswith(b"%PDF") and english.content != response.content
    unknown = client.get("/kaart/flyer/", {"stadsdeel": "Atlantis"})
    assert unknown.status_code == 302


def test_api_services_with_filters_and_paging(babybank):
    make_service("Geldplein", "Hulp bij schulden.", categories=["geldzorgen-en-schulden"], stadsdelen=["T"])
    client = Client()
    body = client.get("/api/kaart/services/", {"stadsdeel": "F", "hulpvraag": "babyspullen"}).json()
    assert body["count"] == 1
    service = body["results"][0]
    assert service["name"] == "Babybank De Meeuw"
    assert service["x_gks"]["free"] is True and service["x_gks"]["stadsdelen"] == ["F"]
    assert service["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    assert client.get("/api/kaart/services/", {"per_page": 1}).json()["next"] is not None
    assert client.get("/api/kaart/services/", {"gratis": "true"}).json()["count"] == 1
    assert client.get(f"/api/kaart/services/{babybank.pk}/").json()["id"] == str(babybank.pk)
    assert client.get("/api/kaart/organizations/").json()["count"] == 2
    assert client.get("/api/kaart/locations/", {"stadsdeel": "F"}).json()["count"] == 1
    terms = client.get("/api/kaart/taxonomy_terms/", {"taxonomy_id": "gks-fase"}).json()
    assert [t["code"] for t in terms["results"]] == [
        "voor-de-zwangerschap",
        "zwangerschap-en-bevalling",
        "na-de-geboorte",
    ]
    assert client.get("/api/kaart/taxonomies/").json()["count"] == 3


def test_api_search(babybank):
    client = Client()
    body = client.get("/api/kaart/search/", {"q": "gratis babyspullen in Nieuw-West"}).json()
    assert body["understood"]["stadsdelen"] == ["Nieuw-West"]
    assert body["results"][0]["name"] == "Babybank De Meeuw"
    error = client.get("/api/kaart/search/", {"q": ""})
    assert error.status_code == 400 and error.json()["error"]["code"] == "invalid"
    assert client.get("/api/kaart/search/", {"q": "baby", "limit": "x"}).status_code == 400


def test_the_search_form_reads_the_places_in_a_few_queries_not_one_per_stadsdeel(django_assert_max_num_queries):
    from kansrijk.kaart.forms import SearchForm

    with django_assert_max_num_queries(5):  # stadsdelen, gebieden, two taxonomies, languages
        form = SearchForm()
    nieuw_west = dict(form.fields["plaats"].choices)["Nieuw-West"]  # type: ignore[attr-defined]
    assert nieuw_west[0] == ("stadsdeel:F", "Heel Nieuw-West")
    names = [name for _code, name in nieuw_west[1:]]
    assert "Osdorp" in names and names == sorted(names)


def test_the_service_page_says_for_whom_in_the_visitors_language(babybank):
    babybank.target_groups.set(TaxonomyTerm.objects.filter(taxonomy_id=Taxonomy.DOELGROEP, code="vaders"))
    client = Client()
    assert "<dd>Vaders</dd>" in client.get(f"/kaart/aanbod/{babybank.pk}/").content.decode()
    client.post("/taal/", {"language": "en", "next": "/kaart/"})
    assert "<dd>Fathers</dd>" in client.get(f"/kaart/aanbod/{babybank.pk}/").content.decode()
    babybank.target_groups.clear()
    assert "<dd>For parents and parents-to-be</dd>" in client.get(f"/kaart/aanbod/{babybank.pk}/").content.decode()
