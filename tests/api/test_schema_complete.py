"""Every API response is documented: each operation of the live schema describes its errors in the one
error shape, and what it answers on success in a shape with named fields (never a bare object)."""

from __future__ import annotations

from typing import Any

from kansrijk.signalling.triage import CONDITIONS
from tests.api import support

METHODS = ("get", "post", "put", "patch", "delete")
ERRORS = ("400", "401", "403", "404", "429")
CONFLICT = "409"  # the state of the object: never for a read
ERROR_FIELDS = {"status", "code", "message", "details"}


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, item in sorted(spec["paths"].items())
        for method, operation in item.items()
        if method in METHODS
    ]


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        assert schema["$ref"].startswith("#/components/schemas/"), schema["$ref"]
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _json_schema(response: dict[str, Any]) -> dict[str, Any] | None:
    schema: dict[str, Any] | None = response.get("content", {}).get("application/json", {}).get("schema")
    return schema


def _is_error_shape(spec: dict[str, Any], schema: dict[str, Any] | None) -> bool:
    """`{"error": {"status", "code", "message", "details"}}`; an operation may add to it (the Vraagbaak's
    findings), never take away."""
    if schema is None:
        return False
    body = _resolve(spec, schema)
    if "error" not in body.get("required", []) or "error" not in body.get("properties", {}):
        return False
    error = _resolve(spec, body["properties"]["error"])
    return set(error.get("required", [])) >= ERROR_FIELDS and set(error.get("properties", {})) >= ERROR_FIELDS


def _is_bare(spec: dict[str, Any], schema: dict[str, Any] | None) -> bool:
    """No schema, an empty one (anything), or an object without named fields (also as the items of a list)."""
    if schema is None:
        return True
    schema = _resolve(spec, schema)
    if any(key in schema for key in ("allOf", "oneOf", "anyOf")):
        return False
    if schema.get("type") == "array":
        return _is_bare(spec, schema.get("items"))
    if schema.get("type") not in (None, "object"):
        return False
    return not schema.get("properties") and not schema.get("additionalProperties")


def missing_errors(spec: dict[str, Any]) -> list[str]:
    """Operations that leave out an error, or document it in another shape than the API's one error shape."""
    offending = []
    for name, operation in _operations(spec):
        expected = [*ERRORS, *([] if name.startswith("GET ") else [CONFLICT])]
        responses = operation.get("responses", {})
        wrong = [code for code in expected if not _is_error_shape(spec, _json_schema(responses.get(code, {})))]
        if wrong:
            offending.append(f"{name}: {', '.join(wrong)}")
    return offending


def undocumented_successes(spec: dict[str, Any]) -> list[str]:
    """Operations whose success answer (2xx, except 204 No Content) has no shape with named fields."""
    offending = []
    for name, operation in _operations(spec):
        successes = {code: r for code, r in operation.get("responses", {}).items() if code.startswith("2")}
        if not successes:
            offending.append(f"{name}: no success response")
        for code, response in sorted(successes.items()):
            if code != "204" and _is_bare(spec, _json_schema(response)):
                offending.append(f"{name}: {code}")
    return offending


def test_every_operation_documents_its_errors_in_the_one_error_shape():
    spec = support.live_schema()
    assert len(_operations(spec)) > 40
    offending = missing_errors(spec)
    assert not offending, "Errors not documented in the one error shape:\n" + "\n".join(offending)


def test_every_success_response_has_a_documented_shape():
    offending = undocumented_successes(support.live_schema())
    assert not offending, "Success responses without a documented shape:\n" + "\n".join(offending)


def test_the_checks_find_what_they_look_for():
    """The checks themselves, on a small schema with one operation of each kind of gap."""
    error = {"$ref": "#/components/schemas/ApiErrorBody"}
    errors = {code: {"content": {"application/json": {"schema": error}}} for code in (*ERRORS, CONFLICT)}
    bare = {"type": "object", "additionalProperties": {}}
    spec: dict[str, Any] = support.live_schema()
    spec["paths"] = {
        "/fine/": {
            "get": {"responses": {"200": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"a": {"type": "string"}}}}}}, **errors}},
            "delete": {"responses": {"204": {}, **errors}},
        },
        "/bare/": {"get": {"responses": {"200": {"content": {"application/json": {"schema": bare}}}, **errors}}},
        "/bare-list/": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "type": "array", "items": bare}}}}, **errors}}},
        "/nothing/": {"post": {"responses": {"201": {}, **errors}}},
        "/no-conflict/": {"post": {"responses": {"201": {"content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/ApiErrorBody"}}}}, **{c: errors[c] for c in ERRORS}}}},
        "/other-shape/": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "type": "string"}}}}, **errors, "404": {"content": {"application/json": {"schema": bare}}}}}},
    }  # fmt: skip
    assert missing_errors(spec) == ["POST /no-conflict/: 409", "GET /other-shape/: 404"]
    assert undocumented_successes(spec) == ["GET /bare-list/: 200", "GET /bare/: 200", "POST /nothing/: 201"]


def test_the_triage_rules_document_every_condition_they_can_have():
    """The route answers each rule's conditions as they are written in the rules file; the schema names each
    one the rules may use, so that a new condition is documented (and answered) too."""
    conditions = support.live_schema()["components"]["schemas"]["TriageConditions"]
    assert set(conditions["properties"]) == CONDITIONS
    assert not conditions.get("required")
