"""Recording and revoking a parent's consent. Both are audited; a revocation counts at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.accounts.models import Organisation, User
from kansrijk.consent.models import Consent, ConsentMethod, DataCategory
from kansrijk.core import clock
from kansrijk.core.audit import actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.families.models import Caregiver, Family
from kansrijk.kaart.models import Service

PURPOSE = "toestemming"
# A consent is asked for one referral and its follow-up; after two years it is asked again.
MAX_VALID_DAYS = 2 * 366


def consent_record(
    *,
    family: Family,
    by: User,
    given_by: Caregiver,
    categories: Sequence[str],
    purpose: str,
    method: str,
    valid_until: date,
    recipient_label: str,
    service: Service | None = None,
    organisation: Organisation | None = None,
) -> Consent:
    """Record what a parent agreed may be shared with whom and why, read together from the B1 text."""
    require_perm(user=by, perm="families.change_family", obj=family, attempted="consent.record", target=family)
    today = clock.local_date()
    errors: dict[str, str] = {}
    chosen = list(dict.fromkeys(categories))
    if not chosen:
        errors["categories"] = _(
            "Kies wat er gedeeld mag worden. Niets delen? Dan kan de verwijzing niet verstuurd worden."
        )
    elif set(chosen) - set(DataCategory.values):
        errors["categories"] = _("Kies alleen uit de lijst.")
    if given_by.family_id != family.pk:
        errors["given_by"] = _("Kies de ouder die toestemming geeft.")
    if method not in ConsentMethod.values:
        errors["method"] = _("Kies hoe de ouder toestemming gaf.")
    if not purpose.strip():
        errors["purpose"] = _("Schrijf op waarvoor de gegevens gedeeld worden.")
    if valid_until < today:
        errors["valid_until"] = _("Deze datum ligt in het verleden.")
    elif valid_until > today + timedelta(days=MAX_VALID_DAYS):
        errors["valid_until"] = _("Toestemming geldt hoogstens twee jaar. Vraag het daarna opnieuw.")
    if not recipient_label.strip() or (service is None and organisation is None):
        errors["recipient"] = _("Zeg met wie er gedeeld wordt.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        consent = Consent.objects.create(
            family=family,
            given_by=given_by,
            categories=[c for c in DataCategory.values if c in chosen],
            service=service,
            organisation=organisation,
            recipient_label=recipient_label.strip()[:300],
            purpose=purpose.strip()[:300],
            method=method,
            recorded_by=by,
            recorded_at=clock.now(),
            valid_until=valid_until,
        )
        audit_record(
            actor=actor_for(by),
            action=AuditAction.CREATE,
            targets=[consent],
            purpose=PURPOSE,
            detail={"family": family.pk, "categories": consent.categories},
        )
    return consent


def consent_withdraw(*, consent: Consent, by: User, note: str = "") -> Consent:
    """The parent withdraws their consent: from this moment nothing more is shared under it."""
    require_perm(user=by, perm="families.change_family", obj=consent.family, attempted="consent.revoke", target=consent)
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.revoked_at is not None:
            raise ValidationError(_("Deze toestemming is al ingetrokken."))
        consent.revoked_at, consent.revoked_by, consent.revoked_note = clock.now(), by, note.strip()[:300]
        consent.save(update_fields=["revoked_at", "revoked_by", "revoked_note"])
        audit_record(
            actor=actor_for(by),
            action=AuditAction.UPDATE,
            targets=[consent],
            purpose=PURPOSE,
            detail={"family": consent.family_id, "revoked": True},
        )
    return consent
