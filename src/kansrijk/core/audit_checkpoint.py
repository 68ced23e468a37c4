"""Checkpoints of the audit chain's head, kept outside the database (docs/adr/0008).

The keyed chain stops anyone without `KANSRIJK_AUDIT_KEY` from changing or inserting an entry, but
not from removing the newest entries and setting the head row back: the application must be able to
move the head, so the database alone cannot prove where it was. A checkpoint can: one JSON line per
checkpoint, with the time, the head's sequence number and MAC, the number of entries up to it, the
first keyed entry and the key's id, signed (HMAC) with the same key. It goes to an append-only file
(`kansrijk audit checkpoint --file FILE`, and the `core.audit_checkpoint` job every 15 minutes to
`AUDIT_CHECKPOINT_FILE`) and to the log. `kansrijk audit verify --checkpoint FILE` then checks the
chain and that every checkpoint still matches it: a shortened tail, a rewritten head, entries
relabelled as unkeyed, or a chain or file written with another key all fail.

Each checkpoint first checks the entries since the previous checkpoint in the same file (the file's
first checkpoint: the whole chain), and refuses to write (the job fails, and says why in the log) when
that one no longer matches or the chain is broken. Without a file the line only goes to the log,
unchecked.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from kansrijk.core import clock
from kansrijk.core.audit import CHAIN_VERSION, GENESIS_HASH, audit_key, audit_verify, verify_range
from kansrijk.core.models import AuditChainHead, AuditEntry

logger = logging.getLogger("kansrijk.audit")

LOG_PREFIX = "audit checkpoint "
_SIGNED = ("at", "seq", "mac", "count", "keyed_from", "kid")
_TAIL_BYTES = 64 * 1024  # far more than one line: enough to find the last checkpoint of a file


class CheckpointError(Exception):
    """The chain no longer matches a checkpoint, or a checkpoint cannot be trusted."""


class CheckpointFileError(CheckpointError):
    """The checkpoint file cannot be read or written, or holds no checkpoint."""


@dataclass(frozen=True)
class Checkpoint:
    at: datetime
    seq: int  # the head's sequence number (0: an empty chain)
    mac: str  # the MAC of entry #seq (GENESIS_HASH for an empty chain)
    count: int  # entries up to and including #seq
    keyed_from: int | None  # the first keyed entry up to #seq (None: none)
    kid: str  # the id of the key that signed the line (not the key)

    def _payload(self) -> dict[str, Any]:
        return {
            "at": self.at.astimezone(UTC).isoformat(timespec="microseconds"),
            "seq": self.seq,
            "mac": self.mac,
            "count": self.count,
            "keyed_from": self.keyed_from,
            "kid": self.kid,
        }

    def line(self, key: bytes) -> str:
        payload = self._payload()
        return json.dumps({**payload, "sig": _sign(payload, key)}, sort_keys=True, separators=(",", ":"))

    def label(self, number: int | None) -> str:
        where = "the file's last line" if number is None else f"line {number}"
        return f"the checkpoint of {self._payload()['at']} ({where})"


def key_id(key: bytes) -> str:
    """A short public id of the key, so a line signed with another key says so (it reveals nothing of it)."""
    return hmac.new(key, b"kansrijk audit key id", hashlib.sha256).hexdigest()[:16]


def _sign(payload: dict[str, Any], key: bytes) -> str:
    signed = json.dumps({name: payload[name] for name in _SIGNED}, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, b"kansrijk audit checkpoint\n" + signed.encode(), hashlib.sha256).hexdigest()


def parse_line(text: str, *, number: int | None, key: bytes) -> Checkpoint:
    """One checkpoint from a line of a checkpoint file or of the log (the JSON starts at the first `{`);
    `number` is the line's number, for the messages (None: the file's last line)."""
    where = "the file's last line" if number is None else f"line {number}"
    start = text.find("{")
    try:
        if start < 0:
            raise ValueError("no JSON object")
        data = json.loads(text[start:])
        if not isinstance(data, dict) or set(data) != {*_SIGNED, "sig"}:
            raise ValueError(f"expected the fields {', '.join((*_SIGNED, 'sig'))}")
        checkpoint = Checkpoint(
            at=datetime.fromisoformat(data["at"]),
            seq=int(data["seq"]),
            mac=str(data["mac"]),
            count=int(data["count"]),
            keyed_from=None if data["keyed_from"] is None else int(data["keyed_from"]),
            kid=str(data["kid"]),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise CheckpointError(f"{where} is not a checkpoint: {exc}") from exc
    if checkpoint.kid != key_id(key):
        raise CheckpointError(
            f"{where} was signed with another KANSRIJK_AUDIT_KEY (key id {checkpoint.kid}, "
            f"the configured key's is {key_id(key)})"
        )
    if not hmac.compare_digest(str(data["sig"]), _sign(data, key)):
        raise CheckpointError(f"{where}: the signature does not match: the line was changed")
    return checkpoint


def take_checkpoint(*, key: bytes | None = None) -> Checkpoint:
    """The chain's head now, checked against its last entry (it is not verified here)."""
    key = audit_key() if key is None else key
    head = AuditChainHead.objects.filter(pk=1).first()
    seq = head.seq if head is not None else 0
    mac = GENESIS_HASH
    if seq:
        last = AuditEntry.objects.filter(seq=seq).values_list("hash", flat=True).first()
        if last is None or head is None or last != head.hash:
            raise CheckpointError(
                f"the chain's head (#{seq}) does not match its last entry: run `kansrijk audit verify`"
            )
        mac = last
    first_keyed = (
        AuditEntry.objects.filter(chain_version__gte=CHAIN_VERSION, seq__lte=seq)
        .order_by("seq")
        .values_list("seq", flat=True)
        .first()
    )
    return Checkpoint(
        at=clock.now(),
        seq=seq,
        mac=mac,
        count=AuditEntry.objects.filter(seq__lte=seq).count(),
        keyed_from=first_keyed,
        kid=key_id(key),
    )


