"""Support for the API tests: the live OpenAPI schema for schemathesis, and API tokens."""

from __future__ import annotations

import json
from typing import Any

import schemathesis
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from kansrijk.accounts import services as account_services
from kansrijk.accounts.models import User


def live_schema() -> dict[str, Any]:
    """The schema exactly as /api/schema/ serves it (drf-spectacular), as plain JSON."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    rendered: dict[str, Any] = json.loads(OpenApiJsonRenderer().render(generated))
    return rendered


def load() -> Any:
    """The live schema for schemathesis; the tests send only the credentials they choose."""
    schema = schemathesis.openapi.from_dict(live_schema())
    schema.config.generation.update(with_security_parameters=False)
    return schema


def api_token(user: User) -> str:
    """A new API token for `user`, made the way the account page makes one after the two-step login.

    The only place in the API tests that knows how tokens are made: adapt it when the token model changes."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]  # the session passed the second factor
    return str(account_services.api_token_create(user=user, name="API-tests"))


def token_headers(user: User) -> dict[str, str]:
    return {"Authorization": f"Token {api_token(user)}"}
