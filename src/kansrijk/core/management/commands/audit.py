"""`kansrijk audit verify|checkpoint`: check the audit trail's keyed chain, and pin its head outside the database.

Exit codes: 0 intact; 1 the chain or a checkpoint does not match (tampering, or another key);
2 the checkpoint file cannot be read or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.audit import audit_verify
from kansrijk.core.audit_checkpoint import (
    CheckpointError,
    CheckpointFileError,
    verify_with_checkpoints,
    write_checkpoint,
)

BROKEN = 1
UNREADABLE = 2


class Command(BaseCommand):
    help = (
        "Audit trail tools: `verify` checks the keyed chain (and with --checkpoint that every checkpoint "
        "still matches); `checkpoint` appends the chain's head to a file kept outside the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="Check every entry's MAC and its link to the previous entry.")
        verify.add_argument(
            "--checkpoint",
            metavar="FILE",
            type=Path,
            help="also check every checkpoint in FILE (written by `audit checkpoint`, or log lines holding them)",
        )
        checkpoint = sub.add_parser(
            "checkpoint",
            help="Append the chain's head (signed) to FILE and print it; checks the entries since the last one.",
        )
        checkpoint.add_argument(
            "--file",
            metavar="FILE",
            type=Path,
            help="the append-only checkpoint file (default: AUDIT_CHECKPOINT_FILE; without either: print and log only)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "checkpoint":
            self._checkpoint(options["file"])
        elif options["checkpoint"] is not None:
            self._verify_with_checkpoints(options["checkpoint"])
        else:
            self._verify()

    def _verify(self) -> None:
        result = audit_verify()
        if not result.ok:
            raise CommandError(
                f"audit trail BROKEN at entry #{result.broken_seq}: {result.reason} "
                f"({result.checked} entries before it are intact)",
                returncode=BROKEN,
            )
        self.stdout.write(self.style.SUCCESS(f"audit trail intact: {result.checked} entries checked"))
        self._unkeyed_note(result.unkeyed)

    def _verify_with_checkpoints(self, path: Path) -> None:
        try:
            result = verify_with_checkpoints(path)
        except CheckpointFileError as exc:
            raise CommandError(str(exc), returncode=UNREADABLE) from exc
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(f"- {problem}")
            raise CommandError(
                f"audit trail BROKEN: {len(result.problems)} problem(s) against the chain of {result.checked} "
                f"entries and {result.checkpoints} checkpoint(s) in {path}",
                returncode=BROKEN,
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"audit trail intact: {result.checked} entries checked, {result.checkpoints} checkpoint(s) match"
            )
        )
        self._unkeyed_note(result.unkeyed)

    def _unkeyed_note(self, unkeyed: int) -> None:
        if unkeyed:
            self.stdout.write(
                f"entries #1 to #{unkeyed} were written before the keyed chain (unkeyed SHA-256; the keyed entries "
                "after them protect them; this number must never grow)"
            )

    def _checkpoint(self, path: Path | None) -> None:
        if path is None and settings.KANSRIJK_AUDIT_CHECKPOINT_FILE:
            path = Path(settings.KANSRIJK_AUDIT_CHECKPOINT_FILE)
        try:
            line = write_checkpoint(path)
        except CheckpointFileError as exc:
            raise CommandError(f"no checkpoint written: {exc}", returncode=UNREADABLE) from exc
        except CheckpointError as exc:
            raise CommandError(f"no checkpoint written: {exc}", returncode=BROKEN) from exc
        self.stdout.write(line)
