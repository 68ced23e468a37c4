"""Administration of people, organisations and roles for the `beheerder` (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kansrijk.accounts import services
from kansrijk.accounts.forms import KansrijkUserCreationForm
from kansrijk.accounts.models import Membership, Organisation, RoleGrant, User
from kansrijk.accounts.roles import Role
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


# Stacked rather than tabular inlines: Django's tabular inline leaves its fields without labels
# (WCAG 1.3.1, 4.1.2), the stacked one labels each field.
class MembershipInline(RulesPermissionsMixin, admin.StackedInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    # A plain select: the autocomplete widget (select2) writes inline styles, which the CSP refuses.


class RoleGrantInline(RulesPermissionsMixin, admin.StackedInline):  # type: ignore[type-arg]
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
        """Roles and memberships change through the services, so each change is checked and audited."""
        by = request.user if isinstance(request.user, User) else None
        user: User = form.instance
        formset.save(commit=False)  # fills new_objects, changed_objects and deleted_objects
        if formset.model is RoleGrant:
            # New roles first, then the revokes: a swap between two roles that both need a second
            # factor must never pass through "no second factor needed" (which ends the API tokens).
            # A role both removed and added again in one save stays.
            changed = [
                (Role(RoleGrant.objects.get(pk=grant.pk).role), Role(grant.role))
                for grant, _f in formset.changed_objects
            ]
            granted = [new for _old, new in changed] + [Role(grant.role) for grant in formset.new_objects]
            revoked = [old for old, _new in changed] + [Role(grant.role) for grant in formset.deleted_objects]
            for role in granted:
                services.role_grant(user=user, role=role, by=by)
            for role in revoked:
                if role not in granted:
                    services.role_revoke(user=user, role=role, by=by)
        elif formset.model is Membership:
            for membership, fields in formset.changed_objects:
                if "organisation" in fields:
                    old = Membership.objects.select_related("organisation").get(pk=membership.pk)
                    services.membership_remove(user=user, organisation=old.organisation, by=by)
                services.membership_add(
                    user=user, organisation=membership.organisation, function=membership.function, by=by
                )
            for membership in formset.deleted_objects:
                services.membership_remove(user=user, organisation=membership.organisation, by=by)
            for membership in formset.new_objects:
                services.membership_add(
                    user=user, organisation=membership.organisation, function=membership.function, by=by
                )
        else:
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
        if not isinstance(request.user, User):
            return
        for user in queryset:
            services.user_unlock(user=user, by=request.user)
        messages.success(request, _("De inlogblokkades zijn opgeheven."))


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(RulesPermissionsMixin, AuditedModelAdmin):
    list_display = ("name", "kind", "whole_city", "contact_email", "is_demo")
    list_filter = ("kind", "whole_city", "stadsdelen", "is_demo")
    search_fields = ("name",)
    filter_horizontal = ("stadsdelen",)
