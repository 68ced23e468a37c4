from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection

from kansrijk.core import audit_db_guard


@pytest.fixture
def committed_database(transactional_db: None) -> Iterator[None]:
    """Committed data (for tests with two connections at once) with the audit trail's append-only guard
    in place; lifted afterwards only so that the transactional test can empty the tables (pytest-django
    runs these tests after the others)."""
    audit_db_guard.install(connection)
    yield
    audit_db_guard.lift(connection)
