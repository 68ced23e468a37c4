"""What the API fuzzing found, pinned down: the errors every operation documents, the audit log's filters
as real query parameters (a wrong value is a 400, never a 5xx), and the Kaart's opening hours in the shape
the schema promises."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

import pytest
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.kaart.tests.factories import make_service
from kansrijk.vraagbaak.tests import factories as vraagbaak_factories
from tests.api import support

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
schema = support.load()


def _call(wsgi_app: Any, path: str, method: str = "GET", headers: dict[str, str] | None = None, **parts: Any) -> Any:
    """Call one operation of the live schema and check the answer against it; returns the response."""
    case = schema[path][method].Case(**parts)
    response = case.call(app=wsgi_app, headers=headers or {})
    case.validate_response(response, checks=CHECKS, headers=headers or {})
    return response


def test_every_operation_documents_the_error_shape_for_its_errors():
    spec = support.live_schema()
    body = spec["components"]["schemas"]["ApiErrorBody"]
    assert body["required"] == ["error"]
    error = spec["components"]["schemas"]["ApiError"]
    assert set(error["required"]) == {"status", "code", "message", "details"}
    methods = ("get", "post", "put", "patch", "delete")
    operations = [(path, m, op) for path, item in spec["paths"].items() for m, op in item.items() if m in methods]
    assert len(operations) > 40
    for path, method, operation in operations:
        expected = {"400", "401", "403", "404", "429"} | ({"409"} if method != "get" else set())
        assert expected <= set(operation["responses"]), f"{method.upper()} {path}"
        for code in expected:
            content = operation["responses"][code]["content"]["application/json"]["schema"]
            # The Vraagbaak describes its own 400 (with the guard's findings) and keeps it.
            assert content["$ref"].startswith("#/components/schemas/"), f"{method.upper()} {path} {code}"
    own_400 = spec["paths"]["/api/v1/vraagbaak/vragen/"]["post"]["responses"]["400"]
    assert own_400["content"]["application/json"]["schema"]["$ref"].endswith("/VraagbaakPersonalDataError")
    assert spec["paths"]["/api/v1/mij/"]["get"]["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ApiErrorBody"
    }


def test_an_error_answer_matches_the_documented_error_shape(wsgi_app):
    response = _call(wsgi_app, "/api/v1/mij/")  # no token: 401
    assert response.status_code == 401
    response = _call(wsgi_app, "/api/v1/mij/", headers={"Authorization": "Token not-a-real-token"})
    assert response.status_code == 401
    response = _call(wsgi_app, "/api/kaart/services/", query={"page": 999})
    assert response.status_code == 404


def test_the_audit_log_documents_its_filters_as_query_parameters():
    operation = support.live_schema()["paths"]["/api/v1/auditlog/"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert {"object_type", "object_id", "actor_id", "action", "date_from", "date_to", "page"} <= set(parameters)
    assert parameters["actor_id"]["schema"]["type"] == "integer"
    assert set(parameters["action"]["schema"]["enum"]) >= set(AuditAction.values)
    assert parameters["date_from"]["schema"] == {"type": "string", "format": "date"}


@pytest.fixture
def beheerder(make_user: Callable[..., User]) -> dict[str, str]:
    return support.token_headers(make_user(Role.BEHEERDER, with_totp=True))


def test_the_audit_log_filters_and_refuses_wrong_values_with_a_400(wsgi_app, beheerder, make_user):
    someone = make_user(Role.PROFESSIONAL)
    for actor_id in ("99999999999999999999", "abc", "0", "-3"):
        # A number past the database's integer once made a 500.
        response = _call(wsgi_app, "/api/v1/auditlog/", headers=beheerder, query={"actor_id": actor_id})
        assert response.status_code == 400, actor_id
        assert "actor_id" in response.json()["error"]["details"]
    for wrong in ({"action": "peek"}, {"date_from": "gisteren"}, {"object_type": "x" * 101}):
        response = _call(wsgi_app, "/api/v1/auditlog/", headers=beheerder, query=wrong)
        assert response.status_code == 400, wrong
    response = _call(wsgi_app, "/api/v1/auditlog/", headers=beheerder, query={"actor_id": someone.pk})
    assert response.status_code == 200
    expected = AuditEntry.objects.filter(actor_id=someone.pk).count()
    assert response.json()["count"] == expected
    response = _call(
        wsgi_app,
        "/api/v1/auditlog/",
        headers=beheerder,
        query={"action": "create", "date_from": "2000-01-01", "date_to": "2999-12-31"},
    )
    assert response.status_code == 200
    assert {entry["action"] for entry in response.json()["results"]} == {"create"}


def test_the_kaart_gives_opening_hours_as_hh_mm_as_documented(wsgi_app):
    service = make_service(
        "Inloop Oost",
        hours=[("MO,TU", time(9, 0), time(17, 30))],
        phone_hours=[("WE", time(8, 15), time(12, 0))],
        phone="020-0000000",
        postal_code="1091 AA",
    )
    listing = _call(wsgi_app, "/api/kaart/services/").json()
    schedules = listing["results"][0]["schedules"]
    assert {(s["opens_at"], s["closes_at"]) for s in schedules} == {("09:00", "17:30"), ("08:15", "12:00")}
    _call(wsgi_app, "/api/kaart/services/{id}/", path_parameters={"id": str(service.pk)})
    _call(wsgi_app, "/api/kaart/locations/")
    _call(wsgi_app, "/api/kaart/organizations/{id}/", path_parameters={"id": str(service.organization_id)})


def test_a_path_that_matches_no_route_under_api_is_a_json_404(wsgi_app, client):
    # A letter where the route wants a number, a dot where the router wants none: Django's HTML page before.
    for path, pk in (("/api/v1/gezinnen/{id}/", "abc"), ("/api/kaart/locations/{id}/", "0.5")):
        response = _call(wsgi_app, path, path_parameters={"id": pk})
        assert response.status_code == 404
        assert response.json()["error"]["message"]["en"] == "Not found."
    page = client.get("/kaart/bestaat-niet/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_the_vraagbaak_400_for_an_empty_field_matches_its_documented_shape(wsgi_app, make_user):
    user = make_user(Role.PROFESSIONAL, with_totp=True)
    vraagbaak_factories.member(user=user)
    headers = support.token_headers(user)
    body = {"title": "", "text": ""}
    response = _call(wsgi_app, "/api/v1/vraagbaak/vragen/", "POST", headers, body=body, media_type="application/json")
    assert response.status_code == 400 and "findings" not in response.json()
