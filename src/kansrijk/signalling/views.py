"""Pages of signalling: record a conversation, and follow the meldcode."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.core.forms import apply_errors
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.views import FamilyPage
from kansrijk.signalling import forms
from kansrijk.signalling import selectors as signalling
from kansrijk.signalling import services as signalling_services
from kansrijk.signalling.models import MeldcodeStepKind


class ConversationView(FamilyPage):
    """Record a conversation: strengths first, the topics discussed, then the proposed level and why."""

    template_name = "signalling/conversation.html"
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
                        by=self.person,
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
                        return redirect("signalling:meldcode", pk=self.family.pk)
                    return HttpResponseRedirect(self.family_url())
        return self.render_to_response(self.get_context_data(**context), status=200 if form.is_valid() else 422)


class MeldcodeView(FamilyPage):
    template_name = "signalling/meldcode.html"
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
                    by=self.person,
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
                return redirect("signalling:meldcode", pk=self.family.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)
