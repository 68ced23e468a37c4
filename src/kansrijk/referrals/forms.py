"""Forms of the referral pages. They read and check input; the referral services decide and write."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.consent.models import ConsentMethod, DataCategory
from kansrijk.core import clock
from kansrijk.core.forms import AmsFormMixin, DateInput
from kansrijk.families.models import Caregiver
from kansrijk.kaart.models import Capacity
from kansrijk.referrals.models import ClosingReason, HandoverMode, Urgency


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class ReferralStartForm(AmsFormMixin, forms.Form):
    service = forms.ChoiceField(
        label=_("Naar welk hulpaanbod?"),
        required=False,
        help_text=_("Zoek op de Kaart en kies daar 'Verwijs een gezin hierheen', of kies hier."),
    )
    professional_email = forms.EmailField(
        label=_("Of: naar een professional (e-mailadres)"),
        required=False,
        help_text=_("Alleen als je een vaste persoon kent die het gezin verder helpt."),
    )
    reason = forms.CharField(
        label=_("Wat is de hulpvraag? Schrijf het op in de woorden van het gezin."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    urgency = forms.ChoiceField(label=_("Hoe snel is het nodig?"), choices=Urgency.choices, initial=Urgency.NORMAL)
    handover_preference = forms.ChoiceField(
        label=_("Hoe willen jullie overdragen?"),
        choices=HandoverMode.choices,
        initial=HandoverMode.IN_PERSON,
        help_text=_("Bij een warme overdracht zijn de ouders, jij en de nieuwe professional samen."),
    )

    def __init__(self, *args: Any, services: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["service"]).choices = [("", _("— kies —")), *services]
        self.apply_ams_classes()


class ConsentForm(AmsFormMixin, forms.Form):
    given_by = forms.TypedChoiceField(label=_("Welke ouder geeft toestemming?"), coerce=int)
    categories = forms.MultipleChoiceField(
        label=_("Wat mag gedeeld worden?"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    method = forms.ChoiceField(label=_("Hoe gaf de ouder toestemming?"), choices=ConsentMethod.choices)
    valid_until = forms.DateField(label=_("Geldig tot en met"), widget=DateInput())

    def __init__(self, *args: Any, caregivers: list[Caregiver], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["given_by"]).choices = [
            (c.pk, f"{c.given_name} ({c.get_role_display()})") for c in caregivers
        ]
        self.fields["valid_until"].initial = clock.local_date() + timedelta(days=365)
        self.fields["categories"].initial = [DataCategory.CONTACT, DataCategory.QUESTION]
        self.apply_ams_classes()


class DecisionForm(AmsFormMixin, forms.Form):
    ACCEPT, DECLINE = "accept", "decline"
    decision = forms.ChoiceField(
        label=_("Wat is je antwoord?"),
        choices=[(ACCEPT, _("Ja, wij helpen dit gezin")), (DECLINE, _("Nee, wij kunnen niet helpen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(label=_("Reden (bij nee)"), choices=[("", "—"), *ClosingReason.choices], required=False)
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False)
    suggested_service = forms.ChoiceField(label=_("Welk ander aanbod past misschien wel?"), required=False)

    def __init__(self, *args: Any, services: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["suggested_service"]).choices = [("", "—"), *services]
        self.apply_ams_classes()


class HandoverPlanForm(AmsFormMixin, forms.Form):
    mode = forms.ChoiceField(
        label=_("Hoe komen jullie samen?"),
        choices=[c for c in HandoverMode.choices if c[0] != HandoverMode.NONE],
        widget=forms.RadioSelect,
    )
    planned_at = forms.DateTimeField(label=_("Wanneer?"), widget=DateTimeInput())
    place = forms.CharField(label=_("Waar?"), max_length=200, required=False)
    home_visit = forms.BooleanField(label=_("Bij het gezin thuis (huisbezoek)"), required=False)
    participants = forms.CharField(
        label=_("Wie zijn erbij?"),
        max_length=500,
        help_text=_("De ouders, de huidige en de nieuwe professional, en zo nodig een tolk of cultuurbemiddelaar."),
    )
    interpreter = forms.BooleanField(label=_("Er is een tolk bij"), required=False)
    cultuurbemiddelaar = forms.BooleanField(label=_("Er is een cultuurbemiddelaar bij"), required=False)
    summary = forms.CharField(
        label=_("Samenvatting voor de overdracht"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Zo hoeven de ouders hun verhaal niet opnieuw te vertellen. Alleen wat ze willen delen."),
    )


class HandoverDoneForm(AmsFormMixin, forms.Form):
    done_mode = forms.ChoiceField(
        label=_("Hoe ging de overdracht?"),
        choices=[c for c in HandoverMode.choices if c[0] != HandoverMode.NONE],
        widget=forms.RadioSelect,
    )
    parents_present = forms.BooleanField(label=_("De ouders waren erbij"), required=False, initial=True)
    note = forms.CharField(label=_("Hoe ging het? (kort)"), max_length=500, required=False)


class StopForm(AmsFormMixin, forms.Form):
    reason = forms.ChoiceField(label=_("Waarom stopt het?"), choices=[("", "—"), *ClosingReason.choices])
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False)


class CapacityForm(AmsFormMixin, forms.Form):
    capacity = forms.ChoiceField(label=_("Is er plek?"), choices=[("", _("— nog niet ingevuld —")), *Capacity.choices])
    wait_time_days = forms.IntegerField(
        label=_("Wachttijd in dagen (ongeveer)"), min_value=0, max_value=730, required=False
    )
