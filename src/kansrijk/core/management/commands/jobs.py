"""`kansrijk jobs sync`: make the worker's schedule match the jobs declared in code."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kansrijk.core.services import schedules_sync


class Command(BaseCommand):
    help = "Background job tools: `sync` registers the scheduled jobs (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("sync", help="Create or update the schedule of every declared job.")

    def handle(self, *args: Any, **options: Any) -> None:
        names = schedules_sync()
        self.stdout.write(f"scheduled jobs: {', '.join(names)}")
