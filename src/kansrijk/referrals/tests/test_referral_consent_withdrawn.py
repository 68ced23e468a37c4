"""After the parents withdraw their consent (or it expires), the receiving side sees nothing it covered,
on no surface (page, form initial values, API), and can take no step that needs the family's data; only
stopping stays possible, with a clear message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.tests.login import login_verified
from kansrijk.consent.services import consent_withdraw
from kansrijk.core import clock
from kansrijk.referrals import services
from kansrijk.referrals.models import Referral, ReferralStatus
from kansrijk.referrals.tests.factories import handover_data, referral_in, setting

pytestmark = pytest.mark.django_db
S = ReferralStatus
API = "/api/v1"
PLACE = "Osdorpplein 1"
PEOPLE = "Meriam en Micha"
SUMMARY = "Zorgen over rekeningen"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _client(user: User) -> Client:
    return login_verified(Client(), user)


def _withdraw(referral: Referral, by: User) -> None:
    assert referral.consent is not None
    services.consent_withdraw(consent=referral.consent, by=by)


def test_the_plan_form_is_not_prefilled_with_handover_data_after_a_withdrawal() -> None:
    s = setting()
    referral = referral_in(s, S.HANDOVER_PLANNED)
    worker = _client(s.worker)
    before = worker.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert PLACE in before and PEOPLE in before and SUMMARY in before
    _withdraw(referral, s.midwife)
    page = worker.get(f"/verwijzingen/{referral.pk}/").content.decode()
    for text in (PLACE, PEOPLE, SUMMARY, "Meriam", "0612345678", "Wij hebben schulden"):
        assert text not in page, text
    # The referring side keeps its own file and its own handover notes.
    assert SUMMARY in _client(s.midwife).get(f"/verwijzingen/{referral.pk}/").content.decode()


@pytest.mark.parametrize(
    ("state", "action", "body"),
    [
        (S.SENT, "answer", {"decision": "accept"}),
        (S.ACCEPTED, "start", {}),
        (
            S.ACCEPTED,
            "plan",
            {
                "mode": "fysiek",
                "planned_at": "2026-11-26T10:00",
                "place": "Buurthuis",
                "participants": "Ouders, verloskundige, buurtteam",
                "summary": "Samen een overzicht maken",
            },
        ),
        (S.HANDOVER_PLANNED, "handover_done", {"done_mode": "fysiek", "parents_present": "on"}),
        (S.HELP_STARTED, "complete", {}),
    ],
)
def test_the_receiving_side_can_take_no_step_on_its_page_after_a_withdrawal(
    state: str, action: str, body: dict[str, str]
) -> None:
    s = setting()
    referral = referral_in(s, state)
    _withdraw(referral, s.midwife)
    worker = _client(s.worker)
    response = worker.post(f"/verwijzingen/{referral.pk}/", {"action": action, **body}, follow=True)
    referral.refresh_from_db()
    assert referral.status == state
    assert "alleen nog" in response.content.decode()
    # Stopping stays possible.
    stopped = worker.post(
        f"/verwijzingen/{referral.pk}/", {"action": "stop", "reason": "ouder_wil_niet", "note": ""}, follow=True
    )
    assert stopped.status_code == 200
    referral.refresh_from_db()
    assert referral.status == S.STOPPED


def test_the_page_offers_only_stopping_after_a_withdrawal() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    assert S.HANDOVER_PLANNED in services.referral_steps(referral=referral, user=s.worker)
    _withdraw(referral, s.midwife)
    referral.refresh_from_db()
    assert services.referral_steps(referral=referral, user=s.worker) == [S.STOPPED]
    assert services.referral_steps(referral=referral, user=s.midwife) == [S.STOPPED]


def test_the_api_refuses_steps_after_a_withdrawal_but_allows_stopping() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    _withdraw(referral, s.midwife)
    worker = _client(s.worker)
    steps = worker.get(f"{API}/verwijzingen/{referral.pk}/stappen/").json()["steps"]
    assert [step["naar"] for step in steps] == [S.STOPPED]
    refused = worker.post(
        f"{API}/verwijzingen/{referral.pk}/stappen/", {"naar": S.ACCEPTED}, content_type="application/json"
    )
    assert refused.status_code == 400 and "ingetrokken" in refused.content.decode()
    referral.refresh_from_db()
    assert referral.status == S.SENT
    stopped = worker.post(
        f"{API}/verwijzingen/{referral.pk}/stappen/",
        {"naar": S.STOPPED, "reden": "ouder_wil_niet"},
        content_type="application/json",
    )
    assert stopped.status_code == 200, stopped.content


def test_an_expired_consent_blocks_the_steps_as_well() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    with freeze_time(clock.now() + timedelta(days=400)):
        with pytest.raises(ValidationError, match="ingetrokken, of die is verlopen"):
            services.referral_handover_plan(referral=referral, by=s.worker, data=handover_data())
        with pytest.raises(ValidationError, match="verlopen"):
            services.referral_help_start(referral=referral, by=s.worker)
        assert services.referral_stop(referral=referral, by=s.worker, reason="ouder_wil_niet").status == S.STOPPED


def test_the_referring_side_cannot_plan_a_handover_after_a_withdrawal_either() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    assert referral.consent is not None
    consent_withdraw(consent=referral.consent, by=s.midwife)
    with pytest.raises(ValidationError, match="alleen nog"):
        services.referral_handover_plan(referral=referral, by=s.midwife, data=handover_data())
