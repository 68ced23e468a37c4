"""The one base of a page (`Page`) and the one base of an API view (`ApiView`).

Both give: sign-in (the second factor is enforced before any view by `SecondFactorRequiredMiddleware`),
permission by a rule of `accounts.permissions` asked about one object (`permission_required` and
`get_permission_object()`), a refusal audited as `denied`, every read of personal data audited
(`core.audited`), and `self.person`: the signed-in person, typed. A view only translates: it parses its
input, calls one service, and renders; rules, writes and audit entries live in the services.
A page that shows no personal data sets `audit_policy = NO_PERSONAL_DATA` and an `audit_reason`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.views.generic import TemplateView
from rest_framework.request import Request
from rest_framework.response import Response

from kansrijk.accounts.models import User
from kansrijk.core.api import PersonalDataAPIMixin
from kansrijk.core.audited import NO_PERSONAL_DATA, PersonalDataViewMixin


def person_of(request: HttpRequest | Request) -> User:
    """The signed-in person of a request; refused (403) for anyone else."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


class Page(PersonalDataViewMixin, TemplateView):
    """The base of every signed-in page."""

    def get_permission_object(self) -> Any:
        """What `permission_required` is asked about (None: the rule on its own). Raise
        `ObjectDoesNotExist` when the object is not there or not visible: the visitor is refused the
        same way, so an address never tells whether something exists."""
        return None

    def has_permission(self) -> bool:
        if not self.request.user.is_authenticated:
            return False
        try:
            obj = self.get_permission_object()
        except ObjectDoesNotExist:
            return False
        return bool(self.request.user.has_perm(self.get_permission_required()[0], obj))

    @property
    def person(self) -> User:
        return person_of(self.request)

    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        if self.audit_policy == NO_PERSONAL_DATA:
            return TemplateView.render_to_response(self, context, **response_kwargs)
        return super().render_to_response(context, **response_kwargs)


class ApiView(PersonalDataAPIMixin):
    """The base of every signed-in API view (the one error shape comes from `core.api.exception_handler`)."""

    permission_required: str = ""

    def get_permission_object(self) -> Any:
        """As `Page.get_permission_object`; asked before the handler runs."""
        return None

    def get_permission_required(self) -> str:
        """The rule this request needs ("" for none beyond sign-in); a view may answer per method."""
        return self.permission_required

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)
        rule = self.get_permission_required()
        if not rule:
            return
        try:
            obj = self.get_permission_object()
        except ObjectDoesNotExist:
            self.permission_denied(request)
        if not request.user.has_perm(rule, obj):
            self.permission_denied(request)

    @property
    def person(self) -> User:
        return person_of(self.request)

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        if self.audit_policy == NO_PERSONAL_DATA:
            return super(PersonalDataAPIMixin, self).finalize_response(request, response, *args, **kwargs)
        return super().finalize_response(request, response, *args, **kwargs)
