"""Every Vraagbaak notice is emailed once, also when a digest and a direct send run at the same time."""

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
from kansrijk.vraagbaak.models import Frequency
from kansrijk.vraagbaak.tests.people import member

pytestmark = pytest.mark.django_db


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
    people = [member(frequency=Frequency.IMMEDIATELY) for _ in range(2)]
    for user in people:  # their emails at once did not go out yet (e.g. the mail server was away)
        Notice.objects.create(
            user=user, kind="vraagbaak.nieuw_antwoord", subject="Nieuw antwoord op je vraag", created_at=clock.now()
        )

    def web_process_sends_the_others(mailed_to: str) -> None:
        others = Notice.objects.filter(sent_at__isnull=True).exclude(user__email=mailed_to)
        notify.notices_send_direct(list(others.values_list("pk", flat=True)))

    MeanwhileBackend.meanwhile.append(web_process_sends_the_others)
    # The digest made its list of both members before the direct send took one of them.
    notify.digests_send()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in people)  # one each
    assert not Notice.objects.filter(sent_at__isnull=True).exists()
    assert notify.digests_send() == 0
