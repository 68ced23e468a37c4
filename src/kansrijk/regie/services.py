"""Regie: a ranked proposal of regiehouders for a family, confirmed by a person; handing regie over; the
daily job that flags families whose pathway needs a regiehouder and has none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.core import clock
from kansrijk.core.audit import Actor, Target, actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.languages import LANGUAGE_CODES, language_name
from kansrijk.families.models import CareTeamMember, Discipline, Family
from kansrijk.families.services import care_team_join_as_regiehouder, care_team_stop_regie
from kansrijk.geo.models import Stadsdeel
from kansrijk.pathways.definition import REGIEHOUDER
from kansrijk.pathways.models import CompletesOn, Task, TaskStatus
from kansrijk.pathways.services import tasks_regie_changed
from kansrijk.regie.models import RegieAssignment, RegieGap, RegiehouderProfile

PURPOSE = "regie"
# Weights of the proposal; continuity counts most (parents need not tell their story again).
CONTINUITY_NOW, CONTINUITY_EARLIER = 5.0, 2.0
LANGUAGE_MATCH = 3.0
AREA_MATCH, CITY_WIDE = 2.0, 1.0
ROOM_WEIGHT = 2.0  # times the share of capacity still free
MAX_CAPACITY = 60


@dataclass(frozen=True)
class Proposal:
    profile: RegiehouderProfile
    score: float
    caseload: int
    reasons: tuple[str, ...]

    @property
    def full(self) -> bool:
        return self.caseload >= self.profile.capacity


def caseloads(user_ids: Sequence[int] | None = None) -> dict[int, int]:
    rows = RegieAssignment.objects.filter(ended_at__isnull=True)
    if user_ids is not None:
        rows = rows.filter(regiehouder_id__in=user_ids)
    return {row["regiehouder_id"]: row["n"] for row in rows.values("regiehouder_id").annotate(n=Count("pk"))}


def family_languages(family: Family) -> set[str]:
    """The languages the parents speak other than Dutch (a shared one matters most)."""
    return {code for c in family.caregivers.all() for code in c.languages if code not in {"nl", "other"}}


def regie_propose(*, family: Family, by: User, limit: int = 5) -> list[Proposal]:
    """Regiehouders ranked for this family: language, area, room in their caseload and continuity with
    professionals the family already knows. Full ones come last, marked as full. Nothing is assigned; the
    page or endpoint that shows the proposal audits the read of the family."""
    require_perm(user=by, perm="regie.assign", obj=family, attempted="regie.propose", target=family)
    profiles = list(
        RegiehouderProfile.objects.filter(active=True, user__is_active=True, user__role_grants__role=Role.REGIEHOUDER)
        .select_related("user")
        .prefetch_related("stadsdelen")
        .distinct()
    )
    loads = caseloads([p.user_id for p in profiles])
    members = CareTeamMember.objects.filter(family=family)
    now_in_team = set(members.filter(ended_at__isnull=True).values_list("user_id", flat=True))
    earlier_in_team = set(members.filter(ended_at__isnull=False).values_list("user_id", flat=True))
    wanted_languages = family_languages(family)
    proposals = []
    for profile in profiles:
        score, reasons = 0.0, []
        if profile.user_id in now_in_team:
            score += CONTINUITY_NOW
            reasons.append(_("Kent het gezin al (in het zorgteam)"))
        elif profile.user_id in earlier_in_team:
            score += CONTINUITY_EARLIER
            reasons.append(_("Heeft het gezin eerder gekend"))
        shared = wanted_languages & set(profile.languages)
        if shared:
            score += LANGUAGE_MATCH
            names = ", ".join(sorted(language_name(code) for code in shared))
            reasons.append(_("Spreekt %(languages)s") % {"languages": names})
        if family.stadsdeel_id is not None and any(s.pk == family.stadsdeel_id for s in profile.stadsdelen.all()):
            score += AREA_MATCH
            reasons.append(
                _("Werkt in %(stadsdeel)s") % {"stadsdeel": family.stadsdeel.naam if family.stadsdeel else ""}
            )
        elif profile.whole_city:
            score += CITY_WIDE
            reasons.append(_("Werkt in heel Amsterdam"))
        load = loads.get(profile.user_id, 0)
        room = max(profile.capacity - load, 0)
        if profile.capacity:
            score += ROOM_WEIGHT * room / profile.capacity
        reasons.append(_("%(load)d van %(capacity)d gezinnen") % {"load": load, "capacity": profile.capacity})
        proposals.append(Proposal(profile=profile, score=round(score, 3), caseload=load, reasons=tuple(reasons)))
    proposals.sort(key=lambda p: (p.full, -p.score, p.caseload, p.profile.user.full_name))
    return proposals[:limit]


@dataclass(frozen=True)
class ProfileData:
    discipline: str
    capacity: int
    languages: Sequence[str]
    stadsdelen: Sequence[Stadsdeel]
    whole_city: bool = False
    active: bool = True


def regie_profile_save(*, user: User, by: User, data: ProfileData) -> RegiehouderProfile:
    """Join the pool or change one's place in it: discipline, capacity, languages, areas, and whether new
    families are welcome (a regiehouder for themselves; a beheerder for anyone)."""
    require_perm(user=by, perm="regie.change_profile", obj=user, attempted="regie.profile", target=user)
    errors: dict[str, str] = {}
    if not user.role_grants.filter(role=Role.REGIEHOUDER).exists():
        errors["user"] = _("Alleen iemand met de rol regiehouder staat in de pool.")
    if data.discipline not in Discipline.values:
        errors["discipline"] = _("Kies een discipline.")
    if not 1 <= data.capacity <= MAX_CAPACITY:
        errors["capacity"] = _("Geef een capaciteit van 1 tot en met %(max)d gezinnen.") % {"max": MAX_CAPACITY}
    unknown = [code for code in data.languages if code not in LANGUAGE_CODES]
    if unknown:
        errors["languages"] = ngettext("Onbekende taal: %(codes)s", "Onbekende talen: %(codes)s", len(unknown)) % {
            "codes": ", ".join(unknown)
        }
    if not data.whole_city and not data.stadsdelen:
        errors["stadsdelen"] = _("Kies de stadsdelen waar je werkt, of heel Amsterdam.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        profile, created = RegiehouderProfile.objects.update_or_create(
            user=user,
            defaults={
                "discipline": data.discipline,
                "capacity": data.capacity,
                "languages": list(dict.fromkeys(data.languages)),
                "whole_city": data.whole_city,
                "active": data.active,
            },
        )
        profile.stadsdelen.set(data.stadsdelen)
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE if created else AuditAction.UPDATE,
            targets=[profile],
            purpose=PURPOSE,
            detail={"capacity": data.capacity, "active": data.active},
        )
    return profile


def _active(family: Family) -> RegieAssignment | None:
    return RegieAssignment.objects.select_for_update().filter(family=family, ended_at__isnull=True).first()


def _check_regiehouder(user: User) -> RegiehouderProfile:
    profile = RegiehouderProfile.objects.filter(user=user, active=True).first()
    if profile is None or not user.is_active or not user.role_grants.filter(role=Role.REGIEHOUDER).exists():
        raise ValidationError(_("Deze persoon staat niet (meer) in de pool van regiehouders."))
    if caseloads([user.pk]).get(user.pk, 0) >= profile.capacity:
        raise ValidationError(_("Deze regiehouder heeft geen plek meer. Kies iemand anders of overleg eerst."))
    return profile


def _start(*, family: Family, regiehouder: User, by: User, previous: User | None) -> RegieAssignment:
    profile = _check_regiehouder(regiehouder)
    assignment = RegieAssignment.objects.create(
        family=family, regiehouder=regiehouder, started_at=clock.now(), started_by=by
    )
    care_team_join_as_regiehouder(family=family, user=regiehouder, discipline=profile.discipline, by=by)
    tasks_regie_changed(family=family, regiehouder=regiehouder, previous=previous, by=by)
    RegieGap.objects.filter(family=family, resolved_at__isnull=True).update(resolved_at=clock.now())
    audit_record(
        actor=actor_for(by),
        action=AuditAction.CREATE,
        targets=[assignment],
        purpose=PURPOSE,
        detail={"family": family.pk, "regiehouder": regiehouder.pk},
    )
    return assignment


def regie_assign(*, family: Family, regiehouder: User, by: User) -> RegieAssignment:
    """Confirm a regiehouder (a person decides; the proposal only ranks). The regiehouder joins the care
    team, takes over the regiehouder's open tasks, and the "choose a regiehouder" task is done."""
    require_perm(user=by, perm="regie.assign", obj=family, attempted="regie.assign", target=family)
    with transaction.atomic():
        if _active(family) is not None:
            raise ValidationError(_("Dit gezin heeft al een regiehouder. Draag de regie over als dat nodig is."))
        return _start(family=family, regiehouder=regiehouder, by=by, previous=None)


