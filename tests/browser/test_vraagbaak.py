"""Issue 6's scenario in a real browser: a midwife asks a case question in the Vraagbaak; the guard
stops the first version (a name, an address and a phone number), she rewrites it; as her first question
it goes to the moderator, who publishes it; an automatic answer cites the Kaart; a buurtteam worker
answers; the midwife marks the solution and tells what worked. Every page is scanned with axe-core."""

from __future__ import annotations

import re

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.vraagbaak import services
from kansrijk.vraagbaak.models import Question, QuestionState
from tests.browser.conftest import open_page
from tests.browser.test_journeys import _login

RISKY = (
    "Mevrouw Samira Bouzid woont op de Pieter Calandlaan 231 in Osdorp, tel 06-41234567. Ze is 31 weken "
    "zwanger en heeft schulden. Wie weet snel hulp?"
)
FIXED = (
    "Een moeder van 26 in Nieuw-West is 31 weken zwanger en heeft schulden bij de zorgverzekeraar. Ze durft "
    "niet te bellen. Wie weet snelle hulp bij geldzorgen en schulden?"
)


def test_asking_blocked_then_fixed_published_answered_solved_and_feedback(browser, app_server, axe_check):
    base = app_server.url
    midwife = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Ingrid Visser (demo)",
        organisation=OrganisationFactory.create(name="Verloskundigen Geuzenveld (demo)"),
    )
    buurtteam = OrganisationFactory.create(name="Buurtteam Nieuw-West (demo)")
    worker = UserFactory.create(
        roles=[Role.PROFESSIONAL], with_totp=True, full_name="Sam de Vries (demo)", organisation=buurtteam
    )
    moderator = UserFactory.create(
        roles=[Role.MODERATOR],
        with_totp=True,
        full_name="Mo Derator (demo)",
        organisation=OrganisationFactory.create(name="GGD Amsterdam (demo)"),
    )
    services.member_join(user=worker, profile=services.Profile(organisation=buurtteam, function="Buurtteammedewerker"))
    make_service(
        "Hulp bij geld, papieren en je huis",
        "Samen je geldzaken op orde brengen, zonder oordeel. Ook hulp bij schulden bij de zorgverzekeraar.",
        organization=make_organization("Buurtteam Nieuw-West (demo)", managed_by=buurtteam),
        categories=("geldzorgen-en-schulden",),
        phases=("zwangerschap-en-bevalling", "na-de-geboorte"),
        stadsdelen=("F",),
    )

    # The midwife joins the Vraagbaak.
    ingrid = open_page(browser, locale="nl-NL")
    _login(ingrid, base, midwife, axe_check, prefix="vb-ingrid-")
    ingrid.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Vraagbaak").click()
    ingrid.wait_for_url(f"{base}/vraagbaak/lid-worden/")
    axe_check(ingrid, "vb-01-lid-worden")
    ingrid.get_by_label("Bij welke organisatie werk je?").select_option(label="Verloskundigen Geuzenveld (demo)")
    ingrid.get_by_label("Wat is je functie?").fill("Verloskundige")
    ingrid.get_by_role("button", name="Lid worden").click()
    ingrid.wait_for_url(f"{base}/vraagbaak/")
    axe_check(ingrid, "vb-02-vragen")

    # She asks; the guard stops the first version and shows what it found.
    ingrid.get_by_role("link", name="Stel een vraag").first.click()
    ingrid.get_by_label("Je vraag in één zin").fill("Snelle hulp bij schulden voor een zwangere moeder?")
    ingrid.get_by_label("Vertel over de situatie").fill(RISKY)
    ingrid.get_by_role("button", name="Vraag plaatsen").click()
    alert = ingrid.get_by_role("alert")
    assert alert.get_by_text("Hierdoor kan iemand het gezin herkennen").is_visible()
    assert alert.locator("mark", has_text="Samira Bouzid").count() >= 1
    assert alert.locator("mark", has_text="06-41234567").count() == 1
    assert not Question.objects.exists()
    axe_check(ingrid, "vb-03-bewaker")
    ingrid.get_by_label("Vertel over de situatie").fill(FIXED)
    ingrid.get_by_text("Weinig geld, schulden, geen werk of slechte huisvesting").click()
    ingrid.get_by_role("button", name="Vraag plaatsen").click()
    ingrid.wait_for_url(re.compile(r"/vraagbaak/vragen/\d+/$"))
    assert ingrid.get_by_text("Je vraag is naar de moderator gestuurd.").is_visible()
    question = Question.objects.get()
    assert question.state == QuestionState.IN_REVIEW  # her first question
    axe_check(ingrid, "vb-04-wacht-op-moderator")

    # The moderator publishes it from the queue.
    mo = open_page(browser, locale="nl-NL")
    _login(mo, base, moderator, axe_check, prefix="vb-mo-")
    mo.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Moderatie").click()
    axe_check(mo, "vb-05-moderatie")
    mo.get_by_role("link", name=question.title).click()
    mo.get_by_role("button", name="Publiceren").click()
    assert mo.get_by_text("Automatisch antwoord", exact=True).is_visible()
    axe_check(mo, "vb-06-gepubliceerd")

    # The worker answers; the automatic answer cites the Kaart.
    sam = open_page(browser, locale="nl-NL")
    _login(sam, base, worker, axe_check, prefix="vb-sam-")
    sam.goto(f"{base}/vraagbaak/vragen/{question.pk}/")
    automatic = sam.get_by_role("region", name="Automatisch antwoord")
    assert automatic.get_by_role("link", name=re.compile("Hulp bij geld, papieren en je huis")).is_visible()
    sam.get_by_label("Je antwoord").fill(
        "Het Buurtteam Nieuw-West helpt met de zorgverzekeraar en komt ook thuis. "
        "Verwijs via Kansrijk, dan bellen wij haar binnen twee dagen."
    )
    sam.get_by_role("button", name="Antwoord plaatsen").click()
    assert sam.get_by_text("Je antwoord staat bij de vraag.").is_visible()
    axe_check(sam, "vb-07-beantwoord")

    # The midwife marks the solution and tells what worked.
    ingrid.goto(f"{base}/vraagbaak/vragen/{question.pk}/")
    ingrid.get_by_role("button", name="Dit loste het op").click()
    assert ingrid.get_by_text("Oplossing", exact=True).is_visible()
    ingrid.get_by_role("link", name="Vertel wat er in de praktijk werkte").click()
    axe_check(ingrid, "vb-08-terugkoppeling")
    ingrid.get_by_text("Ja, het werkte").click()
    ingrid.get_by_label("Wat werkte er, en wat niet?").fill(
        "Het buurtteam belde binnen twee dagen; de betalingsregeling met de verzekeraar staat."
    )
    ingrid.get_by_role("button", name="Delen").click()
    assert ingrid.get_by_text("Wat werkte in de praktijk").is_visible()
    axe_check(ingrid, "vb-09-opgelost")
