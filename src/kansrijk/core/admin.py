"""The administration site for the `beheerder`, with every read and write of personal data audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from kansrijk.core.audit import Target, audit_record
from kansrijk.core.audited import request_actor
from kansrijk.core.models import AuditAction


class KansrijkAdminSite(admin.AdminSite):
    site_header = _("Kansrijk beheer")
    site_title = _("Kansrijk beheer")
    index_title = _("Beheer van accounts en organisaties")

    def has_permission(self, request: HttpRequest) -> bool:
        # Only a beheerder with a verified second factor (rule `core.use_admin`).
        return bool(request.user.is_active and request.user.has_perm("core.use_admin"))


admin_site = KansrijkAdminSite(name="beheer")


class AuditedModelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """ModelAdmin for models with personal data: lists, detail pages and saves are audited."""

    audit_purpose = "beheer"

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        if isinstance(response, TemplateResponse) and response.status_code == 200 and response.context_data:
            cl = response.context_data.get("cl")
            objects = list(cl.result_list) if cl is not None else []
            targets: list[Target | models.Model] = list(objects) or [Target(self.model._meta.label_lower)]
            audit_record(
                actor=request_actor(request),
                action=AuditAction.VIEW,
                targets=targets,
                purpose=self.audit_purpose,
            )
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            audit_record(
                actor=request_actor(request),
                action=AuditAction.VIEW,
                targets=[Target(self.model._meta.label_lower, str(object_id))],
                purpose=self.audit_purpose,
            )
        return response

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request_actor(request),
            action=AuditAction.UPDATE if change else AuditAction.CREATE,
            targets=[obj],
            purpose=self.audit_purpose,
            detail={"fields": sorted(form.changed_data)} if form is not None else None,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit_record(actor=request_actor(request), action=AuditAction.DELETE, targets=[obj], purpose=self.audit_purpose)
        super().delete_model(request, obj)
