"""Forms of the privacy pages. They only read input; the services check and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kansrijk.core.forms import AmsFormMixin


class PrefixedAmsForm(AmsFormMixin, forms.Form):
    """A form used more than once on a page (with a prefix): hints and errors are linked by the
    prefixed ids that `core/_field.html` renders, so every id on the page stays unique."""

    def _link_descriptions(self) -> None:
        for name, field in self.fields.items():
            base = f"id_{self.add_prefix(name)}"  # as the template renders it (no bound field cached yet)
            described = [f"{base}-hint"] if field.help_text else []
            if name in self.errors:
                described.append(f"{base}-error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def apply_ams_classes(self) -> None:
        super().apply_ams_classes()
        self._link_descriptions()

    def full_clean(self) -> None:
        super().full_clean()
        self._link_descriptions()


class BreakGlassForm(AmsFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Waarom heb je nu toegang nodig?"),
        help_text=_(
            "Minstens 20 tekens. Beschrijf de situatie en waarom het niet kan wachten. Noem geen namen. "
            "De regiehouder van het gezin krijgt meteen bericht en de beheerder kijkt het na."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReviewForm(PrefixedAmsForm):
    access = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FindFamilyForm(AmsFormMixin, forms.Form):
    gezin = forms.IntegerField(
        label=_("Dossiernummer"),
        min_value=1,
        help_text=_("Het nummer staat in de adresbalk van het gezinsdossier, bijvoorbeeld /gezinnen/12/."),
    )


class RemovalForm(PrefixedAmsForm):
    """Erase or anonymise: the reason (the family's request) and the typed confirmation."""

    reason = forms.CharField(
        label=_("Reden"),
        help_text=_("Bijvoorbeeld: verzoek van de moeder per brief van 3 maart. Noem geen namen."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    confirmation = forms.CharField(label=_("Typ ter controle"), max_length=40)

    def __init__(self, data: Any = None, *, prefix: str, expected: str) -> None:
        super().__init__(data, prefix=prefix)
        self.fields["confirmation"].help_text = _("Typ precies: %(text)s") % {"text": expected}
        self.apply_ams_classes()
