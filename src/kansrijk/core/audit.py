"""The audit trail: record every access to personal data and every refused attempt (NEN 7513).

Writes are recorded inside the transaction of the change (`audit_record`), reads through the one
mechanism in `kansrijk.core.audited` that every screen and endpoint with personal data uses.
Each entry is chained to the previous one by an HMAC-SHA256 with `KANSRIJK_AUDIT_KEY` (a key the
database never holds, so whoever can write the database still cannot forge an entry); `audit_verify`
walks the chain. Entries written before the keyed chain (`chain_version` 1) carry an unkeyed SHA-256
hash and are verified as such, only before the first keyed entry and only as far as the seal that
migration core.0004 wrote with the key says they went (docs/adr/0008): so entries relabelled as
unkeyed fail verification with the key, even without a checkpoint. The chain's head row can be moved
by the application; `kansrijk.core.audit_checkpoint` pins it outside the database.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.models import F, Max
from django.utils.module_loading import import_string

from kansrijk.core import clock, request_context
from kansrijk.core.models import AuditAction, AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
UNKEYED_VERSION = 1  # SHA-256 without a key: only the entries written before core.0003
CHAIN_VERSION = 2  # HMAC-SHA256 with KANSRIJK_AUDIT_KEY: every entry written now


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
    # The first keyed entry (None: none yet), and how many unkeyed entries precede it.
    keyed_from: int | None = None
    unkeyed: int = 0
    # For each sequence number asked for (`collect`) that the walk passed: its MAC.
    seen: dict[int, str] = field(default_factory=dict)
    # The MAC of the last entry the walk checked.
    last_hash: str = GENESIS_HASH


def audit_key() -> bytes:
    """The chain's HMAC key, from the settings (the environment); never stored in the database."""
    key: str = getattr(settings, "KANSRIJK_AUDIT_KEY", "")
    if not key:
        raise ImproperlyConfigured(
            "KANSRIJK_AUDIT_KEY is not set: the audit trail can be neither written nor verified."
        )
    return key.encode()


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
    """The bytes the MAC covers. Version 1's payload is kept exactly as it was, so old entries verify."""
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
    if entry.chain_version != UNKEYED_VERSION:
        payload["chain_version"] = entry.chain_version
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: AuditEntry, *, key: bytes | None = None) -> str:
    """The entry's MAC under its chain version: HMAC-SHA256 with `key` (default: the configured key),
    or for a version-1 entry the unkeyed SHA-256 hash it was written with."""
    if entry.chain_version == UNKEYED_VERSION:
        return hashlib.sha256(_canonical(entry)).hexdigest()
    if entry.chain_version == CHAIN_VERSION:
        return hmac.new(audit_key() if key is None else key, _canonical(entry), hashlib.sha256).hexdigest()
    raise ValueError(f"unknown audit chain version {entry.chain_version}")


def prefix_seal(up_to: int, mac: str, key: bytes) -> str:
    """The seal of the unkeyed prefix: an HMAC (domain-separated from the entries') over the sequence
    number and the hash of the last entry written before the keyed chain."""
    message = f"kansrijk audit unkeyed prefix\n{up_to}\n{mac}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def seal_unkeyed_prefix(
    *, entry_model: type[models.Model] = AuditEntry, head_model: type[models.Model] = AuditChainHead
) -> int:
    """Seal, with the key, how far the entries written before the keyed chain go, on the head row.
    Verification then refuses every unkeyed entry past that point; without a seal, every unkeyed one.

    Run once, by migration core.0004 (which passes its historical models), never by the application:
    sealing a chain that someone relabelled since would bless it. Returns the last unkeyed entry's
    sequence number (0: none, and nothing is sealed)."""
    entries: Any = entry_model._default_manager
    last = entries.filter(chain_version=UNKEYED_VERSION).order_by("-seq").values_list("seq", "hash").first()
    if last is None:
        return 0
    up_to, mac = int(last[0]), str(last[1])
    first_keyed = entries.filter(chain_version=CHAIN_VERSION).order_by("seq").values_list("seq", flat=True).first()
    if first_keyed is not None and first_keyed < up_to:
        raise ImproperlyConfigured(
            f"audit entry #{up_to} is unkeyed but comes after the keyed entry #{first_keyed}: the chain was "
            "rewritten; run `kansrijk audit verify` before sealing"
        )
    sealed = head_model._default_manager.filter(pk=1).update(
        unkeyed_up_to=up_to, unkeyed_seal=prefix_seal(up_to, mac, audit_key())
    )
    if not sealed:
        raise ImproperlyConfigured("the audit chain has entries but no head row: run `kansrijk audit verify`")
    return up_to


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
    key = audit_key()  # fail closed, before anything is written, when the key is missing
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
                chain_version=CHAIN_VERSION,
            )
            entry.hash = entry_hash(entry, key=key)
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


def _entries_in_order(*, after: int = 0, up_to: int | None = None, chunk: int = 2000) -> Iterator[AuditEntry]:
    entries = AuditEntry.objects.order_by("seq").filter(seq__gt=after)
    if up_to is not None:
        entries = entries.filter(seq__lte=up_to)
    return entries.iterator(chunk_size=chunk)


