"""`referral_step`: the one entry point through which the referral page and the API take a step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.referrals import services
from kansrijk.referrals.models import Handover, HandoverMode, ReferralStatus
from kansrijk.referrals.tests.factories import handover_data, referral_in, setting

pytestmark = pytest.mark.django_db
S = ReferralStatus


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 09:00:00"):
        yield


def test_the_loop_through_one_entry_point_with_defaults_from_what_was_agreed() -> None:
    s = setting()
    r = referral_in(s, S.SENT, handover=HandoverMode.VIDEO)
    r = services.referral_step(referral=r, by=s.worker, step=services.StepInput(to=S.ACCEPTED))
    assert r.status == S.ACCEPTED
    # No mode chosen: the handover is planned the way the referrer preferred.
    plan = services.StepInput(to=S.HANDOVER_PLANNED, handover=replace(handover_data(), mode=""))
    r = services.referral_step(referral=r, by=s.worker, step=plan)
    assert Handover.objects.get(referral=r).mode == HandoverMode.VIDEO
    # Done without a mode: the planned mode is recorded.
    r = services.referral_step(
        referral=r, by=s.worker, step=services.StepInput(to=S.HANDOVER_DONE, parents_present=True)
    )
    assert r.status == S.HANDOVER_DONE and Handover.objects.get(referral=r).done_mode == HandoverMode.VIDEO
    r = services.referral_step(referral=r, by=s.worker, step=services.StepInput(to=S.HELP_STARTED))
    r = services.referral_step(referral=r, by=s.worker, step=services.StepInput(to=S.COMPLETED, note="Goed gegaan"))
    assert r.status == S.COMPLETED


def test_an_unknown_or_incomplete_step_is_refused_and_nothing_moves() -> None:
    s = setting()
    r = referral_in(s, S.ACCEPTED)
    with pytest.raises(ValidationError, match="bestaat niet"):
        services.referral_step(referral=r, by=s.worker, step=services.StepInput(to="verzonnen"))
    with pytest.raises(ValidationError, match="moment"):
        services.referral_step(referral=r, by=s.worker, step=services.StepInput(to=S.HANDOVER_PLANNED))
    with pytest.raises(ValidationError):
        services.referral_step(referral=r, by=s.worker, step=services.StepInput(to=S.DECLINED, reason=""))
    r.refresh_from_db()
    assert r.status == S.ACCEPTED


def test_the_referrer_cannot_take_the_receiving_sides_step() -> None:
    s = setting()
    r = referral_in(s, S.SENT)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.referral_step(referral=r, by=s.midwife, step=services.StepInput(to=S.ACCEPTED))
    r.refresh_from_db()
    assert r.status == S.SENT
