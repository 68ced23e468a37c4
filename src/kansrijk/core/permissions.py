"""The permission check of a service: ask the rule, and audit a refusal before anything changes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext as _

from kansrijk.core.audit import Target, actor_for, audit_denied


def require_perm(
    *,
    user: Any,
    perm: str,
    obj: Any = None,
    attempted: str,
    target: Target | models.Model | None = None,
    message: str | None = None,
) -> None:
    """Raise PermissionDenied (after an audited `denied` entry) unless `user.has_perm(perm, obj)`."""
    if user is not None and user.has_perm(perm, obj):
        return
    subject = target if target is not None else obj
    targets = [subject] if isinstance(subject, Target | models.Model) else [Target(perm)]
    audit_denied(actor=actor_for(user), attempted=attempted, targets=targets)
    raise PermissionDenied(message or _("Je hebt geen toestemming voor deze handeling."))
