"""Rate limits for pages that anyone may use without logging in and that send email (sign-up, password
reset): so many requests per client address, or per email address asked for, within a window.

The counts live in the database (`RateLimitHit`), so they hold across every web process. A value is
stored only as a keyed hash. A refused request counts nothing, so the limit frees up as the window moves.

Counting and adding are one step for every process: on PostgreSQL a transaction-level advisory lock per
counted value makes a second request for the same value wait until the first has committed its hit (so
two workers never both see the last free place); on SQLite the transaction holds the database's one
write lock from its first statement (`transaction_mode=IMMEDIATE`, and the clean-up below writes before
anything is counted in any case).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from kansrijk.accounts.lockout import normalise_username
from kansrijk.accounts.models import RateLimitHit
from kansrijk.core import clock
from kansrijk.core.request_context import client_ip_of

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    """At most `count` requests per value within `window`; `scope` names the limit (at most 40 chars)."""

    scope: str
    count: int
    window: timedelta


class RateLimitedError(Exception):
    def __init__(self, limit: Limit, retry_after: timedelta) -> None:
        super().__init__(f"rate limit {limit.scope} reached")
        self.limit = limit
        self.retry_after = retry_after

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after.total_seconds() / 60))


def client_address(request: HttpRequest) -> str:
    """The client address as the audit trail and the login lockout see it."""
    return client_ip_of(request)


def email_key(email: str) -> str:
    """Every spelling of an email address counts as the same address."""
    return normalise_username(email)


def email_from_address(email: str, address: str) -> str:
    """One email address asked for from one client address: the value of a per-email limit that a
    stranger elsewhere cannot use up (every spelling of the email address counts as the same)."""
    return f"{email_key(email)}\n{address}"


def _key(scope: str, value: str) -> str:
    return salted_hmac("kansrijk.ratelimit", f"{scope}\n{value}", algorithm="sha256").hexdigest()


def _lock(key: str) -> None:
    """Hold, until the transaction ends, a lock on one counted value (PostgreSQL: an advisory lock on
    64 bits of its keyed hash; two values sharing them only wait for each other). SQLite needs none:
    the transaction already holds the only write lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(bytes.fromhex(key[:16]), signed=True)])


def consume(*checks: tuple[Limit, str]) -> None:
    """Count one request against each `(limit, value)`; raise `RateLimitedError` when any of them is
    used up (and then count none). An empty value (no address known) is not counted."""
    keyed = [(limit, _key(limit.scope, value)) for limit, value in checks if value]
    with transaction.atomic():
        for key in sorted({key for _limit, key in keyed}):  # always in the same order: no deadlock
            _lock(key)
        now = clock.now()  # after waiting for the lock
        for limit, key in keyed:
            RateLimitHit.objects.filter(scope=limit.scope, at__lt=now - limit.window).delete()
            hits = RateLimitHit.objects.filter(scope=limit.scope, key=key, at__gte=now - limit.window)
            if hits.count() >= limit.count:
                oldest = hits.order_by("at").values_list("at", flat=True).first() or now
                logger.warning("rate limit %s reached", limit.scope)
                raise RateLimitedError(limit, oldest + limit.window - now)
        RateLimitHit.objects.bulk_create([RateLimitHit(scope=limit.scope, key=key, at=now) for limit, key in keyed])


def too_many_requests(request: HttpRequest, error: RateLimitedError) -> HttpResponse:
    """HTTP 429 with a page that says when to try again."""
    response = render(request, "accounts/rate_limited.html", {"minutes": error.minutes}, status=429)
    response["Retry-After"] = str(max(1, math.ceil(error.retry_after.total_seconds())))
    return response
