"""Writes to the family file. Each service checks permission (refusals audited), validates, writes
in one transaction and audits the change (ids and codes only, never names)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kansrijk.accounts.models import User
from kansrijk.accounts.permissions import roles_of
from kansrijk.accounts.roles import WORKING_ROLES
from kansrijk.accounts.selectors import working_professional_by_email
from kansrijk.core import clock
from kansrijk.core.audit import actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.languages import LANGUAGE_CODES
from kansrijk.families.models import (
    BreakGlassAccess,
    Caregiver,
    CaregiverRole,
    CareTeamMember,
    CareTeamReason,
    Child,
    Discipline,
    Family,
    NetworkMember,
    Pregnancy,
    PregnancyOutcome,
)
from kansrijk.families.phase import PREGNANCY_DAYS, conception_of_pregnancy
from kansrijk.families.selectors import pregnancy_facts
from kansrijk.geo.models import Gebied, Stadsdeel
from kansrijk.geo.selectors import area_for_postcode

PURPOSE = "gezinsdossier"
MAX_WEEKS_AT_BIRTH = 44
MIN_WEEKS_AT_BIRTH = 22
RECENT_BIRTH_DAYS = 60
# Who can be in a care team: people who work with families (not editors, moderators or administrators).
FAMILY_ROLES = frozenset(role.value for role in WORKING_ROLES)


def _audit(*, by: User, action: AuditAction, target: Any, detail: dict[str, Any] | None = None) -> None:
    audit_record(actor=actor_for(by), action=action, targets=[target], purpose=PURPOSE, detail=detail)


def _require_change(by: User, family: Family, attempted: str) -> None:
    require_perm(
        user=by,
        perm="families.change_family",
        obj=family,
        attempted=attempted,
        message=_("Je hoort niet bij het zorgteam van dit gezin."),
    )


@dataclass(frozen=True)
class Address:
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = "Amsterdam"


def _place(address: Address) -> tuple[str, Stadsdeel | None, Gebied | None]:
    """The postcode written the usual way ("1102 AB") and the stadsdeel and gebied it lies in (from the
    geography fixture); an unknown Amsterdam postcode leaves the area empty, a malformed one is an error."""
    if not address.postcode.strip():
        return "", None, None
    try:
        lookup = area_for_postcode(postcode=address.postcode)
    except ValueError as error:
        raise ValidationError({"postcode": str(error)}) from error
    compact = "".join(address.postcode.split()).upper()
    written = f"{compact[:4]} {compact[4:]}".strip()
    if lookup is None:
        return written, None, None
    stadsdeel = Stadsdeel.objects.get(code=lookup.stadsdeel_code)
    gebied = Gebied.objects.get(code=lookup.gebied_code) if lookup.gebied_code else None
    return written, stadsdeel, gebied


def _check_languages(languages: Sequence[str]) -> list[str]:
    unknown = [code for code in languages if code not in LANGUAGE_CODES]
    if unknown:
        raise ValidationError(
            {
                "languages": ngettext("Onbekende taal: %(codes)s", "Onbekende talen: %(codes)s", len(unknown))
                % {"codes": ", ".join(unknown)}
            }
        )
    return list(dict.fromkeys(languages))


def family_open(
    *,
    by: User,
    name: str,
    discipline: Discipline | str,
    address: Address | None = None,
    support_as_long_as_needed: bool = False,
    is_demo: bool = False,
) -> Family:
    """Open a family file. The professional who opens it joins its care team."""
    require_perm(user=by, perm="families.add_family", attempted="family.open")
    with transaction.atomic():
        if not name.strip():
            raise ValidationError({"name": _("Geef het gezin een naam, zoals het gezin zichzelf noemt.")})
        if discipline not in Discipline.values:
            raise ValidationError({"discipline": _("Kies je discipline.")})
        address = address or Address()
        postcode, stadsdeel, gebied = _place(address)
        now = clock.now()
        family = Family.objects.create(
            name=name.strip(),
            street=address.street.strip(),
            house_number=address.house_number.strip(),
            postcode=postcode,
            city=address.city.strip() or "Amsterdam",
            stadsdeel=stadsdeel,
            gebied=gebied,
            support_as_long_as_needed=support_as_long_as_needed,
            opened_by=by,
            opened_at=now,
            is_demo=is_demo,
        )
        CareTeamMember.objects.create(
            family=family, user=by, discipline=discipline, reason=CareTeamReason.OPENED_FILE, added_by=by, added_at=now
        )
        _audit(
            by=by, action=AuditAction.CREATE, target=family, detail={"stadsdeel": stadsdeel.code if stadsdeel else ""}
        )
        return family


def family_update(*, family: Family, by: User, name: str, address: Address, support_as_long_as_needed: bool) -> Family:
    _require_change(by, family, "family.update")
    with transaction.atomic():
        if not name.strip():
            raise ValidationError({"name": _("Geef het gezin een naam, zoals het gezin zichzelf noemt.")})
        postcode, stadsdeel, gebied = _place(address)
        family.name = name.strip()
        family.street, family.house_number = address.street.strip(), address.house_number.strip()
        family.postcode, family.city = postcode, address.city.strip() or "Amsterdam"
        family.stadsdeel, family.gebied = stadsdeel, gebied
        family.support_as_long_as_needed = support_as_long_as_needed
        family.save()
        _audit(by=by, action=AuditAction.UPDATE, target=family)
        return family


@dataclass(frozen=True)
class CaregiverData:
    given_name: str
    role: CaregiverRole | str
    family_name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    email: str = ""
    languages: Sequence[str] = ()
    needs_interpreter: bool = False
    needs_cultuurbemiddelaar: bool = False


def caregiver_add(*, family: Family, by: User, data: CaregiverData) -> Caregiver:
    _require_change(by, family, "caregiver.add")
    with transaction.atomic():
        errors: dict[str, str] = {}
        if not data.given_name.strip():
            errors["given_name"] = _("Vul een voornaam in.")
        if data.role not in CaregiverRole.values:
            errors["role"] = _("Kies de rol in het gezin.")
        if data.date_of_birth is not None and data.date_of_birth > clock.local_date():
            errors["date_of_birth"] = _("Een geboortedatum kan niet in de toekomst liggen.")
        if errors:
            raise ValidationError(errors)
        caregiver = Caregiver.objects.create(
            family=family,
            given_name=data.given_name.strip(),
            family_name=data.family_name.strip(),
            role=data.role,
            date_of_birth=data.date_of_birth,
            phone=data.phone.strip(),
            email=data.email.strip(),
            languages=_check_languages(data.languages),
            needs_interpreter=data.needs_interpreter,
            needs_cultuurbemiddelaar=data.needs_cultuurbemiddelaar,
        )
        _audit(by=by, action=AuditAction.CREATE, target=caregiver, detail={"family": family.pk})
        return caregiver


def pregnancy_record(
    *,
    family: Family,
    by: User,
    expected_due_date: date | None = None,
    weeks_at_registration: int | None = None,
    registered_on: date | None = None,
    expected_children: int = 1,
    mother: Caregiver | None = None,
) -> Pregnancy:
    """Record a pregnancy: with a due date (after the echo) or, before that, the weeks told at a date."""
    _require_change(by, family, "pregnancy.record")
    with transaction.atomic():
        today = clock.local_date()
        errors: dict[str, str] = {}
        if expected_due_date is not None and not today - timedelta(weeks=6) <= expected_due_date <= today + timedelta(
            days=PREGNANCY_DAYS
        ):
            errors["expected_due_date"] = _("De uitgerekende datum ligt meer dan 40 weken vooruit of lang voorbij.")
        if weeks_at_registration is not None and not 1 <= weeks_at_registration <= 43:
            errors["weeks_at_registration"] = _("Geef een aantal weken van 1 tot en met 43.")
        if expected_due_date is None and weeks_at_registration is not None and registered_on is None:
            registered_on = today
        if not 1 <= expected_children <= 4:
            errors["expected_children"] = _("Geef het aantal verwachte kinderen (1 tot en met 4).")
        if mother is not None and mother.family_id != family.pk:
            errors["mother"] = _("Kies een ouder uit dit gezin.")
        if family.pregnancies.filter(outcome=PregnancyOutcome.ONGOING).exists():
            errors["expected_due_date"] = _("Dit gezin heeft al een lopende zwangerschap. Pas die aan.")
        if errors:
            raise ValidationError(errors)
        pregnancy = Pregnancy.objects.create(
            family=family,
            mother=mother,
            expected_due_date=expected_due_date,
            weeks_at_registration=weeks_at_registration,
            registered_on=registered_on,
            expected_children=expected_children,
        )
        _audit(by=by, action=AuditAction.CREATE, target=pregnancy, detail={"family": family.pk})
        return pregnancy


def pregnancy_end(*, pregnancy: Pregnancy, by: User, outcome: PregnancyOutcome | str, ended_on: date) -> Pregnancy:
    _require_change(by, pregnancy.family, "pregnancy.end")
    with transaction.atomic():
        if outcome not in PregnancyOutcome.values or outcome == PregnancyOutcome.ONGOING:
            raise ValidationError({"outcome": _("Kies hoe de zwangerschap is geëindigd.")})
        if ended_on > clock.local_date():
            raise ValidationError({"ended_on": _("Deze datum ligt in de toekomst.")})
        pregnancy.outcome, pregnancy.ended_on = outcome, ended_on
        pregnancy.save(update_fields=["outcome", "ended_on"])
        _audit(by=by, action=AuditAction.UPDATE, target=pregnancy, detail={"outcome": str(outcome)})
        return pregnancy


def child_add(
    *,
    family: Family,
    by: User,
    given_name: str,
    birth_date: date,
    weeks_at_birth: int | None = None,
    birth_weight_grams: int | None = None,
    pregnancy: Pregnancy | None = None,
) -> Child:
    """Record a child. Recording the birth of an ongoing pregnancy ends that pregnancy (born), so the
    phase moves to the kraamtijd without anyone re-entering data; twins share the pregnancy."""
    _require_change(by, family, "child.add")
    with transaction.atomic():
        errors: dict[str, str] = {}
        if not given_name.strip():
            errors["given_name"] = _("Vul een voornaam in.")
        if birth_date > clock.local_date():
            errors["birth_date"] = _("Een geboortedatum kan niet in de toekomst liggen.")
        if weeks_at_birth is not None and not MIN_WEEKS_AT_BIRTH <= weeks_at_birth <= MAX_WEEKS_AT_BIRTH:
            errors["weeks_at_birth"] = _("Geef de zwangerschapsduur bij de geboorte in weken (22 tot en met 44).")
        if pregnancy is not None and pregnancy.family_id != family.pk:
            errors["pregnancy"] = _("Kies een zwangerschap van dit gezin.")
        if errors:
            raise ValidationError(errors)
        if pregnancy is None:
            pregnancy = _pregnancy_of_birth(family, birth_date)
        child = Child.objects.create(
            family=family,
            pregnancy=pregnancy,
            given_name=given_name.strip(),
            birth_date=birth_date,
            weeks_at_birth=weeks_at_birth,
            birth_weight_grams=birth_weight_grams,
        )
        if pregnancy is not None and pregnancy.outcome == PregnancyOutcome.ONGOING:
            pregnancy.outcome, pregnancy.ended_on = PregnancyOutcome.BORN, birth_date
            pregnancy.save(update_fields=["outcome", "ended_on"])
        _audit(by=by, action=AuditAction.CREATE, target=child, detail={"family": family.pk})
        return child


def _pregnancy_of_birth(family: Family, birth_date: date) -> Pregnancy | None:
    """The ongoing pregnancy this birth ends: only one that had begun before the child was born (an older
    sibling recorded during a new pregnancy must not end it)."""
    ongoing = family.pregnancies.filter(outcome=PregnancyOutcome.ONGOING).first()
    if ongoing is None:
        return None
    conception = conception_of_pregnancy(pregnancy_facts(ongoing))
    if conception is None:  # nothing dated yet: a recent birth is this pregnancy's, an older child is not
        return ongoing if (clock.local_date() - birth_date).days <= RECENT_BIRTH_DAYS else None
    return ongoing if birth_date >= conception else None


def network_member_add(
    *, family: Family, by: User, name: str, relation: str, helps_with: str = "", agreement: str = "", contact: str = ""
) -> NetworkMember:
    _require_change(by, family, "network.add")
    with transaction.atomic():
        if not name.strip() or not relation.strip():
            raise ValidationError({"name": _("Vul een naam en de relatie met het gezin in.")})
        member = NetworkMember.objects.create(
            family=family,
            name=name.strip(),
            relation=relation.strip(),
            helps_with=helps_with.strip(),
            agreement=agreement.strip(),
            contact=contact.strip(),
        )
        _audit(by=by, action=AuditAction.CREATE, target=member, detail={"family": family.pk})
        return member


def _join(
    *, family: Family, user: User, discipline: str, by: User, reason: CareTeamReason, is_regiehouder: bool = False
) -> CareTeamMember:
    if not user.is_active or not roles_of(user) & FAMILY_ROLES:
        raise ValidationError({"email": _("Alleen een actieve professional of regiehouder kan in een zorgteam.")})
    if discipline not in Discipline.values:
        raise ValidationError({"discipline": _("Kies een discipline.")})
    member = CareTeamMember.objects.filter(family=family, user=user, ended_at__isnull=True).first()
    if member is not None:
        if is_regiehouder and not member.is_regiehouder:
            member.is_regiehouder = True
            try:
                with transaction.atomic():
                    member.save(update_fields=["is_regiehouder"])
            except IntegrityError as error:
                raise ValidationError(_("Dit gezin heeft al een regiehouder.")) from error
            _audit(by=by, action=AuditAction.UPDATE, target=member, detail={"family": family.pk, "regiehouder": True})
        return member
    try:
        with transaction.atomic():
            member = CareTeamMember.objects.create(
                family=family,
                user=user,
                discipline=discipline,
                is_regiehouder=is_regiehouder,
                reason=reason,
                added_by=by,
                added_at=clock.now(),
            )
    except IntegrityError as error:  # a concurrent add of the same person, or a second regiehouder
        raise ValidationError(_("Deze wijziging botst met een andere; laad de pagina opnieuw.")) from error
    _audit(by=by, action=AuditAction.CREATE, target=member, detail={"family": family.pk, "user": user.pk})
    return member


def care_team_add(*, family: Family, user: User, discipline: Discipline | str, by: User) -> CareTeamMember:
    """Add a professional to the care team (the regiehouder, or the professional who opened the file)."""
    require_perm(
        user=by,
        perm="families.manage_care_team",
        obj=family,
        attempted="care_team.add",
        message=_("Alleen de regiehouder of wie het dossier opende kan het zorgteam aanpassen."),
    )
    with transaction.atomic():
        return _join(family=family, user=user, discipline=discipline, by=by, reason=CareTeamReason.ADDED)


# The same answer whether the address has no account or one that cannot be chosen (no enumeration).
NO_COLLEAGUE = gettext_lazy("We vinden geen professional met dit e-mailadres die je kunt kiezen. Controleer het adres.")


def care_team_add_by_email(*, family: Family, email: str, discipline: Discipline | str, by: User) -> CareTeamMember:
    """Add the working professional with this email address to the care team. Only someone who may manage
    the team gets to look an address up (a refusal is audited before anything is looked up), and the
    answer never tells whether an address has an account."""
    require_perm(user=by, perm="families.manage_care_team", obj=family, attempted="care_team.add")
    colleague = working_professional_by_email(email=email)
    if colleague is None:
        raise ValidationError({"email": NO_COLLEAGUE})
    return care_team_add(family=family, user=colleague, discipline=discipline, by=by)


def care_team_join_as_regiehouder(*, family: Family, user: User, discipline: str, by: User) -> CareTeamMember:
    """For the regie app's services, inside their transaction and after their own permission check.
    Someone already in the team keeps their discipline and becomes the regiehouder."""
    return _join(
        family=family, user=user, discipline=discipline, by=by, reason=CareTeamReason.REGIEHOUDER, is_regiehouder=True
    )


def care_team_stop_regie(*, family: Family, user: User, by: User) -> None:
    """For the regie app: `user` is no longer the family's regiehouder (stays in the team)."""
    updated = CareTeamMember.objects.filter(
        family=family, user=user, ended_at__isnull=True, is_regiehouder=True
    ).update(is_regiehouder=False)
    if updated:
        _audit(by=by, action=AuditAction.UPDATE, target=family, detail={"regiehouder_stopped": user.pk})


