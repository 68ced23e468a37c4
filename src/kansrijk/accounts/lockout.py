"""The login lockout (django-axes): per account, whatever the spelling, and per client address.

Login finds an account whatever the case of the typed address (`User.objects.get_by_natural_key`), so
the failures must count against the account, not against the text as typed: `username_for_lockout`
(AXES_USERNAME_CALLABLE) normalises it the same way for every spelling.

Axes has one failure limit for every lockout parameter. Kansrijk wants two: a few failures lock an
account (AXES_FAILURE_LIMIT, from any address), and failures on many different accounts from one client
address lock that address (KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT accounts) — someone trying passwords on
many accounts. `AccountOrAddressHandler` counts both within the cool-off period.

One client address is often a whole office or school behind one router (NAT), so the address lock is
kept narrow: it counts accounts, not failures (one person hammering one account locks that account, not
the office), and it does not hold against an account that completed a login (password and, where
needed, the code) from that address in the last KANSRIJK_LOGIN_TRUSTED_ADDRESS_DAYS days: the
colleagues who work there. Those accounts still have their own limit, from every address.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from kansrijk.accounts.models import LoginAddress
from kansrijk.core import clock


def normalise_username(value: str) -> str:
    """The one spelling of a login name: NFKC, without surrounding space, case-folded."""
    return unicodedata.normalize("NFKC", value).strip().casefold()


def username_for_lockout(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """AXES_USERNAME_CALLABLE: the typed login name (from the credentials, else the form), normalised."""
    field = str(settings.AXES_USERNAME_FORM_FIELD)
    value = credentials.get(field) if credentials else getattr(request, "data", request.POST).get(field)
    return None if value is None else normalise_username(str(value))


def _failures(attempts: QuerySet[AccessAttempt]) -> int:
    return int(attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0)


def address_key(address: str) -> str:
    """A client address as stored with a completed login: a keyed hash, never the address itself."""
    return salted_hmac("kansrijk.login_address", address, algorithm="sha256").hexdigest()


def _logged_in_from(username: str | None, address: str) -> bool:
    """Whether the account completed a login from this client address recently."""
    if not username:
        return False
    since = clock.now() - timedelta(days=int(settings.KANSRIJK_LOGIN_TRUSTED_ADDRESS_DAYS))
    return LoginAddress.objects.filter(
        user__email__iexact=username, address_key=address_key(address), last_login_at__gte=since
    ).exists()


class AccountOrAddressHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler with a second limit per client address, counted in accounts."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """The failures that count towards the lock: the account's; or, when failures from the client
        address reached that many different accounts, at least the account limit (so the address is
        locked), except for an account that logged in from that address recently."""
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        account = _failures(recent.filter(username=username))
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return account
        accounts_failed = (
            recent.filter(ip_address=address, failures_since_start__gt=0).values("username").distinct().count()
        )
        if accounts_failed >= settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT and not _logged_in_from(username, address):
            return max(account, int(get_failure_limit(request, credentials)))
        return account
