"""The fictional demo map: data/demo/demo_kaart.json is its versioned source (HSDS JSON, docs/kaart-hsds.md),
read and checked by the same importer as any map file (data/demo/README.md)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.db.models import Q

from kansrijk.accounts.models import Organisation
from kansrijk.kaart import exchange
from kansrijk.kaart.models import KaartOrganization
from kansrijk.kaart.services import ApplyResult, kaart_import_apply, kaart_version_bump

DEMO_MAP = Path(__file__).resolve().parent / "data" / "demo" / "demo_kaart.json"
# The demo editor (redacteur@demo.kansrijk.test) works for the programme team, which keeps the
# entries of organisations without their own Kansrijk account current.
DEFAULT_EDITORS = "GGD Amsterdam - programmateam GKS (demo)"


def load_demo_map(path: Path | None = None) -> ApplyResult:
    """Load (or refresh) the demo map; idempotent. Raises ValueError if the file has any problem."""
    batch = exchange.read_file(path or DEMO_MAP)
    if batch.problems:
        raise ValueError("The demo map is invalid:\n" + "\n".join(str(p) for p in batch.problems))
    result = kaart_import_apply(batch=batch)
    assign_demo_editors()
    return result


def assign_demo_editors() -> None:
    """A demo Kaart organisation is kept current by the demo Kansrijk organisation of the same name,
    or else by the programme team (when the accounts demo is loaded). Run again after more demo
    organisations exist (the family-file demo makes the buurtteams), an organisation the programme team
    held moves to its namesake."""
    by_name = {o.name: o for o in Organisation.objects.filter(is_demo=True)}
    default = by_name.get(DEFAULT_EDITORS)
    unassigned = Q(managed_by__isnull=True) | Q(managed_by=default) if default else Q(managed_by__isnull=True)
    with transaction.atomic():
        for organization in KaartOrganization.objects.filter(unassigned, is_demo=True):
            managed_by = by_name.get(organization.name, default)
            if managed_by != organization.managed_by:
                organization.managed_by = managed_by
                organization.save(update_fields=["managed_by"])
        kaart_version_bump()
