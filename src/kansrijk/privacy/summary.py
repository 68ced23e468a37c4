"""A summary for the parents, in plain Dutch (B1), of what Kansrijk keeps about their family (PDF).

The JSON export holds everything; this summary is what parents can read: who is in the family file,
who helps them, their plan, their consents and referrals, and who looked in an emergency. It uses no
care levels or risk labels. Notes about safety (the meldcode) are not in it: the privacy officer
discusses those with the parents first (the law allows holding them back to protect a child).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from kansrijk.consent.models import Consent
from kansrijk.consent.selectors import category_labels
from kansrijk.core import clock
from kansrijk.families.languages import language_name
from kansrijk.families.models import BreakGlassAccess, CareTeamMember, Family
from kansrijk.plans.models import Goal
from kansrijk.referrals.models import Referral
from kansrijk.signalling.models import Assessment

mm = 72 / 25.4
BLACK = HexColor("#202020")
RED = HexColor("#ec0000")

_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15, textColor=BLACK, spaceAfter=4)
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=9, leading=12)
_H1 = ParagraphStyle("h1", parent=_BODY, fontName="Helvetica-Bold", fontSize=20, leading=25, spaceAfter=8)
_H2 = ParagraphStyle("h2", parent=_BODY, fontName="Helvetica-Bold", fontSize=14, leading=18, spaceBefore=10)
_BRAND = ParagraphStyle("brand", parent=_BODY, fontName="Helvetica-Bold", textColor=RED)


NONE = "-"


def _day(value: date | None) -> str:
    if value is None:
        return NONE
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y")
    return date_format(value, "j F Y")


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _list(lines: Iterable[str]) -> Flowable:
    items = [ListItem(_p(line), leftIndent=12) for line in lines]
    return ListFlowable(items, bulletType="bullet", start="•", leftIndent=12)


def _section(story: list[Flowable], title: str, lines: list[str], empty: str) -> None:
    story.append(_p(title, _H2))
    story.append(_list(lines) if lines else _p(empty))


def _people(family: Family) -> list[str]:
    lines = []
    for caregiver in family.caregivers.all():
        parts = [f"{caregiver} ({caregiver.get_role_display().lower()})"]
        if caregiver.date_of_birth:
            parts.append(_("geboren op %(day)s") % {"day": _day(caregiver.date_of_birth)})
        if caregiver.phone:
            parts.append(_("telefoon %(phone)s") % {"phone": caregiver.phone})
        if caregiver.email:
            parts.append(caregiver.email)
        if caregiver.languages:
            languages = ", ".join(language_name(code) for code in caregiver.languages)
            parts.append(_("spreekt %(languages)s") % {"languages": languages})
        if caregiver.needs_interpreter:
            parts.append(_("wil een tolk"))
        lines.append(", ".join(parts))
    return lines


def _children(family: Family) -> list[str]:
    lines = [
        _("%(name)s, geboren op %(day)s") % {"name": child.given_name, "day": _day(child.birth_date)}
        for child in family.children.all()
    ]
    for pregnancy in family.pregnancies.all():
        if pregnancy.expected_due_date:
            lines.append(
                _("Zwangerschap, uitgerekend op %(day)s: %(outcome)s")
                % {"day": _day(pregnancy.expected_due_date), "outcome": pregnancy.get_outcome_display().lower()}
            )
        else:
            lines.append(_("Zwangerschap: %(outcome)s") % {"outcome": pregnancy.get_outcome_display().lower()})
    return lines


def _team(family: Family) -> list[str]:
    lines = []
    for member in CareTeamMember.objects.filter(family=family).select_related("user").order_by("added_at"):
        line = f"{member.user.full_name} ({member.get_discipline_display()})"
        if member.is_regiehouder:
            line += ", " + _("uw vaste contactpersoon (regiehouder)")
        line += ", " + _("vanaf %(day)s") % {"day": _day(member.added_at)}
        if member.ended_at:
            line += " " + _("tot %(day)s") % {"day": _day(member.ended_at)}
        lines.append(line)
    return lines


def _conversations(family: Family) -> list[str]:
    lines = []
    for assessment in Assessment.objects.filter(family=family).select_related("made_by").order_by("made_at"):
        count = assessment.observations.count()
        line = _("Gesprek op %(day)s met %(who)s: %(n)d onderwerpen besproken") % {
            "day": _day(assessment.conversation_on),
            "who": assessment.made_by.full_name,
            "n": count,
        }
        if assessment.strengths_note:
            line += ". " + _("Wat goed gaat: %(note)s") % {"note": assessment.strengths_note}
        lines.append(line)
    return lines


def _plan(family: Family) -> list[str]:
    lines = []
    for goal in Goal.objects.filter(family=family).prefetch_related("actions").order_by("created_at"):
        line = f"{goal.text} ({goal.get_status_display().lower()})"
        actions = [f"{action.what} ({action.who})" for action in goal.actions.all()]
        if actions:
            line += ": " + "; ".join(actions)
        lines.append(line)
    return lines


def _consents(family: Family) -> list[str]:
    lines = []
    for consent in Consent.objects.filter(family=family).select_related("given_by").order_by("recorded_at"):
        line = _("%(who)s gaf op %(day)s toestemming om te delen met %(with)s: %(what)s. Waarvoor: %(why)s.") % {
            "who": str(consent.given_by),
            "day": _day(consent.recorded_at),
            "with": consent.recipient_label,
            "what": ", ".join(category_labels(consent.categories)).lower(),
            "why": consent.purpose,
        }
        if consent.revoked_at:
            line += " " + _("Ingetrokken op %(day)s.") % {"day": _day(consent.revoked_at)}
        else:
            line += " " + _("Geldig tot en met %(day)s.") % {"day": _day(consent.valid_until)}
        lines.append(line)
    return lines


def _referrals(family: Family) -> list[str]:
    return [
        _("Naar %(to)s, op %(day)s: %(status)s")
        % {
            "to": referral.recipient_label,
            "day": _day(referral.created_at),
            "status": referral.get_status_display().lower(),
        }
        for referral in Referral.objects.filter(family=family).order_by("created_at")
    ]


def _break_glass(family: Family) -> list[str]:
    return [
        _("%(who)s op %(day)s") % {"who": access.user.full_name, "day": _day(access.started_at)}
        for access in BreakGlassAccess.objects.filter(family=family).select_related("user").order_by("started_at")
    ]


def family_summary_pdf(family: Family) -> bytes:
    """The summary as PDF bytes, in Dutch (the parents' copy; the JSON export holds everything)."""
    buffer = io.BytesIO()
    with translation.override("nl"):
        title = _("Wat Kansrijk over uw gezin bewaart")
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=title,
            author="Gemeente Amsterdam - Gezonde en Kansrijke Start",
            subject=_("Overzicht van uw gegevens"),
        )
        address = " ".join(part for part in (family.street, family.house_number) if part)
        place = ", ".join(part for part in (address, family.postcode, family.city) if part)
        story: list[Flowable] = [
            _p("Gemeente Amsterdam · Gezonde en Kansrijke Start", _BRAND),
            _p(title, _H1),
            _p(
                _(
                    "U vroeg welke gegevens Kansrijk over uw gezin bewaart. Kansrijk is het systeem waarin "
                    "professionals samenwerken om gezinnen te helpen in de eerste 1.000 dagen van een kind. "
                    "Hieronder leest u wat er over uw gezin in staat. Alle gegevens krijgt u ook in een "
                    "apart bestand."
                )
            ),
            _p(
                _("Gemaakt op %(day)s. Uw dossiernummer is %(number)s.")
                % {"day": _day(clock.local_date()), "number": family.pk}
            ),
            _p(_("Uw gezin"), _H2),
            _p(
                _("Naam in Kansrijk: %(name)s. Adres: %(place)s. In Kansrijk sinds %(day)s.")
                % {"name": family.name, "place": place or NONE, "day": _day(family.opened_at)}
            ),
        ]
        _section(story, _("Ouders en verzorgers"), _people(family), _("Er staan geen ouders of verzorgers in."))
        _section(story, _("Kinderen en zwangerschap"), _children(family), _("Er staan geen kinderen in."))
        _section(
            story,
            _("Mensen om u heen die helpen"),
            [f"{m.name} ({m.relation}){': ' + m.helps_with if m.helps_with else ''}" for m in family.network.all()],
            _("Er staat niemand in."),
        )
        _section(story, _("Professionals die met u werken"), _team(family), _("Er staat niemand in."))
        _section(story, _("Gesprekken"), _conversations(family), _("Er staan geen gesprekken in."))
        _section(story, _("Uw plan: doelen en afspraken"), _plan(family), _("Er staan nog geen doelen in."))
        _section(story, _("Uw toestemming om gegevens te delen"), _consents(family), _("U gaf geen toestemming."))
        _section(story, _("Verwijzingen naar hulp"), _referrals(family), _("Er staan geen verwijzingen in."))
        _section(
            story,
            _("Ingekeken in een noodgeval"),
            _break_glass(family),
            _("Niemand buiten uw vaste professionals heeft uw gegevens ingekeken."),
        )
        story += [
            Spacer(1, 4 * mm),
            _p(_("Wat kunt u doen?"), _H2),
            _p(
                _(
                    "Klopt er iets niet? Dan mag u vragen om het te verbeteren. U mag ook vragen om uw gegevens "
                    "te verwijderen. Vraag het aan uw vaste contactpersoon of aan de gemeente. Sommige "
                    "aantekeningen, bijvoorbeeld over veiligheid, staan niet in deze samenvatting. Wilt u die "
                    "ook zien? Vraag het ons, dan bespreken we het met u."
                )
            ),
            _p(_("Dit overzicht is vertrouwelijk. Bewaar het op een veilige plek."), _SMALL),
        ]
        document.build(story)
    return buffer.getvalue()
