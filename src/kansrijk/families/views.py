"""Pages of the family register: open a family file, and the base of every page about one family."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.accounts.base_views import Page
from kansrijk.accounts.models import User
from kansrijk.core.audit import Target
from kansrijk.core.forms import apply_errors
from kansrijk.families import forms
from kansrijk.families import selectors as families
from kansrijk.families import services as family_services
from kansrijk.families.models import Family


class FamilyPage(Page):
    """A page about one family: only for its care team (refusals audited, also for a family that does
    not exist, so an address never tells whether a family is known)."""

    permission_required = "families.view_family"
    audit_object_type = "families.family"
    family: Family

    def get_permission_object(self) -> Family:
        found = (
            families.family_get(user=self.request.user, pk=self.kwargs["pk"])
            if str(self.kwargs["pk"]).isdigit()
            else None
        )
        if found is None:
            raise Family.DoesNotExist
        self.family = found
        return found

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Family]:
        return [self.family]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["family"] = self.family
        context["phase"] = families.family_phase(self.family)
        return context

    def family_url(self) -> str:
        return reverse("dossier:family", args=[self.family.pk])


class FamilyOpenView(Page):
    """Open a family file. The blank form shows nobody's data; the read audited is of the register."""

    template_name = "families/family_open.html"
    permission_required = "families.add_family"
    audit_purpose = "gezinsdossier openen"
    audit_object_type = "families.family"

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Family]:
        return [Target("families.family")]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=forms.FamilyOpenForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.FamilyOpenForm(request.POST)
        if form.is_valid():
            try:
                family = _open_family(self.person, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Het dossier is geopend. Je staat in het zorgteam."))
                return redirect("dossier:family", pk=family.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)


def _open_family(by: User, data: dict[str, Any]) -> Family:
    situation = data["situation"]
    return family_services.family_open_with_first_contact(
        by=by,
        name=data["family_label"],
        discipline=data["discipline"],
        address=family_services.Address(
            street=data["street"], house_number=data["house_number"], postcode=data["postcode"]
        ),
        first=family_services.FirstContact(
            caregiver=forms.caregiver_data(data),
            expected_due_date=data.get("expected_due_date") if situation == forms.Situation.PREGNANT else None,
            weeks_pregnant=data.get("weeks_pregnant") if situation == forms.Situation.PREGNANT else None,
            child_name=data.get("child_name", "") if situation == forms.Situation.BORN else "",
            birth_date=data.get("birth_date") if situation == forms.Situation.BORN else None,
            weeks_at_birth=data.get("weeks_at_birth") if situation == forms.Situation.BORN else None,
        ),
    )
