"""`kansrijk geo load` and `kansrijk geo lookup POSTCODE`: the gebiedsindeling on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kansrijk.geo.loader import AreaCounts
from kansrijk.geo.selectors import area_for_postcode
from kansrijk.geo.services import geo_load_fixture


class Command(BaseCommand):
    help = (
        "Amsterdam geography: `load` (re)loads the gebiedsindeling file, "
        "`lookup POSTCODE` shows the stadsdeel and gebied of a postcode."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Validate and load the gebiedsindeling file (idempotent).")
        load.add_argument("--file", type=Path, default=None, help="Load this file instead of the packaged one.")
        lookup = sub.add_parser("lookup", help="Show the stadsdeel and gebied of a postcode (1102, 1102 AB).")
        lookup.add_argument("postcode", nargs="+", help="The postcode; '1102 AB' may also be given unquoted.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load(options["file"])
        else:
            self._lookup(" ".join(options["postcode"]))

    def _load(self, path: Path | None) -> None:
        try:
            result = geo_load_fixture(path=path)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(_("Gebiedsindeling %(version)s geladen.") % {"version": result.version}))
        for label, counts in (
            (_("stadsdelen"), result.stadsdelen),
            (_("gebieden"), result.gebieden),
            (_("wijken"), result.wijken),
            (_("postcodes"), result.postcodes),
        ):
            self.stdout.write(f"  {label}: {self._describe(counts)}")

    @staticmethod
    def _describe(counts: AreaCounts) -> str:
        text = _(
            "%(total)d in het bestand (%(created)d nieuw, %(updated)d gewijzigd, %(unchanged)d ongewijzigd), "
            "%(deleted)d verwijderd"
        ) % {
            "total": counts.in_file,
            "created": counts.created,
            "updated": counts.updated,
            "unchanged": counts.unchanged,
            "deleted": counts.deleted,
        }
        if counts.kept_referenced:
            text += ", " + _("%(kept)d niet meer in het bestand maar nog in gebruik en bewaard") % {
                "kept": counts.kept_referenced
            }
        return text

    def _lookup(self, postcode: str) -> None:
        try:
            area = area_for_postcode(postcode=postcode)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if area is None:
            raise CommandError(
                _("Postcode %(postcode)s staat niet in de Amsterdamse gebiedsindeling.")
                % {"postcode": postcode.strip()}
            )
        line = _("%(pc4)s: stadsdeel %(stadsdeel)s (%(stadsdeel_code)s)") % {
            "pc4": area.pc4,
            "stadsdeel": area.stadsdeel_naam,
            "stadsdeel_code": area.stadsdeel_code,
        }
        if area.gebied_code is not None:
            line += ", " + _("gebied %(gebied)s (%(gebied_code)s)") % {
                "gebied": area.gebied_naam,
                "gebied_code": area.gebied_code,
            }
        if area.straddles:
            line += " " + _("(deze postcode ligt ook voor een deel in andere gebieden)")
        self.stdout.write(line)
