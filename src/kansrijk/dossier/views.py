"""The family file's pages: my families, opening a file, the overview with its 1,000-day timeline, the
conversation (signalling and triage), regie, the meldcode, "Mijn taken" and the regiehouder's dashboard.

Every page shows personal data, so each is a `PersonalDataViewMixin` view: the read is audited, and a
person outside the care team gets 403 (audited as denied). Writes go through the apps' services.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.audit import Target
from kansrijk.core.audited import PersonalDataViewMixin, audit_read
from kansrijk.core.forms import apply_errors
from kansrijk.core.guard import require_perm
from kansrijk.dossier import forms
from kansrijk.families import selectors as families
from kansrijk.families import services as family_services
from kansrijk.families.languages import language_name
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import CareTeamMember, Family, PregnancyOutcome
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.plans import selectors as plans
from kansrijk.plans import services as plan_services
from kansrijk.plans.models import Action, ActionStatus, Goal, GoalStatus
from kansrijk.referrals import selectors as referrals
from kansrijk.regie import selectors as regie
from kansrijk.regie import services as regie_services
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling import services as signalling_services
from kansrijk.signalling.models import MeldcodeStepKind

# The same answer whether the address has no account or one that cannot be chosen (no enumeration).
NO_COLLEAGUE = gettext_lazy("We vinden geen professional met dit e-mailadres die je kunt kiezen. Controleer het adres.")


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _id(value: str | None) -> int:
    """A database id from a form value; 0 (matches nothing) for anything that is not a number."""
    return int(value) if value and value.isdigit() else 0


class FamilyPage(PersonalDataViewMixin, TemplateView):
    """A page about one family: only for its care team (refusals audited, also for a family that does
    not exist, so an address never tells whether a family is known)."""

    permission_required = "families.view_family"
    audit_object_type = "families.family"
    family: Family

    def has_permission(self) -> bool:
        user = self.request.user
        found = families.family_get(user=user, pk=self.kwargs["pk"]) if str(self.kwargs["pk"]).isdigit() else None
        if found is None:
            return False
        self.family = found
        return bool(user.has_perm(self.permission_required, found))

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Family]:
        return [self.family]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["family"] = self.family
        context["phase"] = families.family_phase(self.family)
        return context

    def family_url(self) -> str:
        return reverse("dossier:family", args=[self.family.pk])


class FamilyListView(PersonalDataViewMixin, TemplateView):
    template_name = "dossier/family_list.html"
    permission_required = "families.list_families"
    audit_purpose = "mijn gezinnen bekijken"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = list(families.family_list(user=_user(self.request)))
        today = clock.local_date()
        open_counts = pathways.open_task_counts(families=found, today=today)
        levels = signalling.latest_levels(families=found)
        rows = []
        for family in found:
            holder = families.regiehouder_of(family)
            rows.append(
                {
                    "family": family,
                    "phase": families.family_phase(family, today=today).phase,
                    "level": AmsterdamLevel(levels[family.pk]).label if family.pk in levels else "",
                    "regiehouder": holder.user if holder is not None else None,
                    "open": open_counts.get(family.pk, (0, 0))[0],
                    "overdue": open_counts.get(family.pk, (0, 0))[1],
                }
            )
        context.update(rows=rows, object_list=found)
        return context


class FamilyOpenView(PersonalDataViewMixin, TemplateView):
    """Open a family file. The blank form shows nobody's data; the read audited is of the register."""

    template_name = "dossier/family_open.html"
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
                family = _open_family(_user(request), form.cleaned_data)
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
            caregiver=_caregiver_data(data),
            expected_due_date=data.get("expected_due_date") if situation == forms.Situation.PREGNANT else None,
            weeks_pregnant=data.get("weeks_pregnant") if situation == forms.Situation.PREGNANT else None,
            child_name=data.get("child_name", "") if situation == forms.Situation.BORN else "",
            birth_date=data.get("birth_date") if situation == forms.Situation.BORN else None,
            weeks_at_birth=data.get("weeks_at_birth") if situation == forms.Situation.BORN else None,
        ),
    )


