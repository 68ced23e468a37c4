"""API fuzzing (schemathesis): every operation of the live OpenAPI schema, with generated valid and invalid
input, signed in with an API token as one of the roles (or anonymously), against the demo data.

Each answer must not be a 5xx and must conform to the schema: a documented status code, a documented
content type, and a body that matches the documented shape. The number of examples per operation is
`KANSRIJK_FUZZ_EXAMPLES` (default 20, derandomized so CI sees the same requests every run); `make bench`
runs it on PostgreSQL with 100 and adds schemathesis' boundary cases as every role (`KANSRIJK_FUZZ_COVERAGE=1`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kansrijk.accounts import demo as accounts_demo
from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.dossier.demo import dossier_demo_load
from kansrijk.kaart.demo import load_demo_map
from kansrijk.vraagbaak import demo as vraagbaak_demo
from tests.api import support

EXAMPLES = int(os.environ.get("KANSRIJK_FUZZ_EXAMPLES", "20"))
# schemathesis' boundary cases (every parameter at its limits, each one wrong in turn), sent as every role:
# many requests per operation, so only the longer run in `make bench` has them.
BOUNDARIES = os.environ.get("KANSRIJK_FUZZ_COVERAGE", "") == "1"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Anonymous too: public operations must work without a token, the others must say 401 in the error shape.
ROLES: list[Role | None] = [None, *Role]
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# Generated requests, valid and invalid, each sent as one role that hypothesis draws along with it.
schema = support.load()
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
schema.config.phases.coverage.enabled = False
# The boundary cases, each sent as every role.
boundaries = support.load()
boundaries.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
boundaries.config.phases.fuzzing.enabled = False
boundaries.config.phases.coverage.enabled = True


def demo_account(role: Role) -> User:
    email = next(spec.email for spec in accounts_demo.USERS if spec.role == role)
    return User.objects.get(email=email)


@pytest.fixture(scope="module")
def tokens(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[Role | None, dict[str, str]]]:
    """The demo data of `make run` (accounts, Kaart, a few families with referrals, the Vraagbaak) and one
    API token per role; loaded once for the module inside a transaction that is rolled back at the end
    (each test then runs in a savepoint of it). Search runs lexical only: the embedder is not what is tested."""
    with django_db_blocker.unblock(), override_settings(KANSRIJK_SEARCH_EMBEDDER="none"), transaction.atomic():
        accounts_demo.demo_load()
        load_demo_map()
        dossier_demo_load(generated=3)
        vraagbaak_demo.demo_load()
        headers = {role: support.token_headers(demo_account(role)) if role else {} for role in ROLES}
        yield headers
        transaction.set_rollback(True)


def _check(case: schemathesis.Case[Any], wsgi_app: Any, role: Role | None, headers: dict[str, str]) -> None:
    response = case.call(app=wsgi_app, headers=headers)
    try:
        case.validate_response(response, checks=CHECKS, headers=headers)
    except Exception as failure:
        failure.add_note(f"Signed in as: {role.value if role else 'nobody (anonymous)'}")
        raise


@schema.parametrize()
@schema.given(role=st.sampled_from(ROLES))
@SETTINGS
def test_every_operation_answers_as_documented(
    case: schemathesis.Case[Any], role: Role | None, tokens: dict[Role | None, dict[str, str]], wsgi_app: Any, db: None
) -> None:
    _check(case, wsgi_app, role, tokens[role])


if BOUNDARIES:  # defined for the long run only, so the usual run lists no skipped operations

    @boundaries.parametrize()
    @SETTINGS
    def test_every_operation_answers_boundary_cases_as_documented_for_every_role(
        case: schemathesis.Case[Any], tokens: dict[Role | None, dict[str, str]], wsgi_app: Any, db: None
    ) -> None:
        for role, headers in tokens.items():
            _check(case, wsgi_app, role, headers)
