"""Forms of signalling: the conversation (strengths first) and a meldcode step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core import clock
from kansrijk.core.forms import AmsFormMixin, DateInput
from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.signalling.catalogue import Factor, catalogue
from kansrijk.signalling.models import MeldcodeDecision, MeldcodeStepKind, Source, Unsafety
from kansrijk.signalling.selectors import Discussed
from kansrijk.signalling.services import ObservationInput

RISK_CHOICES = (("", _("Niet besproken")), ("ja", _("Speelt")), ("nee", _("Speelt niet")))


PROTECTIVE_CHOICES = (("", _("Niet besproken")), ("ja", _("Sterk")), ("nee", _("Onvoldoende")))


@dataclass
class FactorRow:
    factor: Factor
    status: forms.BoundField
    note: forms.BoundField
    source: forms.BoundField
    discussed: Discussed | None


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
