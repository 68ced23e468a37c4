"""OpenAPI description of the API: the authentication classes (drf-spectacular extensions) and the
errors every operation can answer (`AutoSchema`, the REST framework's `DEFAULT_SCHEMA_CLASS`)."""

from typing import Any

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class VerifiedSessionScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "kansrijk.core.api_auth.VerifiedSessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "A browser session that passed the second factor (two-step login).",
        }


class ExpiringTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    target_class = "kansrijk.core.api_auth.ExpiringTokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`; made on the account page after the two-step login; valid 30 days.",
        }


# --- errors ----------------------------------------------------------------------------------------------


class ApiErrorMessageSerializer(serializers.Serializer[Any]):
    nl = serializers.CharField(help_text="The message in Dutch (B1).")
    en = serializers.CharField(help_text="The message in English.")


class ApiErrorSerializer(serializers.Serializer[Any]):
    status = serializers.IntegerField(help_text="The HTTP status code again.")
    code = serializers.CharField(help_text="A stable code, e.g. `invalid`, `not_authenticated`, `not_found`.")
    message = ApiErrorMessageSerializer()
    details = serializers.JSONField(help_text="400: the reasons per field (an object or a list); otherwise a text.")


class ApiErrorBodySerializer(serializers.Serializer[Any]):
    """The API's one error shape (`kansrijk.core.api.error_body`)."""

    error = ApiErrorSerializer()


# What each error means, for the description of every operation's responses.
ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "The request is not valid: see `details` for the reasons per field or parameter.",
    401: "Not signed in, or the token is unknown, expired or no longer valid for this account.",
    403: "Signed in, but not allowed to do this (role, care team, organisation or second factor).",
    404: "Not found, or not visible to you (also a page number past the last page).",
    409: "Not possible in the current state of the object (e.g. a referral step that does not apply now).",
    429: "Too many requests; try again later (`Retry-After` says when, where known).",
}
# A read never conflicts with the object's state; every other error can answer any operation: a wrong
# token fails even on a public operation, and the pages of a list can run out.
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, with the API's errors documented on every operation in one place.

    An operation that describes an error itself (e.g. the Vraagbaak's 400 with the guard's findings)
    keeps its own description for that status."""

    def error_codes(self) -> list[int]:
        return [code for code in ERROR_DESCRIPTIONS if code != 409 or self.method not in _SAFE_METHODS]

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self.error_codes():
            if str(code) not in responses:
                error = OpenApiResponse(ApiErrorBodySerializer, description=ERROR_DESCRIPTIONS[code])
                responses[str(code)] = self._get_response_for_code(  # type: ignore[no-untyped-call]
                    error, str(code), direction=direction
                )
        return responses
