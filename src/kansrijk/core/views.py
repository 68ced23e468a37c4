"""Views of the core: health, language switch, the audit log page, and the page shown when the database is away."""

from __future__ import annotations

import sys
from typing import Any

from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views import defaults, i18n
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from kansrijk.core.api import error_body
from kansrijk.core.audit import Target
from kansrijk.core.audited import PersonalDataViewMixin, no_personal_data
from kansrijk.core.forms import AuditFilterForm
from kansrijk.core.selectors import AuditFilter, audit_entry_list
from kansrijk.core.services import health_check


@require_GET
@no_personal_data("reports only whether the database and the worker run")
def healthz(request: HttpRequest) -> JsonResponse:
    health = health_check()
    body = {
        "status": health.status,
        "database": {"ok": health.database_ok},
        "worker": {
            "ok": health.worker_ok,
            "last_heartbeat": health.last_heartbeat.isoformat() if health.last_heartbeat else None,
        },
    }
    return JsonResponse(body, status=200 if health.database_ok else 503)


UNAVAILABLE_RETRY_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. The database being away (stopped, restarting, unreachable) is a 503 with a plain page
    that says to try again, not an error of the application; the page and the JSON for the API need no
    database. Django closes the broken connection after the request and opens a fresh one for the next
    (`CONN_HEALTH_CHECKS`), so the service recovers by itself. Every other error is Django's 500."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return defaults.server_error(request)
    response: HttpResponse
    if request.path.startswith("/api/"):
        body = error_body(
            status=503,
            code="unavailable",
            nl="Kansrijk is even niet bereikbaar. Probeer het over een minuut opnieuw.",
            en="Kansrijk is briefly unavailable. Try again in a minute.",
        )
        response = JsonResponse(body, status=503)
    else:
        response = HttpResponse(render_to_string("core/unavailable.html"), status=503)
    response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return response


@require_POST
@no_personal_data("switches the interface language")
def set_language(request: HttpRequest) -> HttpResponse:
    return i18n.set_language(request)


class AuditLogView(PersonalDataViewMixin, TemplateView):
    """ "Who looked at this record, when, and why?" — for a beheerder with a verified second factor.

    Reading the audit log is itself audited."""

    template_name = "core/audit_log.html"
    permission_required = "core.view_audit_log"
    audit_purpose = str(_("toezicht op toegang tot persoonsgegevens"))
    audit_object_type = "core.auditlog"
    page_size = 50

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = AuditFilterForm(self.request.GET or None)
        filters = form.to_filter() if form.is_valid() else AuditFilter()
        entries = audit_entry_list(filters=filters)
        page = Paginator(entries, self.page_size).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(form=form, page=page, filters=filters, query=query.urlencode())
        return context

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target]:
        filters: AuditFilter = context["filters"]
        return [Target("core.auditlog", f"{filters.object_type}:{filters.object_id}".strip(":"))]

    def get_audit_detail(self, context: dict[str, Any]) -> dict[str, Any]:
        filters: AuditFilter = context["filters"]
        return {
            "object_type": filters.object_type,
            "object_id": filters.object_id,
            "actor_id": filters.actor_id,
            "action": filters.action,
            "results": context["page"].paginator.count,
        }

    def get_template_names(self) -> list[str]:
        if getattr(self.request, "htmx", False):
            return ["core/partials/_audit_rows.html"]
        return [self.template_name]
