"""Every referral notice is emailed once, also when a digest and a direct send run at the same time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem

from kansrijk.core import clock
from kansrijk.notify import services as notify
from kansrijk.notify.models import Notice
from kansrijk.referrals.models import Referral, ReferralStatus
from kansrijk.referrals.tests.factories import referral_in, setting

pytestmark = pytest.mark.django_db


def _notice(person: Any, referral: Referral) -> Notice:
    return Notice.objects.create(
        user=person,
        kind="referrals.status",
        subject="Een verwijzing die je volgt is nu: Verstuurd.",
        family_id=referral.family_id,
        object_type="referrals.referral",
        object_id=str(referral.pk),
        created_at=clock.now(),
    )


class MeanwhileBackend(locmem.EmailBackend):
    """The mail server. While it takes an email, `meanwhile` runs once with the recipient's address:
    what another process (the web server sending at once) does in that moment."""

    meanwhile: ClassVar[list[Callable[[str], object]]] = []

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        sent = super().send_messages(messages)
        while self.meanwhile:
            self.meanwhile.pop()(messages[0].to[0])
        return sent


def test_a_notice_sent_at_once_while_the_digest_runs_is_not_sent_again(settings: Any) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.MeanwhileBackend"
    s = setting()
    referral = referral_in(s, ReferralStatus.SENT)
    Notice.objects.all().delete()
    for person in (s.midwife, s.worker):
        _notice(person, referral)

    def web_process_sends_the_others(mailed_to: str) -> None:
        others = Notice.objects.filter(sent_at__isnull=True).exclude(user__email=mailed_to)
        notify.notices_send_direct(list(others.values_list("pk", flat=True)))

    MeanwhileBackend.meanwhile.append(web_process_sends_the_others)
    # The digest made its list of both people before the direct send took one of them.
    notify.digests_send()

    assert sorted(m.to[0] for m in mail.outbox) == sorted([s.midwife.email, s.worker.email])  # one each
    assert not Notice.objects.filter(sent_at__isnull=True).exists()
    assert notify.digests_send() == 0


class RefusingBackend(locmem.EmailBackend):
    """A mail server that refuses one address (a typo, a closed mailbox) and takes the others."""

    refused = "geweigerd@example.org"

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        from smtplib import SMTPRecipientsRefused

        if any(self.refused in m.to for m in messages):
            raise SMTPRecipientsRefused({self.refused: (550, b"no such user")})
        return super().send_messages(messages)


def test_one_refused_address_does_not_hold_up_the_digests_of_the_others(settings: Any) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    s = setting()
    referral = referral_in(s, ReferralStatus.SENT)
    Notice.objects.all().delete()
    type(s.midwife).objects.filter(pk=s.midwife.pk).update(email=RefusingBackend.refused)  # sorted first
    for person in (s.midwife, s.worker):
        _notice(person, referral)
    assert notify.digests_send() == 1
    assert [m.to for m in mail.outbox] == [[s.worker.email]]
    # The refused person's notice stays unsent, for the next run.
    assert Notice.objects.get(user=s.midwife).sent_at is None