def _unkeyed_claim() -> tuple[int, str]:
    """How far the head row says the unkeyed entries go (0: there are none), and its seal."""
    head = AuditChainHead.objects.filter(pk=1).values_list("unkeyed_up_to", "unkeyed_seal").first()
    return (0, "") if head is None else (int(head[0]), str(head[1]))


def _seal_holds(up_to: int, seal: str, key: bytes) -> bool:
    mac = AuditEntry.objects.filter(seq=up_to).values_list("hash", flat=True).first()
    return mac is not None and hmac.compare_digest(seal, prefix_seal(up_to, mac, key))


def verify_range(
    *,
    after: int = 0,
    after_hash: str = GENESIS_HASH,
    up_to: int | None = None,
    keyed_from: int | None = None,
    key: bytes | None = None,
    collect: Collection[int] = (),
) -> VerifyResult:
    """Walk the chain from the entry after `after` (whose MAC is `after_hash`) up to `up_to` and report
    the first broken link. `keyed_from` is the first keyed entry at or before `after`, if any: no
    unkeyed entry may follow a keyed one (that would be a keyed entry rewritten without the key), nor
    lie past the sealed prefix of entries written before the keyed chain (`seal_unkeyed_prefix`): a
    chain relabelled as unkeyed from its start, keyed entries and all, fails too."""
    key = audit_key() if key is None else key
    wanted = set(collect)
    result = VerifyResult(True, 0, keyed_from=keyed_from, last_hash=after_hash)
    expected_seq = after + 1
    expected_prev = after_hash

    def broken(seq: int, reason: str) -> VerifyResult:
        result.ok, result.broken_seq, result.reason = False, seq, reason
        return result

    unkeyed_up_to, seal = _unkeyed_claim()
    for entry in _entries_in_order(after=after, up_to=up_to):
        if entry.seq != expected_seq:
            return broken(expected_seq, f"entry #{expected_seq} is missing")
        if entry.prev_hash != expected_prev:
            return broken(entry.seq, "link to the previous entry does not match")
        if entry.chain_version == UNKEYED_VERSION:
            if result.keyed_from is not None:
                return broken(
                    entry.seq,
                    f"an unkeyed entry after the keyed chain began at #{result.keyed_from} (rewritten without the key)",
                )
            if entry.seq > unkeyed_up_to:
                return broken(
                    entry.seq,
                    f"an unkeyed entry past the {unkeyed_up_to} sealed as written before the keyed chain "
                    "(relabelled without the key)",
                )
            result.unkeyed += 1
            if entry_hash(entry) != entry.hash:
                return broken(entry.seq, "content does not match its hash (changed)")
        elif entry.chain_version == CHAIN_VERSION:
            if result.keyed_from is None:
                result.keyed_from = entry.seq
            if entry_hash(entry, key=key) != entry.hash:
                return broken(
                    entry.seq,
                    "content does not match its MAC (changed, or KANSRIJK_AUDIT_KEY is not the key that wrote it)",
                )
        else:
            return broken(entry.seq, f"unknown chain version {entry.chain_version}")
        if entry.seq in wanted:
            result.seen[entry.seq] = entry.hash
        expected_prev = result.last_hash = entry.hash
        expected_seq += 1
        result.checked += 1
    if up_to is not None and expected_seq - 1 != up_to:
        return broken(expected_seq, f"entries after #{expected_seq - 1} are missing")
    if result.unkeyed and not _seal_holds(unkeyed_up_to, seal, key):
        # Unkeyed entries were let through on the head row's word: it must carry the key's seal.
        return broken(
            unkeyed_up_to,
            f"the seal of the entries written before the keyed chain (up to #{unkeyed_up_to}) does not match "
            "(the head row or that entry was changed, or KANSRIJK_AUDIT_KEY is not the key that sealed it)",
        )
    return result


def audit_verify(*, key: bytes | None = None, collect: Collection[int] = ()) -> VerifyResult:
    """Walk the chain from the first entry and report the first broken link.

    The head is read first and the walk stops there, so entries appended while the walk runs (the
    system stays in use) are not mistaken for a break; they are checked by the next run. The head
    itself can be set back by anyone who can write the database: a removed tail shows only against
    the checkpoints kept outside it (`kansrijk.core.audit_checkpoint`)."""
    head = AuditChainHead.objects.filter(pk=1).first()
    result = verify_range(up_to=None if head is None else head.seq, key=key, collect=collect)
    if not result.ok:
        return result
    if head is not None and (head.seq != result.checked or head.hash != result.last_hash):
        result.ok, result.broken_seq = False, result.checked + 1
        result.reason = f"entries after #{result.checked} are missing"
        return result
    if head is not None:
        # An entry past the head was never chained: it was added around the audit trail. The last
        # sequence number is read before the head, because an entry and the head move in one
        # transaction: a head read afterwards covers every entry committed so far.
        last_seq = AuditEntry.objects.aggregate(last=Max("seq"))["last"] or 0
        now_head = AuditChainHead.objects.get(pk=1)
        if last_seq > now_head.seq:
            result.ok, result.broken_seq = False, now_head.seq + 1
            result.reason = f"entries after #{now_head.seq} are not in the chain"
    return result


def retention_until(entry: AuditEntry) -> datetime:
    """The earliest moment an entry may be removed (never by the application itself)."""
    years = int(settings.KANSRIJK_AUDIT_RETENTION_YEARS)
    moment = entry.occurred_at
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)
