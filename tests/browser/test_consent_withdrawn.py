"""Issue 12 in a real browser: after the parents withdraw their consent, the buurtteam's referral page shows
nothing the consent covered and offers only "stop"; the midwife revokes a partner's personal link, which
then works no more. Every page is scanned with axe-core."""

from __future__ import annotations

from kansrijk.referrals import services
from kansrijk.referrals.models import ReferralStatus
from kansrijk.referrals.tests.factories import PARTNER_EMAIL, consented, partner_referral, referral_in, setting
from tests.browser.conftest import open_page
from tests.browser.test_journeys import _login


def test_a_withdrawal_leaves_only_stop_and_a_revoked_link_works_no_more(browser, app_server, axe_check):
    base = app_server.url
    s = setting()
    referral = referral_in(s, ReferralStatus.HANDOVER_PLANNED)
    assert referral.consent is not None
    services.consent_withdraw(consent=referral.consent, by=s.midwife)

    sam = open_page(browser, locale="nl-NL")
    _login(sam, base, s.worker, axe_check, prefix="ingetrokken-sam-")
    sam.goto(f"{base}/verwijzingen/{referral.pk}/")
    axe_check(sam, "ingetrokken-01-ontvanger")
    text = sam.content()
    for covered in ("Osdorpplein", "Meriam en Micha", "Zorgen over rekeningen", "0612345678"):
        assert covered not in text, covered
    assert sam.get_by_role("button", name="De hulp is gestart").count() == 0
    assert sam.locator("input[name=action][value=plan]").count() == 0
    assert sam.locator("input[name=action][value=stop]").count() == 1

    partner = services.referral_send(referral=consented(s, partner_referral(s)), by=s.midwife)
    token = services.answer_link_create(referral=partner, email=PARTNER_EMAIL)
    ingrid = open_page(browser, locale="nl-NL")
    _login(ingrid, base, s.midwife, axe_check, prefix="ingetrokken-ingrid-")
    ingrid.goto(f"{base}/verwijzingen/{partner.pk}/")
    axe_check(ingrid, "ingetrokken-02-links")
    ingrid.get_by_role("button", name=f"Link voor {PARTNER_EMAIL} intrekken").first.click()
    ingrid.wait_for_load_state()
    axe_check(ingrid, "ingetrokken-03-link-ingetrokken")
    assert "De link is ingetrokken" in ingrid.content()

    outsider = open_page(browser, locale="nl-NL")
    response = outsider.goto(f"{base}/v/{token}/")
    assert response is not None and response.status == 403
    axe_check(outsider, "ingetrokken-04-link-werkt-niet")
