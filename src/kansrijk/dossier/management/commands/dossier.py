"""`kansrijk dossier ...`: the family file on the command line.

demo [--generated N]   the fictional demo families of dossier/data/demo/*.yaml (dev settings only; idempotent;
                       needs `kansrijk demo` first)
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kansrijk.core.demo_data import DemoDataError
from kansrijk.core.demo_guard import require_demo_allowed
from kansrijk.dossier.demo import DemoAccountsMissingError, DossierDemoReport, dossier_demo_load

MAX_GENERATED = 5000


class Command(BaseCommand):
    help = "The family file: load the fictional demo families (dev settings only)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        demo = sub.add_parser("demo", help="Load the fictional demo families (dev settings only; idempotent).")
        demo.add_argument(
            "--generated",
            type=int,
            default=200,
            help="How many families to generate besides the three of the domain brief (default 200).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _demo(self, options: dict[str, Any]) -> None:
        require_demo_allowed()
        generated = options["generated"]
        if not 0 <= generated <= MAX_GENERATED:
            raise CommandError(f"--generated must be between 0 and {MAX_GENERATED}.")
        started = time.monotonic()
        try:
            report = dossier_demo_load(generated=generated)
        except (DemoAccountsMissingError, DemoDataError) as error:
            raise CommandError(str(error)) from error
        if report.skipped:
            self.stdout.write("Demo families are there already: nothing loaded.")
            return
        self._print(report, time.monotonic() - started)

    def _print(self, report: DossierDemoReport, seconds: float) -> None:
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo families loaded (fictional, marked as demo) in {seconds:.1f} s: {report.families} families "
                f"(the 3 of the domain brief and {report.generated} generated)."
            )
        )
        self.stdout.write(
            f"  {report.caregivers} parents and caregivers, {report.children} children, "
            f"{report.assessments} assessments, {report.open_tasks} open tasks ({report.overdue_tasks} late), "
            f"{report.regie_assignments} with a regiehouder, {report.meldcode_tracks} meldcode tracks, "
            f"{report.referrals} referrals."
        )
        self.stdout.write(
            f"  {report.professionals} demo professionals made; {report.regiehouders} regiehouders in the pool."
        )
        for title, counts in (
            ("care level", report.by_level),
            ("phase", report.by_phase),
            ("stadsdeel", report.by_stadsdeel),
        ):
            listed = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
            self.stdout.write(f"  By {title}: {listed}")
        self.stdout.write(
            "  Log in as professional@ or regiehouder@demo.kansrijk.test (see `kansrijk demo`) to see their work."
        )
