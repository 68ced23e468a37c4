"""`kansrijk kaart ...`: the Gezonde en Kansrijke Kaart on the command line.

search "QUERY" [--json] [--limit N] [--lexical]   search as the public page does
import FILE [--partial] [--dry-run]                HSDS JSON or CSV, checked first, all-or-nothing
export FILE                                        the whole map as HSDS JSON ("-" for stdout)
demo                                               the fictional demo map (dev settings only)
reindex                                            build the search index and its embeddings now
taxonomy [--file F]                                reload the hulpvraag/fase/doelgroep taxonomy
flyer --stadsdeel F [--hulpvraag C] [--lang nl|en] -o FILE.pdf
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kansrijk.core.demo_guard import require_demo_allowed
from kansrijk.kaart import demo, exchange, services
from kansrijk.kaart.records import ImportBatch


class Command(BaseCommand):
    help = "The Gezonde en Kansrijke Kaart: search, import, export, demo data, index, taxonomy, flyers."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        search = sub.add_parser("search", help="Search the map as the public page does.")
        search.add_argument("query")
        search.add_argument("--json", action="store_true", help="Print JSON (see docs/kaart-hsds.md).")
        search.add_argument("--limit", type=int, default=10)
        search.add_argument("--lexical", action="store_true", help="Words only, without the embedding model.")
        imp = sub.add_parser("import", help="Import an HSDS JSON document or a CSV sheet.")
        imp.add_argument("file", type=Path)
        imp.add_argument("--partial", action="store_true", help="Import the valid rows and skip the bad ones.")
        imp.add_argument("--dry-run", action="store_true", help="Only check the file; change nothing.")
        exp = sub.add_parser("export", help="Write the whole map as HSDS JSON.")
        exp.add_argument("file", help='a path, or "-" for standard output')
        sub.add_parser("demo", help="Load the fictional demo map (dev settings only; idempotent).")
        sub.add_parser("reindex", help="Build the search index now, computing missing embeddings.")
        tax = sub.add_parser("taxonomy", help="Reload the taxonomy file (idempotent).")
        tax.add_argument("--file", type=Path, default=None)
        flyer = sub.add_parser("flyer", help="An A4 PDF flyer of the help in one stadsdeel.")
        flyer.add_argument("--stadsdeel", required=True, help="code or name, e.g. F or Nieuw-West")
        flyer.add_argument("--hulpvraag", default=None, help="one hulpvraag code, e.g. babyspullen")
        flyer.add_argument("--lang", choices=("nl", "en"), default="nl")
        flyer.add_argument("-o", "--output", type=Path, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        getattr(self, f"_{action}")(options)

    # --- search -----------------------------------------------------------------------------------

    def _search(self, options: dict[str, Any]) -> None:
        from kansrijk.kaart.api.serializers import KaartSearchSerializer
        from kansrijk.kaart.search import kaart_search

        if options["limit"] < 1 or options["limit"] > 100:
            raise CommandError("--limit must be between 1 and 100")
        result = kaart_search(
            query=options["query"], limit=options["limit"], mode="lexical" if options["lexical"] else "hybrid"
        )
        if options["json"]:
            self.stdout.write(json.dumps(KaartSearchSerializer(result).data, ensure_ascii=False, indent=2))
            return
        chips = ", ".join(chip.label for chip in result.understood.chips) or "-"
        self.stdout.write(f"Begrepen: {chips}")
        self.stdout.write(f"{len(result.results)} van {result.candidates} ({result.seconds * 1000:.0f} ms)")
        for number, item in enumerate(result.results, start=1):
            self.stdout.write(f"{number:2}. {item.service.name} — {item.service.organization.name}")
            if item.why:
                self.stdout.write(f"    {' · '.join(item.why)}")

    # --- import / export --------------------------------------------------------------------------

    def _report(self, batch: ImportBatch) -> None:
        self.stdout.write(f"{batch.source}: {batch.rows} rows/services read, {len(batch.services)} valid")
        for problem in batch.problems:
            self.stdout.write(self.style.ERROR(f"  {problem}"))

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        batch = exchange.read_file(path)
        self._report(batch)
        if options["dry_run"]:
            if batch.problems:
                raise CommandError(f"{len(batch.problems)} problems; nothing imported (dry run).")
            self.stdout.write(self.style.SUCCESS("The file is valid (dry run: nothing imported)."))
            return
        if batch.problems and not options["partial"]:
            raise CommandError(
                f"{len(batch.problems)} problems; nothing imported. Fix them, or use --partial to import "
                "only the valid rows."
            )
        with tqdm(total=len(batch.services), desc="import", unit="service", file=sys.stderr) as bar:
            result = services.kaart_import_apply(
                batch=batch, partial=options["partial"], progress=lambda _n: bar.update(1)
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} new and {result.updated} updated services, "
                f"{result.organizations} organisations, {result.locations} locations."
            )
        )
        if result.skipped:
            self.stdout.write(self.style.WARNING(f"Skipped {len(result.skipped)}: {', '.join(result.skipped)}"))
        self._reindex(options)

    def _export(self, options: dict[str, Any]) -> None:
        document = exchange.export_document()
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if options["file"] == "-":
            self.stdout.write(text)
            return
        Path(options["file"]).write_text(text + "\n", encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"{len(document['services'])} services written to {options['file']}"))

    # --- demo, index, taxonomy, flyer ---------------------------------------------------------------

    def _demo(self, options: dict[str, Any]) -> None:
        require_demo_allowed()
        result = demo.load_demo_map()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo map loaded (fictional, marked as demo): {result.created + result.updated} services "
                f"from {result.organizations} organisations."
            )
        )
        self._reindex(options)

    def _reindex(self, options: dict[str, Any]) -> None:
        from kansrijk.kaart.search import build_bundle

        bundle = build_bundle()
        semantic = "on" if bundle.index.embedder is not None else "off (lexical only)"
        self.stdout.write(
            f"Search index: {len(bundle.services)} services in {bundle.built_seconds:.1f} s "
            f"({bundle.embedded} embedded now; semantic search {semantic})."
        )

    def _taxonomy(self, options: dict[str, Any]) -> None:
        try:
            result = services.taxonomy_load(path=options["file"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Taxonomy {result.version}: {result.terms} terms, {result.languages} languages, "
                f"{result.retired} retired."
            )
        )

    def _flyer(self, options: dict[str, Any]) -> None:
        from kansrijk.kaart.flyers import FlyerRequest, flyer_pdf

        try:
            pdf = flyer_pdf(
                FlyerRequest(stadsdeel=options["stadsdeel"], hulpvraag=options["hulpvraag"], language=options["lang"])
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        options["output"].write_bytes(pdf)
        self.stdout.write(self.style.SUCCESS(f"Flyer written to {options['output']} ({len(pdf) // 1024} kB)."))
