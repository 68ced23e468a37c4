"""Reading notices and preferences."""

from __future__ import annotations

from django.db import models
from django.db.models import QuerySet

from kansrijk.accounts.models import User
from kansrijk.notify import registry
from kansrijk.notify.models import Frequency, Notice, NoticePreference


def default_of(key: str | None) -> str:
    """How often a kind (or every kind of a namespace) is mailed unless the person chose otherwise."""
    if key is None:
        return Frequency.IMMEDIATELY
    spec = registry.kind(key)
    if spec is not None:
        return spec.default
    defaults = {k.default for k in registry.kinds() if registry.namespace_of(k.key) == key}
    return defaults.pop() if len(defaults) == 1 else Frequency.IMMEDIATELY


def chosen(user_id: int) -> dict[str | None, str]:
    """The person's own choices: kind, namespace or None (their default) -> frequency."""
    rows = NoticePreference.objects.filter(user_id=user_id).values_list("kind", "frequency")
    return {kind or None: frequency for kind, frequency in rows}


def resolve(choices: dict[str | None, str], kind: str | None) -> str:
    """The most specific choice for `kind` (the kind, then its namespace, then the person's default),
    or else the kind's registered default."""
    keys: list[str | None] = [kind, registry.namespace_of(kind)] if kind else []
    for key in [*keys, None]:
        if key in choices:
            return choices[key]
    return default_of(kind)


def preference_of(user: User, kind: str | None) -> str:
    """How often `user` gets email about `kind` (a kind such as "referrals.nieuw", a namespace such as
    "referrals", or None for their default): a `Frequency` value."""
    return resolve(chosen(user.pk), kind)


def notices_of(user: User, *, namespace: str | None = None, limit: int = 50) -> list[Notice]:
    """The person's latest notices, newest first (of one namespace if given)."""
    rows = Notice.objects.filter(user=user)
    if namespace is not None:
        rows = rows.filter(kind__startswith=f"{namespace}.")
    return list(rows[:limit])


def notices_about(obj: models.Model) -> QuerySet[Notice]:
    """Every notice about one object (e.g. a referral)."""
    return Notice.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def unread_count(user: User, *, namespace: str | None = None) -> int:
    rows = Notice.objects.filter(user=user, read_at__isnull=True)
    if namespace is not None:
        rows = rows.filter(kind__startswith=f"{namespace}.")
    return rows.count()


def label_of(notice: Notice) -> str:
    """The registered label of the notice's kind (or the kind itself if no app registered it)."""
    return notice.label
