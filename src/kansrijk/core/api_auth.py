"""API authentication (kept apart from views: DRF imports these while it loads)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication

from kansrijk.core import clock


class VerifiedSessionAuthentication(SessionAuthentication):
    """Session authentication; the second-factor gate in the middleware has already run."""


class ExpiringTokenAuthentication(TokenAuthentication):
    """API tokens are issued only from a session that passed the second factor, and expire.

    A token therefore stands for a verified login: the user object is marked as verified, provided
    the account still meets what its roles require now (`KANSRIJK_API_ACCOUNT_CHECK`)."""

    keyword = "Token"

    def authenticate_credentials(self, key: str) -> tuple[Any, Any]:
        user, token = super().authenticate_credentials(key)
        lifetime = timedelta(days=int(getattr(settings, "KANSRIJK_API_TOKEN_DAYS", 30)))
        if clock.now() - token.created > lifetime:
            raise exceptions.AuthenticationFailed(_("Dit API-token is verlopen. Maak een nieuw token aan."))
        allowed = import_string(settings.KANSRIJK_API_ACCOUNT_CHECK)
        if not allowed(user):
            raise exceptions.AuthenticationFailed(
                _("Dit API-token geldt niet meer: stel eerst je tweestapsverificatie in en maak een nieuw token.")
            )
        user.is_verified = lambda: True
        return user, token
