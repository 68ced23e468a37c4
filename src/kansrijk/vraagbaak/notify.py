"""Telling members what happened, as often as each chose: at once, in a daily or weekly digest, or
never by email (the notices page always shows them). Emails carry a question's title (anonymous by
the guard) and a link, never more."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kansrijk.core import clock
from kansrijk.vraagbaak.models import Follow, Frequency, Member, Notice, NoticeKind, Question, QuestionTag

logger = logging.getLogger(__name__)

WEEK = timedelta(days=7)


def notice(*, members: Iterable[Member], kind: NoticeKind, question: Question | None) -> list[Notice]:
    """One notice per member (once each); those who want every message at once get an email after commit."""
    now = clock.now()
    unique = {m.pk: m for m in members}
    rows = Notice.objects.bulk_create(
        [Notice(member=m, kind=kind, question=question, created_at=now) for m in unique.values()]
    )
    direct = [n.pk for n, m in zip(rows, unique.values(), strict=True) if m.frequency == Frequency.IMMEDIATELY]
    if direct:
        transaction.on_commit(lambda: send_direct(direct))
    return rows


def followers(question: Question) -> list[Member]:
    """Approved members who follow one of the question's tags (not its author)."""
    tags = QuestionTag.objects.filter(question=question).values("tag")
    member_ids = Follow.objects.filter(tag__in=tags).values("member_id")
    return list(
        Member.objects.filter(pk__in=member_ids, state="goedgekeurd", user__is_active=True)
        .exclude(user_id=question.author_id)
        .select_related("user")
    )


def member_of(user_id: int | None) -> list[Member]:
    if user_id is None:
        return []
    return list(Member.objects.filter(user_id=user_id, user__is_active=True).select_related("user"))


def shown_title(n: Notice, *, reader_id: int | None = None) -> str:
    """The question's title, only while others can read the question and never for one sent back (in an
    email): a question taken offline for personal data shows nothing of itself. Its author (`reader_id`)
    on the notices page sees their own title."""
    question = n.question
    if question is not None and reader_id is not None and question.author_id == reader_id:
        return question.title
    if question is None or n.kind == NoticeKind.RETURNED or not question.is_visible:
        return ""
    return question.title


def _line(n: Notice) -> str:
    title = shown_title(n)
    return f"{n.get_kind_display()}: {title}" if title else str(n.get_kind_display())


def _mail(member: Member, lines: list[str], *, digest: bool, connection: BaseEmailBackend | None = None) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("vraagbaak:notices")
    with translation.override("nl"):
        subject = _("GKS Vraagbaak: je overzicht") if digest else _("GKS Vraagbaak: nieuw bericht")
        body = "\n".join(lines)
        body += "\n\n" + _("Bekijk het in de Vraagbaak: %(url)s") % {"url": url}
        body += "\n" + _("Hoe vaak je berichten krijgt, kies je zelf in je profiel.") + "\n"
        send_mail(
            subject=subject,
            message=body,
            from_email=None,
            recipient_list=[member.user.email],
            connection=connection,
        )


def _claim(notices: QuerySet[Notice]) -> list[Notice]:
    """The still-unsent notices of `notices`, row-locked until the caller's transaction ends; rows another
    process is sending right now are skipped (PostgreSQL; SQLite writes one at a time anyway)."""
    return list(
        notices.filter(sent_at__isnull=True, member__user__is_active=True)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("member__user", "question")
        .order_by("created_at", "pk")
    )


