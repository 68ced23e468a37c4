"""Login in two steps, enrolment of the second factor, the account page and the start page."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import django_otp
import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, user_login_failed
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from kansrijk.accounts import ratelimit, services
from kansrijk.accounts.base_views import Page, person_of
from kansrijk.accounts.forms import CodeForm, EnrolForm, LoginForm, NewPasswordForm, ResetRequestForm
from kansrijk.accounts.middleware import session_time_left, start_session_clock
from kansrijk.accounts.models import API_TOKEN_NAME_MAX_LENGTH, ApiToken, User
from kansrijk.accounts.roles import ROLE_INFO
from kansrijk.accounts.selectors import (
    ACTIVE_ORGANISATION_SESSION_KEY,
    active_organisation,
    api_tokens_of,
    second_factor_enrolled,
    second_factor_verified,
    user_memberships,
    user_requires_second_factor,
    user_roles,
)
from kansrijk.core import clock
from kansrijk.core.audited import NO_PERSONAL_DATA, no_personal_data

NEXT_KEY = "kansrijk_next"
OTP_FAILURES_KEY = "kansrijk_otp_failures"


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(settings.LOGIN_REDIRECT_URL)


LOCKOUT_RECORDED_ATTR = "kansrijk_lockout_recorded"


@no_personal_data("the lockout notice shows no data")
def lockout_response(
    request: HttpRequest, original_response: Any = None, credentials: Any = None, *args: Any, **kwargs: Any
) -> HttpResponse:
    """Shown by django-axes when an account or address is locked after repeated failures (axes calls it
    as `(request, original_response, credentials)`). The attempt is recorded once per request: when
    the code step answers a lockout itself, the axes middleware calls this again for that request."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if not getattr(request, LOCKOUT_RECORDED_ATTR, False):
        setattr(request, LOCKOUT_RECORDED_ATTR, True)
        username = credentials.get("username", "") if isinstance(credentials, dict) else ""
        services.login_refused(email=str(username or request.POST.get("username", "")), step="locked")
    if request.user.is_authenticated:
        logout(request)
    return render(request, "accounts/locked.html", {"minutes": minutes}, status=429)


class LoginView(auth_views.LoginView):
    """Step 1: email and password. Step 2 (the code) follows for roles that can see personal data."""

    audit_policy = NO_PERSONAL_DATA
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = False

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        # When django-axes refused the attempt (the account is locked, or this failure locked it), its
        # middleware answers with `lockout_response`, which records the attempt as `login.locked`.
        if form.data.get("username") and not getattr(self.request, "axes_locked_out", False):
            services.login_refused(email=str(form.data["username"]), step="password")
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        next_url = self.get_redirect_url()
        login(self.request, user)
        start_session_clock(self.request)
        self.request.session[OTP_FAILURES_KEY] = 0
        if self.request.session.session_key:
            services.session_register(user=user, session_key=self.request.session.session_key)
        if second_factor_enrolled(user=user):
            self.request.session[NEXT_KEY] = next_url
            return redirect("accounts:verify")
        if user_requires_second_factor(user=user):
            messages.info(self.request, _("Stel eerst je tweestapsverificatie in. Dat is verplicht voor je rol."))
            return redirect("accounts:enrol")
        services.login_completed(user=user, client_address=ratelimit.client_address(self.request))
        return HttpResponseRedirect(_safe_next(self.request, next_url))