def regie_choose(*, family: Family, regiehouder: User, by: User, reason: str = "") -> RegieAssignment:
    """Make `regiehouder` the family's regiehouder: assign when there is none, otherwise hand over (which
    needs a reason). The one entry point of the page and the API; the state decides, not the caller."""
    with transaction.atomic():
        Family.objects.select_for_update().filter(pk=family.pk).first()  # one choice at a time per family
        if _active(family) is None:
            return regie_assign(family=family, regiehouder=regiehouder, by=by)
        return regie_handover(family=family, to=regiehouder, by=by, reason=reason)


def regie_handover(*, family: Family, to: User, by: User, reason: str) -> RegieAssignment:
    """Hand regie over (someone leaves, or another fits better): the old assignment ends with the reason,
    the new regiehouder takes over the open tasks; the previous one stays in the team until removed."""
    require_perm(user=by, perm="regie.assign", obj=family, attempted="regie.handover", target=family)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom de regie wordt overgedragen.")})
    with transaction.atomic():
        current = _active(family)
        if current is None:
            raise ValidationError(_("Dit gezin heeft nog geen regiehouder om over te dragen."))
        if current.regiehouder_id == to.pk:
            raise ValidationError(_("Kies een andere regiehouder."))
        current.ended_at, current.ended_by, current.end_reason = clock.now(), by, reason.strip()[:300]
        current.save(update_fields=["ended_at", "ended_by", "end_reason"])
        care_team_stop_regie(family=family, user=current.regiehouder, by=by)
        return _start(family=family, regiehouder=to, by=by, previous=current.regiehouder)


