"""Writing referrals: make one, ask consent as part of it, send, answer, hand over warmly, start and end
help. Every transition goes through `_move`: it locks the row, asks the state table (django-fsm-2),
appends the history, audits and tells the people involved. An invalid transition raises a
ValidationError and changes nothing; of two people answering the same referral at once, exactly one
succeeds: the second waits for the row lock, then finds the referral already answered.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from kansrijk.accounts.models import Organisation, User
from kansrijk.consent import services as consent_services
from kansrijk.consent.models import Consent
from kansrijk.consent.selectors import shareable
from kansrijk.consent.services import consent_record
from kansrijk.core import clock
from kansrijk.core.audit import Target, actor_for, audit_denied, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.models import Caregiver, Family
from kansrijk.families.phase import PhaseKind
from kansrijk.families.selectors import family_phase
from kansrijk.kaart.models import Service, ServiceStatus
from kansrijk.pathways.services import aftercare_schedule
from kansrijk.referrals import notify
from kansrijk.referrals.models import (
    ENDED,
    AnswerLink,
    ClosingReason,
    FamilyClosing,
    Handover,
    HandoverMode,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Urgency,
)

PURPOSE = "verwijzing"
LINK_DAYS = 14
S = ReferralStatus

# Which side may take which transition (by target state). Both sides may plan and record the handover
# and stop; only the referring side sends; only the receiving side answers and starts or ends help.
REFERRER_ONLY = {S.WAITING_CONSENT, S.SENT}
RECEIVER_ONLY = {S.ACCEPTED, S.DECLINED, S.HELP_STARTED, S.COMPLETED}
# The fsm method for each target state.
METHOD = {
    S.WAITING_CONSENT: "await_consent",
    S.SENT: "send",
    S.ACCEPTED: "accept",
    S.DECLINED: "decline",
    S.HANDOVER_PLANNED: "plan_handover",
    S.HANDOVER_DONE: "complete_handover",
    S.HELP_STARTED: "start_help",
    S.COMPLETED: "complete",
    S.STOPPED: "stop",
}


@dataclass(frozen=True)
class Doer:
    """Who takes a step: a signed-in person, or a partner through their personal answer link."""

    user: User | None = None
    link: AnswerLink | None = None

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.full_name
        return _("%(email)s (via persoonlijke link)") % {"email": self.link.email if self.link else "?"}


def _recipient_of(service: Service | None, professional: User | None) -> tuple[Organisation | None, str]:
    if professional is not None:
        organisation = professional.organisations.order_by("name").first()
        label = f"{professional.full_name}" + (f", {organisation.name}" if organisation else "")
        return organisation, label
    if service is None:
        raise ValueError("a referral goes to a service or a professional")
    return service.organization.managed_by, f"{service.name} ({service.organization.name})"


def referral_draft(
    *,
    family: Family,
    by: User,
    reason: str,
    urgency: str = Urgency.NORMAL,
    handover_preference: str = HandoverMode.IN_PERSON,
    service: Service | None = None,
    professional: User | None = None,
    follows: Referral | None = None,
) -> Referral:
    """Start a referral (concept) to a Kaart service or a named professional, with the reason in the
    family's own words. Nothing is shared yet."""
    require_perm(user=by, perm="families.change_family", obj=family, attempted="referral.draft", target=family)
    errors: dict[str, str] = {}
    if (service is None) == (professional is None):
        errors["service"] = _("Kies één hulpaanbod van de Kaart of één professional.")
    elif service is not None and service.status != ServiceStatus.ACTIVE:
        errors["service"] = _("Dit hulpaanbod is niet meer actief. Kies een ander aanbod.")
    elif professional is not None and (not professional.is_active or professional.pk == by.pk):
        errors["service"] = _("Kies een andere, actieve professional.")
    if not reason.strip():
        errors["reason"] = _("Schrijf de hulpvraag op, zoals het gezin die zelf vertelt.")
    if urgency not in Urgency.values:
        errors["urgency"] = _("Kies hoe snel het nodig is.")
    if handover_preference not in HandoverMode.values:
        errors["handover_preference"] = _("Kies hoe jullie willen overdragen.")
    if errors:
        raise ValidationError(errors)
    organisation, label = _recipient_of(service, professional)
    with transaction.atomic():
        referral = Referral.objects.create(
            family=family,
            referrer=by,
            service=service,
            professional=professional,
            receiving_organisation=organisation,
            recipient_label=label[:300],
            reason=reason.strip(),
            urgency=urgency,
            handover_preference=handover_preference,
            created_at=clock.now(),
            follows=follows,
            is_demo=family.is_demo,
        )
        ReferralEvent.objects.create(
            referral=referral, to_status=S.CONCEPT, at=referral.created_at, by=by, by_label=by.full_name
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE,
            targets=[referral],
            purpose=PURPOSE,
            detail={"family": family.pk},
        )
    return referral


