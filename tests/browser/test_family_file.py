"""A midwife takes Linda (domain brief §5) from a first signal to a care level, the pathway's tasks and a
regiehouder, in a real browser, without anyone re-entering data. Every page is scanned with axe-core."""

from __future__ import annotations

import re
from datetime import timedelta

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.core import clock
from kansrijk.families.models import Family
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.regie.models import RegiehouderProfile
from tests.browser.test_journeys import _login


def _answer(page, factor: str, answer: str) -> None:
    """Choose an answer for one factor: the radio buttons of its group, by their visible text."""
    group = page.get_by_role("group", name=factor, exact=True)
    group.get_by_text(answer, exact=True).click()


def test_linda_from_a_first_signal_to_a_regiehouder(page, app_server, axe_check):
    base = app_server.url
    midwife = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Mirjam de Vries (demo)",
        job_title="Verloskundige",
        organisation=OrganisationFactory.create(name="Verloskundigenpraktijk Bijlmer (demo)"),
    )
    holder = UserFactory.create(
        roles=[Role.REGIEHOUDER],
        full_name="Sanne Bakker (demo)",
        job_title="Buurtteammedewerker",
        organisation=OrganisationFactory.create(name="Buurtteam Zuidoost (demo)"),
    )
    profile = RegiehouderProfile.objects.create(user=holder, discipline="buurtteam", capacity=20, languages=["nl"])
    profile.stadsdelen.set([])
    born = clock.local_date() - timedelta(days=14)

    _login(page, base, midwife, axe_check, prefix="gezin-01-")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Gezinnen").click()
    page.wait_for_url(f"{base}/gezinnen/")
    axe_check(page, "gezin-02-gezinnen")
    page.get_by_role("link", name="Nieuw gezinsdossier").click()
    axe_check(page, "gezin-03-nieuw")

    page.get_by_label("Naam van het gezin").fill("Linda en Davie (demo)")
    page.get_by_label("Jouw rol bij dit gezin").select_option("verloskundige")
    page.get_by_label("Straat").fill("Bijlmerdreef")
    page.get_by_label("Huisnummer").fill("101")
    page.get_by_label("Postcode").fill("1102 AB")
    page.get_by_label("Voornaam", exact=True).fill("Linda")
    page.get_by_label("Rol in het gezin").select_option("moeder")
    page.get_by_role("group", name="Talen die de ouder spreekt").get_by_text("Nederlands", exact=True).click()
    page.get_by_role("group", name="Kies wat nu geldt").get_by_text("Het kind is geboren", exact=True).click()
    page.get_by_label("Voornaam van het kind").fill("Davie")
    page.get_by_label("Geboortedatum van het kind").fill(born.isoformat())
    page.get_by_label("Zwangerschapsduur bij de geboorte (weken)").fill("39")
    page.get_by_role("button", name="Dossier openen").click()
    page.wait_for_url(re.compile(r"/gezinnen/\d+/$"))
    family = Family.objects.get(name="Linda en Davie (demo)")
    assert page.get_by_role("heading", level=1).inner_text() == "Linda en Davie (demo)"
    assert page.get_by_text("Baby van 2 weken · Zuidoost").is_visible()
    axe_check(page, "gezin-04-overzicht")

    # The conversation: strengths first, only what was discussed; then the proposal and why.
    page.get_by_role("link", name="Gesprek vastleggen: wat gaat goed, wat speelt er").click()
    axe_check(page, "gezin-05-gesprek")
    page.get_by_label("Wat gaat goed?").fill("Linda zorgt liefdevol voor Davie. Haar moeder en zus helpen elke dag.")
    _answer(page, "Goede relaties met familie", "Sterk")
    _answer(page, "Een sociaal netwerk dat helpt", "Sterk")
    _answer(page, "Goede relatie met de partner", "Onvoldoende")
    _answer(page, "Hulp kunnen vragen en accepteren", "Onvoldoende")
    _answer(page, "Eenoudergezin of samengesteld gezin", "Speelt")
    _answer(page, "Verleden van seksueel misbruik", "Speelt")
    page.get_by_text("Toelichting en bron \N{EN DASH} Verleden van seksueel misbruik").click()  # opens the details
    page.get_by_label("Toelichting \N{EN DASH} Verleden van seksueel misbruik").fill(
        "Zelf verteld; niet verder uitvragen"
    )
    _answer(page, "Veel stress", "Speelt")
    _answer(page, "Psychische problemen of licht verstandelijke beperking", "Speelt")
    page.get_by_role("button", name="Bekijk het voorstel").click()
    assert page.get_by_role("heading", name="Voorstel: Extra steun (landelijk: Kwetsbaar)").is_visible()
    axe_check(page, "gezin-06-voorstel")
    page.get_by_role("button", name="Vastleggen").click()
    page.wait_for_url(f"{base}/gezinnen/{family.pk}/")
    assert page.get_by_text("Het gesprek is vastgelegd. Niveau: Extra steun.", exact=False).is_visible()
    assert page.get_by_role("heading", name="Waarom dit niveau").is_visible()
    assert page.get_by_text("Regiehouder kiezen met het gezin", exact=True).is_visible()
    axe_check(page, "gezin-07-niveau-en-taken")

    # The worklist has the pathway's tasks.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn taken").click()
    assert page.get_by_text("Regiehouder kiezen met het gezin", exact=True).is_visible()
    axe_check(page, "gezin-08-mijn-taken")

    # A regiehouder from the proposal, confirmed by the midwife.
    page.goto(f"{base}/gezinnen/{family.pk}/")
    page.get_by_role("link", name="Regiehouder kiezen").first.click()
    assert page.get_by_text("Sanne Bakker (demo)", exact=True).is_visible()
    axe_check(page, "gezin-09-regiehouder")
    page.get_by_role("button", name=re.compile(r"^Kiezen\W+Sanne Bakker \(demo\)$")).click()
    page.wait_for_url(f"{base}/gezinnen/{family.pk}/")
    assert page.get_by_text("Sanne Bakker (demo) is nu de regiehouder van dit gezin.").is_visible()
    axe_check(page, "gezin-10-met-regiehouder")

    tasks = {t.step_code: t for t in Task.objects.filter(family=family)}
    assert tasks["regiehouder-kiezen"].status == TaskStatus.DONE
    assert tasks["plan-bijwerken"].assigned_to == holder  # the plan is now the regiehouder's task

    # One family, one plan: a goal in Linda's words, and who does what by when.
    page.get_by_role("link", name="Plan met het gezin").click()
    axe_check(page, "gezin-11-plan")
    page.get_by_label("Onderwerp").select_option("welzijn")
    page.get_by_label("Doel, in de woorden van het gezin").fill("Ik wil iemand hebben om mee te praten")
    page.get_by_role("button", name="Doel toevoegen").click()
    page.locator("summary", has_text="Actie toevoegen").click()  # opens the form
    page.get_by_label("Wat gebeurt er?").fill("Kennismaken met een ervaringsdeskundige moeder")
    page.get_by_label("Wie doet het?").fill("Linda en Sanne")
    page.get_by_label("Hoort bij taak uit de route").select_option(label="Plan met het gezin maken of bijwerken")
    page.get_by_role("button", name="Actie toevoegen").click()
    assert page.get_by_text("De actie staat in het plan.").is_visible()
    axe_check(page, "gezin-12-plan-met-actie")
    page.get_by_role("link", name="Plan voor het gezin (om af te drukken)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Ons plan: Linda en Davie (demo)"
    assert page.get_by_text("Kennismaken met een ervaringsdeskundige moeder").is_visible()
    axe_check(page, "gezin-13-plan-afdrukken")
    assert page.csp_errors == []


def test_the_programme_team_reads_and_edits_the_pathway_and_a_regiehouder_sees_their_caseload(
    page, app_server, axe_check
):
    base = app_server.url
    lead = UserFactory.create(roles=[Role.PROGRAMMATEAM], with_totp=True, full_name="Pim Programma (demo)")
    _login(page, base, lead, axe_check, prefix="route-01-")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Route").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Zo werken wij in Amsterdam"
    axe_check(page, "route-02-route")
    page.get_by_role("link", name="Route aanpassen").click()
    axe_check(page, "route-03-aanpassen")
    page.get_by_label("Wat verandert er, en waarom?").fill("Geen inhoudelijke wijziging: test")
    page.get_by_role("button", name="Publiceer als nieuwe versie").click()
    page.wait_for_url(f"{base}/route/")
    assert page.get_by_text("Versie 2 is gepubliceerd.", exact=False).is_visible()
    assert page.csp_errors == []

    page.context.clear_cookies()
    holder = UserFactory.create(roles=[Role.REGIEHOUDER], with_totp=True, full_name="Sanne Bakker (demo)")
    _login(page, base, holder, axe_check, prefix="regie-01-")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Regie").click()
    axe_check(page, "regie-02-dashboard")
    page.get_by_role("link", name="Meld je aan voor de pool van regiehouders").click()
    page.get_by_label("Discipline").select_option("buurtteam")
    page.get_by_label("Hoeveel gezinnen kun je aan?").fill("20")
    page.get_by_role("group", name="Stadsdelen waar je werkt").get_by_text("Zuidoost", exact=True).click()
    axe_check(page, "regie-03-profiel")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{base}/regie/")
    assert page.get_by_text("0 van 20 gezinnen.").is_visible()
    assert page.csp_errors == []