def families_needing_regie() -> Sequence[int]:
    """Families whose pathway asks for a regiehouder (an open task for that role, or to choose one) while
    none is active."""
    asking = Task.objects.filter(status=TaskStatus.OPEN).filter(
        Q(completes_on=CompletesOn.REGIE_ASSIGNED) | Q(role=REGIEHOUDER)
    )
    # A regiehouder whose account was disabled (someone left) holds nothing: the family needs a new one.
    has_regie = RegieAssignment.objects.filter(ended_at__isnull=True, regiehouder__is_active=True).values("family_id")
    return list(
        Family.objects.filter(pk__in=asking.values("family_id"), closed_at__isnull=True)
        .exclude(pk__in=has_regie)
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class GapReport:
    flagged: list[int]  # the families flagged now
    resolved: int
    open: int


@transaction.atomic
def regie_gaps_flag() -> GapReport:
    """The daily job: flag every family that needs a regiehouder and has none (once), and resolve the
    flags of families that have one now or no longer need one."""
    now = clock.now()
    needing = set(families_needing_regie())
    open_gaps = {gap.family_id: gap for gap in RegieGap.objects.filter(resolved_at__isnull=True)}
    resolved = [gap for family_id, gap in open_gaps.items() if family_id not in needing]
    RegieGap.objects.filter(pk__in=[g.pk for g in resolved]).update(resolved_at=now)
    new = [RegieGap(family_id=family_id, flagged_at=now) for family_id in sorted(needing - set(open_gaps))]
    RegieGap.objects.bulk_create(new)
    changed = [g.family_id for g in new] + [g.family_id for g in resolved]
    if changed:
        audit_record(
            actor=Actor.system("regie.gaps"),
            action=AuditAction.UPDATE,
            targets=[Target("families.family", str(family_id)) for family_id in changed],
            purpose=PURPOSE,
            detail={"regie_gap": True},
        )
    return GapReport(flagged=[g.family_id for g in new], resolved=len(resolved), open=len(needing))
