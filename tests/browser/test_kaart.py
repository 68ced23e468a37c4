"""A parent uses the Kaart in a real browser: a question in plain words, chips, a service page,
a phone number to call; an editor keeps a service current. Every page is scanned with axe-core."""

from __future__ import annotations

import re
from datetime import time

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.kaart.search import forget_index
from kansrijk.kaart.tests.factories import make_organization, make_service


def _map():
    forget_index()
    make_service(
        "Babybank De Meeuw",
        "Heb je weinig geld? Haal gratis kleding, een bedje en een kinderwagen voor je baby.",
        categories=["babyspullen"],
        phases=["zwangerschap-en-bevalling", "na-de-geboorte"],
        stadsdelen=["F"],
        free=True,
        hours=[("MO,TU,WE,TH,FR,SA,SU", time(0), time(0))],
        closed_on_public_holidays=False,
        phone="020 555 01 23",
        postal_code="1064 AB",
        languages=["nl", "ar"],
    )
    make_service(
        "Kledingbank Amsterdam",
        "Gratis kleding voor kinderen en baby's.",
        categories=["babyspullen"],
        whole_city=True,
        free=True,
    )
    make_service(
        "Babywinkel De Bijlmer",
        "Tweedehands spullen voor je baby, voor een kleine prijs.",
        categories=["babyspullen"],
        stadsdelen=["T"],
    )


def test_parent_asks_a_question_and_reaches_the_service(page, app_server, axe_check):
    _map()
    base = app_server.url
    page.goto(f"{base}/")
    page.get_by_role("link", name="Zoek hulp bij jou in de buurt").click()
    page.wait_for_url(f"{base}/kaart/")
    axe_check(page, "20-kaart-search")
    page.get_by_label("Waar zoek je hulp bij?").fill("Ik zoek een organisatie in Nieuw-West voor gratis babyspullen")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name=re.compile("keer hulp gevonden")).wait_for()
    results = page.locator(".kr-result h3").all_inner_texts()
    assert results[0] == "Babybank De Meeuw"
    assert "Babywinkel De Bijlmer" not in results
    chips = page.get_by_role("list", name="Dit hebben we begrepen. Klopt iets niet? Haal het weg:")
    labels = [" ".join(text.split()) for text in chips.get_by_role("link").all_inner_texts()]
    assert labels == [f"{name} \N{MULTIPLICATION SIGN} (weghalen)" for name in ("Nieuw-West", "Gratis", "Babyspullen")]
    axe_check(page, "21-kaart-results")

    # Removing the place widens the search (HTMX swaps only the results; the address follows).
    chips.get_by_role("link", name=re.compile("Nieuw-West")).click()
    page.wait_for_url(re.compile(r"zonder=place%3AF"))
    page.get_by_role("heading", name=re.compile("keer hulp gevonden")).wait_for()

    page.get_by_role("link", name="Babybank De Meeuw").click()
    page.get_by_role("heading", level=1, name="Babybank De Meeuw").wait_for()
    assert page.get_by_role("link", name="020 555 01 23").first.get_attribute("href") == "tel:0205550123"
    assert page.get_by_text("Dag en nacht open").first.is_visible()
    axe_check(page, "22-kaart-service")

    page.get_by_role("link", name="Locatie van Babybank De Meeuw").click()
    page.get_by_role("heading", level=1).wait_for()
    axe_check(page, "23-kaart-location")
    page.go_back()
    page.get_by_role("link", name=re.compile("Meer van")).click()
    page.get_by_role("heading", level=1).wait_for()
    axe_check(page, "24-kaart-organization")

    # Mobile first: the same search on a phone-sized screen, in English.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/kaart/?q=kinderwagen")
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", level=1, name="Find help for you and your child").wait_for()
    axe_check(page, "25-kaart-mobile-english")
    page.goto(f"{base}/kaart/flyer/")
    axe_check(page, "26-kaart-flyer")
    assert page.csp_errors == [], page.csp_errors


def test_editor_keeps_a_service_current(page, app_server, axe_check):
    forget_index()
    editor = UserFactory.create(roles=[Role.KAART_REDACTEUR])  # sees no personal data: no second step
    organization = make_organization("Babybank (test)", managed_by=editor.memberships.get().organisation)
    service = make_service(
        "Babybank De Meeuw", "Gratis kleding voor je baby.", organization=organization, stadsdelen=["F"]
    )
    base = app_server.url
    page.goto(f"{base}/inloggen/")
    page.get_by_label("E-mailadres").fill(editor.email)
    page.get_by_label("Wachtwoord").fill("een-lang-en-veilig-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kaart bijhouden").click()
    page.wait_for_url(f"{base}/kaart/redactie/")
    axe_check(page, "27-editor-home")
    page.get_by_role("link", name="Babybank De Meeuw").click()
    page.get_by_role("heading", level=1).wait_for()
    description = page.get_by_label("Omschrijving (B1)")
    description.fill("Indien u woonachtig bent in Nieuw-West dient u middels een formulier een aanvraag in te dienen.")
    page.locator("#b1-check").get_by_text("liever").first.wait_for()
    axe_check(page, "28-editor-service-b1")
    description.fill("Woon je in Nieuw-West? Vul dan het formulier in. Je krijgt gratis kleding voor je baby.")
    page.locator("#b1-check").get_by_text("B1 of makkelijker").wait_for()
    page.get_by_text("Ik heb alles gecontroleerd: het klopt").click()  # the label, as people do
    assert page.get_by_label("Ik heb alles gecontroleerd: het klopt").is_checked()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Opgeslagen").wait_for()
    service.refresh_from_db()
    assert service.description.startswith("Woon je in Nieuw-West?") and service.last_verified_by == editor
    assert page.csp_errors == [], page.csp_errors
