"""Forms about the family itself: parents and caregivers, children, pregnancies, network, care team."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin, DateInput
from kansrijk.families.languages import LANGUAGE_CHOICES
from kansrijk.families.models import CaregiverRole, Discipline, PregnancyOutcome
from kansrijk.families.services import CaregiverData


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


def caregiver_data(data: dict[str, Any]) -> CaregiverData:
    """A caregiver form's cleaned data as the services' input."""
    return CaregiverData(
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
