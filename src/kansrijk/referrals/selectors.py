"""Reading referrals: a family's loop, the referrer's overview, the receiving side's inbox, the "kwijt?"
list, and what the receiving side may see (only what the parents consented to share, at this moment)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from kansrijk.accounts.permissions import organisation_ids_of
from kansrijk.consent.models import DataCategory
from kansrijk.consent.selectors import shareable
from kansrijk.core import clock
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Discipline, Family
from kansrijk.families.phase import Milestone
from kansrijk.families.selectors import family_phase
from kansrijk.plans.models import GoalStatus, LifeDomain
from kansrijk.plans.selectors import open_goals
from kansrijk.referrals.models import ACTIVE_HELP, ENDED, OPEN, FamilyClosing, Referral, ReferralStatus
from kansrijk.referrals.service_levels import Clock, Lateness, running_clock
from kansrijk.signalling.selectors import discussed_topics, latest_levels

S = ReferralStatus
_RELATED = ("service__organization", "receiving_organisation", "referrer", "professional", "consent")


def family_referrals(*, family: Family) -> list[Referral]:
    """A family's loop, newest first, with the history and handover (the family file's timeline)."""
    return list(
        family.referrals.select_related(*_RELATED, "handover", "suggested_service")
        .prefetch_related("events")
        .order_by("-created_at", "-pk")
    )


def visible_referrals(*, user: Any) -> QuerySet[Referral]:
    """Every referral `user` may see (`Referral.objects.visible_to`)."""
    return Referral.objects.visible_to(user)


def inbox(*, user: Any, status: str = "", limit: int = 50) -> list[Referral]:
    """Incoming referrals for `user` (named) and their organisations, open ones first, oldest waiting
    first. No family data: the list shows the recipient, urgency, status and dates."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    orgs = list(organisation_ids_of(user))
    received = [S.SENT, *ACTIVE_HELP]
    wanted = [status] if status in (*received, *ENDED) else received  # never a concept
    mine = Referral.objects.filter(professional=user, status__in=wanted, sent_at__isnull=False)
    theirs = Referral.objects.filter(
        professional__isnull=True, receiving_organisation_id__in=orgs, status__in=wanted, sent_at__isnull=False
    )
    # A union of two index scans (named person; organisation) beats one OR over both columns.
    rows = mine.order_by().values("pk", "sent_at").union(theirs.order_by().values("pk", "sent_at"))
    ids = [row["pk"] for row in rows.order_by("sent_at", "pk")[:limit]]
    found = {r.pk: r for r in Referral.objects.filter(pk__in=ids).select_related(*_RELATED, "answered_by").order_by()}
    return [found[i] for i in ids if i in found]