def care_team_leave(*, member: CareTeamMember, by: User) -> None:
    require_perm(
        user=by,
        perm="families.manage_care_team",
        obj=member.family,
        attempted="care_team.leave",
        message=_("Alleen de regiehouder of wie het dossier opende kan het zorgteam aanpassen."),
    )
    with transaction.atomic():
        if member.is_regiehouder:
            raise ValidationError(_("Draag de regie eerst over voordat de regiehouder het team verlaat."))
        member.ended_at = clock.now()
        member.save(update_fields=["ended_at"])
        _audit(by=by, action=AuditAction.UPDATE, target=member, detail={"ended": True})


@dataclass(frozen=True)
class FirstContact:
    """What a first conversation gives besides the family: its first parent, and where it stands now."""

    caregiver: CaregiverData
    expected_due_date: date | None = None
    weeks_pregnant: int | None = None
    child_name: str = ""
    birth_date: date | None = None
    weeks_at_birth: int | None = None


def family_open_with_first_contact(
    *, by: User, name: str, discipline: Discipline | str, address: Address, first: FirstContact
) -> Family:
    """Open the file with its first parent and its pregnancy or child, as one whole (all or nothing)."""
    require_perm(user=by, perm="families.add_family", attempted="family.open")
    with transaction.atomic():
        family = family_open(by=by, name=name, discipline=discipline, address=address)
        caregiver = caregiver_add(family=family, by=by, data=first.caregiver)
        if first.expected_due_date is not None or first.weeks_pregnant is not None:
            pregnancy_record(
                family=family,
                by=by,
                expected_due_date=first.expected_due_date,
                weeks_at_registration=None if first.expected_due_date else first.weeks_pregnant,
                mother=caregiver if caregiver.role == CaregiverRole.MOEDER else None,
            )
        elif first.birth_date is not None:
            child_add(
                family=family,
                by=by,
                given_name=first.child_name,
                birth_date=first.birth_date,
                weeks_at_birth=first.weeks_at_birth,
            )
    return family


