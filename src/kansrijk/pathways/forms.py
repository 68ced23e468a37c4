"""Forms of the pathway: a task done, and the editor's steps and publication."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin
from kansrijk.families.levels import AmsterdamLevel
from kansrijk.families.models import Discipline
from kansrijk.families.phase import PhaseKind
from kansrijk.pathways.definition import PHASES, REGIEHOUDER, SIGNALEERDER, StepData, check_steps, step_from_mapping
from kansrijk.pathways.models import CompletesOn

ROLE_LABELS: tuple[tuple[str, Any], ...] = (
    (SIGNALEERDER, _("Wie het gesprek vastlegde")),
    (REGIEHOUDER, _("Regiehouder")),
    *Discipline.choices,
)


class TaskDoneForm(AmsFormMixin, forms.Form):
    note = forms.CharField(label=_("Wat is er gedaan? (kort)"), max_length=300, required=False)


class PathwayStepForm(AmsFormMixin, forms.Form):
    """One step of the pathway, as the programme team edits it."""

    code = forms.SlugField(label=_("Code"), max_length=60, help_text=_("Kleine letters, cijfers en streepjes."))
    title_nl = forms.CharField(label=_("Taak (Nederlands, B1)"), max_length=200)
    title_en = forms.CharField(label=_("Taak (Engels)"), max_length=200)
    description_nl = forms.CharField(label=_("Uitleg"), max_length=400, required=False)
    phases = forms.MultipleChoiceField(
        label=_("In welke fase"),
        choices=[(kind, label) for kind, label in PhaseKind.choices if kind in PHASES],
        widget=forms.CheckboxSelectMultiple,
    )
    levels = forms.MultipleChoiceField(
        label=_("Bij welk zorgniveau"), choices=AmsterdamLevel.choices, widget=forms.CheckboxSelectMultiple
    )
    # A blank first choice: an untouched empty row then sends nothing and is left out.
    role = forms.ChoiceField(label=_("Wie doet het"), choices=[("", "—"), *ROLE_LABELS])
    due_working_days = forms.IntegerField(label=_("Binnen hoeveel werkdagen"), min_value=0, max_value=130)
    completes_on = forms.ChoiceField(label=_("Klaar als"), choices=CompletesOn.choices, required=False)
    repeats = forms.BooleanField(label=_("Na elk gesprek opnieuw voorstellen"), required=False)


class BasePathwayStepFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    """The steps as a whole pass the same checks as a packaged definition (e.g. no code twice)."""

    def clean(self) -> None:
        super().clean()
        # A broken management form (a post without it) leaves no cleaned data: its own error says so.
        if any(self.errors) or self.non_form_errors() or not self.management_form.is_valid():
            return
        problems = check_steps(self.steps())
        if problems:
            raise forms.ValidationError(problems)

    def steps(self) -> list[StepData]:
        return [step_from_mapping(data) for data in self.cleaned_data if data and not data.get("DELETE")]


PathwayStepFormSet = forms.formset_factory(PathwayStepForm, formset=BasePathwayStepFormSet, extra=1, can_delete=True)


class PathwayPublishForm(AmsFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Wat verandert er, en waarom?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dit staat bij de nieuwe versie. Taken die al gemaakt zijn, blijven zoals ze zijn."),
    )
