"""Privacy in a real browser: a professional outside the care team asks for emergency access from the
403 page, with a reason; the privacy officer (beheerder) reviews it and answers a family's request to
see its data (JSON and PDF downloads). Every page is scanned with axe-core."""

from __future__ import annotations

import json
import re

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.models import BreakGlassAccess
from kansrijk.families.tests.factories import open_family, verified
from tests.browser.conftest import open_page
from tests.browser.test_journeys import _login


def test_emergency_access_is_reasoned_reviewed_and_a_family_gets_its_data(browser, app_server, axe_check):
    base = app_server.url
    midwife = UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True, full_name="Ingrid Visser (demo)")
    family = open_family(by=verified(midwife), name="Tiny en Leo (demo)")
    nurse = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Huisarts Post (demo)",
        organisation=OrganisationFactory.create(name="Huisartsenpost West (demo)"),
    )
    officer = UserFactory.create(roles=[Role.BEHEERDER], with_totp=True, full_name="Ruben Smit (demo)")

    page = open_page(browser, locale="nl-NL")
    _login(page, base, nurse, axe_check, prefix="privacy-nood-")
    page.goto(f"{base}/gezinnen/{family.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    axe_check(page, "privacy-01-geen-toegang")
    page.get_by_role("link", name="Noodtoegang vragen").click()
    axe_check(page, "privacy-02-noodtoegang")
    page.get_by_label("Waarom heb je nu toegang nodig?").fill(
        "Tiny staat met de baby bij de huisartsenpost; het zorgteam is 's nachts niet bereikbaar."
    )
    page.get_by_role("button", name="Noodtoegang vragen").click()
    page.wait_for_url(f"{base}/gezinnen/{family.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tiny en Leo (demo)"
    assert AuditEntry.objects.filter(action=AuditAction.BREAK_GLASS, actor_id=nurse.pk).exists()
    page.context.close()

    admin = open_page(browser, locale="nl-NL")
    _login(admin, base, officer, axe_check, prefix="privacy-beheer-")
    admin.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Privacy").click()
    axe_check(admin, "privacy-03-start")
    admin.get_by_role("link", name="Naar de lijst").click()
    assert admin.get_by_text("het zorgteam is 's nachts niet bereikbaar", exact=False).is_visible()
    axe_check(admin, "privacy-04-nakijken")
    admin.get_by_role("button", name="Nagekeken").click()
    assert BreakGlassAccess.objects.get(user=nurse).reviewed_by == officer
    admin.goto(f"{base}/privacy/")
    admin.get_by_label("Dossiernummer").fill(str(family.pk))
    admin.get_by_role("button", name="Gezin openen").click()
    admin.wait_for_url(re.compile(rf"/privacy/gezinnen/{family.pk}/$"))
    axe_check(admin, "privacy-05-verzoek")
    with admin.expect_download() as download:
        admin.get_by_role("link", name="Alle gegevens (JSON-bestand)").click()
    exported = json.loads(download.value.path().read_text())
    assert "Tiny en Leo (demo)" in json.dumps(exported)
    with admin.expect_download() as pdf:
        admin.get_by_role("link", name="Samenvatting voor de ouders (PDF, in eenvoudige taal)").click()
    assert pdf.value.path().read_bytes().startswith(b"%PDF")
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor_id=officer.pk).count() == 2
    assert admin.csp_errors == []
    admin.context.close()