# --- break the glass ---------------------------------------------------------------------------------

BREAK_GLASS_HOURS = 24
BREAK_GLASS_MIN_REASON = 20
BREAK_GLASS_PURPOSE = "noodtoegang"


def break_glass_open(*, family: Family, by: User, reason: str) -> BreakGlassAccess:
    """Emergency read access for a professional or regiehouder outside the care team: a written reason,
    valid for `BREAK_GLASS_HOURS`, audited as `break_glass`. The family's regiehouder (else its care
    team) hears of it at once by email, without the family's name; the beheerder reviews every use."""
    require_perm(
        user=by,
        perm="families.break_glass",
        obj=family,
        attempted="break_glass.open",
        message=_("Alleen een professional of regiehouder met een tweede inlogstap kan noodtoegang vragen."),
    )
    with transaction.atomic():
        if CareTeamMember.objects.filter(family=family, user=by, ended_at__isnull=True).exists():
            raise ValidationError(_("Je hoort al bij het zorgteam van dit gezin; noodtoegang is niet nodig."))
        text = " ".join(reason.split())
        if len(text) < BREAK_GLASS_MIN_REASON:
            raise ValidationError(
                {
                    "reason": _(
                        "Schrijf op waarom je nu toegang nodig hebt, in minstens %(n)d tekens. "
                        "Noem geen namen van het gezin."
                    )
                    % {"n": BREAK_GLASS_MIN_REASON}
                }
            )
        now = clock.now()
        access = BreakGlassAccess.objects.create(
            user=by, family=family, reason=text, started_at=now, expires_at=now + timedelta(hours=BREAK_GLASS_HOURS)
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.BREAK_GLASS,
            targets=[family],
            purpose=BREAK_GLASS_PURPOSE,
            detail={"access": access.pk, "hours": BREAK_GLASS_HOURS},
        )
        recipients = _break_glass_recipients(family, by)
        transaction.on_commit(lambda: _break_glass_notify(access=access, recipients=recipients))
        return access


