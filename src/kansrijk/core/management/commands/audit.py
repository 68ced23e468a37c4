"""`kansrijk audit verify`: walk the hash chain of the audit trail and report the first broken link."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.audit import audit_verify


class Command(BaseCommand):
    help = "Audit trail tools: `verify` checks the hash chain and reports the first broken link."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="Check every entry's hash and its link to the previous entry.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "verify":
            result = audit_verify()
            if result.ok:
                self.stdout.write(self.style.SUCCESS(f"audit trail intact: {result.checked} entries checked"))
                return
            raise CommandError(
                f"audit trail BROKEN at entry #{result.broken_seq}: {result.reason} "
                f"({result.checked} entries before it are intact)"
            )