def referral_consent(
    *,
    referral: Referral,
    by: User,
    given_by: Caregiver,
    categories: Sequence[str],
    method: str,
    valid_until: date,
    purpose: str = "",
) -> Consent:
    """Ask consent as a step of the referral: the parent decides what this recipient may see."""
    require_perm(user=by, perm="referrals.refer", obj=referral, attempted="referral.consent", target=referral)
    if referral.status not in (S.CONCEPT, S.WAITING_CONSENT):
        raise ValidationError(
            _("Deze verwijzing is al verstuurd. Een nieuwe toestemming hoort bij een nieuwe verwijzing.")
        )
    with transaction.atomic():
        consent = consent_record(
            family=referral.family,
            by=by,
            given_by=given_by,
            categories=categories,
            purpose=purpose or _("Verwijzing: %(reason)s") % {"reason": referral.reason[:200]},
            method=method,
            valid_until=valid_until,
            recipient_label=referral.recipient_label,
            service=referral.service,
            organisation=referral.receiving_organisation,
        )
        Referral.objects.filter(pk=referral.pk).update(consent=consent)
        referral.consent = consent
    return consent


def _perm_for(target: str) -> str:
    """The permission a person needs for the step to `target` (which side may take it)."""
    if target in REFERRER_ONLY:
        return "referrals.refer"
    return "referrals.answer" if target in RECEIVER_ONLY else "referrals.handover"


def referral_steps(*, referral: Referral, user: Any) -> list[ReferralStatus]:
    """The steps `user` may take now: allowed by the state table, by their side, and by the rules on top
    (consent before sending, the agreed handover before help). The pages and the API offer these; taking
    one checks everything again."""
    rules: dict[str, Callable[[Referral], None]] = {S.SENT: _check_sendable, S.HELP_STARTED: _check_help_start}
    found = []
    for target, method in METHOD.items():
        if not can_proceed(getattr(referral, method)) or not user.has_perm(_perm_for(target), referral):
            continue
        rule = rules.get(target)
        try:
            _check_consent_holds(referral, target)
            if rule is not None:
                rule(referral)
        except ValidationError:
            continue
        found.append(target)
    return found


def _needs_consent(referral: Referral, target: str) -> bool:
    """A step after sending works with the family's data (accept, plan or record the handover, start or
    end help): it needs the parents' consent to hold now. Stopping never does."""
    return referral.sent_at is not None and target != S.STOPPED and target not in REFERRER_ONLY


def _check_consent_holds(referral: Referral, target: str) -> None:
    if _needs_consent(referral, target) and not shareable(referral.consent):
        raise ValidationError(
            {
                "status": _(
                    "De ouders hebben hun toestemming ingetrokken, of die is verlopen. Zonder toestemming kan "
                    "alleen nog 'Stoppen': kies een reden, dan krijgt de andere kant bericht."
                )
            }
        )


def _authorise(referral: Referral, doer: Doer, target: str) -> None:
    if doer.link is not None:
        if doer.link.referral_id != referral.pk or not doer.link.works(clock.now()) or target in REFERRER_ONLY:
            audit_denied(
                actor=actor_for(None, on_behalf_of=doer.link.email), attempted=f"referral.{target}", targets=[referral]
            )
            raise PermissionDenied(_("Deze link is verlopen of hoort niet bij deze verwijzing."))
        return
    require_perm(user=doer.user, perm=_perm_for(target), obj=referral, attempted=f"referral.{target}", target=referral)