class VerifyView(LoginRequiredMixin, FormView[CodeForm]):
    """Step 2: a code from the authenticator app, or a one-time recovery code."""

    audit_policy = NO_PERSONAL_DATA
    form_class = CodeForm
    template_name = "accounts/verify.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and second_factor_verified(user=request.user):
            return redirect(_safe_next(request, request.GET.get("next")))
        if "next" in request.GET:
            request.session[NEXT_KEY] = request.GET["next"]
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: CodeForm) -> HttpResponse:
        user = person_of(self.request)
        device = django_otp.match_token(user, form.cleaned_data["code"])
        if device is None:
            return self._failed(form, user)
        django_otp.login(self.request, device)
        self.request.session[OTP_FAILURES_KEY] = 0
        services.login_completed(user=user, client_address=ratelimit.client_address(self.request))
        if device.name == services.RECOVERY_DEVICE_NAME:
            left = services.recovery_codes_left(user=user)
            messages.warning(
                self.request,
                _("Je hebt een herstelcode gebruikt. Je hebt er nog %(left)s. Maak nieuwe codes op je accountpagina.")
                % {"left": left},
            )
        return redirect(_safe_next(self.request, self.request.session.pop(NEXT_KEY, None)))

    def _failed(self, form: CodeForm, user: User) -> HttpResponse:
        failures = int(self.request.session.get(OTP_FAILURES_KEY, 0)) + 1
        self.request.session[OTP_FAILURES_KEY] = failures
        services.login_refused(email=user.email, step="code")
        # A wrong code counts towards the lockout exactly like a wrong password.
        credentials = {"username": user.email}
        user_login_failed.send(sender=type(self), credentials=credentials, request=self.request)
        if AxesProxyHandler.is_locked(self.request, credentials) or failures >= settings.AXES_FAILURE_LIMIT:
            return lockout_response(self.request, credentials=credentials)
        form.add_error("code", _("Deze code klopt niet of is verlopen. Probeer het opnieuw met de nieuwste code."))
        return self.form_invalid(form)


class EnrolView(LoginRequiredMixin, FormView[EnrolForm]):
    """Set up the authenticator app: scan the QR code, confirm with a code, receive recovery codes.

    Replacing an existing device needs a verified session, so a stolen password alone can never
    enrol a new device."""

    audit_policy = NO_PERSONAL_DATA
    form_class = EnrolForm
    template_name = "accounts/enrol.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if isinstance(user, User) and second_factor_enrolled(user=user) and not second_factor_verified(user=user):
            return redirect("accounts:verify")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = person_of(self.request)
        device = services.totp_enrolment_start(user=user)
        qr = segno.make(device.config_url, error="m")
        context["qr_svg"] = mark_safe(  # noqa: S308  (SVG generated by segno from our own data)
            qr.svg_inline(scale=5, title=_("QR-code om Kansrijk toe te voegen aan je app"))
        )
        secret = base64.b32encode(device.bin_key).decode().rstrip("=")
        context["secret_groups"] = [secret[i : i + 4] for i in range(0, len(secret), 4)]
        return context

    def form_valid(self, form: EnrolForm) -> HttpResponse:
        user = person_of(self.request)
        enrolment = services.totp_enrolment_confirm(user=user, token=form.cleaned_data["code"])
        if enrolment is None:
            form.add_error("code", _("Deze code klopt niet. Controleer de tijd op je telefoon en probeer het opnieuw."))
            return self.form_invalid(form)
        django_otp.login(self.request, enrolment.device)
        services.login_completed(user=user, client_address=ratelimit.client_address(self.request))
        return render(
            self.request, "accounts/recovery_codes.html", {"codes": enrolment.recovery_codes, "first_time": True}
        )


class RecoveryCodesView(LoginRequiredMixin, View):
    audit_policy = NO_PERSONAL_DATA

    def post(self, request: HttpRequest) -> HttpResponse:
        user = person_of(request)
        if not second_factor_verified(user=user):
            return redirect("accounts:verify")
        codes = services.recovery_codes_regenerate(user=user)
        return render(request, "accounts/recovery_codes.html", {"codes": codes, "first_time": False})


class LogoutView(auth_views.LogoutView):
    audit_policy = NO_PERSONAL_DATA
    http_method_names = ["post", "options"]


class StartView(TemplateView):
    """The start page: public introduction, or what a signed-in person can do with their roles."""

    audit_policy = NO_PERSONAL_DATA
    template_name = "accounts/start.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_authenticated:
            context["roles"] = [ROLE_INFO[role] for role in user_roles(user=user)]
        return context