def _caregiver_data(data: dict[str, Any]) -> family_services.CaregiverData:
    return family_services.CaregiverData(
        given_name=data["given_name"],
        family_name=data.get("family_name", ""),
        role=data["role"],
        date_of_birth=data.get("date_of_birth"),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        languages=data.get("languages", []),
        needs_interpreter=data.get("needs_interpreter", False),
        needs_cultuurbemiddelaar=data.get("needs_cultuurbemiddelaar", False),
    )


class FamilyView(FamilyPage):
    template_name = "dossier/family.html"
    audit_purpose = "gezinsdossier bekijken"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        family = self.family
        latest = signalling.latest_assessment(family=family)
        loop = referrals.family_referrals(family=family)
        context.update(
            caregivers=[(c, [language_name(code) for code in c.languages]) for c in family.caregivers.all()],
            children=list(family.children.all()),
            pregnancy=next((p for p in family.pregnancies.all() if p.outcome == PregnancyOutcome.ONGOING), None),
            network=list(family.network.all()),
            team=families.active_team(family),
            latest=latest,
            why=signalling.explanation(latest) if latest else None,
            levels=_level_labels(latest),
            discussed=signalling.discussed_topics(family=family),
            history=list(signalling.assessments(family=family)[:10]),
            tasks=list(pathways.family_tasks(family=family).filter(status=TaskStatus.OPEN)),
            done_tasks=list(pathways.family_tasks(family=family).exclude(status=TaskStatus.OPEN)[:10]),
            today=clock.local_date(),
            regie=regie.active_assignment(family=family),
            gap=regie.open_gap(family=family),
            meldcode=signalling.open_meldcode(family=family),
            loop=loop[:5],
            milestones=sorted(
                [
                    *(context["phase"].timeline.milestones if context["phase"].timeline else ()),
                    *referrals.loop_milestones(referrals=loop),
                ],
                key=lambda m: m.on,
            ),
            closing=referrals.closing_summary(family=family),
            can_manage_team=self.request.user.has_perm("families.manage_care_team", family),
            child_form=forms.ChildForm(),
            pregnancy_form=forms.PregnancyForm(),
            caregiver_form=forms.CaregiverForm(),
            network_form=forms.NetworkForm(),
            team_form=forms.CareTeamForm(),
        )
        return context


def _level_labels(assessment: Any) -> dict[str, str]:
    if assessment is None:
        return {}
    return {
        "amsterdam": str(AmsterdamLevel(assessment.amsterdam_level).label),
        "national": str(NationalLevel(assessment.national_level).label),
        "proposed_amsterdam": str(AmsterdamLevel(assessment.proposed_amsterdam).label),
        "proposed_national": str(NationalLevel(assessment.proposed_national).label),
    }