def _move(
    referral: Referral,
    *,
    to: str,
    doer: Doer,
    reason: str = "",
    note: str = "",
    check: Callable[[Referral], None] | None = None,
    apply: Callable[[Referral, datetime], None] | None = None,
) -> Referral:
    _authorise(referral, doer, to)
    method = METHOD.get(ReferralStatus(to)) if to in ReferralStatus.values else None
    if method is None:
        raise ValidationError({"status": _("Onbekende status: %(to)s.") % {"to": to}})
    with transaction.atomic():
        referral = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("family", "consent", "service")
            .get(pk=referral.pk)
        )
        before = referral.status
        if doer.link is not None and not shareable(referral.consent):  # read under the lock: revocation counts
            raise ValidationError(_("De ouders hebben hun toestemming ingetrokken. Via deze link kan niets meer."))
        if doer.link is not None:
            # Read again under the referral's lock: a link revoked (or ended) since the request began
            # can do nothing, and answering is once per link (a forwarded or replayed link cannot again).
            link_now = AnswerLink.objects.filter(pk=doer.link.pk).first()
            if link_now is None or not link_now.works(clock.now()):
                raise ValidationError(_("Deze link werkt al niet meer."))
            if to in (S.ACCEPTED, S.DECLINED):
                used = AnswerLink.objects.filter(
                    pk=doer.link.pk, answered_at__isnull=True, ended_at__isnull=True
                ).update(answered_at=clock.now())
                if not used:
                    raise ValidationError(_("Via deze link is al geantwoord. Een link kan maar één keer antwoorden."))
        _check_consent_holds(referral, to)
        step = getattr(referral, method)
        if not can_proceed(step):
            raise ValidationError(
                {
                    "status": _("Dat kan niet: de verwijzing is nu '%(now)s', en kan niet naar '%(to)s'.")
                    % {"now": referral.get_status_display(), "to": ReferralStatus(to).label}
                }
            )
        if check is not None:
            check(referral)
        now = clock.now()
        step()
        if apply is not None:
            apply(referral, now)
        referral.save()
        ReferralEvent.objects.create(
            referral=referral,
            from_status=before,
            to_status=referral.status,
            at=now,
            by=doer.user,
            by_label=doer.label[:200],
            reason=reason,
            note=note.strip()[:500],
        )
        audit_record(
            actor=actor_for(doer.user, on_behalf_of=doer.link.email if doer.link else ""),
            action=AuditAction.UPDATE,
            targets=[referral],
            purpose=PURPOSE,
            detail={"from": before, "to": referral.status, **({"reason": reason} if reason else {})},
        )
        if referral.status in ENDED:
            _links_end(referral, reason=LinkEnd.LOOP_ENDED, at=now)
        notify.status_changed(referral=referral, by=doer.user)
    return referral


def referral_await_consent(*, referral: Referral, by: User, note: str = "") -> Referral:
    """The parents want time to think about what to share; the referral waits, nothing is sent."""
    return _move(referral, to=S.WAITING_CONSENT, doer=Doer(user=by), note=note)


def _check_sendable(referral: Referral) -> None:
    if not shareable(referral.consent):
        raise ValidationError(
            {
                "consent": _(
                    "Zonder geldige toestemming van de ouders kan de verwijzing niet verstuurd worden. "
                    "Vraag eerst toestemming."
                )
            }
        )
    if referral.service is not None and referral.service.status != ServiceStatus.ACTIVE:
        raise ValidationError({"service": _("Dit hulpaanbod is niet meer actief.")})
    if (
        referral.receiving_organisation_id is None
        and referral.professional_id is None
        and not (referral.service and referral.service.email)
    ):
        raise ValidationError(
            {
                "service": _(
                    "Dit aanbod kan geen verwijzing ontvangen via Kansrijk (geen organisatie en geen "
                    "e-mailadres). Neem telefonisch contact op."
                )
            }
        )


def referral_send(*, referral: Referral, by: User) -> Referral:
    """Send the referral. Only with valid consent; a partner without an account gets a personal link."""

    def apply(r: Referral, now: datetime) -> None:
        r.sent_at = now
        if r.receiving_organisation_id is None and r.professional_id is None and r.service:
            answer_link_create(referral=r, email=r.service.email)  # in the same transaction as the send

    return _move(referral, to=S.SENT, doer=Doer(user=by), check=_check_sendable, apply=apply)


def referral_mark_received(*, referral: Referral, by: User | None) -> None:
    """The receiving side opened a sent referral for the first time (FHIR: received)."""
    if referral.status == S.SENT and referral.received_at is None:
        Referral.objects.filter(pk=referral.pk, received_at__isnull=True).update(received_at=clock.now())


def referral_accept(*, referral: Referral, by: User | None = None, link: AnswerLink | None = None) -> Referral:
    def apply(r: Referral, now: datetime) -> None:
        r.answered_at, r.answered_by = now, by

    return _move(referral, to=S.ACCEPTED, doer=Doer(user=by, link=link), apply=apply)


