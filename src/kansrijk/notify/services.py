"""Writing notices and sending them: at once, or in one daily or weekly overview per person, exactly once.

Every email is claimed (the notices locked and re-read unsent), marked and sent in one transaction per
person, so a digest and a direct send running at the same time never send a notice twice, and a run that
dies before marking leaves the notices for the next run. Emails carry the notice's line (never a family's
data) and a link to the page where the person signs in."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import timedelta
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import models, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.notify import registry, selectors
from kansrijk.notify.models import DigestState, Frequency, Notice, NoticePreference

logger = logging.getLogger(__name__)

WEEK = timedelta(days=7)


def notice_create(
    *,
    users: Iterable[User],
    kind: str,
    subject: str,
    headline: str = "",
    link: str = "",
    family_id: int | None = None,
    about: models.Model | None = None,
) -> list[Notice]:
    """One notice per person (once each). `subject` is the line shown and mailed: never a family's data.
    Those who want every message at once get an email after the transaction commits."""
    now = clock.now()
    people = list({u.pk: u for u in users}.values())
    rows = Notice.objects.bulk_create(
        [
            Notice(
                user=person,
                kind=kind,
                subject=subject[:200],
                headline=headline[:120],
                link=link,
                family_id=family_id,
                object_type=about._meta.label_lower if about is not None else "",
                object_id=str(about.pk) if about is not None else "",
                created_at=now,
            )
            for person in people
        ]
    )
    direct = [n.pk for n in rows if selectors.preference_of(n.user, kind) == Frequency.IMMEDIATELY]
    if direct:
        transaction.on_commit(lambda: notices_send_direct(direct))
    return rows


def preference_set(user: User, *, kind: str | None, frequency: str) -> NoticePreference:
    """How often `user` wants email about `kind` (a kind, a namespace such as "referrals", or None for
    every kind they chose nothing else for)."""
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Kies hoe vaak je berichten wilt.")})
    preference, _created = NoticePreference.objects.update_or_create(
        user=user, kind=kind or NoticePreference.DEFAULT, defaults={"frequency": frequency}
    )
    return preference


def notices_mark_read(user: User, notices: Iterable[Notice]) -> int:
    """The person saw these notices (their own only); returns how many were new to them."""
    ids = [n.pk for n in notices]
    return Notice.objects.filter(user=user, pk__in=ids, read_at__isnull=True).update(read_at=clock.now())


# --- the one email renderer --------------------------------------------------------------------------


def line(notice: Notice) -> str:
    """The notice as one line of an email: its subject, and what its app adds at sending time."""
    space = registry.namespace(registry.namespace_of(notice.kind))
    detail = space.detail(notice) if space is not None and space.detail is not None else ""
    return f"{notice.subject}: {detail}" if detail else notice.subject


def render(notices: Sequence[Notice], *, digest: bool) -> tuple[str, str]:
    """The subject and body of an email about `notices` (in the active language)."""
    names = list(dict.fromkeys(registry.namespace_of(n.kind) for n in notices))
    spaces = [space for space in (registry.namespace(name) for name in names) if space is not None]
    if len(names) == 1 and len(spaces) == 1:
        subject = str(spaces[0].digest_subject if digest else spaces[0].subject)
    else:
        subject = _("Kansrijk: je overzicht van berichten") if digest else _("Kansrijk: nieuw bericht")
    lines = [f"- {line(n)}" for n in notices] if digest else [line(n) for n in notices]
    places = [str(space.place) % {"url": settings.KANSRIJK_SITE_URL + space.path()} for space in spaces]
    footers = list(dict.fromkeys(str(space.footer) for space in spaces if space.footer))
    body = render_to_string("notify/email.txt", {"lines": lines, "places": places, "footers": footers})
    return subject, body


def _mail(user: User, notices: Sequence[Notice], *, digest: bool, connection: BaseEmailBackend) -> None:
    with translation.override("nl"):
        subject, body = render(notices, digest=digest)
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[user.email], connection=connection)


# --- sending, exactly once ---------------------------------------------------------------------------


def _claim(notices: QuerySet[Notice]) -> list[Notice]:
    """The still-unsent notices of `notices`, row-locked until the caller's transaction ends; rows another
    process is sending right now are skipped (PostgreSQL; SQLite writes one at a time anyway)."""
    return list(
        notices.filter(sent_at__isnull=True, user__is_active=True)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("user")
        .order_by("created_at", "pk")
    )


def notices_send_direct(notice_ids: Sequence[int]) -> int:
    """Email each notice whose person wants every message at once (the rest wait for their digest).

    Each notice is claimed (locked, re-read unsent), marked and mailed in one transaction, so a digest or
    another process running at the same time cannot send it a second time."""
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for pk in sorted(notice_ids):  # one by one: a failing mail server leaves the rest for the digest
            try:
                with transaction.atomic():
                    claimed = _claim(Notice.objects.filter(pk=pk))
                    if not claimed:
                        continue
                    if selectors.preference_of(claimed[0].user, claimed[0].kind) != Frequency.IMMEDIATELY:
                        continue
                    Notice.objects.filter(pk=pk).update(sent_at=clock.now())  # kept only if the email went
                    connection.open()
                    _mail(claimed[0].user, claimed, digest=False, connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the mark is
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("notify: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    return sent


def _due(frequency: str, *, daily: bool, weekly: bool) -> bool:
    # "At once" notices still unsent (the mail server was away) go in the next digest too.
    return (
        frequency == Frequency.IMMEDIATELY
        or (frequency == Frequency.DAILY and daily)
        or (frequency == Frequency.WEEKLY and weekly)
    )


def digests_send() -> int:
    """One email per person whose daily or weekly moment has come, with all their unsent notices that
    are due (a daily one once per calendar day, a weekly one once a week); "never" is never mailed.

    Per person, their digest state and unsent notices are claimed (locked and re-read), marked and
    mailed in one transaction: a notice sent at once, or by another run, since the list was made is not
    sent again, and a run that dies before marking leaves its notices for the next run."""
    people = sorted(
        set(Notice.objects.filter(sent_at__isnull=True, user__is_active=True).values_list("user_id", flat=True))
    )
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for user_id in people:
            try:
                with transaction.atomic():
                    DigestState.objects.bulk_create([DigestState(user_id=user_id)], ignore_conflicts=True)
                    state = DigestState.objects.select_for_update(skip_locked=True).filter(pk=user_id).first()
                    if state is None:  # another run is sending this person's digest right now
                        continue
                    now = clock.now()
                    daily = state.daily_at is None or clock.local_date(state.daily_at) < clock.local_date(now)
                    weekly = state.weekly_at is None or now - state.weekly_at >= WEEK - timedelta(hours=1)
                    choices = selectors.chosen(user_id)
                    claimed = _claim(Notice.objects.filter(user_id=user_id))
                    frequencies = {n.pk: selectors.resolve(choices, n.kind) for n in claimed}
                    notices = [n for n in claimed if _due(frequencies[n.pk], daily=daily, weekly=weekly)]
                    if not notices:
                        continue
                    # Marked first, committed after the email: the window in which a crash sends it twice is
                    # the commit alone; a failing mail server rolls the marks back.
                    Notice.objects.filter(pk__in=[n.pk for n in notices]).update(sent_at=now)
                    chose = {frequencies[n.pk] for n in notices}
                    if Frequency.DAILY in chose:
                        state.daily_at = now
                    if Frequency.WEEKLY in chose:
                        state.weekly_at = now
                    state.save(update_fields=["daily_at", "weekly_at"])
                    connection.open()
                    _mail(notices[0].user, notices, digest=True, connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the marks are
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("notify: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    logger.info("notify: %d digests sent", sent)
    return sent