class FamilyAddView(FamilyPage):
    """Add a parent, child, pregnancy or someone of the network (POST from the overview's forms)."""

    template_name = "dossier/family_add.html"
    permission_required = "families.change_family"
    audit_purpose = "gezinsdossier aanvullen"
    FORMS: dict[str, type[Any]] = {
        "ouder": forms.CaregiverForm,
        "kind": forms.ChildForm,
        "zwangerschap": forms.PregnancyForm,
        "einde-zwangerschap": forms.PregnancyEndForm,
        "netwerk": forms.NetworkForm,
        "zorgteam": forms.CareTeamForm,
    }

    def _form(self, data: Any = None) -> Any:
        kind = self.kwargs["kind"]
        if kind == "uit-zorgteam":
            return forms.TeamLeaveForm(
                data, team=[m for m in families.active_team(self.family) if not m.is_regiehouder]
            )
        if kind not in self.FORMS:
            raise PermissionDenied
        return self.FORMS[kind](data)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=self._form(), kind=kwargs["kind"]))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            try:
                self._save(_user(request), kwargs["kind"], form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if kwargs["kind"] in {"kind", "einde-zwangerschap"}:
                    # A new phase: the pathway follows at the level of the latest conversation.
                    plan = signalling_services.family_replan(family=self.family, by=_user(request))
                    if plan is not None and plan.created:
                        messages.info(
                            request,
                            ngettext(
                                "%(n)d nieuwe taak volgt uit de route.",
                                "%(n)d nieuwe taken volgen uit de route.",
                                len(plan.created),
                            )
                            % {"n": len(plan.created)},
                        )
                messages.success(request, _("Opgeslagen."))
                return HttpResponseRedirect(self.family_url())
        return self.render_to_response(self.get_context_data(form=form, kind=kwargs["kind"]), status=422)

    def _save(self, by: User, kind: str, data: dict[str, Any]) -> None:
        family = self.family
        if kind == "ouder":
            family_services.caregiver_add(family=family, by=by, data=_caregiver_data(data))
        elif kind == "kind":
            family_services.child_add(
                family=family,
                by=by,
                given_name=data["given_name"],
                birth_date=data["birth_date"],
                weeks_at_birth=data.get("weeks_at_birth"),
                birth_weight_grams=data.get("birth_weight_grams"),
            )
        elif kind == "zwangerschap":
            family_services.pregnancy_record(
                family=family,
                by=by,
                expected_due_date=data.get("expected_due_date"),
                weeks_at_registration=None if data.get("expected_due_date") else data.get("weeks_pregnant"),
                expected_children=data.get("expected_children") or 1,
            )
        elif kind == "uit-zorgteam":
            member = (
                CareTeamMember.objects.filter(
                    pk=data["member"], family=family, ended_at__isnull=True, is_regiehouder=False
                )
                .select_related("user", "family")
                .first()
            )
            if member is None:
                raise ValidationError({"member": _("Deze persoon zit niet (meer) in het zorgteam.")})
            pathway_services.care_team_remove(member=member, by=by)
        elif kind == "einde-zwangerschap":
            pregnancy = family.pregnancies.filter(outcome=PregnancyOutcome.ONGOING).first()
            if pregnancy is None:
                raise ValidationError(_("Er is geen lopende zwangerschap."))
            family_services.pregnancy_end(
                pregnancy=pregnancy, by=by, outcome=data["outcome"], ended_on=data["ended_on"]
            )
        elif kind == "netwerk":
            family_services.network_member_add(family=family, by=by, **data)
        elif kind == "zorgteam":
            # Only someone who may manage the team gets to look an address up (refusals are audited).
            require_perm(user=by, perm="families.manage_care_team", obj=family, attempted="care_team.add")
            colleague = account_selectors.working_professional_by_email(email=data["email"])
            if colleague is None:
                raise ValidationError({"email": NO_COLLEAGUE})
            family_services.care_team_add(family=family, user=colleague, discipline=data["discipline"], by=by)


class ConversationView(FamilyPage):
    """Record a conversation: strengths first, the topics discussed, then the proposed level and why."""

    template_name = "dossier/conversation.html"
    permission_required = "signalling.add_assessment"
    audit_purpose = "signalering vastleggen"

    def _form(self, data: Any = None) -> forms.ConversationForm:
        return forms.ConversationForm(data, discussed=signalling.discussed_topics(family=self.family))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=self._form()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self._form(request.POST)
        context: dict[str, Any] = {"form": form}
        if form.is_valid():
            observations = form.observations()
            unsafety = form.cleaned_data.get("unsafety") or ""
            if "voorstel" in request.POST:
                # Only show what the rules propose; nothing is written until "Vastleggen".
                preview = signalling_services.triage_preview(observations=observations, unsafety=unsafety)
                context["preview"] = {
                    "amsterdam": AmsterdamLevel(preview.amsterdam).label,
                    "national": NationalLevel(preview.national).label,
                    "reasons": preview.reasons,
                }
            else:
                try:
                    recorded = signalling_services.assessment_record(
                        family=self.family,
                        by=_user(request),
                        conversation_on=form.cleaned_data["conversation_on"],
                        observations=observations,
                        strengths_note=form.cleaned_data.get("strengths_note", ""),
                        unsafety=unsafety,
                        chosen_amsterdam=form.cleaned_data.get("chosen_amsterdam", ""),
                        chosen_national=form.cleaned_data.get("chosen_national", ""),
                        override_reason=form.cleaned_data.get("override_reason", ""),
                    )
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    created = len(recorded.plan.created) if recorded.plan else 0
                    level = AmsterdamLevel(recorded.assessment.amsterdam_level).label
                    messages.success(
                        request,
                        ngettext(
                            "Het gesprek is vastgelegd. Niveau: %(level)s. %(n)d nieuwe taak volgt uit de route.",
                            "Het gesprek is vastgelegd. Niveau: %(level)s. %(n)d nieuwe taken volgen uit de route.",
                            created,
                        )
                        % {"level": level, "n": created},
                    )
                    if recorded.meldcode is not None:
                        return redirect("dossier:meldcode", pk=self.family.pk)
                    return HttpResponseRedirect(self.family_url())
        return self.render_to_response(self.get_context_data(**context), status=200 if form.is_valid() else 422)


class RegieView(FamilyPage):
    """Propose regiehouders (ranked, with reasons), confirm one, or hand regie over."""

    template_name = "dossier/regie.html"
    permission_required = "regie.assign"
    audit_purpose = "regiehouder kiezen"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            proposals=regie_services.regie_propose(family=self.family, by=_user(self.request), limit=8),
            current=regie.active_assignment(family=self.family),
            history=list(regie.assignment_history(family=self.family)),
            handover_form=kwargs.get("handover_form") or forms.HandoverForm(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        by = _user(request)
        chosen = User.objects.filter(pk=_id(request.POST.get("regiehouder"))).first()
        handover_form = forms.HandoverForm(request.POST if "overdragen" in request.POST else None)
        try:
            if chosen is None:
                raise ValidationError(_("Kies een regiehouder."))
            if "overdragen" in request.POST:
                if not handover_form.is_valid():
                    raise ValidationError(_("Schrijf op waarom de regie wordt overgedragen."))
                regie_services.regie_handover(
                    family=self.family, to=chosen, by=by, reason=handover_form.cleaned_data["reason"]
                )
            else:
                regie_services.regie_assign(family=self.family, regiehouder=chosen, by=by)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data(handover_form=handover_form), status=422)
        messages.success(request, _("%(name)s is nu de regiehouder van dit gezin.") % {"name": chosen.full_name})
        return HttpResponseRedirect(self.family_url())


class MeldcodeView(FamilyPage):
    template_name = "dossier/meldcode.html"
    permission_required = "signalling.record_meldcode"
    audit_purpose = "meldcode bijhouden"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        track = signalling.open_meldcode(family=self.family)
        done = {s.step: s for s in track.steps.all()} if track else {}
        next_step = next((k for k in MeldcodeStepKind if k.value not in done), None) if track else None
        context.update(
            track=track,
            steps=[(kind, done.get(kind.value)) for kind in MeldcodeStepKind],
            next_step=next_step,
            closed=list(signalling.meldcode_tracks(family=self.family).filter(closed_at__isnull=False)),
            form=kwargs.get("form") or forms.MeldcodeStepForm(initial={"step": next_step.value if next_step else 1}),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        track = signalling.open_meldcode(family=self.family)
        form = forms.MeldcodeStepForm(request.POST)
        if track is not None and form.is_valid():
            try:
                signalling_services.meldcode_step_record(
                    track=track,
                    by=_user(request),
                    step=form.cleaned_data["step"],
                    done_on=form.cleaned_data["done_on"],
                    notes=form.cleaned_data["notes"],
                    consulted=form.cleaned_data.get("consulted", ""),
                    decision=form.cleaned_data.get("decision", ""),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("De stap is vastgelegd."))
                return redirect("dossier:meldcode", pk=self.family.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)


class PlanView(FamilyPage):
    """One family, one plan: goals in the family's own words, and who does what by when."""

    template_name = "dossier/plan.html"
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
        by, kind = _user(request), request.POST.get("kind")
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
                    .filter(pk=_id(request.POST.get("action")), goal__family=self.family)
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
            .filter(pk=_id(pk), family=self.family)
            .first()
        )
        if goal is None:
            raise ValidationError(_("Kies een doel van dit gezin."))
        return goal

    def _saved(self, message: str) -> HttpResponse:
        messages.success(self.request, message)
        return redirect("dossier:plan", pk=self.family.pk)


class PlanPrintView(FamilyPage):
    """The plan for the family, in B1 and on paper: their goals and who does what. No care levels and no
    risk factors: this page is for the family."""

    template_name = "dossier/plan_print.html"
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


class WorklistView(PersonalDataViewMixin, TemplateView):
    """ "Mijn taken": the open tasks of the signed-in professional, the most urgent first."""

    template_name = "dossier/worklist.html"
    permission_required = "pathways.view_worklist"
    audit_purpose = "mijn taken bekijken"
    audit_object_type = "pathways.task"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        tasks = list(pathways.worklist(user=_user(self.request)))
        today = clock.local_date()
        context.update(
            object_list=list(dict.fromkeys(t.family for t in tasks)),  # each family read once
            tasks=tasks,
            today=today,
            soon=today + timedelta(days=7),
            overdue=sum(1 for t in tasks if t.due_on < today),
        )
        return context


class TaskDoneView(PersonalDataViewMixin, TemplateView):
    """Mark a task done (from the worklist or the family page; HTMX replaces the row)."""

    template_name = "dossier/partials/_task_row.html"
    permission_required = "pathways.change_task"
    audit_purpose = "taak afronden"
    audit_object_type = "pathways.task"
    task: Task

    def has_permission(self) -> bool:
        found = Task.objects.visible_to(self.request.user).select_related("family").filter(pk=self.kwargs["pk"]).first()
        if found is None:
            return False
        self.task = found
        return bool(self.request.user.has_perm(self.permission_required, found))

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Task]:
        return [self.task]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.TaskDoneForm(request.POST)
        note = form.cleaned_data.get("note", "") if form.is_valid() else ""
        try:
            task = pathway_services.task_complete(task=self.task, by=_user(request), note=note)
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
            back = reverse("dossier:worklist")
        return HttpResponseRedirect(back)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect(reverse("dossier:worklist"))


class DashboardView(PersonalDataViewMixin, TemplateView):
    """The regiehouder's caseload: families, overdue tasks and the next contacts."""

    template_name = "dossier/dashboard.html"
    permission_required = "regie.view_dashboard"
    audit_purpose = "caseload regiehouder bekijken"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        board = regie.dashboard(user=_user(self.request))
        context.update(board=board, object_list=[row.family for row in board.rows], today=clock.local_date())
        return context


class RegieProfileView(PersonalDataViewMixin, TemplateView):
    """A regiehouder's own place in the pool: capacity, languages, areas, and new families welcome."""

    template_name = "dossier/regie_profile.html"
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
                    user=_user(request), by=_user(request), data=regie_services.ProfileData(**form.cleaned_data)
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Je regieprofiel is opgeslagen."))
                return redirect("dossier:dashboard")
        return self.render_to_response(
            self.get_context_data(form=form, profile=regie.profile_of(request.user)), status=422
        )
