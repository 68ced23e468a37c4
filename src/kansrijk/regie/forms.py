"""Forms of regie."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin
from kansrijk.families.languages import LANGUAGE_CHOICES
from kansrijk.families.models import Discipline
from kansrijk.geo.models import Stadsdeel


class HandoverForm(AmsFormMixin, forms.Form):
    reason = forms.CharField(label=_("Waarom wordt de regie overgedragen?"), max_length=300)


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
