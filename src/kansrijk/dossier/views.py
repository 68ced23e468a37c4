"""The family file: the list of one's families, the overview that assembles the domain apps' panels, and
the additions to the file that span several apps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.accounts.base_views import Page
from kansrijk.accounts.models import User
from kansrijk.core import clock
from kansrijk.core.forms import apply_errors
from kansrijk.families import forms
from kansrijk.families import selectors as families
from kansrijk.families import services as family_services
from kansrijk.families.languages import language_name
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import CareTeamMember, PregnancyOutcome
from kansrijk.families.views import FamilyPage
from kansrijk.pathways import selectors as pathways
from kansrijk.pathways import services as pathway_services
from kansrijk.pathways.models import TaskStatus
from kansrijk.pathways.services import PlanResult
from kansrijk.referrals import selectors as referrals
from kansrijk.regie import selectors as regie
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling import services as signalling_services


class FamilyListView(Page):
    template_name = "dossier/family_list.html"
    permission_required = "families.list_families"
    audit_purpose = "mijn gezinnen bekijken"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = list(families.family_list(user=self.person))
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
                plan = self._save(self.person, kwargs["kind"], form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if plan is not None and plan.created:  # a new phase: the pathway followed
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

    def _save(self, by: User, kind: str, data: dict[str, Any]) -> PlanResult | None:
        """One service per kind; a birth or the end of a pregnancy returns what the pathway planned."""
        family = self.family
        if kind == "ouder":
            family_services.caregiver_add(family=family, by=by, data=forms.caregiver_data(data))
        elif kind == "kind":
            return signalling_services.birth_record(
                family=family,
                by=by,
                given_name=data["given_name"],
                birth_date=data["birth_date"],
                weeks_at_birth=data.get("weeks_at_birth"),
                birth_weight_grams=data.get("birth_weight_grams"),
            )[1]
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
            return signalling_services.pregnancy_end_record(
                family=family, by=by, outcome=data["outcome"], ended_on=data["ended_on"]
            )[1]
        elif kind == "netwerk":
            family_services.network_member_add(family=family, by=by, **data)
        elif kind == "zorgteam":
            family_services.care_team_add_by_email(
                family=family, email=data["email"], discipline=data["discipline"], by=by
            )
        return None