class AccountView(Page):
    """The signed-in person's own account: organisations, roles, second factor, API token."""

    template_name = "accounts/account.html"
    permission_required = "accounts.view_user"
    audit_purpose = "eigen accountgegevens bekijken"

    def get_permission_object(self) -> Any:
        return self.request.user  # one's own account

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.person
        memberships = list(user_memberships(user=user))
        context.update(
            object=user,
            memberships=memberships,
            roles=[ROLE_INFO[role] for role in user_roles(user=user)],
            has_second_factor=second_factor_enrolled(user=user),
            recovery_codes_left=services.recovery_codes_left(user=user),
            active_organisation=active_organisation(user=user, memberships=memberships),
            api_tokens=api_tokens_of(user=user),
            api_token_days=settings.KANSRIJK_API_TOKEN_DAYS,
            api_token_idle_hours=int(settings.KANSRIJK_API_TOKEN_IDLE.total_seconds() // 3600),
            api_token_name_max_length=API_TOKEN_NAME_MAX_LENGTH,
        )
        return context


class ApiTokenView(LoginRequiredMixin, View):
    """Make a named API token; its key is shown this once."""

    audit_policy = NO_PERSONAL_DATA

    def post(self, request: HttpRequest) -> HttpResponse:
        user = person_of(request)
        try:
            key = services.api_token_create(user=user, name=request.POST.get("name", ""))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(reverse("accounts:account") + "#api")
        return render(request, "accounts/api_token.html", {"key": key})


class ApiTokenRevokeView(LoginRequiredMixin, View):
    """End one of the person's own API tokens, or (without `token_id`) all of them."""

    audit_policy = NO_PERSONAL_DATA

    def post(self, request: HttpRequest, token_id: int | None = None) -> HttpResponse:
        user = person_of(request)
        if token_id is None:
            ended = services.tokens_revoke_all(user=user, reason=services.TokenEndReason.REVOKED_BY_OWNER, by=user)
            messages.success(
                request,
                ngettext("%(n)d API-token ingetrokken.", "%(n)d API-tokens ingetrokken.", ended) % {"n": ended},
            )
        else:
            try:
                services.api_token_revoke(user=user, token_id=token_id)
            except ApiToken.DoesNotExist as missing:
                raise Http404 from missing
            messages.success(request, _("Het API-token is ingetrokken. Het werkt niet meer."))
        return redirect(reverse("accounts:account") + "#api")


@require_POST
@no_personal_data("stores which organisation the user acts for")
def switch_organisation(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    wanted = request.POST.get("organisation", "")
    ids = {m.organisation_id for m in user_memberships(user=person_of(request))}
    if wanted.isdigit() and int(wanted) in ids:
        request.session[ACTIVE_ORGANISATION_SESSION_KEY] = int(wanted)
    return redirect(_safe_next(request, request.POST.get("next")))


@no_personal_data("tells the idle-warning script how long the session has left")
def session_status(request: HttpRequest) -> HttpResponse:
    """POST extends the session (any request does); GET only reports, without counting as activity."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False})
    left = session_time_left(request.session, clock.now())
    return JsonResponse({"authenticated": True, "seconds_left": max(0, left.seconds) if left else 0})


# Reset links by email: so many requests per client address (over all email addresses), and per email
# address asked for *from one client address*. Not per email address alone: then a stranger could use up
# someone's resets from anywhere and lock them out of their own password reset. The price: someone with
# many client addresses can send one inbox more reset mails (3 an hour per address, each address also
# held to its 10); such a mail goes only to the address asked for and its link changes nothing unless
# used, and an inbox that gets too many is a smaller harm than a person who cannot reset their password.
RESET_PER_ADDRESS = ratelimit.Limit("password_reset.client", 10, timedelta(hours=1))
RESET_PER_EMAIL = ratelimit.Limit("password_reset.email", 3, timedelta(hours=1))  # value: email and client address


class PasswordResetView(auth_views.PasswordResetView):
    audit_policy = NO_PERSONAL_DATA
    template_name = "accounts/password_reset.html"
    form_class = ResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            ratelimit.consume(
                (RESET_PER_ADDRESS, ratelimit.client_address(self.request)),
                (
                    RESET_PER_EMAIL,
                    ratelimit.email_from_address(form.cleaned_data["email"], ratelimit.client_address(self.request)),
                ),
            )
        except ratelimit.RateLimitedError as error:
            return ratelimit.too_many_requests(self.request, error)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    audit_policy = NO_PERSONAL_DATA
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Sets a new password; it never logs in, so the second factor is still asked at the next login."""

    audit_policy = NO_PERSONAL_DATA
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = False

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.password_reset_completed(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    audit_policy = NO_PERSONAL_DATA
    template_name = "accounts/password_reset_complete.html"
