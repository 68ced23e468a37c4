"""Pages of the pathway: my tasks, a task done, the pathway and its editor."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansrijk.accounts.base_views import Page
from kansrijk.core import clock
from kansrijk.core.audit import Target
from kansrijk.core.audited import NO_PERSONAL_DATA, audit_read
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.phase import PhaseKind
from kansrijk.pathways import forms, selectors, services
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.models import PathwayVersion, Task


class WorklistView(Page):
    """ "Mijn taken": the open tasks of the signed-in professional, the most urgent first."""

    template_name = "pathways/worklist.html"
    permission_required = "pathways.view_worklist"
    audit_purpose = "mijn taken bekijken"
    audit_object_type = "pathways.task"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        tasks = list(pathways.worklist(user=self.person))
        today = clock.local_date()
        context.update(
            object_list=list(dict.fromkeys(t.family for t in tasks)),  # each family read once
            tasks=tasks,
            today=today,
            soon=today + timedelta(days=7),
            overdue=sum(1 for t in tasks if t.due_on < today),
        )
        return context


class TaskDoneView(Page):
    """Mark a task done (from the worklist or the family page; HTMX replaces the row)."""

    template_name = "pathways/_task_row.html"
    permission_required = "pathways.change_task"
    audit_purpose = "taak afronden"
    audit_object_type = "pathways.task"
    task: Task

    def get_permission_object(self) -> Task:
        self.task = Task.objects.visible_to(self.request.user).select_related("family").get(pk=self.kwargs["pk"])
        return self.task

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Task]:
        return [self.task]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.TaskDoneForm(request.POST)
        note = form.cleaned_data.get("note", "") if form.is_valid() else ""
        try:
            task = pathway_services.task_complete(task=self.task, by=self.person, note=note)
        except ValidationError as error:
            # Already done (a second click, another tab): show the row as it is now, and say so.
            messages.error(request, " ".join(error.messages))
            task = Task.objects.select_related("closed_by").get(pk=self.task.pk)
            audit_read(request=request, targets=[task], purpose=self.audit_purpose)
        if request.headers.get("HX-Request"):
            return render(request, self.template_name, {"task": task, "today": clock.local_date(), "done_now": True})
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = reverse("pathways:worklist")
        return HttpResponseRedirect(back)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect(reverse("pathways:worklist"))


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


class PathwayView(Page):
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "the published pathway: steps and roles, no family"
    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        versions = list(selectors.versions())
        current = versions[0] if versions else None
        return render(
            request,
            "pathways/pathway.html",
            {"current": current, "rows": _step_rows(current) if current else [], "versions": versions},
        )


class PathwayEditView(Page):
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "the pathway's steps; publishing is audited by the service"
    audit_object_type = "pathways.pathwayversion"
    permission_required = "pathways.publish_pathway"
    permission_denied_message = gettext_lazy(
        "De route aanpassen kan alleen het programmateam, na inloggen met tweestapsverificatie. "
        "Stel die in op je accountpagina."
    )

    def _render(
        self, request: HttpRequest, formset: Any, publish: forms.PathwayPublishForm, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            "pathways/pathway_edit.html",
            {"formset": formset, "publish": publish, "current": services.current_version()},
            status=status,
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        current = services.current_version()
        initial = [asdict(services.step_data(step)) for step in current.steps.all()]
        return self._render(
            request, forms.PathwayStepFormSet(initial=initial, prefix="stap"), forms.PathwayPublishForm()
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        formset = forms.PathwayStepFormSet(request.POST, prefix="stap")
        publish = forms.PathwayPublishForm(request.POST)
        if formset.is_valid() and publish.is_valid():
            steps = cast(forms.BasePathwayStepFormSet, formset).steps()
            try:
                version = services.pathway_publish(
                    by=self.person,
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
                return redirect("pathways:pathway")
        return self._render(request, formset, publish, status=422)
