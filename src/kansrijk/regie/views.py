"""Pages of regie: choose or hand over a family's regiehouder, the caseload, one's own regie profile."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kansrijk.accounts.base_views import Page
from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import Target
from kansrijk.core.forms import apply_errors, id_from
from kansrijk.families.views import FamilyPage
from kansrijk.regie import forms
from kansrijk.regie import selectors as regie
from kansrijk.regie import services as regie_services


class RegieView(FamilyPage):
    """Propose regiehouders (ranked, with reasons), confirm one, or hand regie over."""

    template_name = "regie/regie.html"
    permission_required = "regie.assign"
    audit_purpose = "regiehouder kiezen"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            proposals=regie_services.regie_propose(family=self.family, by=self.person, limit=8),
            current=regie.active_assignment(family=self.family),
            history=list(regie.assignment_history(family=self.family)),
            handover_form=kwargs.get("handover_form") or forms.HandoverForm(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        by = self.person
        chosen = User.objects.filter(pk=id_from(request.POST.get("regiehouder"))).first()
        handover_form = forms.HandoverForm(request.POST if "overdragen" in request.POST else None)
        try:
            if chosen is None:
                raise ValidationError(_("Kies een regiehouder."))
            reason = handover_form.cleaned_data["reason"] if handover_form.is_valid() else ""
            regie_services.regie_choose(family=self.family, regiehouder=chosen, by=by, reason=reason)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data(handover_form=handover_form), status=422)
        messages.success(request, _("%(name)s is nu de regiehouder van dit gezin.") % {"name": chosen.full_name})
        return HttpResponseRedirect(self.family_url())


class DashboardView(Page):
    """The regiehouder's caseload: families, overdue tasks and the next contacts."""

    template_name = "regie/dashboard.html"
    permission_required = "regie.view_dashboard"
    audit_purpose = "caseload regiehouder bekijken"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        board = regie.dashboard(user=self.person)
        context.update(board=board, object_list=[row.family for row in board.rows], today=clock.local_date())
        return context


class RegieProfileView(Page):
    """A regiehouder's own place in the pool: capacity, languages, areas, and new families welcome."""

    template_name = "regie/regie_profile.html"
    permission_required = "regie.view_dashboard"
    audit_purpose = "eigen regieprofiel"
    audit_object_type = "regie.regiehouderprofile"

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Any]:
        profile = context.get("profile")
        return [profile] if profile is not None else [Target(self.audit_object_type)]

    def _initial(self) -> dict[str, Any]:
        profile = regie.profile_of(self.request.user)
        if profile is None:
            return {"capacity": 20, "active": True, "languages": ["nl"]}
        return {
            "discipline": profile.discipline,
            "capacity": profile.capacity,
            "languages": profile.languages,
            "whole_city": profile.whole_city,
            "stadsdelen": list(profile.stadsdelen.all()),
            "active": profile.active,
        }

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.RegieProfileForm(initial=self._initial())
        return self.render_to_response(self.get_context_data(form=form, profile=regie.profile_of(request.user)))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.RegieProfileForm(request.POST)
        if form.is_valid():
            try:
                regie_services.regie_profile_save(
                    user=self.person, by=self.person, data=regie_services.ProfileData(**form.cleaned_data)
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Je regieprofiel is opgeslagen."))
                return redirect("regie:dashboard")
        return self.render_to_response(
            self.get_context_data(form=form, profile=regie.profile_of(request.user)), status=422
        )
