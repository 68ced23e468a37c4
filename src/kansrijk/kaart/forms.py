"""Forms of the Kaart: the public search form and the editor's service form."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin
from kansrijk.geo.models import Stadsdeel
from kansrijk.geo.selectors import stadsdeel_list
from kansrijk.kaart import selectors
from kansrijk.kaart.models import Service, ServiceStatus, Taxonomy, TaxonomyTerm
from kansrijk.kaart.search import KaartFilters
from kansrijk.kaart.services import EDITABLE_FIELDS, ServiceChange


def _term_choices(taxonomy: str) -> list[tuple[str, str]]:
    language = get_language() or "nl"
    return [(term.code, term.label(language)) for term in selectors.terms(taxonomy)]


def _place_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [("", _("Heel Amsterdam"))]
    for stadsdeel in stadsdeel_list():
        gebieden = [(f"gebied:{g.code}", g.naam) for g in sorted(stadsdeel.gebieden.all(), key=lambda g: g.naam)]
        choices.append(
            (
                stadsdeel.naam,
                [(f"stadsdeel:{stadsdeel.code}", _("Heel %(naam)s") % {"naam": stadsdeel.naam}), *gebieden],
            )
        )
    return choices


# The filters besides the question, folded away under "Meer keuzes" until one is chosen.
FILTER_FIELDS = ("plaats", "hulpvraag", "fase", "taal", "gratis", "nu_open")


class SearchForm(AmsFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Waar zoek je hulp bij?"),
        help_text=_("Schrijf het in je eigen woorden. Bijvoorbeeld: gratis babyspullen in Nieuw-West."),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    plaats = forms.ChoiceField(label=_("Waar"), required=False)
    hulpvraag = forms.ChoiceField(label=_("Onderwerp"), required=False)
    fase = forms.ChoiceField(label=_("Fase"), required=False)
    taal = forms.ChoiceField(label=_("Taal"), required=False)
    gratis = forms.BooleanField(label=_("Alleen gratis"), required=False)
    nu_open = forms.BooleanField(label=_("Nu open"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "nl"
        cast(forms.ChoiceField, self.fields["plaats"]).choices = _place_choices()
        cast(forms.ChoiceField, self.fields["hulpvraag"]).choices = [
            ("", _("Alle onderwerpen")),
            *_term_choices(Taxonomy.HULPVRAAG),
        ]
        cast(forms.ChoiceField, self.fields["fase"]).choices = [("", _("Alle fases")), *_term_choices(Taxonomy.FASE)]
        cast(forms.ChoiceField, self.fields["taal"]).choices = [("", _("Alle talen"))] + [
            (lang.code, lang.name(language)) for lang in selectors.languages()
        ]

    def filters(self, removed: tuple[tuple[str, str], ...] = ()) -> KaartFilters:
        data = self.cleaned_data if self.is_valid() else {}
        place = str(data.get("plaats") or "")
        kind, _sep, code = place.partition(":")
        return KaartFilters(
            stadsdelen=(code,) if kind == "stadsdeel" else (),
            gebieden=(code,) if kind == "gebied" else (),
            categories=(data["hulpvraag"],) if data.get("hulpvraag") else (),
            phase=data.get("fase") or None,
            languages=(data["taal"],) if data.get("taal") else (),
            free=True if data.get("gratis") else None,
            open_now=bool(data.get("nu_open")),
            removed=removed,
        )

    @property
    def asked(self) -> bool:
        """Whether the person asked anything (a question or a filter)."""
        data = self.cleaned_data if self.is_valid() else {}
        return any(data.get(name) for name in ("q", *FILTER_FIELDS))

    @property
    def filters_chosen(self) -> bool:
        """Whether any of the extra filters has a value (as sent, also when the form is not valid)."""
        return any(self[name].value() for name in FILTER_FIELDS)


class ServiceEditForm(AmsFormMixin, forms.ModelForm[Service]):
    """What an editor keeps current. The description is checked for B1 while typing."""

    categories = forms.ModelMultipleChoiceField(
        label=_("Hulpvragen"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Waar helpt dit aanbod bij? Kies er minstens één."),
    )
    phases = forms.ModelMultipleChoiceField(
        label=_("Fases"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Voor wie"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Talen"),
        queryset=selectors.languages(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    stadsdelen = forms.ModelMultipleChoiceField(
        label=_("Stadsdelen"),
        queryset=Stadsdeel.objects.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    verified = forms.BooleanField(
        label=_("Ik heb alles gecontroleerd: het klopt"),
        required=False,
        help_text=_("Dan zien ouders en collega's dat het aanbod actueel is."),
    )

    class Meta:
        model = Service
        fields = EDITABLE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "application_process": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, taxonomy in (
            ("categories", Taxonomy.HULPVRAAG),
            ("phases", Taxonomy.FASE),
            ("target_groups", Taxonomy.DOELGROEP),
        ):
            field = cast(forms.ModelMultipleChoiceField, self.fields[name])  # type: ignore[type-arg]
            field.queryset = selectors.terms(taxonomy)
        cast(forms.ChoiceField, self.fields["status"]).choices = ServiceStatus.choices
        self.fields["description"].widget.attrs.update(
            {
                "hx-post": reverse_lazy("kaart:b1_check"),
                "hx-trigger": "input changed delay:600ms",
                "hx-target": "#b1-check",
                "hx-swap": "innerHTML",
            }
        )

    def change(self) -> ServiceChange:
        """The cleaned values as the change the service layer applies (chosen terms as lists)."""
        values: dict[str, Any] = {}
        for name in EDITABLE_FIELDS:
            value = self.cleaned_data[name]
            values[name] = list(value) if isinstance(value, QuerySet) else value
        return ServiceChange(**values)


class B1CheckForm(forms.Form):
    description = forms.CharField(required=False, max_length=5000)
