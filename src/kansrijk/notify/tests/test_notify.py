"""The one notifications module: notices of any app, each person's choice of how often, sending at once
or in one daily or weekly overview exactly once, the one email renderer, reading, and the family's erasure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends import locmem
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.families.models import Family
from kansrijk.families.tests.factories import open_family
from kansrijk.notify import jobs, registry, selectors, services
from kansrijk.notify.models import Frequency, Notice

pytestmark = pytest.mark.django_db

registry.register_namespace(
    registry.Namespace(
        name="proef",
        subject="Proef: nieuw bericht",
        digest_subject="Proef: je overzicht",
        place="Bekijk het hier: %(url)s",
        path=lambda: "/proef/",
        detail=lambda n: "met extra" if n.object_id == "7" else "",
        footer="Kies zelf hoe vaak.",
    )
)
registry.register_namespace(
    registry.Namespace(
        name="ander",
        subject="Ander: nieuw bericht",
        digest_subject="Ander: je overzicht",
        place="Of hier: %(url)s",
        path=lambda: "/ander/",
    )
)
registry.register_kind(registry.Kind("proef.direct", "Meteen iets", Frequency.IMMEDIATELY))
registry.register_kind(registry.Kind("proef.dag", "Iets voor het overzicht", Frequency.DAILY))
registry.register_kind(registry.Kind("ander.week", "Iets voor de week", Frequency.WEEKLY))


def _create(user: User, kind: str, subject: str = "Er is iets gebeurd.", **kwargs: Any) -> list[Notice]:
    return services.notice_create(users=[user], kind=kind, subject=subject, **kwargs)


def test_kinds_must_be_namespaced() -> None:
    with pytest.raises(ValueError):
        registry.register_kind(registry.Kind("zonder_punt", "Fout", Frequency.DAILY))


def test_the_most_specific_choice_counts() -> None:
    user = UserFactory.create()
    assert selectors.preference_of(user, "proef.dag") == Frequency.DAILY  # the kind's own default
    assert selectors.preference_of(user, "proef.direct") == Frequency.IMMEDIATELY
    assert selectors.preference_of(user, "onbekend.iets") == Frequency.IMMEDIATELY
    services.preference_set(user, kind=None, frequency=Frequency.WEEKLY)
    assert selectors.preference_of(user, "proef.dag") == Frequency.WEEKLY  # their own default wins
    services.preference_set(user, kind="proef", frequency=Frequency.NEVER)
    assert selectors.preference_of(user, "proef.dag") == Frequency.NEVER  # the namespace is more specific
    services.preference_set(user, kind="proef.dag", frequency=Frequency.IMMEDIATELY)
    assert selectors.preference_of(user, "proef.dag") == Frequency.IMMEDIATELY  # the kind most
    assert selectors.preference_of(user, "ander.week") == Frequency.WEEKLY
    services.preference_set(user, kind="proef.dag", frequency=Frequency.DAILY)  # changed, not added
    assert user.notice_preferences.count() == 3
    with pytest.raises(Exception, match="Kies hoe vaak"):
        services.preference_set(user, kind=None, frequency="soms")


def test_at_once_is_mailed_after_commit_and_the_rest_waits(django_capture_on_commit_callbacks: Any) -> None:
    user = UserFactory.create()
    with django_capture_on_commit_callbacks(execute=True):
        _create(user, "proef.direct", "Er is een nieuwe verwijzing.", link="/proef/1/")
        _create(user, "proef.dag")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [user.email] and email.subject == "Proef: nieuw bericht"
    assert email.body.startswith("Er is een nieuwe verwijzing.\n\nBekijk het hier: ")
    assert email.body.endswith("/proef/\nKies zelf hoe vaak.\n")
    assert Notice.objects.filter(user=user, sent_at__isnull=True).get().kind == "proef.dag"


def test_one_overview_per_person_daily_and_weekly_and_never_is_never_mailed() -> None:
    user, quiet = UserFactory.create(), UserFactory.create()
    services.preference_set(quiet, kind=None, frequency=Frequency.NEVER)
    with freeze_time("2026-03-02 09:00:00+01:00"):
        _create(user, "proef.dag", about=None)
        _create(user, "ander.week", "Iets van de week.")
        _create(quiet, "proef.dag")
        notice = _create(user, "proef.dag", "Met een titel.")[0]
        Notice.objects.filter(pk=notice.pk).update(object_id="7")
    with freeze_time("2026-03-02 10:00:00+01:00"):
        assert jobs.digest() == 1  # the first of each: both go, in one email
    email = mail.outbox[-1]
    assert email.subject == "Kansrijk: je overzicht van berichten"  # two apps in one overview
    assert email.body.count("- ") == 3 and "- Met een titel.: met extra\n" in email.body
    assert "Bekijk het hier: " in email.body and "Of hier: " in email.body
    with freeze_time("2026-03-02 12:00:00+01:00"):
        _create(user, "proef.dag", "Later die dag.")
        _create(user, "ander.week", "Later die week.")
    with freeze_time("2026-03-02 23:00:00+01:00"):
        assert jobs.digest() == 0  # the same day
    with freeze_time("2026-03-03 07:00:00+01:00"):
        assert jobs.digest() == 1  # the next day: only the daily one
    email = mail.outbox[-1]
    assert email.subject == "Proef: je overzicht" and "Later die dag." in email.body and "week" not in email.body
    with freeze_time("2026-03-09 10:00:00+01:00"):
        assert jobs.digest() == 1  # a week later: the weekly one
    assert "Later die week." in mail.outbox[-1].body
    assert [m.to for m in mail.outbox].count([quiet.email]) == 0
    assert Notice.objects.filter(user=quiet, sent_at__isnull=True).count() == 1  # kept, on the page
    assert jobs.digest() == 0


class RefusingBackend(locmem.EmailBackend):
    refused = "geweigerd@example.org"

    def send_messages(self, messages: Sequence[EmailMessage]) -> int:
        from smtplib import SMTPRecipientsRefused

        if any(self.refused in m.to for m in messages):
            raise SMTPRecipientsRefused({self.refused: (550, b"no such user")})
        return super().send_messages(messages)


def test_a_refused_address_at_once_leaves_its_notice_for_the_digest(settings: Any) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    refused, other = UserFactory.create(email=RefusingBackend.refused), UserFactory.create()
    ids = [n.pk for user in (refused, other) for n in _create(user, "proef.direct")]
    assert services.notices_send_direct(ids) == 1
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert Notice.objects.get(user=refused).sent_at is None
    assert services.notices_send_direct(ids) == 0  # sent once, refused still refused


def test_inactive_people_get_no_email_and_a_direct_send_respects_a_later_choice() -> None:
    gone, changed = UserFactory.create(is_active=False), UserFactory.create()
    ids = [n.pk for user in (gone, changed) for n in _create(user, "proef.direct")]
    services.preference_set(changed, kind="proef", frequency=Frequency.DAILY)  # before the send went
    assert services.notices_send_direct(ids) == 0
    assert services.digests_send() == 1 and mail.outbox[-1].to == [changed.email]


def test_reading_marks_only_ones_own_notices() -> None:
    user, other = UserFactory.create(), UserFactory.create()
    mine = _create(user, "proef.dag") + _create(user, "ander.week")
    theirs = _create(other, "proef.dag")
    assert selectors.unread_count(user) == 2 and selectors.unread_count(user, namespace="ander") == 1
    assert services.notices_mark_read(user, mine + theirs) == 2
    assert services.notices_mark_read(user, mine) == 0
    assert selectors.unread_count(user) == 0 and selectors.unread_count(other) == 1
    assert [n.kind for n in selectors.notices_of(user, namespace="proef")] == ["proef.dag"]
    assert selectors.label_of(mine[0]) == "Iets voor het overzicht"


def test_a_notice_about_a_family_goes_with_the_family() -> None:
    family = open_family()
    user = UserFactory.create()
    notice = _create(user, "proef.dag", family_id=family.pk, about=family)[0]
    assert list(selectors.notices_about(family)) == [notice]
    assert (notice.object_type, notice.object_id) == ("families.family", str(family.pk))
    Family.objects.filter(pk=family.pk).delete()
    assert not Notice.objects.filter(pk=notice.pk).exists()
