"""Telling members what happened, as often as each chose: at once, in a daily or weekly digest, or
never by email (the notices page always shows them). The notices themselves, the choices and the sending
are the notify app's; emails carry a question's title (anonymous by the guard) and a link, never more."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.notify import registry
from kansrijk.notify import selectors as notify_selectors
from kansrijk.notify import services as notices
from kansrijk.notify.models import Frequency, Notice
from kansrijk.vraagbaak.models import Follow, Member, NoticeKind, Question, QuestionTag

NAMESPACE = "vraagbaak"


def kind_key(kind: str) -> str:
    """The namespaced notice kind, e.g. "vraagbaak.nieuw_antwoord"."""
    return f"{NAMESPACE}.{kind}"


def _question_id(n: Notice) -> int | None:
    return int(n.object_id) if n.object_type == "vraagbaak.question" and n.object_id else None


def questions_of(rows: Iterable[Notice]) -> dict[int, Question]:
    """The questions the notices are about, by id (one query)."""
    ids = {q for q in (_question_id(n) for n in rows) if q is not None}
    return Question.objects.in_bulk(ids) if ids else {}


def shown_title(n: Notice, *, reader_id: int | None = None, questions: dict[int, Question] | None = None) -> str:
    """The question's title, only while others can read the question and never for one sent back (in an
    email): a question taken offline for personal data shows nothing of itself. Its author (`reader_id`)
    on the notices page sees their own title. `questions` (from `questions_of`) saves a query each."""
    pk = _question_id(n)
    if pk is None:
        return ""
    question = questions.get(pk) if questions is not None else Question.objects.filter(pk=pk).first()
    if question is not None and reader_id is not None and question.author_id == reader_id:
        return question.title
    if question is None or n.kind == kind_key(NoticeKind.RETURNED) or not question.is_visible:
        return ""
    return question.title


registry.register_namespace(
    registry.Namespace(
        name=NAMESPACE,
        subject=gettext_lazy("GKS Vraagbaak: nieuw bericht"),
        digest_subject=gettext_lazy("GKS Vraagbaak: je overzicht"),
        place=gettext_lazy("Bekijk het in de Vraagbaak: %(url)s"),
        path=lambda: reverse("vraagbaak:notices"),
        detail=shown_title,
        footer=gettext_lazy("Hoe vaak je berichten krijgt, kies je zelf in je profiel."),
    )
)
for _kind in NoticeKind:
    registry.register_kind(registry.Kind(kind_key(_kind.value), _kind.label, Frequency.DAILY))


def notice(*, members: Iterable[Member], kind: NoticeKind, question: Question | None) -> list[Notice]:
    """One notice per member (once each); those who want every message at once get an email after commit."""
    if question is None:
        link = reverse("vraagbaak:notices")
    elif kind == NoticeKind.FEEDBACK_ASKED:
        link = reverse("vraagbaak:feedback", args=[question.pk])
    else:
        link = reverse("vraagbaak:question", args=[question.pk])
    with translation.override("nl"):  # the line is mailed in Dutch
        subject = str(NoticeKind(kind).label)
    return notices.notice_create(
        users=[m.user for m in members], kind=kind_key(kind), subject=subject, link=link, about=question
    )


def notices_seen(*, member: Member) -> list[Notice]:
    """The member's latest notices for their notices page, each with its `shown_title`;
    from now on they count as read."""
    rows = notify_selectors.notices_of(member.user, namespace=NAMESPACE, limit=50)
    questions = questions_of(rows)
    for n in rows:
        n.shown_title = shown_title(n, reader_id=member.user_id, questions=questions)  # type: ignore[attr-defined]
    notices.notices_mark_read(member.user, rows)
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
