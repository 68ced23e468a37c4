"""The one mechanism through which screens and endpoints that show personal data are audited.

Every routed view declares an audit policy:
- `PersonalDataViewMixin` (class-based views) or `PersonalDataAPIMixin` (DRF) record each read
  and each refused attempt;
- `@no_personal_data("reason")` / `audit_policy = NO_PERSONAL_DATA` marks views that show none.
`AuditPolicyMiddleware` refuses to serve a personal-data view that produced no audit entry (fail
closed), and a test walks the URLconf so that an undeclared view fails the build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.urls import Resolver404, resolve

from kansrijk.core import request_context
from kansrijk.core.audit import Actor, Target, actor_for, audit_denied, audit_record
from kansrijk.core.models import AuditAction

logger = logging.getLogger(__name__)

PERSONAL_DATA = "personal_data"
NO_PERSONAL_DATA = "no_personal_data"

F = TypeVar("F", bound=Callable[..., Any])


def no_personal_data(reason: str) -> Callable[[F], F]:
    """Declare that a function view shows no personal data (the reason is for reviewers)."""

    def mark(view: F) -> F:
        view.audit_policy = NO_PERSONAL_DATA  # type: ignore[attr-defined]
        view.audit_reason = reason  # type: ignore[attr-defined]
        return view

    return mark


def policy_of(callback: Callable[..., Any]) -> str | None:
    """The declared audit policy of a resolved URL callback (function, CBV or DRF view)."""
    for holder in (getattr(callback, "view_class", None), getattr(callback, "cls", None), callback):
        policy = getattr(holder, "audit_policy", None) if holder is not None else None
        if policy:
            return str(policy)
    return None


def request_actor(request: HttpRequest) -> Actor:
    return actor_for(getattr(request, "user", None))


def audit_read(
    *,
    request: HttpRequest,
    targets: Iterable[Target | models.Model],
    purpose: str,
    detail: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> None:
    """Record a read by the signed-in person, or by `actor` (someone reading through a personal link)."""
    audit_record(
        actor=actor or request_actor(request), action=AuditAction.VIEW, targets=targets, purpose=purpose, detail=detail
    )


def audit_refused_route(request: HttpRequest, *, reason: str) -> None:
    """Record a request that was turned away before its view ran (e.g. by the second-factor gate),
    if the route shows personal data; other routes are not an attempt at anyone's data."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return
    if policy_of(match.func) != PERSONAL_DATA:
        return
    audit_denied(
        actor=request_actor(request),
        attempted=f"{request.method} {request.path} ({reason})",
        targets=[Target(f"route:{match.view_name}", str(match.kwargs.get("pk", "")))],
    )


class PersonalDataViewMixin(PermissionRequiredMixin):
    """For class-based views that render personal data.

    Subclasses set `permission_required` and `audit_purpose`, and may override `get_audit_targets`.
    A refused request is recorded as `denied` before the usual 403 or login redirect.
    """

    audit_policy = PERSONAL_DATA
    audit_purpose: str = ""
    audit_object_type: str = ""
    request: HttpRequest

    def get_audit_targets(self, context: dict[str, Any]) -> Sequence[Target | models.Model]:
        obj = context.get("object")
        if isinstance(obj, models.Model):
            return [obj]
        object_list = context.get("object_list")
        if object_list is not None:
            return list(object_list)
        if self.audit_object_type:
            return [Target(self.audit_object_type)]
        raise ImproperlyConfigured(f"{type(self).__name__} must say what it shows (get_audit_targets).")

    def get_audit_detail(self, context: dict[str, Any]) -> dict[str, Any] | None:
        return None

    def get_audit_actor(self) -> Actor | None:
        """Who reads, when it is not the signed-in person (a personal link): None for the request's user."""
        return None

    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        if not self.audit_purpose:
            raise ImproperlyConfigured(f"{type(self).__name__} needs an audit_purpose.")
        targets = self.get_audit_targets(context)
        if targets:
            audit_read(
                request=self.request,
                targets=targets,
                purpose=self.audit_purpose,
                detail=self.get_audit_detail(context),
                actor=self.get_audit_actor(),
            )
        else:
            # An empty list is still a read of the register: record that it was consulted.
            audit_read(
                request=self.request,
                targets=[Target(self.audit_object_type or type(self).__name__)],
                purpose=self.audit_purpose,
                detail={"empty": True},
                actor=self.get_audit_actor(),
            )
        return super().render_to_response(context, **response_kwargs)  # type: ignore[misc, no-any-return]

    def handle_no_permission(self) -> HttpResponseRedirect:
        # Every refusal of a signed-in person is recorded; an anonymous one when it aims at one
        # object (a list or own page asked for without login is simply the way to the login page).
        user = getattr(self.request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or self.kwargs_id():
            audit_denied(
                actor=request_actor(self.request),
                attempted=f"view {self.request.path}",
                targets=[Target(self.audit_object_type or type(self).__name__, str(self.kwargs_id()))],
                purpose=self.audit_purpose,
            )
        return super().handle_no_permission()

    def kwargs_id(self) -> str:
        kwargs: dict[str, Any] = getattr(self, "kwargs", {})
        return str(kwargs.get("pk", ""))


class AuditPolicyMiddleware:
    """Fail closed: a view that declares personal data but recorded no audit entry is not served."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = getattr(request, "_kansrijk_audit_policy", None)
        # OPTIONS answers describe an endpoint (methods, fields), never the data behind it.
        if policy == PERSONAL_DATA and request.method != "OPTIONS" and 200 <= response.status_code < 300:
            ctx = request_context.current()
            if ctx is None or not ctx.recorded:
                logger.error("personal-data view served without an audit entry: %s", request.resolver_match)
                return HttpResponseServerError(b"Audit entry missing; response withheld.")
        return response

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> None:
        request._kansrijk_audit_policy = policy_of(view_func)  # type: ignore[attr-defined]
