"""The Kaart in the administration: the beheerder decides which Kansrijk organisation's editors keep
each Kaart organisation current. The services themselves are edited by those editors (or imported)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kansrijk.accounts.admin import RulesPermissionsMixin
from kansrijk.core.admin import admin_site
from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.kaart import services
from kansrijk.kaart.models import KaartOrganization, Service


@admin.register(KaartOrganization, site=admin_site)
class KaartOrganizationAdmin(RulesPermissionsMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    audit_policy = NO_PERSONAL_DATA  # public service information
    list_display = ("name", "kind", "managed_by", "is_demo")
    list_filter = ("kind", "managed_by", "is_demo")
    search_fields = ("name",)
    fields = ("name", "kind", "managed_by", "email", "website", "is_demo")
    readonly_fields = ("name", "kind", "email", "website", "is_demo")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # organisations come in through an import or the editors

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: KaartOrganization, form: Any, change: bool) -> None:
        services.organization_assign_editors(organizations=[obj], managed_by=obj.managed_by)


@admin.register(Service, site=admin_site)
class ServiceAdmin(RulesPermissionsMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only overview for the beheerder (with the change history)."""

    audit_policy = NO_PERSONAL_DATA  # public service information

    list_display = ("name", "organization", "status", "free", "whole_city", "last_verified_at")
    list_filter = ("status", "free", "formal", "whole_city", "categories", "stadsdelen")
    search_fields = ("name", "organization__name")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
