from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AdminUserCreationForm, AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import ApprovalState, User
from kansrijk.core.forms import AmsFormMixin


class LoginForm(AmsFormMixin, AuthenticationForm):
    """Email and password; django-axes counts failures through `authenticate`."""

    username = forms.EmailField(
        label=_("E-mailadres"),
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Het e-mailadres of het wachtwoord klopt niet. Let op: na een paar pogingen wordt het account "
            "een tijdje geblokkeerd."
        ),
        "inactive": _("Dit account is geblokkeerd. Neem contact op met de beheerder van je organisatie."),
        "pending": _("Je account wacht nog op goedkeuring. Je krijgt een e-mail als je kunt inloggen."),
    }

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if getattr(user, "approval_state", ApprovalState.APPROVED) != ApprovalState.APPROVED:
            raise forms.ValidationError(self.error_messages["pending"], code="pending")


class CodeForm(AmsFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        help_text=_("De 6 cijfers uit je app, of een van je herstelcodes."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip().replace(" ", "").lower()


class EnrolForm(AmsFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Code uit je app"),
        help_text=_("Typ de 6 cijfers die je app nu laat zien."),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class KansrijkUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name", "job_title")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("Het werk-e-mailadres; hiermee logt iemand in.")


class ResetRequestForm(AmsFormMixin, PasswordResetForm):
    pass


class NewPasswordForm(AmsFormMixin, SetPasswordForm):  # type: ignore[type-arg]
    pass
