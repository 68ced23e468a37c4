from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.models import AuditAction
from kansrijk.core.selectors import AuditFilter


class AuditFilterForm(forms.Form):
    object_type = forms.CharField(
        label=_("Soort gegeven"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld accounts.user"),
    )
    object_id = forms.CharField(label=_("Nummer (id) van het gegeven"), required=False, max_length=64)
    actor_id = forms.IntegerField(label=_("Nummer (id) van de gebruiker die keek"), required=False, min_value=1)
    action = forms.ChoiceField(
        label=_("Handeling"), required=False, choices=[("", _("Alle handelingen")), *AuditAction.choices]
    )
    date_from = forms.DateField(label=_("Vanaf datum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(
        label=_("Tot en met datum"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def to_filter(self) -> AuditFilter:
        data = self.cleaned_data
        return AuditFilter(
            object_type=data.get("object_type") or "",
            object_id=data.get("object_id") or "",
            actor_id=data.get("actor_id"),
            action=data.get("action") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