def _compare(checkpoint: Checkpoint, number: int | None, *, head_seq: int, mac_now: str | None) -> list[str]:
    """What no longer matches between a checkpoint and the chain (`mac_now`: entry #seq's MAC now)."""
    label = checkpoint.label(number)
    if checkpoint.seq > head_seq:
        return [
            f"the chain was shortened: its head is #{head_seq}, but {label} recorded #{checkpoint.seq} "
            f"(entries #{head_seq + 1} to #{checkpoint.seq} were removed)"
        ]
    if checkpoint.seq and mac_now is None:
        return [f"entry #{checkpoint.seq}, recorded by {label}, is missing"]
    if checkpoint.seq and mac_now != checkpoint.mac:
        return [f"entry #{checkpoint.seq} differs from {label}: the chain was rewritten"]
    if checkpoint.count != checkpoint.seq:
        return [f"{label} counted {checkpoint.count} entries up to #{checkpoint.seq}: the chain had a gap then"]
    return []


def _check_keyed_from(checkpoint: Checkpoint, number: int | None, keyed_from_now: int | None) -> list[str]:
    """The keyed chain must begin where it began when the checkpoint was taken."""
    then = checkpoint.keyed_from
    now_within = keyed_from_now if keyed_from_now is not None and keyed_from_now <= checkpoint.seq else None
    if then == now_within:
        return []

    def describe(first: int | None) -> str:
        return "no keyed entry" if first is None else f"the keyed chain began at #{first}"

    return [
        f"up to #{checkpoint.seq} {describe(then)} according to {checkpoint.label(number)}, "
        f"but now {describe(now_within)}: entries were rewritten"
    ]


@dataclass
class CheckpointVerifyResult:
    ok: bool
    checked: int  # entries
    checkpoints: int
    problems: list[str] = field(default_factory=list)
    unkeyed: int = 0
    keyed_from: int | None = None


