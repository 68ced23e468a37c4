"""Telling people about referrals: a notice per person, emailed at once or in the daily digest.

Emails never name a family or say what the help is about: they say that something changed and link
to Kansrijk, where the person signs in with two factors.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from smtplib import SMTPRecipientsRefused
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import WORKING_ROLES
from kansrijk.core import clock
from kansrijk.families.selectors import regiehouder_of
from kansrijk.referrals.models import Notice, NoticeKind, NoticePreference, Referral, ReferralStatus

if TYPE_CHECKING:
    from kansrijk.referrals.models import AnswerLink

logger = logging.getLogger(__name__)


def receivers(referral: Referral) -> list[User]:
    """The people who answer a referral: the named professional, or the organisation's professionals."""
    if referral.professional_id is not None:
        return [referral.professional] if referral.professional and referral.professional.is_active else []
    if referral.receiving_organisation_id is None:
        return []
    return list(
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=referral.receiving_organisation_id,
            role_grants__role__in=WORKING_ROLES,
        ).distinct()
    )


def followers(referral: Referral) -> list[User]:
    """The referring side that follows the loop: the referrer and the family's regiehouder."""
    people = [referral.referrer]
    holder = regiehouder_of(referral.family)
    if holder is not None:
        people.append(holder.user)
    return [p for p in dict.fromkeys(people) if p.is_active]


def regiehouder_or_referrer(referral: Referral) -> User:
    """Whom a late referral escalates to first: the family's regiehouder, or else the referrer."""
    holder = regiehouder_of(referral.family)
    return holder.user if holder is not None and holder.user.is_active else referral.referrer


def _add(people: Iterable[User], referral: Referral, kind: str, *, skip: User | None = None) -> list[Notice]:
    now = clock.now()
    notices = [
        Notice.objects.create(user=person, referral=referral, kind=kind, status=referral.status, created_at=now)
        for person in dict.fromkeys(people)
        if skip is None or person.pk != skip.pk
    ]
    if notices:
        ids = [n.pk for n in notices]
        transaction.on_commit(lambda: send_direct(ids))
    return notices


def status_changed(*, referral: Referral, by: User | None) -> list[Notice]:
    if referral.status == ReferralStatus.SENT:
        return _add(receivers(referral), referral, NoticeKind.NEW, skip=by)
    if referral.status in (ReferralStatus.CONCEPT, ReferralStatus.WAITING_CONSENT):
        return []
    people = followers(referral)
    if referral.answered_by is not None:
        people.append(referral.answered_by)
    elif referral.status == ReferralStatus.STOPPED and referral.sent_at is not None:
        people.extend(receivers(referral))
    return _add(people, referral, NoticeKind.STATUS, skip=by)


def alert(*, referral: Referral, kind: str, people: Iterable[User]) -> list[Notice]:
    return _add(people, referral, kind)


def consent_revoked(*, referral: Referral, by: User) -> list[Notice]:
    people = [referral.answered_by] if referral.answered_by else receivers(referral)
    return _add(people, referral, NoticeKind.CONSENT_REVOKED, skip=by)


def _line(notice: Notice) -> str:
    status = ReferralStatus(notice.status).label
    texts = {
        NoticeKind.NEW: _("Er is een nieuwe verwijzing voor jouw organisatie."),
        NoticeKind.STATUS: _("Een verwijzing die je volgt is nu: %(status)s.") % {"status": status},
        NoticeKind.REMINDER: _("Een verwijzing wacht vandaag op antwoord of eerste contact."),
        NoticeKind.LATE: _("Een verwijzing is te laat (de afgesproken termijn is voorbij)."),
        NoticeKind.VERY_LATE: _("Een verwijzing is zeer laat (drie keer de afgesproken termijn)."),
        NoticeKind.CONSENT_REVOKED: _("Een ouder heeft de toestemming ingetrokken. Je ziet de gegevens niet meer."),
    }
    return str(texts.get(NoticeKind(notice.kind), status))


def _mail(user: User, lines: list[str], *, connection: BaseEmailBackend | None = None) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("dossier:referrals_mine")
    with translation.override("nl"):
        send_mail(
            subject=_("Kansrijk: nieuws over verwijzingen"),
            message="\n".join(lines) + "\n\n" + _("Bekijk het in Kansrijk: %(url)s\n") % {"url": url},
            from_email=None,
            recipient_list=[user.email],
            connection=connection,
        )


def _claim(notices: QuerySet[Notice]) -> list[Notice]:
    """The still-unsent notices of `notices`, row-locked until the caller's transaction ends; rows another
    process is sending right now are skipped (PostgreSQL; SQLite writes one at a time anyway)."""
    return list(
        notices.filter(emailed_at__isnull=True, user__is_active=True)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("user")
    )


def send_direct(notice_ids: list[int]) -> int:
    """Email the notices of people who want every message at once (the rest wait for the digest).

    Each notice is claimed (locked, re-read unsent), mailed and marked in one transaction, so a digest
    or another process running at the same time cannot send it a second time."""
    digest = set(
        NoticePreference.objects.filter(
            user_id__in=Notice.objects.filter(pk__in=notice_ids).values("user_id"), digest=True
        ).values_list("user_id", flat=True)
    )
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for pk in sorted(notice_ids):  # marked one by one: a failing mail server leaves the rest for the digest
            try:
                with transaction.atomic():
                    claimed = [n for n in _claim(Notice.objects.filter(pk=pk)) if n.user_id not in digest]
                    if not claimed:
                        continue
                    Notice.objects.filter(pk=pk).update(emailed_at=clock.now())  # kept only if the email went
                    connection.open()
                    with translation.override("nl"):
                        _mail(claimed[0].user, [_line(claimed[0])], connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the mark is
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("referrals: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    return sent


def send_digests() -> int:
    """One email per person with everything not yet emailed (the daily digest).

    Per person, the unsent notices are claimed (locked and re-read), mailed and marked in one
    transaction: a notice sent at once, or by another run, since the list was made is not sent again,
    and a run that dies before marking leaves its notices for the next run."""
    people = sorted(
        set(Notice.objects.filter(emailed_at__isnull=True, user__is_active=True).values_list("user_id", flat=True))
    )
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for user_id in people:
            try:
                with transaction.atomic():
                    notices = _claim(Notice.objects.filter(user_id=user_id))
                    if not notices:
                        continue
                    # Marked first, committed after the email: the window in which a crash sends it twice is
                    # the commit alone; a failing mail server rolls the mark back.
                    Notice.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=clock.now())
                    connection.open()
                    with translation.override("nl"):
                        _mail(notices[0].user, [f"- {_line(n)}" for n in reversed(notices)], connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the mark is
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("referrals: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    logger.info("referrals: %d digests sent", sent)
    return sent


def send_answer_link(*, link: AnswerLink, token: str) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("dossier:referral_link", args=[token])
    with translation.override("nl"):
        send_mail(
            subject=_("Kansrijk: een verwijzing voor uw organisatie"),
            message=_(
                "Een professional verwijst een gezin naar uw organisatie, met toestemming van de ouders.\n"
                "Via deze persoonlijke link ziet u wat de ouders willen delen en kunt u antwoorden. "
                "De link werkt tot %(until)s. Deel hem niet.\n\n%(url)s\n"
            )
            % {"until": clock.local_date(link.expires_at).strftime("%d-%m-%Y"), "url": url},
            from_email=None,
            recipient_list=[link.email],
        )
