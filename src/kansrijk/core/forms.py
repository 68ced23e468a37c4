from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kansrijk.core.models import AuditAction
from kansrijk.core.selectors import AuditFilter

# The Amsterdam Design System class for each kind of widget.
AMS_WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.PasswordInput, "ams-password-input"),
    (forms.DateInput, "ams-date-input"),
    (forms.Textarea, "ams-text-area"),
    (forms.Select, "ams-select"),
    (forms.CheckboxInput, "ams-checkbox__input"),
    (forms.CheckboxSelectMultiple, "ams-checkbox__input"),  # given to each of its checkboxes
    (forms.RadioSelect, "ams-radio__input"),  # given to each of its radio buttons
    (forms.widgets.Input, "ams-text-input"),
)


class AmsFormMixin:
    """Gives every widget its Amsterdam Design System class and links hints and errors to the field
    for screen readers (aria-describedby, aria-invalid)."""

    fields: dict[str, forms.Field]
    errors: Any
    # No HTML `required`: browsers would mark empty fields invalid (red) before anything was sent.
    # Screen readers still hear that a field is required through aria-required.
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.apply_ams_classes()

    def apply_ams_classes(self) -> None:
        """Style every field (again, after a form added fields of its own) and link its hint."""
        for name, field in self.fields.items():
            widget = field.widget
            for widget_type, css in AMS_WIDGET_CLASSES:
                if isinstance(widget, widget_type):
                    classes = widget.attrs.get("class", "")
                    if css not in classes.split():
                        widget.attrs["class"] = f"{classes} {css}".strip()
                    break
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hint"
            if field.required:
                widget.attrs["aria-required"] = "true"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                described = [f"id_{name}-error"]
                if self.fields[name].help_text:
                    described.insert(0, f"id_{name}-hint")
                widget.attrs["aria-describedby"] = " ".join(described)
                widget.attrs["aria-invalid"] = "true"


class AuditFilterForm(AmsFormMixin, forms.Form):
    object_type = forms.CharField(
        label=_("Soort gegeven"),
        required=False,
        max_length=100,
        help_text=_("Bijvoorbeeld accounts.user"),
    )
    object_id = forms.CharField(label=_("Nummer (id) van het gegeven"), required=False, max_length=64)
    actor_id = forms.IntegerField(
        label=_("Nummer (id) van de gebruiker die keek"), required=False, min_value=1, max_value=2**31 - 1
    )
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


def apply_errors(form: Any, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the (visible) field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            visible = field in form.fields and not form.fields[field].widget.is_hidden
            form.add_error(field if visible else None, errors)
    else:
        form.add_error(None, error.messages)


class DateInput(forms.DateInput):
    """A date field as the browser's date picker (ISO value)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def id_from(value: str | None) -> int:
    """A database id from a form value; 0 (matches nothing) for anything that is not a number."""
    return int(value) if value and value.isdigit() else 0