def read_checkpoints(path: Path, *, key: bytes) -> tuple[list[tuple[int, Checkpoint]], list[str]]:
    """Every checkpoint of the file with its line number, and the lines that cannot be trusted."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckpointFileError(f"cannot read the checkpoint file {path}: {exc}") from exc
    checkpoints: list[tuple[int, Checkpoint]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            checkpoints.append((number, parse_line(line, number=number, key=key)))
        except CheckpointError as exc:
            problems.append(str(exc))
    if not checkpoints and not problems:
        raise CheckpointFileError(f"the checkpoint file {path} holds no checkpoints")
    return checkpoints, problems


def verify_with_checkpoints(path: Path, *, key: bytes | None = None) -> CheckpointVerifyResult:
    """Check the whole chain, and that every checkpoint in `path` still matches it."""
    key = audit_key() if key is None else key
    checkpoints, problems = read_checkpoints(path, key=key)
    # Read in this order (file, head, walk): every checkpoint read was taken before this head, and the
    # walk (which reads the head again) covers at least up to it.
    head_seq = AuditChainHead.objects.filter(pk=1).values_list("seq", flat=True).first() or 0
    chain = audit_verify(key=key, collect={checkpoint.seq for _number, checkpoint in checkpoints})
    if not chain.ok:
        problems.insert(0, f"the chain is broken at entry #{chain.broken_seq}: {chain.reason}")
    previous: Checkpoint | None = None
    for number, checkpoint in checkpoints:
        if previous is not None and checkpoint.seq < previous.seq:
            problems.append(
                f"{checkpoint.label(number)} lies before the one above it (#{checkpoint.seq} < #{previous.seq})"
            )
        previous = checkpoint
        if checkpoint.seq and checkpoint.seq <= head_seq and checkpoint.seq not in chain.seen:
            continue  # past the chain's break: the chain's own problem says enough
        problems += _compare(checkpoint, number, head_seq=head_seq, mac_now=chain.seen.get(checkpoint.seq))
        if chain.ok:
            problems += _check_keyed_from(checkpoint, number, chain.keyed_from)
    return CheckpointVerifyResult(
        ok=not problems,
        checked=chain.checked,
        checkpoints=len(checkpoints),
        problems=problems,
        unkeyed=chain.unkeyed,
        keyed_from=chain.keyed_from,
    )


def _check_since(previous: Checkpoint, current: Checkpoint, key: bytes) -> None:
    """The previous checkpoint still matches, and the entries after it up to `current` are intact."""
    mac_now = (
        AuditEntry.objects.filter(seq=previous.seq).values_list("hash", flat=True).first() if previous.seq else None
    )
    problems = _compare(previous, None, head_seq=current.seq, mac_now=mac_now)
    if not problems:
        since = verify_range(
            after=previous.seq, after_hash=previous.mac, up_to=current.seq, keyed_from=previous.keyed_from, key=key
        )
        if not since.ok:
            problems.append(f"the chain is broken at entry #{since.broken_seq}: {since.reason}")
        else:
            problems += _check_keyed_from(previous, None, current.keyed_from)
    if problems:
        raise CheckpointError("; ".join(problems))


def _last_line(handle: IO[bytes]) -> str | None:
    """The file's last non-empty line (read from its end), or None for an empty file."""
    size = os.fstat(handle.fileno()).st_size
    handle.seek(max(0, size - _TAIL_BYTES))
    for line in reversed(handle.read().decode("utf-8", errors="replace").splitlines()):
        if line.strip():
            return line
    return None


@contextmanager
def _locked_for_append(path: Path) -> Iterator[IO[bytes]]:
    """The file opened for reading and appending (created with mode 0640), locked against a second writer."""
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o640)
    with os.fdopen(fd, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def write_checkpoint(path: Path | None, *, key: bytes | None = None) -> str:
    """Take a checkpoint, append its line to `path` (None: only the log) and return the line.

    With an earlier checkpoint in the file, that one must still match the chain, and the entries
    written since must be intact; otherwise nothing is written and `CheckpointError` says why."""
    key = audit_key() if key is None else key
    if path is None:
        line = take_checkpoint(key=key).line(key)
        logger.info("%s%s", LOG_PREFIX, line)
        return line
    try:
        with _locked_for_append(path) as handle:
            last = _last_line(handle)
            current = take_checkpoint(key=key)
            if last is not None:
                _check_since(parse_line(last, number=None, key=key), current, key)
            else:  # the file's first checkpoint: never sign a chain that is already broken
                chain = verify_range(up_to=current.seq, key=key)
                if not chain.ok:
                    raise CheckpointError(f"the chain is broken at entry #{chain.broken_seq}: {chain.reason}")
            line = current.line(key)
            handle.write(line.encode() + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise CheckpointFileError(f"cannot write the checkpoint file {path}: {exc}") from exc
    logger.info("%s%s", LOG_PREFIX, line)
    return line
