"""Phrases the anonymity guard must allow because the site knows them: organisation names from the
database (accounts' organisations and the Kaart's organisations). Kept apart from `anonymity` so that
the guard itself stays free of database access."""

from __future__ import annotations

import logging

from django.db import DatabaseError

logger = logging.getLogger(__name__)


def allowed_names() -> frozenset[str]:
    """Organisation names known to the site; empty when the database is not reachable or not migrated."""
    from kansrijk.accounts.models import Organisation
    from kansrijk.kaart.models import KaartOrganization

    names: set[str] = set()
    try:
        names.update(Organisation.objects.values_list("name", flat=True))
    except DatabaseError:
        logger.info("vraagbaak.anonymity: no organisation names from accounts (database not ready)")
    try:
        for name, alternate in KaartOrganization.objects.values_list("name", "alternate_name"):
            names.update((name, alternate))
    except DatabaseError:
        logger.info("vraagbaak.anonymity: no organisation names from the Kaart (database not ready)")
    return frozenset(name.strip() for name in names if name and name.strip())
