"""Telling people about referrals: a notice per person (in the notify app), emailed at once or in the
daily digest.

Emails never name a family or say what the help is about: they say that something changed and link
to Kansrijk, where the person signs in with two factors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import WORKING_ROLES
from kansrijk.core import clock
from kansrijk.families.selectors import regiehouder_of
from kansrijk.notify import registry
from kansrijk.notify import services as notices
from kansrijk.notify.models import Frequency, Notice
from kansrijk.referrals.models import NoticeKind, Referral, ReferralStatus

if TYPE_CHECKING:
    from kansrijk.referrals.models import AnswerLink


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


NAMESPACE = "referrals"

registry.register_namespace(
    registry.Namespace(
        name=NAMESPACE,
        subject=gettext_lazy("Kansrijk: nieuws over verwijzingen"),
        digest_subject=gettext_lazy("Kansrijk: nieuws over verwijzingen"),
        place=gettext_lazy("Bekijk het in Kansrijk: %(url)s"),
        path=lambda: reverse("referrals:referrals_mine"),
    )
)
for _kind in NoticeKind:
    registry.register_kind(registry.Kind(f"{NAMESPACE}.{_kind.value}", _kind.label, Frequency.IMMEDIATELY))


def kind_key(kind: str) -> str:
    """The namespaced notice kind of a referral notice, e.g. "referrals.nieuw"."""
    return f"{NAMESPACE}.{kind}"


def _line(kind: str, status: str) -> str:
    texts = {
        NoticeKind.NEW: _("Er is een nieuwe verwijzing voor jouw organisatie."),
        NoticeKind.STATUS: _("Een verwijzing die je volgt is nu: %(status)s.") % {"status": status},
        NoticeKind.REMINDER: _("Een verwijzing wacht vandaag op antwoord of eerste contact."),
        NoticeKind.LATE: _("Een verwijzing is te laat (de afgesproken termijn is voorbij)."),
        NoticeKind.VERY_LATE: _("Een verwijzing is zeer laat (drie keer de afgesproken termijn)."),
        NoticeKind.CONSENT_REVOKED: _("Een ouder heeft de toestemming ingetrokken. Je ziet de gegevens niet meer."),
    }
    return str(texts.get(NoticeKind(kind), status))


def _add(people: Iterable[User], referral: Referral, kind: str, *, skip: User | None = None) -> list[Notice]:
    with translation.override("nl"):  # the line is mailed in Dutch; the headline is the status's source text
        status = str(ReferralStatus(referral.status).label)
        subject = _line(kind, status)
    return notices.notice_create(
        users=[p for p in people if skip is None or p.pk != skip.pk],
        kind=kind_key(kind),
        subject=subject,
        headline=status,
        link=reverse("referrals:referral", args=[referral.pk]),
        family_id=referral.family_id,
        about=referral,
    )


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


def send_answer_link(*, link: AnswerLink, token: str) -> None:
    url = settings.KANSRIJK_SITE_URL + reverse("referrals:referral_link", args=[token])
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
