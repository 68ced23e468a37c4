"""Forms of the family file's pages. They only read and check input; the services decide and write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core import clock
from kansrijk.core.forms import AmsFormMixin
from kansrijk.families.languages import LANGUAGE_CHOICES
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import CaregiverRole, Discipline, PregnancyOutcome
from kansrijk.families.phase import PhaseKind
from kansrijk.geo.models import Stadsdeel
from kansrijk.pathways.definition import PHASES, REGIEHOUDER, SIGNALEERDER, StepData, check_steps, step_from_mapping
from kansrijk.pathways.models import CompletesOn
from kansrijk.plans.models import LifeDomain
from kansrijk.signalling.catalogue import Factor, catalogue
from kansrijk.signalling.models import MeldcodeDecision, MeldcodeStepKind, Source, Unsafety
from kansrijk.signalling.selectors import Discussed
from kansrijk.signalling.services import ObservationInput


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class Situation:
    BEFORE = "voor"
    PREGNANT = "zwanger"
    BORN = "geboren"
    CHOICES = (
        (BEFORE, _("Nog niet zwanger (kinderwens of nu niet zwanger)")),
        (PREGNANT, _("Zwanger")),
        (BORN, _("Het kind is geboren")),
    )


class CaregiverFields(forms.Form):
    given_name = forms.CharField(label=_("Voornaam"), max_length=80)
    family_name = forms.CharField(label=_("Achternaam"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Rol in het gezin"), choices=CaregiverRole.choices)
    date_of_birth = forms.DateField(label=_("Geboortedatum"), required=False, widget=DateInput())
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Talen die de ouder spreekt"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    needs_interpreter = forms.BooleanField(label=_("Heeft een tolk nodig"), required=False)
    needs_cultuurbemiddelaar = forms.BooleanField(label=_("Wil een cultuurbemiddelaar"), required=False)


class CaregiverForm(AmsFormMixin, CaregiverFields):
    pass


class FamilyOpenForm(AmsFormMixin, CaregiverFields):
    """Open a family file with what the first conversation gives: the family, one parent, and where the
    family is now (the phase follows from these dates)."""

    family_label = forms.CharField(
        label=_("Naam van het gezin"),
        max_length=120,
        help_text=_("Zoals het gezin zichzelf noemt, bijvoorbeeld 'Linda en Davie'."),
    )
    discipline = forms.ChoiceField(label=_("Jouw rol bij dit gezin"), choices=Discipline.choices)
    street = forms.CharField(label=_("Straat"), max_length=120, required=False)
    house_number = forms.CharField(label=_("Huisnummer"), max_length=20, required=False)
    postcode = forms.CharField(
        label=_("Postcode"), max_length=7, required=False, help_text=_("Daarmee vinden we het stadsdeel en gebied.")
    )
    situation = forms.ChoiceField(
        label=_("Waar staat het gezin nu?"), choices=Situation.CHOICES, widget=forms.RadioSelect
    )
    expected_due_date = forms.DateField(label=_("Uitgerekende datum"), required=False, widget=DateInput())
    weeks_pregnant = forms.IntegerField(
        label=_("Of: hoeveel weken zwanger nu"),
        required=False,
        min_value=1,
        max_value=43,
        help_text=_("Als er nog geen uitgerekende datum is."),
    )
    child_name = forms.CharField(label=_("Voornaam van het kind"), max_length=80, required=False)
    birth_date = forms.DateField(label=_("Geboortedatum van het kind"), required=False, widget=DateInput())
    weeks_at_birth = forms.IntegerField(
        label=_("Zwangerschapsduur bij de geboorte (weken)"), required=False, min_value=22, max_value=44
    )

    field_order = ["family_label", "discipline", "street", "house_number", "postcode"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        situation = data.get("situation")
        if situation == Situation.PREGNANT and not data.get("expected_due_date") and not data.get("weeks_pregnant"):
            self.add_error("expected_due_date", _("Vul de uitgerekende datum in, of hoeveel weken zwanger."))
        if situation == Situation.BORN:
            if not data.get("child_name"):
                self.add_error("child_name", _("Vul de voornaam van het kind in."))
            if not data.get("birth_date"):
                self.add_error("birth_date", _("Vul de geboortedatum van het kind in."))
        return data


class ChildForm(AmsFormMixin, forms.Form):
    given_name = forms.CharField(label=_("Voornaam van het kind"), max_length=80)
    birth_date = forms.DateField(label=_("Geboortedatum"), widget=DateInput())
    weeks_at_birth = forms.IntegerField(
        label=_("Zwangerschapsduur bij de geboorte (weken)"), required=False, min_value=22, max_value=44
    )
    birth_weight_grams = forms.IntegerField(
        label=_("Geboortegewicht (gram)"), required=False, min_value=300, max_value=7000
    )


class PregnancyForm(AmsFormMixin, forms.Form):
    expected_due_date = forms.DateField(label=_("Uitgerekende datum"), required=False, widget=DateInput())
    weeks_pregnant = forms.IntegerField(
        label=_("Of: hoeveel weken zwanger nu"), required=False, min_value=1, max_value=43
    )
    expected_children = forms.IntegerField(label=_("Aantal kinderen verwacht"), min_value=1, max_value=4, initial=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("expected_due_date") and not data.get("weeks_pregnant"):
            self.add_error("expected_due_date", _("Vul de uitgerekende datum in, of hoeveel weken zwanger."))
        return data


class PregnancyEndForm(AmsFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hoe is de zwangerschap geëindigd?"),
        choices=[(v, label) for v, label in PregnancyOutcome.choices if v not in {"lopend", "geboren"}],
        help_text=_("Is het kind geboren? Leg dan de geboorte vast; de zwangerschap sluit dan vanzelf."),
    )
    ended_on = forms.DateField(label=_("Datum"), widget=DateInput())


class TeamLeaveForm(AmsFormMixin, forms.Form):
    member = forms.TypedChoiceField(label=_("Wie gaat uit het zorgteam?"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args: Any, team: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member = cast(forms.TypedChoiceField, self.fields["member"])
        member.choices = [(m.pk, f"{m.user.full_name}, {m.get_discipline_display()}") for m in team]


class NetworkForm(AmsFormMixin, forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=120)
    relation = forms.CharField(label=_("Relatie"), max_length=80, help_text=_("Bijvoorbeeld: zus, buurvrouw, vriend."))
    helps_with = forms.CharField(label=_("Helpt met"), max_length=300, required=False)
    agreement = forms.CharField(label=_("Afspraak"), max_length=300, required=False)
    contact = forms.CharField(label=_("Contact"), max_length=120, required=False)


class CareTeamForm(AmsFormMixin, forms.Form):
    email = forms.EmailField(label=_("E-mailadres van de professional"))
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)


@dataclass
class FactorRow:
    factor: Factor
    status: forms.BoundField
    note: forms.BoundField
    source: forms.BoundField
    discussed: Discussed | None


RISK_CHOICES = (("", _("Niet besproken")), ("ja", _("Speelt")), ("nee", _("Speelt niet")))
PROTECTIVE_CHOICES = (("", _("Niet besproken")), ("ja", _("Sterk")), ("nee", _("Onvoldoende")))


class ConversationForm(AmsFormMixin, forms.Form):
    """What was discussed in a conversation with the parents, strengths first. Topics not discussed
    stay empty; nothing here is a questionnaire for parents."""

    conversation_on = forms.DateField(label=_("Datum van het gesprek"), widget=DateInput())
    strengths_note = forms.CharField(
        label=_("Wat gaat goed?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Begin met wat goed gaat, in de woorden van het gezin."),
    )
    unsafety = forms.ChoiceField(label=_("Veiligheid"), choices=Unsafety.choices, required=False)
    chosen_amsterdam = forms.ChoiceField(
        label=_("Jouw keuze voor het zorgniveau"),
        choices=[("", _("Zoals voorgesteld")), *AmsterdamLevel.choices],
        required=False,
    )
    chosen_national = forms.ChoiceField(
        label=_("Jouw keuze voor het landelijke niveau"),
        choices=[("", _("Zoals voorgesteld")), *NationalLevel.choices],
        required=False,
    )
    override_reason = forms.CharField(
        label=_("Waarom kies je een ander niveau?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, discussed: list[Discussed] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"conversation_on": clock.local_date()})
        super().__init__(*args, **kwargs)
        self.discussed = {d.factor.code: d for d in discussed or []}
        known = catalogue()
        for factor in (*known.risk, *known.protective):
            choices = RISK_CHOICES if factor.kind == "risk" else PROTECTIVE_CHOICES
            self.fields[f"f_{factor.code}"] = forms.ChoiceField(
                label=factor.label, choices=choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"n_{factor.code}"] = forms.CharField(label=_("Toelichting"), max_length=500, required=False)
            self.fields[f"s_{factor.code}"] = forms.ChoiceField(label=_("Bron"), choices=Source.choices, required=False)
        self.apply_ams_classes()  # the per-factor fields too

    def rows(self, kind: str) -> list[FactorRow]:
        known = catalogue()
        factors = known.risk if kind == "risk" else known.protective
        return [
            FactorRow(
                factor=f,
                status=self[f"f_{f.code}"],
                note=self[f"n_{f.code}"],
                source=self[f"s_{f.code}"],
                discussed=self.discussed.get(f.code),
            )
            for f in factors
        ]

    @property
    def risk_rows(self) -> list[FactorRow]:
        return self.rows("risk")

    @property
    def protective_rows(self) -> list[FactorRow]:
        return self.rows("protective")

    def observations(self) -> list[ObservationInput]:
        data = self.cleaned_data
        found = []
        for code in sorted(catalogue().codes):
            status = data.get(f"f_{code}")
            if status in {"ja", "nee"}:
                found.append(
                    ObservationInput(
                        factor=code,
                        present=status == "ja",
                        note=data.get(f"n_{code}", ""),
                        source=data.get(f"s_{code}") or Source.PARENT,
                    )
                )
        return found


class TaskDoneForm(AmsFormMixin, forms.Form):
    note = forms.CharField(label=_("Wat is er gedaan? (kort)"), max_length=300, required=False)


class MeldcodeStepForm(AmsFormMixin, forms.Form):
    step = forms.TypedChoiceField(
        label=_("Stap"), choices=MeldcodeStepKind.choices, coerce=int, widget=forms.HiddenInput
    )
    done_on = forms.DateField(label=_("Datum"), widget=DateInput())
    notes = forms.CharField(label=_("Aantekeningen"), widget=forms.Textarea(attrs={"rows": 3}))
    consulted = forms.CharField(
        label=_("Wie heb je geraadpleegd?"),
        max_length=120,
        required=False,
        help_text=_("Een collega en/of Veilig Thuis (alleen bij stap 2)."),
    )
    decision = forms.ChoiceField(
        label=_("Besluit (alleen bij stap 5)"), choices=[("", "—"), *MeldcodeDecision.choices], required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = clock.local_date()


class HandoverForm(AmsFormMixin, forms.Form):
    reason = forms.CharField(label=_("Waarom wordt de regie overgedragen?"), max_length=300)


class GoalForm(AmsFormMixin, forms.Form):
    domain = forms.ChoiceField(label=_("Onderwerp"), choices=LifeDomain.choices)
    text = forms.CharField(
        label=_("Doel, in de woorden van het gezin"),
        max_length=300,
        help_text=_("Bijvoorbeeld: 'Ik wil weer rustig slapen.'"),
    )


class ActionForm(AmsFormMixin, forms.Form):
    what = forms.CharField(label=_("Wat gebeurt er?"), max_length=300)
    who = forms.CharField(
        label=_("Wie doet het?"),
        max_length=120,
        required=False,
        help_text=_("Een ouder, iemand uit het netwerk, of kies hieronder een professional."),
    )
    professional = forms.TypedChoiceField(
        label=_("Professional uit het zorgteam"), required=False, coerce=int, empty_value=None
    )
    due_on = forms.DateField(label=_("Wanneer klaar?"), required=False, widget=DateInput())
    task = forms.TypedChoiceField(label=_("Hoort bij taak uit de route"), required=False, coerce=int, empty_value=None)

    def __init__(
        self, *args: Any, team: list[Any] | None = None, tasks: list[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        professional = cast(forms.TypedChoiceField, self.fields["professional"])
        task = cast(forms.TypedChoiceField, self.fields["task"])
        professional.choices = [("", "—"), *((m.user.pk, m.user.full_name) for m in team or [])]
        task.choices = [("", "—"), *((t.pk, t.title) for t in tasks or [])]


class RegieProfileForm(AmsFormMixin, forms.Form):
    discipline = forms.ChoiceField(label=_("Discipline"), choices=Discipline.choices)
    capacity = forms.IntegerField(
        label=_("Hoeveel gezinnen kun je aan?"),
        min_value=1,
        max_value=60,
        help_text=_("Het aantal gezinnen waarvoor je tegelijk regiehouder kunt zijn."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Talen die je spreekt"), choices=LANGUAGE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    whole_city = forms.BooleanField(label=_("Ik werk in heel Amsterdam"), required=False)
    stadsdelen = forms.ModelMultipleChoiceField(
        label=_("Stadsdelen waar je werkt"),
        queryset=Stadsdeel.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    active = forms.BooleanField(label=_("Ik neem nieuwe gezinnen aan"), required=False, initial=True)


ROLE_LABELS: tuple[tuple[str, Any], ...] = (
    (SIGNALEERDER, _("Wie het gesprek vastlegde")),
    (REGIEHOUDER, _("Regiehouder")),
    *Discipline.choices,
)


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
