"""API building blocks: authentication that respects the second factor, audited reads, errors."""

from __future__ import annotations

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.core.audit import Target, actor_for, audit_denied, audit_record
from kansrijk.core.audited import PERSONAL_DATA
from kansrijk.core.models import AuditAction

_MESSAGES: dict[int, tuple[str, str]] = {
    400: (
        "De gegevens kloppen niet. Bekijk de velden in 'details'.",
        "The data is not valid. See 'details'.",
    ),
    401: ("Log eerst in.", "Please sign in first."),
    403: ("Je hebt geen toestemming voor deze handeling.", "You are not allowed to do this."),
    404: ("Niet gevonden.", "Not found."),
    405: ("Deze methode is hier niet toegestaan.", "This method is not allowed here."),
    409: ("Dit kan nu niet, door de huidige status.", "This is not possible in the current state."),
    429: ("Te veel verzoeken. Probeer het later opnieuw.", "Too many requests. Try again later."),
}


def error_body(*, status: int, code: str, nl: str, en: str, details: Any = "") -> dict[str, Any]:
    """The API's one error shape: {"error": {"status", "code", "message": {"nl", "en"}, "details"}}."""
    return {"error": {"status": status, "code": code, "message": {"nl": nl, "en": en}, "details": details}}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """One error shape for the whole API (`error_body`)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoValidationError):
        # A service refused the input: the same 400 as a serializer's, with its reasons per field.
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    code = exc.status_code
    nl, en = _MESSAGES.get(code, ("Er ging iets mis.", "Something went wrong."))
    with translation.override("nl"):
        details = exc.detail if code == status.HTTP_400_BAD_REQUEST else str(exc.detail)
    response = Response(error_body(status=code, code=exc.default_code, nl=nl, en=en, details=details), status=code)
    for header in ("WWW-Authenticate", "Retry-After"):
        value = getattr(exc, "auth_header", None) if header == "WWW-Authenticate" else getattr(exc, "wait", None)
        if value:
            response[header] = str(value)
    return response


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 (`handler404`): under /api/ in the API's error shape, as the schema documents it
    (also for a path that matches no route, e.g. a letter where an id belongs); elsewhere Django's page."""
    if request.path.startswith("/api/"):
        nl, en = _MESSAGES[404]
        return JsonResponse(error_body(status=404, code="not_found", nl=nl, en=en), status=404)
    return defaults.page_not_found(request, exception)


class PersonalDataAPIMixin(APIView):
    """For API views that return personal data: successful reads and refusals are audited."""

    audit_policy = PERSONAL_DATA
    audit_purpose: str = ""
    audit_object_type: str = ""

    def get_audit_targets(self, response: Response) -> list[Target | models.Model]:
        audited: list[Target | models.Model] = getattr(self, "_audited_objects", [])
        return audited or [Target(self.audit_object_type or type(self).__name__)]

    def get_object(self) -> Any:
        obj = super().get_object()  # type: ignore[misc]
        self._audited_objects = [obj]
        return obj

    def paginate_queryset(self, queryset: Any) -> Any:
        page = super().paginate_queryset(queryset)  # type: ignore[misc]
        if page is not None:
            self._audited_objects = list(page)
        return page

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        if request.method in ("GET", "HEAD") and 200 <= response.status_code < 300:
            audit_record(
                actor=actor_for(request.user),
                action=AuditAction.VIEW,
                targets=self.get_audit_targets(response),
                purpose=self.audit_purpose,
            )
        return super().finalize_response(request, response, *args, **kwargs)

    def permission_denied(self, request: Request, message: str | None = None, code: str | None = None) -> NoReturn:
        if request.user and request.user.is_authenticated:
            audit_denied(
                actor=actor_for(request.user),
                attempted=f"{request.method} {request.path}",
                targets=[Target(self.audit_object_type or type(self).__name__, str(self.kwargs.get("pk", "")))],
                purpose=self.audit_purpose,
            )
        super().permission_denied(request, message, code)
