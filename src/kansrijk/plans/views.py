"""Pages of the plan: one family, one plan, and the plan on paper for the family."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.forms import apply_errors, id_from
from kansrijk.families import selectors as families
from kansrijk.families.views import FamilyPage
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.plans import forms
from kansrijk.plans import selectors as plans
from kansrijk.plans import services as plan_services
from kansrijk.plans.models import Action, ActionStatus, Goal, GoalStatus


class PlanView(FamilyPage):
    """One family, one plan: goals in the family's own words, and who does what by when."""

    template_name = "plans/plan.html"
    permission_required = "plans.change_plan"
    audit_purpose = "plan met het gezin"

    def _action_form(self, goal_pk: int, data: Any = None) -> forms.ActionForm:
        """The form to add an action to one goal (its own prefix, so every field id is unique)."""
        team = families.active_team(self.family)
        tasks = list(pathways.family_tasks(family=self.family).filter(status=TaskStatus.OPEN))
        return forms.ActionForm(data, prefix=f"doel{goal_pk}", team=team, tasks=tasks)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        bound: forms.ActionForm | None = kwargs.get("bound_action")
        rows = []
        for goal in plans.goals(family=self.family):
            form = bound if bound is not None and bound.prefix == f"doel{goal.pk}" else self._action_form(goal.pk)
            rows.append((goal, form))
        context.update(
            rows=rows,
            goal_form=kwargs.get("goal_form") or forms.GoalForm(),
            goal_statuses=GoalStatus.choices,
            action_statuses=ActionStatus.choices,
            today=clock.local_date(),
        )
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        by, kind = self.person, request.POST.get("kind")
        goal_form = forms.GoalForm(request.POST if kind == "doel" else None)
        bound_action: forms.ActionForm | None = None
        try:
            if kind == "doel":
                if goal_form.is_valid():
                    plan_services.goal_add(family=self.family, by=by, **goal_form.cleaned_data)
                    return self._saved(_("Het doel staat in het plan."))
            elif kind == "actie":
                goal = self._goal(request.POST.get("goal"))
                bound_action = self._action_form(goal.pk, request.POST)
                if bound_action.is_valid():
                    data = bound_action.cleaned_data
                    plan_services.action_add(
                        goal=goal,
                        by=by,
                        what=data["what"],
                        who=data["who"],
                        due_on=data["due_on"],
                        professional=User.objects.filter(pk=data["professional"]).first()
                        if data["professional"]
                        else None,
                        task=Task.objects.filter(pk=data["task"]).first() if data["task"] else None,
                    )
                    return self._saved(_("De actie staat in het plan."))
            elif kind == "doelstatus":
                goal = self._goal(request.POST.get("goal"))
                plan_services.goal_set_status(goal=goal, by=by, status=request.POST.get("status", ""))
                return self._saved(_("Opgeslagen."))
            elif kind == "actiestatus":
                action = (
                    Action.objects.visible_to(by)
                    .select_related("goal__family", "task")
                    .filter(pk=id_from(request.POST.get("action")), goal__family=self.family)
                    .first()
                )
                if action is None:
                    raise ValidationError(_("Deze actie hoort niet bij dit gezin."))
                plan_services.action_set_status(action=action, by=by, status=request.POST.get("status", ""))
                return self._saved(_("Opgeslagen."))
        except ValidationError as error:
            if bound_action is not None:
                apply_errors(bound_action, error)
            elif kind == "doel":
                apply_errors(goal_form, error)
            else:
                for message in error.messages:
                    messages.error(request, message)
        context = self.get_context_data(goal_form=goal_form, bound_action=bound_action)
        return self.render_to_response(context, status=422)

    def _goal(self, pk: str | None) -> Goal:
        goal = (
            Goal.objects.visible_to(self.request.user)
            .select_related("family")
            .filter(pk=id_from(pk), family=self.family)
            .first()
        )
        if goal is None:
            raise ValidationError(_("Kies een doel van dit gezin."))
        return goal

    def _saved(self, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("plans:plan", pk=self.family.pk)


class PlanPrintView(FamilyPage):
    """The plan for the family, in B1 and on paper: their goals and who does what. No care levels and no
    risk factors: this page is for the family."""

    template_name = "plans/plan_print.html"
    permission_required = "plans.view_plan"
    audit_purpose = "plan afdrukken voor het gezin"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        holder = families.regiehouder_of(self.family)
        membership = holder.user.memberships.select_related("organisation").first() if holder is not None else None
        context.update(
            goals=list(plans.open_goals(family=self.family)),
            reached=list(plans.goals(family=self.family).filter(status=GoalStatus.REACHED)),
            regiehouder=holder,
            organisation=membership.organisation if membership is not None else None,
            network=list(self.family.network.all()),
            today=clock.local_date(),
        )
        return context
