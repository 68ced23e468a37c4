"""Administration of people, organisations and roles for the `beheerder` (audited)."""

from __future__ import annotations

from typing import Any

from axes.utils import reset as axes_reset
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kansrijk.accounts import services
from kansrijk.accounts.forms import KansrijkUserCreationForm
from kansrijk.accounts.models import Membership, Organisation, RoleGrant, User
from kansrijk.core.admin import AuditedModelAdmin, admin_site


class RulesPermissionsMixin:
    """Admin permissions come from the rules in `accounts.permissions`, like everywhere else."""

    model: Any

    def _perm(self, request: HttpRequest, action: str) -> bool:
        opts = self.model._meta
        return bool(request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._perm(request, "view") or self._perm(request, "change")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._perm(request, "change")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._perm(request, "add")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._perm(request, "delete")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("core.use_admin"))


class MembershipInline(RulesPermissionsMixin, admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    autocomplete_fields = ("organisation",)


class RoleGrantInline(RulesPermissionsMixin, admin.TabularInline):  # type: ignore[type-arg]
    model = RoleGrant
    extra = 0
    fields = ("role", "granted_by", "granted_at")
    readonly_fields = ("granted_by", "granted_at")
    fk_name = "user"


@admin.register(User, site=admin_site)
class UserAdmin(RulesPermissionsMixin, AuditedModelAdmin):
    add_form = KansrijkUserCreationForm
    list_display = ("full_name", "email", "job_title", "is_active", "approval_state", "is_demo")
    list_filter = ("is_active", "approval_state", "role_grants__role", "is_demo")
    search_fields = ("full_name", "email")
    ordering = ("full_name",)
    readonly_fields = ("last_login", "date_joined", "disabled_at", "approved_at", "approved_by")
    fieldsets = (
        (None, {"fields": ("email", "full_name", "job_title")}),
        (
            _("Status"),
            {
                "fields": (
                    "is_active",
                    "disabled_at",
                    "disabled_reason",
                    "approval_state",
                    "approved_by",
                    "approved_at",
                    "is_demo",
                )
            },
        ),
        (_("Data"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("email", "full_name", "job_title", "usable_password", "password1", "password2")}),
    )
    inlines = (MembershipInline, RoleGrantInline)
    actions = ("disable_accounts", "unlock_accounts")

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = self.add_form
            kwargs["fields"] = self.add_fieldsets[0][1]["fields"]
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.add_fieldsets if obj is None else super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Blocking goes through the action, so that all sessions end at once.
        return (*self.readonly_fields, "is_active") if obj is not None else ()

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, RoleGrant) and instance.granted_by_id is None and isinstance(request.user, User):
                instance.granted_by = request.user
        formset.save()

    @admin.action(description=_("Blokkeren en alle sessies beëindigen"), permissions=["change"])
    def disable_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        if not isinstance(request.user, User):
            return
        count = 0
        for user in queryset.exclude(pk=request.user.pk):
            services.user_disable(user=user, by=request.user, reason=str(_("geblokkeerd via beheer")))
            count += 1
        messages.success(
            request,
            ngettext("%(n)d account geblokkeerd.", "%(n)d accounts geblokkeerd.", count) % {"n": count},
        )

    @admin.action(description=_("Blokkade na mislukte inlogpogingen opheffen"), permissions=["change"])
    def unlock_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            axes_reset(username=user.email)
        messages.success(request, _("De inlogblokkades zijn opgeheven."))


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(RulesPermissionsMixin, AuditedModelAdmin):
    list_display = ("name", "kind", "whole_city", "contact_email", "is_demo")
    list_filter = ("kind", "whole_city", "stadsdelen", "is_demo")
    search_fields = ("name",)
    filter_horizontal = ("stadsdelen",)
