"""The login lockout (django-axes): per account, whatever the spelling, and per client address.

Login finds an account whatever the case of the typed address (`User.objects.get_by_natural_key`), so
the failures must count against the account, not against the text as typed: `username_for_lockout`
(AXES_USERNAME_CALLABLE) normalises it the same way for every spelling.

Axes has one failure limit for every lockout parameter. Kansrijk wants two: a few failures lock an
account (AXES_FAILURE_LIMIT, from any address), and a larger number of failures from one client
address, over whichever accounts, lock that address (KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT) — someone
trying one password on many accounts. `AccountOrAddressHandler` counts both within the cool-off
period.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


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


class AccountOrAddressHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler with a second, higher limit per client address."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """The failures that count towards the lock: the account's; or, when the client address has
        reached its own limit over all accounts, at least the account limit (so the address is locked
        for every account)."""
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        account = _failures(recent.filter(username=get_client_username(request, credentials)))
        address = getattr(request, "axes_ip_address", None)
        if address and _failures(recent.filter(ip_address=address)) >= settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(account, int(get_failure_limit(request, credentials)))
        return account
