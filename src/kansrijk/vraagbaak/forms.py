"""Forms of the Vraagbaak pages. They read and check input; the services decide and write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import Organisation
from kansrijk.core.forms import AmsFormMixin
from kansrijk.geo.models import Stadsdeel
from kansrijk.vraagbaak import tags
from kansrijk.vraagbaak.models import Frequency, Worked

# Every text is capped before the anonymity guard reads it (the guard's time grows with the text); the
# caps are the models' max_length, so nothing valid here fails later.
TOO_LONG: Any = {"max_length": _("Deze tekst is te lang: maximaal %(limit_value)d tekens (nu %(show_value)d).")}


def _tag_field(label: Any, help_text: Any = "") -> forms.MultipleChoiceField:
    """Tag checkboxes; the choices are read when the form is made (they live in the database)."""
    return forms.MultipleChoiceField(
        label=label, required=False, widget=forms.CheckboxSelectMultiple, help_text=help_text, choices=()
    )


def _tag_choices(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    return [choice for kind in kinds for choice in tags.choices(kind)]


class ProfileForm(AmsFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Bij welke organisatie werk je?"), queryset=Organisation.objects.order_by("name")
    )
    function = forms.CharField(
        label=_("Wat is je functie?"),
        max_length=200,
        error_messages=TOO_LONG,
        help_text=_("Bijvoorbeeld: jeugdverpleegkundige"),
    )
    stadsdelen = forms.ModelMultipleChoiceField(
        label=_("In welke stadsdelen werk je?"),
        queryset=Stadsdeel.objects.order_by("naam"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    expertise = _tag_field(_("Waar weet je veel van?"))
    about = forms.CharField(
        label=_("Over jou (mag leeg blijven)"),
        required=False,
        max_length=1000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarvoor kunnen collega's je benaderen?"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["expertise"]).choices = _tag_choices(("risk", "hulpvraag"))
        self.apply_ams_classes()


class SignupForm(ProfileForm):
    full_name = forms.CharField(label=_("Je naam"), max_length=200, error_messages=TOO_LONG)
    email = forms.EmailField(
        label=_("Je werk-e-mailadres"),
        help_text=_("Met het e-mailadres van je organisatie gaat goedkeuring soms meteen."),
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minstens 12 tekens."),
    )
    field_order = ("full_name", "email", "password", "organisation", "function", "stadsdelen", "expertise", "about")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


class PreferencesForm(ProfileForm):
    frequency = forms.ChoiceField(
        label=_("Hoe vaak wil je een e-mail van de Vraagbaak?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text=_("Alle berichten staan ook altijd op je berichtenpagina."),
    )
    follows = _tag_field(
        _("Over welke onderwerpen en stadsdelen wil je nieuwe vragen zien?"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["follows"]).choices = _tag_choices(
            ("risk", "hulpvraag", "fase", "stadsdeel")
        )
        self.apply_ams_classes()


class QuestionForm(AmsFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Je vraag in één zin"),
        max_length=160,
        error_messages=TOO_LONG,
        help_text=_("Zonder namen, adressen of andere dingen waaraan iemand het gezin herkent."),
    )
    text = forms.CharField(
        label=_("Vertel over de situatie"),
        max_length=5000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Schrijf over de situatie, niet over de persoon: 'een moeder van 24 in Nieuw-West' in plaats van "
            "een naam. Wat heb je al geprobeerd? Wat zoek je?"
        ),
    )
    risk = _tag_field(_("Om welke zorgen gaat het?"))
    hulpvraag = _tag_field(_("Welke hulpvraag?"))
    fase = _tag_field(_("In welke fase?"))
    stadsdeel = _tag_field(_("In welk stadsdeel?"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in ("risk", "hulpvraag", "fase", "stadsdeel"):
            cast(forms.MultipleChoiceField, self.fields[kind]).choices = tags.choices(kind)
        self.apply_ams_classes()

    def tag_keys(self) -> list[str]:
        return [key for kind in ("risk", "hulpvraag", "fase", "stadsdeel") for key in self.cleaned_data.get(kind, [])]


class AnswerForm(AmsFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Je antwoord"),
        max_length=5000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Noem organisaties en contactpersonen gerust; geen gegevens van het gezin."),
    )


class FeedbackForm(AmsFormMixin, forms.Form):
    worked = forms.ChoiceField(
        label=_("Werkte de oplossing in de praktijk?"), choices=Worked.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Wat werkte er, en wat niet?"),
        max_length=2000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zo leren collega's met een vergelijkbare vraag ervan."),
    )


class ModeratorEditForm(AmsFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=160, error_messages=TOO_LONG, required=False)
    text = forms.CharField(
        label=_("Tekst"), max_length=5000, error_messages=TOO_LONG, widget=forms.Textarea(attrs={"rows": 8})
    )
    reason = forms.CharField(
        label=_("Waarom pas je dit aan?"),
        max_length=500,
        error_messages=TOO_LONG,
        help_text=_("Dit komt in het moderatielog. De oude tekst wordt niet bewaard."),
    )


class SessionNotesForm(AmsFormMixin, forms.Form):
    title = forms.CharField(label=_("De vraag in één zin"), max_length=160, error_messages=TOO_LONG)
    text = forms.CharField(
        label=_("De situatie (anoniem)"),
        max_length=5000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    notes = forms.CharField(
        label=_("Wat adviseerden de deelnemers?"),
        max_length=5000,
        error_messages=TOO_LONG,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class DomainForm(AmsFormMixin, forms.Form):
    domain = forms.CharField(
        label=_("E-maildomein"), max_length=200, error_messages=TOO_LONG, help_text=_("Bijvoorbeeld: ggd.amsterdam.nl")
    )
    organisation = forms.ModelChoiceField(label=_("Organisatie"), queryset=Organisation.objects.order_by("name"))
