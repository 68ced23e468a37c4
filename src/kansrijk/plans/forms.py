"""Forms of the plan: goals and actions."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin, DateInput
from kansrijk.plans.models import LifeDomain


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