def _closing(reason: str, note: str) -> None:
    if reason not in ClosingReason.values:
        raise ValidationError({"reason": _("Kies een reden uit de lijst.")})
    if reason == ClosingReason.OTHER and not note.strip():
        raise ValidationError({"note": _("Schrijf kort op wat de reden is.")})


def referral_decline(
    *,
    referral: Referral,
    reason: str,
    note: str = "",
    suggested_service: Service | None = None,
    suggestion: str = "",
    by: User | None = None,
    link: AnswerLink | None = None,
) -> Referral:
    """Decline, with a reason from the list and, where possible, another service that may fit."""
    _closing(reason, note)

    def apply(r: Referral, now: datetime) -> None:
        r.answered_at, r.answered_by, r.closed_at = now, by, now
        r.closing_reason, r.closing_note = reason, note.strip()[:500]
        r.suggested_service, r.suggestion = suggested_service, suggestion.strip()[:300]

    return _move(referral, to=S.DECLINED, doer=Doer(user=by, link=link), reason=reason, note=note, apply=apply)


@dataclass(frozen=True)
class HandoverData:
    mode: str
    planned_at: datetime
    participants: str
    summary: str
    place: str = ""
    home_visit: bool = False
    interpreter: bool = False
    cultuurbemiddelaar: bool = False


def _check_handover(data: HandoverData) -> None:
    errors: dict[str, str] = {}
    if data.mode not in HandoverMode.values or data.mode == HandoverMode.NONE:
        errors["mode"] = _("Kies hoe jullie samenkomen: op één plek, via video of hybride.")
    if data.planned_at < clock.now() - timedelta(hours=12):
        errors["planned_at"] = _("Dit moment ligt in het verleden.")
    if data.mode in (HandoverMode.IN_PERSON, HandoverMode.HYBRID) and not (data.place.strip() or data.home_visit):
        errors["place"] = _("Schrijf op waar jullie samenkomen, of kies 'bij het gezin thuis'.")
    if not data.participants.strip():
        errors["participants"] = _("Schrijf op wie erbij zijn: ouders, huidige en nieuwe professional.")
    if not data.summary.strip():
        errors["summary"] = _(
            "Schrijf een korte samenvatting, zodat de ouders hun verhaal niet opnieuw hoeven te vertellen."
        )
    if errors:
        raise ValidationError(errors)


def referral_handover_plan(*, referral: Referral, by: User, data: HandoverData) -> Referral:
    """Plan (or move) the one joint moment of the warm handover."""
    _check_handover(data)

    def apply(r: Referral, now: datetime) -> None:
        Handover.objects.update_or_create(
            referral=r,
            defaults={
                "mode": data.mode,
                "planned_at": data.planned_at,
                "place": data.place.strip()[:200],
                "home_visit": data.home_visit,
                "participants": data.participants.strip()[:500],
                "interpreter": data.interpreter,
                "cultuurbemiddelaar": data.cultuurbemiddelaar,
                "summary": data.summary.strip(),
                "planned_by": by,
            },
        )

    return _move(referral, to=S.HANDOVER_PLANNED, doer=Doer(user=by), apply=apply)


def referral_handover_done(
    *, referral: Referral, by: User, mode: str, parents_present: bool, note: str = ""
) -> Referral:
    """Record that the joint moment happened, and how."""
    if mode not in HandoverMode.values or mode == HandoverMode.NONE:
        raise ValidationError({"done_mode": _("Kies hoe de overdracht ging.")})

    def apply(r: Referral, now: datetime) -> None:
        Handover.objects.filter(referral=r).update(
            done_at=now, done_mode=mode, parents_present=parents_present, done_note=note.strip()[:500]
        )
        r.first_contact_at = r.first_contact_at or now

    return _move(referral, to=S.HANDOVER_DONE, doer=Doer(user=by), note=note, apply=apply)


def _check_help_start(referral: Referral) -> None:
    if referral.status == S.ACCEPTED and referral.handover_preference != HandoverMode.NONE:
        raise ValidationError(
            {
                "status": _(
                    "Plan eerst de warme overdracht met de ouders en leg vast dat die is gedaan. "
                    "(Bij deze verwijzing is een gezamenlijk moment afgesproken.)"
                )
            }
        )


def referral_help_start(*, referral: Referral, by: User | None = None, link: AnswerLink | None = None) -> Referral:
    def apply(r: Referral, now: datetime) -> None:
        r.help_started_at = now
        r.first_contact_at = r.first_contact_at or now

    return _move(referral, to=S.HELP_STARTED, doer=Doer(user=by, link=link), check=_check_help_start, apply=apply)


