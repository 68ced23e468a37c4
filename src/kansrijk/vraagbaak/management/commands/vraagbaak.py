"""`kansrijk vraagbaak ...`: the GKS Vraagbaak on the command line.

check-anonymity FILE [--json]   check a question's text for personal data ("-" reads standard input);
                                exit status 0 when clean, 1 when something was found, 2 on a bad file
                                or a text longer than 10,000 characters
build-guard-cache               build the anonymity guard's derived structures in var/cache/vraagbaak-guard/
                                (deduce's lookup tries, word counts), so that the first check starts fast
demo                            the fictional demo questions and members (dev settings only; idempotent)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.demo_guard import require_demo_allowed
from kansrijk.vraagbaak.models import GUARD_MAX_CHARS


class Command(BaseCommand):
    help = "The GKS Vraagbaak: check a question for personal data; load the demo."
    # Django's system checks import every URLconf and the API schema (seconds); a check needs none of them.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check-anonymity", help="Check a text file for personal data (names, BSN, ...).")
        check.add_argument("file", help='a UTF-8 text file, or "-" for standard input')
        check.add_argument(
            "--json", action="store_true", help='Print {"findings": [{"kind", "text", "start", "end"}]}.'
        )
        sub.add_parser("build-guard-cache", help="Build the anonymity guard's cache (run after install or upgrade).")
        sub.add_parser("demo", help="Load the fictional demo questions and members (dev settings only; idempotent).")

    def handle(self, *args: Any, **options: Any) -> None:
        action: str = options["action"]
        getattr(self, "_" + action.replace("-", "_"))(options)

    # --- check-anonymity ----------------------------------------------------------------------------

    def _check_anonymity(self, options: dict[str, Any]) -> None:
        from kansrijk.vraagbaak import anonymity
        from kansrijk.vraagbaak.anonymity import allowed_names

        text = _read(options["file"])
        if len(text) > GUARD_MAX_CHARS:
            raise CommandError(
                f"{options['file']} is te lang: maximaal {GUARD_MAX_CHARS} tekens, nu {len(text)} "
                f"(too long: at most {GUARD_MAX_CHARS} characters)",
                returncode=2,
            )
        findings = anonymity.check(text, allowed=allowed_names())
        if options["json"]:
            payload = {"findings": [{"kind": f.kind, "text": f.text, "start": f.start, "end": f.end} for f in findings]}
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
        else:
            for f in findings:
                self.stdout.write(f"{f.kind}\t{f.start}-{f.end}\t{f.text}")
        self.stdout.flush()
        if findings:
            sys.exit(1)

    # --- build-guard-cache ---------------------------------------------------------------------------

    def _build_guard_cache(self, options: dict[str, Any]) -> None:
        from kansrijk.vraagbaak.anonymity import diskcache, warm

        warm()
        self.stdout.write(f"Anonymity guard cache: {diskcache.folder()}")

    # --- demo -------------------------------------------------------------------------------------------

    def _demo(self, options: dict[str, Any]) -> None:
        from kansrijk.vraagbaak.demo import demo_load

        require_demo_allowed()
        added = demo_load()
        self.stdout.write(f"Vraagbaak demo: {added} questions added (fictional).")


def _read(name: str) -> str:
    """The file's text as UTF-8; a CommandError with exit status 2 when it cannot be read."""
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise CommandError(f"Kan {name} niet lezen: {error.strerror or error}", returncode=2) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(f"{name} is geen UTF-8-tekst (byte {error.start})", returncode=2) from error
