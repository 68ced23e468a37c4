"""User journeys in a real browser: two-step login, navigation, language switch, enrolment, the
audit log, and the idle-session warning. Every page visited is scanned with axe-core."""

from __future__ import annotations

import base64
import re
import time
from datetime import timedelta

from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.accounts.tests.login import PASSWORD, current_code
from kansrijk.core.models import AuditEntry
from tests.browser.conftest import open_page


def _login(page, base_url: str, user, axe_check, prefix: str) -> None:
    page.goto(f"{base_url}/inloggen/")
    axe_check(page, f"{prefix}login")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    axe_check(page, f"{prefix}code")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    page.get_by_label("Code").fill(current_code(device))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(f"{base_url}/")
    axe_check(page, f"{prefix}start")


def test_professional_logs_in_with_a_code_navigates_and_switches_language(page, app_server, axe_check):
    base = app_server.url
    user = UserFactory.create(
        roles=[Role.PROFESSIONAL],
        with_totp=True,
        full_name="Fenna Jansen (demo)",
        organisation=OrganisationFactory.create(name="Ouder- en Kindteam Zuidoost (demo)"),
    )
    page.goto(f"{base}/")
    axe_check(page, "01-start-public")
    page.get_by_role("link", name="Inloggen voor professionals").click()
    _login(page, base, user, axe_check, prefix="02-")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Fenna"
    assert page.title() == "Start \N{EN DASH} Kansrijk"

    # Keyboard: the skip link is the first stop and moves focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Direct naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn account").click()
    page.wait_for_url(f"{base}/account/")
    assert page.get_by_text("Ouder- en Kindteam Zuidoost (demo)").is_visible()
    axe_check(page, "04-account")
    assert AuditEntry.objects.filter(actor_id=user.pk, object_type="accounts.user", action="view").exists()

    page.get_by_role("button", name="English").click()
    page.wait_for_url(f"{base}/account/")
    assert page.get_by_role("heading", level=1).inner_text() == "My account"
    assert page.locator("html").get_attribute("lang") == "en"
    axe_check(page, "05-account-english")
    page.get_by_role("button", name="Nederlands").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn account"
    axe_check(page, "05-account-dutch-again")

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/inloggen/"))
    axe_check(page, "05-logged-out")
    assert page.csp_errors == [], page.csp_errors


def test_dutch_is_the_default_whatever_the_browser_language(browser, app_server, axe_check):
    page = open_page(browser, locale="en-GB")
    try:
        page.goto(f"{app_server.url}/")
        assert page.locator("html").get_attribute("lang") == "nl"
        axe_check(page, "01-start-public-english-browser")
        page.get_by_role("button", name="English").click()
        page.wait_for_url(f"{app_server.url}/")
        assert page.locator("html").get_attribute("lang") == "en"
        axe_check(page, "01-start-public-in-english")
        page.goto(f"{app_server.url}/inloggen/")
        assert page.get_by_role("heading", level=1).inner_text() == "Log in"
        axe_check(page, "01-login-in-english")
        assert page.csp_errors == [], page.csp_errors
    finally:
        page.context.close()


def test_new_professional_enrols_the_app_and_gets_recovery_codes(page, app_server, axe_check):
    base = app_server.url
    user = UserFactory.create(roles=[Role.REGIEHOUDER])
    page.goto(f"{base}/inloggen/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{base}/inloggen/app-instellen/")
    assert page.get_by_role("img", name=re.compile("QR-code")).is_visible()
    axe_check(page, "06-enrol")
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code uit je app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="App koppelen").click()
    codes = page.get_by_test_id("recovery-codes").locator("li").all_inner_texts()
    assert len(codes) == 10
    axe_check(page, "07-recovery-codes")
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    page.wait_for_url(f"{base}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welkom")
    axe_check(page, "07-start-after-enrolment")


def test_beheerder_answers_who_looked_at_a_record(page, app_server, axe_check):
    base = app_server.url
    beheerder = UserFactory.create(roles=[Role.BEHEERDER], with_totp=True)
    colleague = UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True)
    from kansrijk.core.audit import Actor, Target, audit_record

    audit_record(
        actor=Actor(id=colleague.pk, label=colleague.email, organisation="OKT", role="professional"),
        action="view",
        targets=[Target("accounts.user", str(colleague.pk))],
        purpose="eigen accountgegevens bekijken",
    )
    _login(page, base, beheerder, axe_check, prefix="08-beheerder-")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Auditlog").click()
    page.wait_for_url(re.compile(r"/toezicht/auditlog/"))
    axe_check(page, "08-audit-log")
    page.get_by_label("Soort gegeven").fill("accounts.user")
    page.get_by_label("Nummer (id) van het gegeven").fill(str(colleague.pk))
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"object_id="))
    assert page.get_by_test_id("audit-count").inner_text() == "1 regel gevonden"
    assert page.get_by_role("cell", name=colleague.email).is_visible()
    axe_check(page, "09-audit-log-filtered")
    # Looking is itself on record.
    assert AuditEntry.objects.filter(actor_id=beheerder.pk, object_type="core.auditlog").count() >= 2

    # The other pages the menu leads a beheerder to: the administration and the API documentation.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Beheer").click()
    page.wait_for_url(re.compile(r"/beheer/$"))
    axe_check(page, "09-admin")
    page.goto(f"{base}/beheer/accounts/user/{colleague.pk}/change/")
    axe_check(page, "09-admin-user")
    page.goto(f"{base}/api/docs/")
    page.get_by_text("Kansrijk API").first.wait_for()
    axe_check(page, "09-api-docs")
    assert page.csp_errors == [], page.csp_errors


SESSION_STATUS = "async () => (await fetch('/account/sessie/')).json()"


def test_idle_session_warns_can_be_extended_then_ends(page, app_server, axe_check):
    base = app_server.url
    idle = 10  # seconds; the warning shows halfway (at most two minutes before the end)
    user = UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True)
    with override_settings(KANSRIJK_SESSION_IDLE=timedelta(seconds=idle)):
        _login(page, base, user, axe_check, prefix="10-")
        logged_in = time.monotonic()
        dialog = page.get_by_role("dialog", name="Ben je er nog?")
        dialog.wait_for(state="visible", timeout=idle * 1000)
        axe_check(page, "10-idle-warning")
        page.get_by_role("button", name="Ingelogd blijven").click()
        dialog.wait_for(state="hidden")
        extended = time.monotonic()
        # Past the moment the session would have ended without the click, it is still alive ...
        time.sleep(max(0.0, logged_in + idle + 1 - time.monotonic()))
        assert time.monotonic() < extended + idle - 1, "the machine was too slow for this timing"
        assert page.evaluate(SESSION_STATUS)["authenticated"] is True
        # ... and without further activity it ends, and the browser goes to the login page.
        page.wait_for_url(re.compile(r"/inloggen/"), timeout=(idle + 4) * 1000)
        assert page.evaluate(SESSION_STATUS)["authenticated"] is False
        page.goto(f"{base}/account/")
        assert "/inloggen/" in page.url
