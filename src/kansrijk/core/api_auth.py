"""API authentication (kept apart from views: DRF imports these while it loads)."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import timedelta
from hmac import compare_digest
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from knox.models import get_token_model
from knox.settings import CONSTANTS
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from kansrijk.core import clock, request_context

# Writing `last_used` on every request would cost a write per call: within this interval a use is not
# written again. Small against the idle limit (hours), so the limit stays exact to the minute.
LAST_USED_WRITE_INTERVAL = timedelta(seconds=60)


# The API token that authenticated the current request (DRF's `request.auth`), with the request it
# belongs to: a value left behind by an earlier request in the same thread is ignored.
_request_token: ContextVar[tuple[request_context.RequestContext, Any] | None] = ContextVar(
    "kansrijk_request_token", default=None
)


def request_token(user: Any) -> Any | None:
    """The API token that authenticated `user` in the current request, or None (a session, another
    user, or no request). The second-factor checks read from it how the token was made."""
    held = _request_token.get()
    ctx = request_context.current()
    if held is None or ctx is None or held[0] is not ctx:
        return None
    token = held[1]
    pk = getattr(user, "pk", None)
    return token if pk is not None and token.user_id == pk else None


class VerifiedSessionAuthentication(SessionAuthentication):
    """Session authentication; the second-factor gate in the middleware has already run."""


class ExpiringTokenAuthentication(TokenAuthentication):  # type: ignore[misc]  # knox ships no types
    """API tokens (`Authorization: Token <key>`) are issued only from a session that passed the second
    factor; only a digest of the key is stored (django-rest-knox).

    A token works until its expiry (`KANSRIJK_API_TOKEN_DAYS` after it was made) and only while it was
    used less than `KANSRIJK_API_TOKEN_IDLE` ago; every accepted use counts as use, and only while the
    account still meets what its roles require now (`KANSRIJK_API_ACCOUNT_CHECK`). The token stands for
    the login that made it, no more: whether that login passed the second factor is a field of the token
    (`second_factor_verified`), which the second-factor checks read through `request_token`; the user
    object is not changed. The token model (the setting `KNOX_TOKEN_MODEL`) has knox's fields,
    `last_used` and `second_factor_verified`."""

    def authenticate_credentials(self, key: bytes) -> tuple[Any, Any]:
        text = key.decode("utf-8", errors="replace")
        token = self._matching_token(text)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Dit API-token is onbekend of ingetrokken."))
        now = clock.now()
        if token.expiry is not None and token.expiry <= now:
            raise exceptions.AuthenticationFailed(_("Dit API-token is verlopen. Maak een nieuw token aan."))
        idle: timedelta = settings.KANSRIJK_API_TOKEN_IDLE
        if token.last_used + idle <= now:
            hours = int(idle.total_seconds() // 3600)
            raise exceptions.AuthenticationFailed(
                _(
                    "Dit API-token is langer dan %(hours)s uur niet gebruikt en werkt daarom niet meer. "
                    "Maak een nieuw token aan."
                )
                % {"hours": hours}
            )
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("Dit account is geblokkeerd."))
        allowed = import_string(settings.KANSRIJK_API_ACCOUNT_CHECK)
        if not allowed(user):
            raise exceptions.AuthenticationFailed(
                _("Dit API-token geldt niet meer: stel eerst je tweestapsverificatie in en maak een nieuw token.")
            )
        if now - token.last_used >= LAST_USED_WRITE_INTERVAL:
            type(token).objects.filter(pk=token.pk).update(last_used=now)
            token.last_used = now
        ctx = request_context.current()
        if ctx is not None:  # outside a request nothing reads it (and the check fails closed)
            _request_token.set((ctx, token))
        return user, token

    @staticmethod
    def _matching_token(key: str) -> Any:
        """The stored token whose digest matches the key (compared in constant time), or None."""
        digest = hash_token(key)
        candidates = get_token_model().objects.filter(token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH])
        for token in candidates.select_related("user"):
            if compare_digest(digest, token.digest):
                return token
        return None
