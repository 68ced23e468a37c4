"""API of the family file (`/api/v1/gezinnen/...`, `/api/v1/taken/...`, `/api/v1/regie/`): the pages'
capabilities for other systems, through the same selectors and services. Reads are audited
(`PersonalDataAPIMixin`); a family outside the person's care team answers 403 (audited), whether or not
it exists."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.models import User
from kansrijk.core.api import PersonalDataAPIMixin
from kansrijk.core.audit import Target
from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.dossier.api import serializers as s
from kansrijk.families import selectors as families
from kansrijk.families import services as family_services
from kansrijk.families.models import Family
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.models import Task
from kansrijk.plans import selectors as plans
from kansrijk.plans import services as plan_services
from kansrijk.plans.models import Goal
from kansrijk.regie import selectors as regie
from kansrijk.regie import services as regie_services
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling import services as signalling_services
from kansrijk.signalling.triage import rule_set

TAGS = ["gezinsdossier"]


def _user(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


class FamilyAPIMixin(PersonalDataAPIMixin):
    """One family, seen by a member of its care team (`permission` is checked on it)."""

    permission = "families.view_family"
    audit_object_type = "families.family"
    family: Family

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        found = families.family_get(user=request.user, pk=kwargs["pk"])
        if found is None or not request.user.has_perm(self.permission, found):
            self.permission_denied(request)
        else:
            self.family = found
            self._audited_objects = [found]


@extend_schema(tags=TAGS)
class FamilyListView(PersonalDataAPIMixin, generics.ListCreateAPIView):  # type: ignore[type-arg]
    """The families in whose care team the person is (GET), or open a new family file (POST)."""

    serializer_class = s.FamilySummarySerializer
    audit_purpose = "mijn gezinnen bekijken"
    audit_object_type = "families.family"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Family.objects.none()
        if not self.request.user.has_perm("families.list_families"):
            self.permission_denied(self.request)
        return families.family_list(user=self.request.user).order_by("name", "pk")

    @extend_schema(request=s.FamilyOpenSerializer, responses={201: s.FamilySerializer})
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # Who may open a file is asked before the input is read: a refused role learns nothing of the form.
        if not request.user.has_perm("families.add_family"):
            self.permission_denied(request)
        data = s.FamilyOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        family = family_services.family_open(
            by=_user(request),
            name=values["name"],
            discipline=values["discipline"],
            address=family_services.Address(
                street=values["street"], house_number=values["house_number"], postcode=values["postcode"]
            ),
        )
        shown = families.family_get(user=request.user, pk=family.pk)
        return Response(s.FamilySerializer(shown).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, responses=s.FamilySerializer)
class FamilyDetailView(FamilyAPIMixin, APIView):
    """A family file: people, phase, care team, the latest assessment with its reasons, open tasks."""

    audit_purpose = "gezinsdossier bekijken"

    def get(self, request: Request, pk: int) -> Response:
        return Response(s.FamilySerializer(self.family).data)


@extend_schema(tags=TAGS)
class AssessmentsView(FamilyAPIMixin, APIView):
    """The family's assessments, newest first (GET); record a conversation (POST): triage proposes the
    level, the pathway plans tasks, unsafety starts the meldcode."""

    audit_purpose = "signalering"

    @extend_schema(responses=s.AssessmentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.AssessmentSerializer(signalling.assessments(family=self.family), many=True).data)

    @extend_schema(request=s.AssessmentInputSerializer, responses={201: s.AssessmentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        recorded = signalling_services.assessment_record(
            family=self.family,
            by=_user(request),
            conversation_on=values["conversation_on"],
            observations=[
                signalling_services.ObservationInput(o["factor"], o["present"], o["note"], o["origin"])
                for o in values["observations"]
            ],
            strengths_note=values["strengths_note"],
            unsafety=values["unsafety"],
            chosen_amsterdam=values["chosen_amsterdam"],
            chosen_national=values["chosen_national"],
            override_reason=values["override_reason"],
        )
        body = s.AssessmentSerializer(recorded.assessment).data
        body["tasks_created"] = [t.pk for t in recorded.plan.created] if recorded.plan else []
        body["meldcode_track"] = recorded.meldcode.pk if recorded.meldcode else None
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class RegieView(FamilyAPIMixin, APIView):
    """The family's regiehouder and a ranked proposal (GET); confirm one, or hand regie over with a reason
    when there is one already (POST)."""

    permission = "regie.assign"
    audit_purpose = "regiehouder kiezen"

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, pk: int) -> Response:
        current = regie.active_assignment(family=self.family)
        proposals = regie_services.regie_propose(family=self.family, by=_user(request), limit=8)
        return Response(
            {
                "regiehouder": {"id": current.regiehouder_id, "name": current.regiehouder.full_name}
                if current
                else None,
                "proposals": [s.ProposalSerializer(p).data for p in proposals],
            }
        )

    @extend_schema(request=s.RegieInputSerializer, responses={201: OpenApiTypes.OBJECT})
    def post(self, request: Request, pk: int) -> Response:
        data = s.RegieInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        chosen = User.objects.filter(pk=data.validated_data["regiehouder"]).first()
        if chosen is None:
            raise ValidationError({"regiehouder": ["Onbekende regiehouder."]})
        if regie.active_assignment(family=self.family) is not None:
            regie_services.regie_handover(
                family=self.family, to=chosen, by=_user(request), reason=data.validated_data["handover_reason"]
            )
        else:
            regie_services.regie_assign(family=self.family, regiehouder=chosen, by=_user(request))
        return Response({"regiehouder": {"id": chosen.pk, "name": chosen.full_name}}, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class MeldcodeView(FamilyAPIMixin, APIView):
    """The open meldcode track with its steps (GET); record the next step, in order (POST)."""

    permission = "signalling.record_meldcode"
    audit_purpose = "meldcode bijhouden"

    def _body(self) -> dict[str, Any]:
        track = signalling.open_meldcode(family=self.family)
        if track is None:
            return {"open_track": None}
        return {
            "open_track": {
                "id": track.pk,
                "unsafety": track.unsafety,
                "started_at": track.started_at,
                "steps": [
                    {
                        "step": st.step,
                        "done_on": st.done_on,
                        "done_by": st.done_by.full_name,
                        "notes": st.notes,
                        "consulted": st.consulted,
                        "decision": st.decision,
                    }
                    for st in track.steps.all()
                ],
            }
        }

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, pk: int) -> Response:
        return Response(self._body())

    @extend_schema(request=s.MeldcodeStepInputSerializer, responses={201: OpenApiTypes.OBJECT})
    def post(self, request: Request, pk: int) -> Response:
        data = s.MeldcodeStepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        track = signalling.open_meldcode(family=self.family)
        if track is None:
            raise ValidationError({"step": ["Er loopt geen meldcode voor dit gezin."]})
        signalling_services.meldcode_step_record(track=track, by=_user(request), **data.validated_data)
        return Response(self._body(), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class PlanView(FamilyAPIMixin, APIView):
    """The family's plan: goals in their own words with who does what by when (GET); add a goal, or an
    action to a goal (POST with `goal` set), optionally carrying out a pathway task."""

    permission = "plans.change_plan"
    audit_purpose = "plan met het gezin"

    def _body(self) -> list[dict[str, Any]]:
        return [
            {
                "id": goal.pk,
                "domain": goal.domain,
                "text": goal.text,
                "status": goal.status,
                "actions": [
                    {
                        "id": a.pk,
                        "what": a.what,
                        "who": a.who,
                        "due_on": a.due_on,
                        "status": a.status,
                        "task": a.task_id,
                    }
                    for a in goal.actions.all()
                ],
            }
            for goal in plans.goals(family=self.family)
        ]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request, pk: int) -> Response:
        return Response({"goals": self._body()})

    @extend_schema(request=s.PlanInputSerializer, responses={201: OpenApiTypes.OBJECT})
    def post(self, request: Request, pk: int) -> Response:
        data = s.PlanInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        by = _user(request)
        if values.get("goal") is None:
            plan_services.goal_add(family=self.family, by=by, domain=values["domain"], text=values["text"])
        else:
            goal = Goal.objects.select_related("family").filter(pk=values["goal"], family=self.family).first()
            if goal is None:
                raise ValidationError({"goal": ["Kies een doel van dit gezin."]})
            task = Task.objects.filter(pk=values["task"]).first() if values.get("task") else None
            plan_services.action_add(
                goal=goal, by=by, what=values["text"], who=values["who"], due_on=values.get("due_on"), task=task
            )
        return Response({"goals": self._body()}, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class WorklistView(PersonalDataAPIMixin, generics.ListAPIView):  # type: ignore[type-arg]
    """ "Mijn taken": the person's open tasks, the earliest due first."""

    serializer_class = s.TaskSerializer
    audit_purpose = "mijn taken bekijken"
    audit_object_type = "pathways.task"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Task.objects.none()
        if not self.request.user.has_perm("pathways.view_worklist"):
            self.permission_denied(self.request)
        return pathways.worklist(user=self.request.user).select_related("assigned_to", "version")