def send_direct(notice_ids: list[int]) -> int:
    """Email each notice of an "at once" member: claimed (locked, re-read unsent), mailed and marked in one
    transaction, so a digest or another process running at the same time cannot send it again."""
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for pk in sorted(notice_ids):  # one by one: a failing mail server leaves the rest for the next try
            try:
                with transaction.atomic():
                    claimed = _claim(Notice.objects.filter(pk=pk, member__frequency=Frequency.IMMEDIATELY))
                    if not claimed:
                        continue
                    Notice.objects.filter(pk=pk).update(sent_at=clock.now())  # kept only if the email went
                    connection.open()
                    _mail(claimed[0].member, [_line(claimed[0])], digest=False, connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the mark is
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("vraagbaak: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    return sent


def _digest_due(member: Member) -> bool:
    now = clock.now()
    last = member.last_digest_at
    if member.frequency == Frequency.DAILY:
        return last is None or clock.local_date(last) < clock.local_date(now)
    if member.frequency == Frequency.WEEKLY:
        return last is None or now - last >= WEEK - timedelta(hours=1)
    return False


def send_digests() -> int:
    """One email per member whose daily or weekly moment has come, with all their unsent notices.
    Members who chose "never" get no email; "at once" members' leftovers (a failed send) go too.

    Per member, the member and their unsent notices are claimed (locked and re-read), mailed and marked
    in one transaction: a notice sent at once, or by another run, since the list was made is not sent
    again, and a run that dies before marking leaves its notices for the next run."""
    members = sorted(
        set(
            Notice.objects.filter(sent_at__isnull=True, member__user__is_active=True, member__state="goedgekeurd")
            .exclude(member__frequency=Frequency.OFF)
            .values_list("member_id", flat=True)
        )
    )
    sent = 0
    connection = get_connection()  # opened at the first email, closed at the end
    try:
        for member_id in members:
            try:
                with transaction.atomic():
                    member = (
                        Member.objects.select_for_update(skip_locked=True, of=("self",))
                        .select_related("user")
                        .filter(pk=member_id, state="goedgekeurd")
                        .exclude(frequency=Frequency.OFF)
                        .first()
                    )
                    if member is None or (member.frequency != Frequency.IMMEDIATELY and not _digest_due(member)):
                        continue
                    notices = _claim(Notice.objects.filter(member=member))
                    if not notices:
                        continue
                    connection.open()
                    # Marked first, committed after the email: the window in which a crash sends it twice is
                    # the commit alone; a failing mail server rolls the marks back.
                    now = clock.now()
                    Notice.objects.filter(pk__in=[n.pk for n in notices]).update(sent_at=now)
                    Member.objects.filter(pk=member.pk).update(last_digest_at=now)
                    _mail(member, [f"- {_line(n)}" for n in notices], digest=True, connection=connection)
            except SMTPRecipientsRefused:
                # One address the mail server refuses must not hold up everyone after it: the mark is
                # rolled back with the transaction, so the next run tries this person again.
                logger.warning("vraagbaak: mail refused for one recipient; the others go on")
                continue
            sent += 1
    finally:
        connection.close()
    logger.info("vraagbaak: %d digests sent", sent)
    return sent


def _plain_mail(email: str, subject: str, lines: list[str]) -> None:
    with translation.override("nl"):
        send_mail(subject=subject, message="\n\n".join(lines) + "\n", from_email=None, recipient_list=[email])


def signup_confirm(*, member: Member, token: str) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("vraagbaak:confirm", kwargs={"token": token})
    with translation.override("nl"):
        _plain_mail(
            member.user.email,
            _("GKS Vraagbaak: bevestig je e-mailadres"),
            [
                _("Je meldde je aan voor de GKS Vraagbaak. Bevestig je e-mailadres met deze link (7 dagen geldig):"),
                url,
                _("Heb jij je niet aangemeld? Dan hoef je niets te doen."),
            ],
        )


def signup_existing(*, email: str) -> None:
    """Someone signed up with an address that already has an account: tell its owner, not the form."""
    url = settings.KANSRIJK_SITE_URL + reverse("accounts:login")
    with translation.override("nl"):
        _plain_mail(
            email,
            _("GKS Vraagbaak: je hebt al een account"),
            [
                _("Iemand wilde zich met dit e-mailadres aanmelden voor de GKS Vraagbaak, maar er is al een account."),
                _("Was jij dat? Log dan in en kies Vraagbaak: %(url)s") % {"url": url},
                _("Was jij het niet? Dan hoef je niets te doen."),
            ],
        )


def member_approved(*, member: Member) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("vraagbaak:index")
    with translation.override("nl"):
        _plain_mail(
            member.user.email,
            _("GKS Vraagbaak: je kunt meedoen"),
            [_("Een moderator heeft je aanmelding goedgekeurd. Je kunt nu inloggen: %(url)s") % {"url": url}],
        )