def _aftercare(referral: Referral, by: User | None) -> None:
    transaction.on_commit(
        lambda: aftercare_schedule(
            family=referral.family,
            anchor="help_ended",
            anchor_on=clock.local_date(),
            by=by or referral.referrer,
            about=referral.recipient_label,
        )
    )


def referral_complete(
    *, referral: Referral, note: str = "", by: User | None = None, link: AnswerLink | None = None
) -> Referral:
    """Help ended as planned. The pathway schedules a check-in afterwards (vinger aan de pols)."""

    def apply(r: Referral, now: datetime) -> None:
        r.closed_at, r.closing_note = now, note.strip()[:500]

    referral = _move(referral, to=S.COMPLETED, doer=Doer(user=by, link=link), note=note, apply=apply)
    _aftercare(referral, by)
    return referral


def referral_stop(
    *, referral: Referral, reason: str, note: str = "", by: User | None = None, link: AnswerLink | None = None
) -> Referral:
    """Stop, by either side, with a reason from the list."""
    _closing(reason, note)
    started = referral.help_started_at is not None

    def apply(r: Referral, now: datetime) -> None:
        r.closed_at, r.closing_reason, r.closing_note = now, reason, note.strip()[:500]

    referral = _move(referral, to=S.STOPPED, doer=Doer(user=by, link=link), reason=reason, note=note, apply=apply)
    if started:
        _aftercare(referral, by)
    return referral


@dataclass(frozen=True)
class StepInput:
    """One step of the loop, as a page or the API asks it: the status to move to, with what that step needs.
    Fields a step does not use are ignored."""

    to: str
    note: str = ""
    reason: str = ""
    suggested_service: Service | None = None
    suggestion: str = ""
    handover: HandoverData | None = None  # for "handover planned": the mode may be left empty
    done_mode: str = ""  # for "handover done": empty is the mode that was planned
    parents_present: bool = False


def referral_step(*, referral: Referral, by: User, step: StepInput) -> Referral:
    """Take one step of the loop: the one entry point of the referral page and the API (`stappen/`).
    Each step's service checks the state table, the side, and that the consent still holds."""
    to = step.to
    if to == S.WAITING_CONSENT:
        return referral_await_consent(referral=referral, by=by, note=step.note)
    if to == S.SENT:
        return referral_send(referral=referral, by=by)
    if to == S.ACCEPTED:
        return referral_accept(referral=referral, by=by)
    if to == S.DECLINED:
        return referral_decline(
            referral=referral,
            by=by,
            reason=step.reason,
            note=step.note,
            suggested_service=step.suggested_service,
            suggestion=step.suggestion,
        )
    if to == S.HANDOVER_PLANNED:
        if step.handover is None:
            raise ValidationError({"planned_at": _("Kies een moment voor de warme overdracht.")})
        preferred = referral.handover_preference if referral.handover_preference != HandoverMode.NONE else ""
        data = step.handover if step.handover.mode else replace(step.handover, mode=preferred)
        return referral_handover_plan(referral=referral, by=by, data=data)
    if to == S.HANDOVER_DONE:
        planned = Handover.objects.filter(referral=referral).values_list("mode", flat=True).first()
        return referral_handover_done(
            referral=referral,
            by=by,
            mode=step.done_mode or planned or "",
            parents_present=step.parents_present,
            note=step.note,
        )
    if to == S.HELP_STARTED:
        return referral_help_start(referral=referral, by=by)
    if to == S.COMPLETED:
        return referral_complete(referral=referral, by=by, note=step.note)
    if to == S.STOPPED:
        return referral_stop(referral=referral, by=by, reason=step.reason, note=step.note)
    raise ValidationError({"status": _("Deze stap bestaat niet.")})


def referral_follow_up(*, declined: Referral, by: User) -> Referral:
    """Refer again after a decline, to the suggested service, with the same question (a new concept:
    consent is asked again, because the recipient changes)."""
    if declined.status != S.DECLINED or declined.suggested_service is None:
        raise ValidationError(_("Er is geen ander aanbod voorgesteld."))
    return referral_draft(
        family=declined.family,
        by=by,
        reason=declined.reason,
        urgency=declined.urgency,
        handover_preference=declined.handover_preference,
        service=declined.suggested_service,
        follows=declined,
    )


