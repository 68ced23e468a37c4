"""Data-subject requests and the retention policy: export everything about a family, erase it, or
anonymise it. Only the privacy officer (beheerder with a verified second factor) may; every export and
every removal is audited (`export`, `delete`). Erasing and anonymising need a reason and a typed
confirmation, and happen in one transaction (all or nothing).

Audit entries stay: they hold ids and codes, no names. Anonymising replaces names, address, phone,
email and free texts with a marker, and keeps dates, levels and statuses, so the monitoring counts of
the programme stay right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import Actor, Target, actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.models import BreakGlassAccess, Caregiver, CareTeamMember, Family
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.privacy import selectors
from kansrijk.privacy.models import PrivacyRequest, RequestKind
from kansrijk.privacy.summary import family_summary_pdf
from kansrijk.regie.models import RegieAssignment, RegieGap

PURPOSE = "verzoek van het gezin (AVG)"
RETENTION_PURPOSE = "bewaartermijn"
MARKER = "[geanonimiseerd]"
MIN_REASON = 10
ERASE_WORD = "verwijderen"
ANONYMISE_WORD = "anonimiseren"

# Text fields that hold no personal data of the family: codes, versions, the pathway's own step titles,
# and the names of services and professionals the family was referred to. Everything else that is free
# text is replaced (so a new text field is anonymised unless it is added here).
KEEP_TEXT: dict[str, set[str]] = {
    "families.family": {"city"},
    "signalling.assessment": {"catalogue_version", "rules_version"},
    "signalling.observation": {"factor"},
    "pathways.task": {"step_code", "title_nl", "title_en", "description_nl", "role", "completes_on", "phase", "level"},
    "referrals.referral": {"recipient_label"},
    "referrals.referralevent": {"by_label"},
    "consent.consent": {"recipient_label"},
}
# Text fields that are emptied rather than marked (address and contact details).
EMPTY_TEXT: dict[str, set[str]] = {
    "families.family": {"street", "house_number", "postcode"},
    "families.caregiver": {"phone", "email"},
}
# JSON fields that hold codes only (languages, rule ids, consent categories). In other JSON (such as the
# closing summary) every text is marked, except under keys that hold codes (`_JSON_CODE_KEYS`).
KEEP_JSON: dict[str, set[str]] = {
    "families.caregiver": {"languages"},
    "signalling.assessment": {"rule_ids", "rule_reasons"},
    "consent.consent": {"categories"},
}
# Rows that only serve to reach someone and mean nothing without the family's data (the notices about
# the family's referrals, from the notify app, included).
DROP_MODELS = {"referrals.answerlink", "notify.notice"}


def _require(by: User, family_ref: int | str, attempted: str) -> None:
    require_perm(
        user=by,
        perm="privacy.handle_request",
        attempted=attempted,
        target=Target("families.family", str(family_ref)),
        message=_("Alleen de beheerder (privacy) kan dit doen."),
    )


# --- export ------------------------------------------------------------------------------------------


def family_export_json(*, family: Family, by: User) -> bytes:
    """Everything about the family as a JSON document (audited as `export`)."""
    _require(by, family.pk, "privacy.export_json")
    with transaction.atomic():
        document = json.dumps(selectors.family_export(family), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        audit_record(
            actor=actor_for(by), action=AuditAction.EXPORT, targets=[family], purpose=PURPOSE, detail={"format": "json"}
        )
    return document.encode()


def family_export_pdf(*, family: Family, by: User) -> bytes:
    """A summary in plain Dutch (B1) for the parents, as PDF (audited as `export`)."""
    _require(by, family.pk, "privacy.export_pdf")
    with transaction.atomic():
        document = family_summary_pdf(family)
        audit_record(
            actor=actor_for(by), action=AuditAction.EXPORT, targets=[family], purpose=PURPOSE, detail={"format": "pdf"}
        )
    return document


# --- erase and anonymise -----------------------------------------------------------------------------


def confirmation_text(word: str, family: Family) -> str:
    """What the privacy officer types to confirm, e.g. "verwijderen 12"."""
    return f"{word} {family.pk}"


def _check(*, family: Family, word: str, reason: str, confirmation: str) -> str:
    errors: dict[str, str] = {}
    text = reason.strip()
    if len(text) < MIN_REASON:
        errors["reason"] = _("Schrijf de reden op (het verzoek van het gezin), in minstens %(n)d tekens.") % {
            "n": MIN_REASON
        }
    if " ".join(confirmation.split()).lower() != confirmation_text(word, family):
        errors["confirmation"] = _("Typ ter controle precies: %(text)s") % {"text": confirmation_text(word, family)}
    if errors:
        raise ValidationError(errors)
    return text


def family_erase(*, family: Family, by: User, reason: str, confirmation: str) -> PrivacyRequest:
    """Delete the family and everything that belongs to it. The audit trail keeps its entries (no names)."""
    _require(by, family.pk, "privacy.erase")
    with transaction.atomic():
        text = _check(family=family, word=ERASE_WORD, reason=reason, confirmation=confirmation)
        family_ref = family.pk
        counts = _erase(family)
        request = PrivacyRequest.objects.create(
            kind=RequestKind.ERASE,
            family_ref=family_ref,
            reason=text,
            handled_by=by,
            handled_at=clock.now(),
            counts=counts,
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.DELETE,
            targets=[Target("families.family", str(family_ref))],
            purpose=PURPOSE,
            detail={"mode": "erase", "request": request.pk, "rows": counts},
        )
        return request


def _erase(family: Family) -> dict[str, int]:
    rows = selectors.family_rows(family)
    counts = {model._meta.label_lower: len(pks) for model, pks in rows.items()}
    # A referral protects the consent it was sent with; both go, so the referrals go first.
    for model, pks in rows.items():
        if model is not Family and any(
            isinstance(field, models.ForeignKey) and field.remote_field.on_delete is models.PROTECT
            for field in model._meta.concrete_fields
            if field.related_model in rows
        ):
            model._default_manager.filter(pk__in=pks).delete()
    Family.objects.filter(pk=family.pk).delete()
    return counts


def family_anonymise(*, family: Family, by: User, reason: str, confirmation: str) -> PrivacyRequest:
    """Replace the family's names, address, contact details and free texts with a marker; close the file
    (care team, open tasks and regie end). Dates, levels and statuses stay for counting."""
    _require(by, family.pk, "privacy.anonymise")
    with transaction.atomic():
        text = _check(family=family, word=ANONYMISE_WORD, reason=reason, confirmation=confirmation)
        return _anonymise(family, actor=actor_for(by), by=by, kind=RequestKind.ANONYMISE, reason=text)


def _anonymise(family: Family, *, actor: Actor, by: User | None, kind: RequestKind, reason: str) -> PrivacyRequest:
    family = Family.objects.select_for_update().get(pk=family.pk)
    if family.anonymised_at is not None:
        raise ValidationError(_("Dit gezin is al geanonimiseerd."))
    now = clock.now()
    counts: dict[str, int] = {}
    for model, pks in selectors.family_rows(family).items():
        label = model._meta.label_lower
        counts[label] = len(pks)
        rows = model._default_manager.filter(pk__in=pks)
        if label in DROP_MODELS:
            rows.delete()
            continue
        _scrub(label, model, rows)
    for caregiver in Caregiver.objects.filter(family=family, date_of_birth__isnull=False):
        # Only the year of birth stays (enough to count young parents).
        born = caregiver.date_of_birth
        if born is not None:
            caregiver.date_of_birth = date(born.year, 1, 1)
            caregiver.save(update_fields=["date_of_birth"])
    _close(family, now, by)
    request = PrivacyRequest.objects.create(
        kind=kind, family_ref=family.pk, reason=reason, handled_by=by, handled_at=now, counts=counts
    )
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        targets=[family],
        purpose=RETENTION_PURPOSE if kind == RequestKind.RETENTION else PURPOSE,
        detail={"mode": "anonymise", "request": request.pk, "rows": counts},
    )
    return request


def _scrub(label: str, model: type[models.Model], rows: models.QuerySet[Any]) -> None:
    keep_text = KEEP_TEXT.get(label, set())
    empty_text = EMPTY_TEXT.get(label, set())
    keep_json = KEEP_JSON.get(label, set())
    for field in model._meta.concrete_fields:
        if field.primary_key or field.is_relation or field.choices:
            continue
        if isinstance(field, models.SlugField):
            continue  # codes
        if isinstance(field, models.CharField | models.TextField):
            if field.name in keep_text:
                continue
            value = "" if field.name in empty_text or isinstance(field, models.EmailField) else MARKER
            if value and field.max_length is not None and field.max_length < len(MARKER):
                value = "" if field.blank else MARKER[: field.max_length]
            rows.exclude(**{field.name: ""}).update(**{field.name: value})
        elif isinstance(field, models.JSONField) and field.name not in keep_json:
            for obj in rows.only("pk", field.name):
                setattr(obj, field.name, _scrub_json(getattr(obj, field.name)))
                obj.save(update_fields=[field.name])


def _scrub_json(value: Any) -> Any:
    """Texts become the marker; numbers, booleans, codes-like keys ("status", "reason", "domain") stay.
    Used for JSON that mixes codes and words, such as the closing summary."""
    if isinstance(value, dict):
        return {key: _scrub_json(item) if key not in _JSON_CODE_KEYS else item for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub_json(item) for item in value]
    if isinstance(value, str):
        return MARKER if value else value
    return value


_JSON_CODE_KEYS = frozenset({"status", "reason", "domain", "disciplines", "started", "to", "kind", "code", "level"})


def _close(family: Family, now: datetime, by: User | None) -> None:
    """An anonymised file is finished: nobody works in it any more."""
    family.anonymised_at = now
    family.closed_at = family.closed_at or now
    family.save(update_fields=["anonymised_at", "closed_at"])
    CareTeamMember.objects.filter(family=family, ended_at__isnull=True).update(is_regiehouder=False, ended_at=now)
    Task.objects.filter(family=family, status=TaskStatus.OPEN).update(
        status=TaskStatus.NOT_NEEDED, closed_at=now, closed_by=by
    )
    RegieAssignment.objects.filter(family=family, ended_at__isnull=True).update(ended_at=now, ended_by=by)
    RegieGap.objects.filter(family=family, resolved_at__isnull=True).update(resolved_at=now)
    BreakGlassAccess.objects.filter(family=family, expires_at__gt=now).update(expires_at=now)


# --- retention ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionReport:
    closed: int  # closed longer ago than the retention period
    inactive: int  # the 1,000 days long over and no activity during the retention period


def retention_apply(*, now: datetime | None = None) -> RetentionReport:
    """Anonymise what the retention policy says may no longer be kept (see `selectors`). Each family in
    its own transaction, so one failure does not keep the others."""
    now = now or clock.now()
    actor = Actor.system("privacy.retention")
    closed = inactive = 0
    for family in list(selectors.closed_past_retention(now=now)):
        with transaction.atomic():
            _anonymise(family, actor=actor, by=None, kind=RequestKind.RETENTION, reason="closed")
        closed += 1
    for family in selectors.finished_without_activity(now=now):
        with transaction.atomic():
            _anonymise(family, actor=actor, by=None, kind=RequestKind.RETENTION, reason="inactive")
        inactive += 1
    return RetentionReport(closed=closed, inactive=inactive)