@extend_schema(tags=TAGS, request=s.TaskDoneSerializer, responses=s.TaskSerializer)
class TaskDoneView(PersonalDataAPIMixin, APIView):
    """Mark a task done (a member of the family's care team)."""

    audit_purpose = "taak afronden"
    audit_object_type = "pathways.task"

    def post(self, request: Request, pk: int) -> Response:
        task = Task.objects.visible_to(request.user).select_related("family").filter(pk=pk).first()
        if task is None or not request.user.has_perm("pathways.change_task", task):
            self.permission_denied(request)
            raise PermissionDenied  # permission_denied raises; this line tells the type checker
        data = s.TaskDoneSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        done = pathway_services.task_complete(task=task, by=_user(request), note=data.validated_data["note"])
        self._audited_objects = [Target("pathways.task", str(done.pk))]
        return Response(s.TaskSerializer(done).data)


@extend_schema(tags=TAGS)
class DashboardView(PersonalDataAPIMixin, APIView):
    """The regiehouder's caseload: families, open and overdue tasks, the next contact."""

    audit_purpose = "caseload regiehouder bekijken"
    audit_object_type = "families.family"

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        if not request.user.has_perm("regie.view_dashboard"):
            self.permission_denied(request)
        board = regie.dashboard(user=_user(request))
        self._audited_objects = [row.family for row in board.rows]
        return Response(
            {
                "capacity": board.profile.capacity if board.profile else None,
                "caseload": board.caseload,
                "families": [
                    {
                        "id": row.family.pk,
                        "name": row.family.name,
                        "since": row.since,
                        "open_tasks": row.open_tasks,
                        "overdue": row.overdue,
                        "next_due": row.next_due,
                        "next_tasks": [t.title for t in row.next_tasks],
                    }
                    for row in board.rows
                ],
            }
        )


@extend_schema(tags=["route"])
class PathwayView(APIView):
    """The current pathway "Zo werken wij in Amsterdam" and the triage rules (no personal data)."""

    audit_policy = NO_PERSONAL_DATA

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request: Request) -> Response:
        version = pathway_services.current_version()
        rules = rule_set()
        return Response(
            {
                "pathway": {
                    "version": version.number,
                    "name": version.name,
                    "published_at": version.published_at,
                    "steps": [
                        {
                            "code": st.code,
                            "phases": st.phases,
                            "levels": st.levels,
                            "title_nl": st.title_nl,
                            "title_en": st.title_en,
                            "role": st.role,
                            "due_working_days": st.due_working_days,
                        }
                        for st in version.steps.all()
                    ],
                },
                "triage_rules": {
                    "version": rules.version,
                    "tables": {
                        name: [{"id": r.id, "level": r.level, "when": dict(r.when), "why_nl": r.why_nl} for r in table]
                        for name, table in (
                            ("protective", rules.protective),
                            ("amsterdam", rules.amsterdam),
                            ("national", rules.national),
                        )
                    },
                },
            }
        )
