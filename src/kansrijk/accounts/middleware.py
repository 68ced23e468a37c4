"""Session lifetime (idle and absolute) and the second-factor gate."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from kansrijk.accounts.selectors import (
    ACTIVE_ORGANISATION_SESSION_KEY,
    second_factor_enrolled,
    second_factor_verified,
    user_requires_second_factor,
)
from kansrijk.core import clock
from kansrijk.core.api import error_body
from kansrijk.core.audited import audit_refused_route

Handler = Callable[[HttpRequest], HttpResponse]

LOGIN_AT_KEY = "kansrijk_login_at"
LAST_SEEN_KEY = "kansrijk_last_seen"
# Requests that must not count as activity: the idle-warning script asking (GET) how long is left.
# Its POST ("Ingelogd blijven") is activity like any other request.
PASSIVE_PATHS = frozenset({"/account/sessie/"})


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _json_error(code: str, nl: str, en: str) -> JsonResponse:
    """A 401 in the API's one error shape (also read by the idle-warning script: `authenticated`)."""
    return JsonResponse({"authenticated": False, **error_body(status=401, code=code, nl=nl, en=en)}, status=401)


class SessionTimeLeft(NamedTuple):
    seconds: int  # whole seconds until the session ends; negative once it has ended
    limit: str  # the limit that ends it first: "idle" or "absolute"


def session_time_left(session: SessionBase, now: datetime) -> SessionTimeLeft | None:
    """How long a session has left: the nearer of the idle limit (from the last activity) and the
    absolute limit (from login). None for a session without its clock, which must end."""
    login_at = session.get(LOGIN_AT_KEY)
    last_seen = session.get(LAST_SEEN_KEY)
    if login_at is None or last_seen is None:
        return None
    idle = settings.KANSRIJK_SESSION_IDLE - (now - datetime.fromisoformat(last_seen))
    absolute = settings.KANSRIJK_SESSION_ABSOLUTE - (now - datetime.fromisoformat(login_at))
    nearer, limit = (idle, "idle") if idle <= absolute else (absolute, "absolute")
    # Rounded down, so it is negative exactly when the limit has passed.
    return SessionTimeLeft(math.floor(nearer.total_seconds()), limit)


class SessionLifetimeMiddleware:
    """Ends a session after `SESSION_IDLE_MINUTES` without activity, and always after
    `SESSION_ABSOLUTE_HOURS` from login, whatever the activity."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "_auth_user_id" in request.session:
            now = clock.now()
            left = session_time_left(request.session, now)
            reason = None
            if left is None:
                reason = "unknown"
            elif left.seconds < 0:
                reason = left.limit
            if reason is not None:
                logout(request)
                if _is_api(request) or request.path in PASSIVE_PATHS:
                    return _json_error(
                        "session_expired",
                        "Je sessie is verlopen. Log opnieuw in.",
                        "Your session has expired. Please sign in again.",
                    )
                if reason == "idle":
                    minutes = int(settings.KANSRIJK_SESSION_IDLE.total_seconds() // 60)
                    messages.info(
                        request,
                        _("Je bent uitgelogd omdat je %(minutes)s minuten niets hebt gedaan.") % {"minutes": minutes},
                    )
                elif reason == "absolute":
                    messages.info(request, _("Je bent uitgelogd omdat je lang was ingelogd. Log opnieuw in."))
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
            if request.method != "GET" or request.path not in PASSIVE_PATHS:
                request.session[LAST_SEEN_KEY] = now.isoformat()
        return self.get_response(request)


def start_session_clock(request: HttpRequest) -> None:
    """Called right after a successful password step."""
    stamp = clock.now().isoformat()
    request.session[LOGIN_AT_KEY] = stamp
    request.session[LAST_SEEN_KEY] = stamp


# Paths a signed-in user may reach before passing the second factor.
SECOND_FACTOR_OPEN_PREFIXES = (
    "/static/",
    "/inloggen/",
    "/uitloggen/",
    "/taal/",
    "/healthz",
    "/account/sessie/",
)


class SecondFactorRequiredMiddleware:
    """A user whose roles can see personal data reaches nothing but the login steps until the second
    factor is verified in this session; without an enrolled device, only the enrolment page."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and "_auth_user_id" in request.session  # API token requests are handled by DRF
            and not second_factor_verified(user=user)
            and user_requires_second_factor(user=user)
            and not request.path.startswith(SECOND_FACTOR_OPEN_PREFIXES)
        ):
            audit_refused_route(request, reason="second factor not verified")
            if _is_api(request):
                return _json_error(
                    "second_factor_required",
                    "Log eerst in met je tweede stap (de code uit je app).",
                    "Please complete the second login step (the code from your app) first.",
                )
            if second_factor_enrolled(user=user):
                return redirect(f"{reverse('accounts:verify')}?{urlencode({'next': request.get_full_path()})}")
            return redirect("accounts:enrol")
        return self.get_response(request)


class ActiveOrganisationMiddleware:
    """Tells the audit trail which organisation a signed-in person acts for in this request: the one
    chosen on the account page (kept in the session), else the first membership."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            user._kansrijk_active_organisation_id = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        return self.get_response(request)