# --- answer links for partners without an account ---------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def answer_link_create(*, referral: Referral, email: str) -> str:
    """A personal link, valid for two weeks, mailed to the partner; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    link = AnswerLink.objects.create(
        referral=referral,
        email=email,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(days=LINK_DAYS),
    )
    audit_record(
        actor=actor_for(None, on_behalf_of=email),
        action=AuditAction.CREATE,
        targets=[link],
        purpose=PURPOSE,
        detail={"referral": referral.pk},
    )
    transaction.on_commit(lambda: notify.send_answer_link(link=link, token=token))
    return token


class LinkEnd:
    REVOKED = "ingetrokken"
    LOOP_ENDED = "afgerond"


def _links_end(referral: Referral, *, reason: str, at: datetime) -> int:
    """End the referral's working links (the loop ended, or the referrer revoked them)."""
    return AnswerLink.objects.filter(referral=referral, ended_at__isnull=True).update(ended_at=at, ended_reason=reason)


def answer_link_revoke(*, link: AnswerLink, by: User) -> AnswerLink:
    """The referrer ends a personal link (sent to the wrong address, or forwarded): it works no more."""
    require_perm(user=by, perm="referrals.refer", obj=link.referral, attempted="referral.link_revoke", target=link)
    with transaction.atomic():
        ended = AnswerLink.objects.filter(pk=link.pk, ended_at__isnull=True).update(
            ended_at=clock.now(), ended_reason=LinkEnd.REVOKED
        )
        if not ended:
            raise ValidationError(_("Deze link werkt al niet meer."))
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[link],
            purpose=PURPOSE,
            detail={"referral": link.referral_id, "family": link.referral.family_id, "ended": LinkEnd.REVOKED},
        )
    link.refresh_from_db()
    return link


def answer_link_use(*, token: str) -> AnswerLink | None:
    """The link for `token` if it exists, has not expired and was not ended (revoked, or the loop ended);
    otherwise None, audited."""
    link = AnswerLink.objects.select_related("referral").filter(token_hash=_hash(token)).first()
    if link is None or not link.works(clock.now()):
        audit_denied(
            actor=actor_for(None, on_behalf_of=link.email if link else ""),
            attempted="referral.link",
            targets=[Target("referrals.answerlink", str(link.pk) if link else "")],
        )
        return None
    AnswerLink.objects.filter(pk=link.pk).update(last_used_at=clock.now())
    return link


def consent_withdraw(*, consent: Consent, by: User, note: str = "") -> Consent:
    """A parent withdraws consent: sharing stops at once (the receiving side's view reads the consent on
    every request), and the receiving side of every open referral under it is told."""
    with transaction.atomic():
        consent = consent_services.consent_withdraw(consent=consent, by=by, note=note)
        for referral in consent.referrals.filter(
            status__in=[S.SENT, S.ACCEPTED, S.HANDOVER_PLANNED, S.HANDOVER_DONE, S.HELP_STARTED]
        ):
            notify.consent_revoked(referral=referral, by=by)
    return consent


# --- leaving the 1,000-day window ---------------------------------------------------------------------


def _closing_data(family: Family) -> dict[str, Any]:
    """What the first 1,000 days brought, for the closing conversation: help received and how it ended,
    the goals and the care team's disciplines. Codes and short texts, no risk factors."""
    referrals = [
        {
            "to": r.recipient_label,
            "status": r.status,
            "reason": r.closing_reason,
            "started": r.help_started_at.date().isoformat() if r.help_started_at else None,
        }
        for r in family.referrals.order_by("created_at")
    ]
    goals = [{"domain": g.domain, "text": g.text, "status": g.status} for g in family.goals.order_by("pk")]
    team = sorted({m.discipline for m in family.care_team.all()})
    return {"referrals": referrals, "goals": goals, "disciplines": team}


def family_closings(*, today: date | None = None) -> int:
    """Families that left the 1,000-day window (and do not get support as long as needed) get their
    closing summary once, and their regiehouder a task to go through it with them."""
    today = today or clock.local_date()
    made = 0
    candidates = (
        Family.objects.filter(closed_at__isnull=True, support_as_long_as_needed=False, closing__isnull=True)
        .filter(children__birth_date__lte=today - timedelta(days=2 * 365))
        .prefetch_related("pregnancies", "children")
        .distinct()
    )
    for family in candidates.iterator(chunk_size=200):
        if family_phase(family, today=today).phase.kind != PhaseKind.AFTER_WINDOW:
            continue
        with transaction.atomic():
            FamilyClosing.objects.create(family=family, created_at=clock.now(), summary=_closing_data(family))
            aftercare_schedule(family=family, anchor="window_ended", anchor_on=today, by=family.opened_by)
        made += 1
    return made
