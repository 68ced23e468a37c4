"""The pathway "Zo werken wij in Amsterdam" as pages: everyone signed in reads the current version and
its history; the programme team publishes a new version. No personal data on these pages."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from kansrijk.accounts.models import User
from kansrijk.core.audit import Target, audit_denied
from kansrijk.core.audited import NO_PERSONAL_DATA, request_actor
from kansrijk.dossier import forms
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.phase import PhaseKind
from kansrijk.pathways import selectors, services
from kansrijk.pathways.models import PathwayVersion


def _step_rows(version: PathwayVersion) -> list[dict[str, Any]]:
    roles = dict(forms.ROLE_LABELS)
    return [
        {
            "step": step,
            "phases": [str(PhaseKind(p).label) for p in step.phases],
            "levels": [str(AmsterdamLevel(level).label) for level in step.levels],
            "role": roles.get(step.role, step.role),
        }
        for step in version.steps.all()
    ]


class PathwayView(LoginRequiredMixin, PermissionRequiredMixin, View):
    audit_policy = NO_PERSONAL_DATA
    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest) -> HttpResponse:
        versions = list(selectors.versions())
        current = versions[0] if versions else None
        return render(
            request,
            "dossier/pathway.html",
            {"current": current, "rows": _step_rows(current) if current else [], "versions": versions},
        )


class PathwayEditView(LoginRequiredMixin, PermissionRequiredMixin, View):
    audit_policy = NO_PERSONAL_DATA
    permission_required = "pathways.publish_pathway"
    permission_denied_message = gettext_lazy(
        "De route aanpassen kan alleen het programmateam, na inloggen met tweestapsverificatie. "
        "Stel die in op je accountpagina."
    )

    def handle_no_permission(self) -> HttpResponseRedirect:
        if self.request.user.is_authenticated:  # a signed-in refusal is recorded, as everywhere
            audit_denied(
                actor=request_actor(self.request),
                attempted=f"{self.request.method} {self.request.path}",
                targets=[Target("pathways.pathwayversion")],
            )
        return super().handle_no_permission()

    def _render(
        self, request: HttpRequest, formset: Any, publish: forms.PathwayPublishForm, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            "dossier/pathway_edit.html",
            {"formset": formset, "publish": publish, "current": services.current_version()},
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        current = services.current_version()
        initial = [asdict(services.step_data(step)) for step in current.steps.all()]
        return self._render(
            request, forms.PathwayStepFormSet(initial=initial, prefix="stap"), forms.PathwayPublishForm()
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        formset = forms.PathwayStepFormSet(request.POST, prefix="stap")
        publish = forms.PathwayPublishForm(request.POST)
        if formset.is_valid() and publish.is_valid():
            steps = cast(forms.BasePathwayStepFormSet, formset).steps()
            user = request.user
            try:
                version = services.pathway_publish(
                    by=user if isinstance(user, User) else None,
                    name=services.current_version().name,
                    steps=steps,
                    note=publish.cleaned_data["note"],
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _("Versie %(n)d is gepubliceerd. Nieuwe gesprekken volgen deze versie.") % {"n": version.number},
                )
                return redirect("dossier:pathway")
        return self._render(request, formset, publish, status=422)
