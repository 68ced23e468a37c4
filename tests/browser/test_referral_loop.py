"""Issue 5's scenario in a real browser, by three people: a midwife refers Meriam to help with money
(schuldhulp at the buurtteam) with the parents' consent; the buurtteam accepts, the warm handover is
planned and recorded, help starts; the midwife and the family's regiehouder see the loop closed.
Every page is scanned with axe-core."""

from __future__ import annotations

import re
from datetime import timedelta

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.core import clock
from kansrijk.families import services as family_services
from kansrijk.families.models import CaregiverRole, Discipline
from kansrijk.families.tests.factories import open_family, verified
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.referrals.models import Referral, ReferralStatus
from tests.browser.conftest import open_page
from tests.browser.test_journeys import _login


def test_a_midwife_refers_meriam_and_sees_the_loop_close(browser, app_server, axe_check):
    base = app_server.url
    midwife = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Ingrid Visser (demo)",
        job_title="Verloskundige",
        organisation=OrganisationFactory.create(name="Verloskundigen Geuzenveld (demo)"),
    )
    buurtteam = OrganisationFactory.create(name="Buurtteam Nieuw-West (demo)")
    worker = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Sam de Vries (demo)",
        job_title="Buurtteammedewerker geld en schulden",
        organisation=buurtteam,
    )
    holder = UserFactory.create(
        roles=[Role.REGIEHOUDER],
        with_totp=True,
        full_name="Fenna Jansen (demo)",
        job_title="Jeugdverpleegkundige",
        organisation=OrganisationFactory.create(name="Ouder- en Kindteam Nieuw-West (demo)"),
    )
    family = open_family(by=verified(midwife), name="Meriam en Micha (demo)", postcode="1064 AB")
    family_services.caregiver_add(
        family=family,
        by=verified(midwife),
        data=family_services.CaregiverData(given_name="Meriam", role=CaregiverRole.MOEDER, phone="0611111111"),
    )
    family_services.care_team_join_as_regiehouder(family=family, user=holder, discipline=Discipline.JGZ, by=holder)
    service = make_service(
        "Hulp bij geld, papieren en je huis",
        "Samen je geldzaken op orde brengen, zonder oordeel.",
        organization=make_organization("Buurtteam Nieuw-West (demo)", managed_by=buurtteam),
        categories=("geldzorgen-en-schulden",),
        stadsdelen=("F",),
    )

    # The buurtteam keeps its capacity current; the Kaart shows it.
    sam = open_page(browser, locale="nl-NL")
    _login(sam, base, worker, axe_check, prefix="lus-sam-")
    sam.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inbox").click()
    sam.wait_for_url(f"{base}/verwijzingen/inbox/")
    assert sam.get_by_text("Geen verwijzingen die op jullie wachten.").is_visible()
    sam.get_by_label("Is er plek?").select_option("plek")
    sam.get_by_label("Wachttijd in dagen (ongeveer)").fill("5")
    sam.get_by_role("button", name="Opslaan voor Hulp bij geld, papieren en je huis").click()
    assert sam.get_by_text("Bijgewerkt. De Kaart laat het nu zien.").is_visible()
    axe_check(sam, "lus-01-inbox-leeg")

    # The midwife finds the service on the Kaart and refers Meriam, consent first.
    ingrid = open_page(browser, locale="nl-NL")
    _login(ingrid, base, midwife, axe_check, prefix="lus-ingrid-")
    ingrid.goto(f"{base}/kaart/aanbod/{service.pk}/")
    assert ingrid.get_by_text("Er is plek").first.is_visible()
    axe_check(ingrid, "lus-02-kaart-aanbod")
    ingrid.get_by_role("link", name="Verwijs een gezin hierheen").click()
    axe_check(ingrid, "lus-03-welk-gezin")
    ingrid.get_by_role("link", name="Meriam en Micha (demo)").click()
    assert ingrid.get_by_text("wachttijd ongeveer 5 dagen").is_visible()
    ingrid.get_by_label("Wat is de hulpvraag? Schrijf het op in de woorden van het gezin.").fill(
        "We willen hulp met onze geldzaken. De rekeningen stapelen op."
    )
    axe_check(ingrid, "lus-04-verwijzen")
    ingrid.get_by_role("button", name="Verder: toestemming").click()
    ingrid.wait_for_url(re.compile(r"/verwijzingen/\d+/$"))
    referral = Referral.objects.get(family=family)
    assert ingrid.get_by_text("Versturen kan pas als de ouders toestemming hebben gegeven.").is_visible()
    assert ingrid.get_by_text("U bepaalt zelf wat wij delen.", exact=False).is_visible()
    axe_check(ingrid, "lus-05-toestemming")
    ingrid.get_by_label("Welke ouder geeft toestemming?").select_option(label="Meriam (Moeder)")
    what = ingrid.get_by_role("group", name="Wat mag gedeeld worden?")
    what.get_by_text("Wie er in het gezin zijn, en of er een zwangerschap of baby is").click()
    ingrid.get_by_label("Hoe gaf de ouder toestemming?").select_option("mondeling")
    ingrid.get_by_role("button", name="Toestemming vastleggen").click()
    assert ingrid.get_by_text("De toestemming is vastgelegd.").is_visible()
    ingrid.get_by_role("button", name="Verwijzing versturen").click()
    assert ingrid.get_by_text("Status: Verstuurd").is_visible()
    axe_check(ingrid, "lus-06-verstuurd")

    # The buurtteam sees only what Meriam agreed to share, and answers.
    sam.reload()
    assert sam.get_by_text("Meriam en Micha").count() == 0  # no family name in the inbox
    sam.get_by_role("link", name=re.compile(r"Verwijzing \d+ van Ingrid Visser")).click()
    assert sam.get_by_text("We willen hulp met onze geldzaken.").is_visible()
    assert sam.get_by_text("0611111111", exact=False).is_visible()
    axe_check(sam, "lus-07-verwijzing-ontvangen")
    sam.get_by_role("group", name="Wat is je antwoord?").get_by_text("Ja, wij helpen dit gezin").click()
    sam.get_by_role("button", name="Antwoord versturen").click()
    assert sam.get_by_text("Geaccepteerd. Plan nu samen de warme overdracht.").is_visible()
    axe_check(sam, "lus-08-geaccepteerd")
    when = (clock.now() + timedelta(days=2)).astimezone().strftime("%Y-%m-%dT10:00")
    sam.get_by_label("Wanneer?").fill(when)
    sam.get_by_label("Waar?").fill("Buurtteam Nieuw-West, Osdorpplein")
    sam.get_by_label("Wie zijn erbij?").fill("Meriam en Micha, verloskundige Ingrid, Sam van het buurtteam")
    sam.get_by_role("button", name="Overdracht plannen").click()
    assert sam.get_by_text("De warme overdracht is gepland.").is_visible()
    sam.get_by_role("group", name="Hoe ging de overdracht?").get_by_text("Samen op één plek").click()
    sam.get_by_label("Hoe ging het? (kort)").fill("Meriam hoefde haar verhaal niet opnieuw te vertellen.")
    sam.get_by_role("button", name="Overdracht is gedaan").click()
    assert sam.get_by_text("Vastgelegd: de warme overdracht is gedaan.").is_visible()
    sam.get_by_role("button", name="De hulp is gestart").click()
    assert sam.get_by_text("Vastgelegd: de hulp is gestart.", exact=False).is_visible()
    axe_check(sam, "lus-09-hulp-gestart")

    # The loop closes visibly for the referrer...
    ingrid.reload()
    assert ingrid.get_by_text("Status: Hulp gestart").is_visible()
    assert ingrid.get_by_text("De hulp is gestart op", exact=False).is_visible()
    axe_check(ingrid, "lus-10-lus-gesloten")
    ingrid.goto(f"{base}/gezinnen/{family.pk}/verwijzingen/")
    assert ingrid.get_by_text("Hulp gestart", exact=True).first.is_visible()
    assert ingrid.get_by_text("Gegeven door Meriam (mondeling)", exact=False).is_visible()
    axe_check(ingrid, "lus-11-gezin-verwijzingen")

    # ...and for the family's regiehouder, who follows it with her own messages.
    fenna = open_page(browser, locale="nl-NL")
    _login(fenna, base, holder, axe_check, prefix="lus-fenna-")
    fenna.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verwijzingen").click()
    fenna.wait_for_url(f"{base}/verwijzingen/")
    assert fenna.get_by_text("Meriam en Micha (demo) → Hulp bij geld", exact=False).is_visible()
    assert fenna.get_by_text("Hulp gestart", exact=True).first.is_visible()
    assert fenna.get_by_role("link", name=re.compile("Nieuwe stap \N{EN DASH} Hulp gestart")).is_visible()
    axe_check(fenna, "lus-12-regiehouder")

    referral.refresh_from_db()
    assert referral.status == ReferralStatus.HELP_STARTED
    assert [e.to_status for e in referral.events.all()][-4:] == [
        "geaccepteerd",
        "overdracht_gepland",
        "overdracht_gedaan",
        "hulp_gestart",
    ]
    for p in (sam, ingrid, fenna):
        assert p.csp_errors == []
        p.context.close()
