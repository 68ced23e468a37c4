"""The audit trail: record every access to personal data and every refused attempt (NEN 7513).

Writes are recorded inside the transaction of the change (`audit_record`), reads through the one
mechanism in `kansrijk.core.audited` that every screen and endpoint with personal data uses.
Each entry is chained to the previous one by a SHA-256 hash; `audit_verify` walks the chain.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Max
from django.utils.module_loading import import_string

from kansrijk.core import clock, request_context
from kansrijk.core.models import AuditAction, AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who acted, copied into the entry so the record outlives account changes."""

    id: int | None
    label: str
    organisation: str = ""
    role: str = ""
    on_behalf_of: str = ""

    @classmethod
    def system(cls, name: str) -> Actor:
        return cls(id=None, label=f"systeem:{name}")


@dataclass(frozen=True)
class Target:
    object_type: str
    object_id: str = ""

    @classmethod
    def of(cls, obj: models.Model) -> Target:
        return cls(object_type=obj._meta.label_lower, object_id=str(obj.pk))


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""
    problems: list[str] = field(default_factory=list)


def actor_for(user: Any, *, on_behalf_of: str = "") -> Actor:
    """Resolve a user to an Actor through the configured resolver (accounts knows organisations and
    roles; core must not import it)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Actor(id=None, label="anoniem", on_behalf_of=on_behalf_of)
    resolver = import_string(settings.KANSRIJK_AUDIT_ACTOR_RESOLVER)
    actor: Actor = resolver(user)
    if on_behalf_of:
        actor = Actor(actor.id, actor.label, actor.organisation, actor.role, on_behalf_of)
    return actor


def _as_target(item: Target | models.Model) -> Target:
    return item if isinstance(item, Target) else Target.of(item)


def _canonical(entry: AuditEntry) -> bytes:
    occurred = entry.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    payload = {
        "seq": entry.seq,
        "occurred_at": occurred,
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "actor_organisation": entry.actor_organisation,
        "actor_role": entry.actor_role,
        "on_behalf_of": entry.on_behalf_of,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "purpose": entry.purpose,
        "request_id": entry.request_id,
        "client_ip": entry.client_ip,
        "detail": entry.detail,
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(_canonical(entry)).hexdigest()


@functools.cache
def _max_length(name: str) -> int:
    """The column width of a text field of `AuditEntry` (read from the model once per field)."""
    field = AuditEntry._meta.get_field(name)
    if not isinstance(field, models.CharField) or field.max_length is None:
        raise TypeError(f"AuditEntry.{name} is not a text field with a maximum length")
    return field.max_length


def _clip(name: str, value: str) -> str:
    """`value` cut to fit the `AuditEntry` field `name`."""
    return value[: _max_length(name)]


def audit_record(
    *,
    actor: Actor,
    action: AuditAction | str,
    targets: Iterable[Target | models.Model],
    purpose: str = "",
    detail: dict[str, Any] | None = None,
) -> list[AuditEntry]:
    """Append one entry per target, in the caller's transaction (or its own if there is none).

    `detail` must never contain personal data: ids and codes only.
    """
    target_list = [_as_target(t) for t in targets]
    if not target_list:
        return []
    ctx = request_context.current()
    occurred = clock.now()
    with transaction.atomic():
        # Taking the head row's lock first serialises the chain on PostgreSQL and SQLite alike.
        if not AuditChainHead.objects.filter(pk=1).update(seq=F("seq") + len(target_list)):
            # Only on an empty database (the migration creates the head). If entries exist without a
            # head, the new entry's sequence number collides and the write fails: fail closed.
            AuditChainHead.objects.create(pk=1, seq=len(target_list), hash=GENESIS_HASH)
        head = AuditChainHead.objects.get(pk=1)
        seq = head.seq - len(target_list)
        prev = head.hash
        entries: list[AuditEntry] = []
        for target in target_list:
            seq += 1
            entry = AuditEntry(
                seq=seq,
                occurred_at=occurred,
                actor_id=actor.id,
                actor_label=_clip("actor_label", actor.label),
                actor_organisation=_clip("actor_organisation", actor.organisation),
                actor_role=_clip("actor_role", actor.role),
                on_behalf_of=_clip("on_behalf_of", actor.on_behalf_of),
                action=str(action),
                object_type=_clip("object_type", target.object_type),
                object_id=_clip("object_id", target.object_id),
                purpose=_clip("purpose", purpose),
                request_id=ctx.request_id if ctx else "",
                client_ip=ctx.client_ip if ctx else "",
                detail=detail or {},
                prev_hash=prev,
            )
            entry.hash = entry_hash(entry)
            prev = entry.hash
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries)
        AuditChainHead.objects.filter(pk=1).update(hash=prev)
    if ctx is not None:
        ctx.recorded.extend(e.seq for e in entries)
    return entries


def audit_denied(
    *, actor: Actor, attempted: str, targets: Iterable[Target | models.Model], purpose: str = ""
) -> list[AuditEntry]:
    """Record a refused attempt; `attempted` names what was tried (e.g. "view", "user.disable")."""
    return audit_record(
        actor=actor,
        action=AuditAction.DENIED,
        targets=targets,
        purpose=purpose,
        detail={"attempted": attempted},
    )


def _entries_in_order(*, up_to: int | None = None, chunk: int = 2000) -> Iterator[AuditEntry]:
    entries = AuditEntry.objects.order_by("seq")
    if up_to is not None:
        entries = entries.filter(seq__lte=up_to)
    return entries.iterator(chunk_size=chunk)


def audit_verify() -> VerifyResult:
    """Walk the chain from the first entry and report the first broken link.

    The head is read first and the walk stops there, so entries appended while the walk runs (the
    system stays in use) are not mistaken for a break; they are checked by the next run."""
    head = AuditChainHead.objects.filter(pk=1).first()
    expected_seq = 1
    expected_prev = GENESIS_HASH
    checked = 0
    entries = _entries_in_order() if head is None else _entries_in_order(up_to=head.seq)
    for entry in entries:
        if entry.seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, f"entry #{expected_seq} is missing")
        if entry.prev_hash != expected_prev:
            return VerifyResult(False, checked, entry.seq, "link to the previous entry does not match")
        if entry_hash(entry) != entry.hash:
            return VerifyResult(False, checked, entry.seq, "content does not match its hash (changed)")
        expected_prev = entry.hash
        expected_seq += 1
        checked += 1
    if head is not None and (head.seq != checked or head.hash != expected_prev):
        return VerifyResult(False, checked, checked + 1, f"entries after #{checked} are missing")
    if head is not None:
        # An entry past the head was never chained: it was added around the audit trail. The last
        # sequence number is read before the head, because an entry and the head move in one
        # transaction: a head read afterwards covers every entry committed so far.
        last_seq = AuditEntry.objects.aggregate(last=Max("seq"))["last"] or 0
        now_head = AuditChainHead.objects.get(pk=1)
        if last_seq > now_head.seq:
            return VerifyResult(False, checked, now_head.seq + 1, f"entries after #{now_head.seq} are not in the chain")
    return VerifyResult(True, checked)


def retention_until(entry: AuditEntry) -> datetime:
    """The earliest moment an entry may be removed (never by the application itself)."""
    years = int(settings.KANSRIJK_AUDIT_RETENTION_YEARS)
    moment = entry.occurred_at
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)