def made_by_me(*, user: Any) -> QuerySet[Referral]:
    """The referrals a person follows: made by them, or of families where they are regiehouder."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Referral.objects.none()
    holder = Family.objects.visible_to(user).filter(
        care_team__user=user, care_team__is_regiehouder=True, care_team__ended_at__isnull=True
    )
    return (
        Referral.objects.filter(Q(referrer=user) | Q(family__in=holder.values("pk")))
        .filter(family__in=Family.objects.visible_to(user).values("pk"))
        .select_related(*_RELATED, "family", "answered_by")
        .order_by("-created_at", "-pk")
    )


def with_clocks(referrals: Sequence[Referral], *, lateness: str = "") -> list[tuple[Referral, Clock | None]]:
    """Each referral with its running service-level clock; only the late (or very late) ones on request."""
    today = clock.local_date()
    rows = [(r, running_clock(r, today)) for r in referrals]
    if lateness == Lateness.LATE:
        return [(r, c) for r, c in rows if c and c.lateness in (Lateness.LATE, Lateness.VERY_LATE)]
    if lateness == Lateness.VERY_LATE:
        return [(r, c) for r, c in rows if c and c.lateness == Lateness.VERY_LATE]
    return rows


@dataclass(frozen=True)
class Lost:
    """The "kwijt?" list: referrals nobody answered in time, and families whose level asks for help
    while nobody is helping."""

    unanswered: list[tuple[Referral, Clock | None]]
    without_help: list[Family]


def lost(*, user: Any) -> Lost:
    families = Family.objects.visible_to(user).filter(closed_at__isnull=True)
    unanswered = with_clocks(
        list(
            Referral.objects.filter(family__in=families.values("pk"), status=S.SENT)
            .select_related(*_RELATED, "family")
            .order_by("sent_at")
        ),
        lateness=Lateness.LATE,
    )
    helping = Referral.objects.filter(family=OuterRef("pk"), status__in=ACTIVE_HELP)
    candidates = list(families.annotate(helped=Exists(helping)).filter(helped=False).order_by("name"))
    levels = latest_levels(families=candidates)
    needs = {AmsterdamLevel.STEUNTJE, AmsterdamLevel.EXTRA_STEUN}
    return Lost(unanswered=unanswered, without_help=[f for f in candidates if levels.get(f.pk) in needs])


def open_count(*, family: Family) -> int:
    return family.referrals.filter(status__in=OPEN).count()


# --- what the receiving side may see ----------------------------------------------------------------


@dataclass(frozen=True)
class Shared:
    """The consented part of a family, for the receiving side. Empty fields were not consented."""

    categories: frozenset[str]
    contact: list[dict[str, str]] = field(default_factory=list)
    household: list[str] = field(default_factory=list)
    question: str = ""
    plan: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return bool(self.categories)


def shared_with_receiver(referral: Referral) -> Shared:
    """What the receiving side sees now: only the categories the parents consented to for this referral,
    and nothing after a revocation or after the consent expired."""
    allowed = shareable(referral.consent)
    if not allowed or referral.sent_at is None:
        return Shared(categories=frozenset())
    family = referral.family
    caregivers = list(family.caregivers.all())
    contact, household, plan, topics = [], [], [], []
    if DataCategory.CONTACT in allowed:
        address = " ".join(p for p in (family.street, family.house_number) if p)
        where = ", ".join(p for p in (address, family.postcode, family.city) if p)
        contact = [
            {
                "name": f"{c.given_name} {c.family_name}".strip(),
                "role": c.get_role_display(),
                "phone": c.phone,
                "address": where,
            }
            for c in caregivers
        ]
    if DataCategory.HOUSEHOLD in allowed:
        phase = family_phase(family).phase
        household.append(str(phase.kind.label))
        for c in caregivers:
            needs = []
            if c.needs_interpreter:
                needs.append(_("tolk nodig"))
            if c.needs_cultuurbemiddelaar:
                needs.append(_("cultuurbemiddelaar gewenst"))
            household.append(
                f"{c.get_role_display()}: {c.given_name}"
                + (f" ({', '.join(c.languages)})" if c.languages else "")
                + (f"; {', '.join(needs)}" if needs else "")
            )
        household += [
            _("%(name)s, geboren %(date)s") % {"name": child.given_name, "date": f"{child.birth_date:%d-%m-%Y}"}
            for child in family.children.all()
        ]
    if DataCategory.PLAN in allowed:
        plan = [f"{goal.get_domain_display()}: {goal.text}" for goal in open_goals(family=family)]
    if DataCategory.TOPICS in allowed:
        topics = [
            f"{'+' if d.factor.kind == 'protective' else '!'} {d.factor.label}" + (f": {d.note}" if d.note else "")
            for d in discussed_topics(family=family)
            if d.present
        ]
    return Shared(
        categories=allowed,
        contact=contact,
        household=household,
        question=referral.reason if DataCategory.QUESTION in allowed else "",
        plan=plan,
        topics=topics,
    )


def handover_summary_draft(referral: Referral) -> str:
    """A first version of the handover summary from what may be shared, for the referrer to edit."""
    shared = shared_with_receiver(referral)
    parts = []
    if shared.question:
        parts.append(_("Hulpvraag: %(text)s") % {"text": shared.question})
    if shared.household:
        parts.append(_("Gezin: %(text)s") % {"text": "; ".join(shared.household)})
    if shared.plan:
        parts.append(_("Doelen: %(text)s") % {"text": "; ".join(shared.plan)})
    if shared.topics:
        parts.append(_("Besproken: %(text)s") % {"text": "; ".join(shared.topics)})
    return "\n".join(parts)


@dataclass(frozen=True)
class ClosingSummary:
    """The closing summary of a family that left the 1,000 days, in words (from `FamilyClosing`)."""

    made_on: str
    help: list[str]
    goals: list[str]
    disciplines: list[str]


def closing_summary(*, family: Family) -> ClosingSummary | None:
    closing = FamilyClosing.objects.filter(family=family).first()
    if closing is None:
        return None
    data = closing.summary
    statuses = dict(ReferralStatus.choices)
    domains = dict(LifeDomain.choices)
    goal_statuses = dict(GoalStatus.choices)
    disciplines = dict(Discipline.choices)
    return ClosingSummary(
        made_on=f"{clock.local_date(closing.created_at):%d-%m-%Y}",
        help=[f"{r['to']}: {statuses.get(r['status'], r['status'])}" for r in data.get("referrals", [])],
        goals=[
            f"{domains.get(g['domain'], g['domain'])}: {g['text']} ({goal_statuses.get(g['status'], g['status'])})"
            for g in data.get("goals", [])
        ],
        disciplines=[str(disciplines.get(d, d)) for d in data.get("disciplines", [])],
    )


def loop_milestones(*, referrals: Sequence[Referral]) -> list[Milestone]:
    """The loop's moments for the family's 1,000-day timeline: referred, warm handover, help started,
    and how it ended."""
    today = clock.local_date()
    found: list[Milestone] = []

    def add(at: datetime | None, text: str) -> None:
        if at is not None:
            on = clock.local_date(at)
            found.append(Milestone(on=on, label=text, past=on <= today))

    for r in referrals:
        to = r.recipient_label
        add(r.sent_at, _("Verwezen naar %(to)s") % {"to": to})
        handover = getattr(r, "handover", None)
        if handover is not None:
            add(handover.planned_at, _("Warme overdracht met %(to)s") % {"to": to})
        add(r.help_started_at, _("Hulp gestart: %(to)s") % {"to": to})
        if r.status in ENDED:
            add(r.closed_at, f"{r.get_status_display()}: {to}")
    return found
