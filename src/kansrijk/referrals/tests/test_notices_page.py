"""The referrer's "mine" page: the latest referral notices (from the notify app) and the choice between
every message at once or one email a day."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from kansrijk.accounts.tests.login import login_verified
from kansrijk.notify.models import Frequency
from kansrijk.notify.selectors import preference_of
from kansrijk.notify.services import digests_send
from kansrijk.referrals import services
from kansrijk.referrals.models import ReferralStatus
from kansrijk.referrals.tests.factories import referral_in, setting

pytestmark = pytest.mark.django_db


def test_the_mine_page_shows_the_notices_and_keeps_the_digest_choice(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    referral = referral_in(s, ReferralStatus.SENT)
    midwife = login_verified(Client(), s.midwife)
    response = midwife.post("/verwijzingen/", {"digest": "1"})
    assert response.status_code == 302
    assert preference_of(s.midwife, "referrals.status") == Frequency.DAILY
    assert 'name="digest" value="1" checked' in midwife.get("/verwijzingen/").content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_accept(referral=referral, by=s.worker)
    assert not [m for m in mail.outbox if m.to == [s.midwife.email]]  # waits for the digest
    page = midwife.get("/verwijzingen/").content.decode()
    assert f'href="/verwijzingen/{referral.pk}/"' in page and "Nieuwe stap" in page
    assert digests_send() >= 1 and [m for m in mail.outbox if m.to == [s.midwife.email]]
    midwife.post("/verwijzingen/", {})
    assert preference_of(s.midwife, "referrals.status") == Frequency.IMMEDIATELY