def _break_glass_recipients(family: Family, by: User) -> list[str]:
    """The family's regiehouder; without one, everyone in its active care team."""
    team = CareTeamMember.objects.filter(family=family, ended_at__isnull=True, user__is_active=True).exclude(user=by)
    holders = team.filter(is_regiehouder=True)
    chosen = holders if holders.exists() else team
    return sorted(set(chosen.values_list("user__email", flat=True)))


def _break_glass_notify(*, access: BreakGlassAccess, recipients: Sequence[str]) -> None:
    """The email names who opened the glass and until when, never the family (the link leads to
    Kansrijk, where the reader signs in with two steps)."""
    url = settings.KANSRIJK_SITE_URL + reverse("dossier:family", args=[access.family_id])
    with translation.override("nl"):
        until = date_format(timezone.localtime(access.expires_at), "j F Y H:i")
        for email in recipients:
            send_mail(
                subject=_("Kansrijk: noodtoegang tot een gezin in jouw zorgteam"),
                message=_(
                    "%(who)s heeft zojuist noodtoegang genomen tot een gezin in jouw zorgteam, met een reden. "
                    "De toegang is alleen om te lezen en stopt op %(until)s.\n"
                    "De beheerder (privacy) kijkt elke noodtoegang na.\n"
                    "Bekijk het gezin: %(url)s\n"
                    "Klopt dit niet? Neem dan contact op met de beheerder.\n"
                )
                % {"who": access.user.full_name or access.user.email, "until": until, "url": url},
                from_email=None,
                recipient_list=[email],
            )


def break_glass_review(*, access: BreakGlassAccess, by: User, note: str = "") -> BreakGlassAccess:
    """The privacy officer (beheerder) marks a use of break-the-glass as reviewed, with a note."""
    require_perm(
        user=by,
        perm="families.review_break_glass",
        attempted="break_glass.review",
        target=access,
        message=_("Alleen de beheerder kan noodtoegang beoordelen."),
    )
    with transaction.atomic():
        access = BreakGlassAccess.objects.select_for_update().get(pk=access.pk)
        if access.reviewed_at is not None:
            raise ValidationError(_("Deze noodtoegang is al beoordeeld."))
        access.reviewed_by, access.reviewed_at, access.review_note = by, clock.now(), note.strip()[:500]
        access.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[access],
            purpose=BREAK_GLASS_PURPOSE,
            detail={"family": access.family_id, "reviewed": True},
        )
        return access
