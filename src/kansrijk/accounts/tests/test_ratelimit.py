"""Rate limits: counted per value within a window, refused requests count nothing, and two processes
asking at once for the last free place never both get it."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from freezegun import freeze_time

from kansrijk.accounts import ratelimit
from kansrijk.accounts.models import RateLimitHit

LIMIT = ratelimit.Limit("test.limit", 2, timedelta(minutes=10))
OTHER = ratelimit.Limit("test.other", 5, timedelta(minutes=10))


def _refused(*checks: tuple[ratelimit.Limit, str]) -> bool:
    try:
        ratelimit.consume(*checks)
    except ratelimit.RateLimitedError:
        return True
    return False


@pytest.mark.django_db
class TestConsume:
    def test_counts_per_value_and_a_refusal_counts_nothing(self):
        with freeze_time("2026-12-01 10:00:00") as frozen:
            assert not _refused((LIMIT, "a"), (OTHER, "x"))
            assert not _refused((LIMIT, "a"), (OTHER, "x"))
            assert _refused((LIMIT, "a"), (OTHER, "x"))
            assert RateLimitHit.objects.filter(scope=OTHER.scope).count() == 2  # the refusal added nothing
            assert not _refused((LIMIT, "b"))
            frozen.tick(LIMIT.window + timedelta(seconds=1))
            assert not _refused((LIMIT, "a"))

    def test_the_stored_key_is_a_keyed_hash_of_the_value(self):
        ratelimit.consume((LIMIT, "203.0.113.5"))
        assert "203.0.113.5" not in RateLimitHit.objects.get().key

    def test_an_email_address_from_one_client_address(self):
        one = ratelimit.email_from_address("Iemand@Example.NL ", "203.0.113.5")
        assert one == ratelimit.email_from_address("iemand@example.nl", "203.0.113.5")
        assert one != ratelimit.email_from_address("iemand@example.nl", "198.51.100.1")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once (SQLite takes one write lock)")
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_both_take_the_last_place(committed_database: None) -> None:
    """One place left: while one worker's request is not yet committed, the other's waits for it and is
    then refused, instead of both counting one hit and both going through."""
    ratelimit.consume((LIMIT, "203.0.113.5"))
    outcome: list[str] = []

    def ask_in_another_connection() -> None:
        try:
            ratelimit.consume((LIMIT, "203.0.113.5"))
            outcome.append("allowed")
        except ratelimit.RateLimitedError:
            outcome.append("refused")
        finally:
            connections.close_all()

    with transaction.atomic():
        ratelimit.consume((LIMIT, "203.0.113.5"))  # the last place, committed at the end of this block
        other = threading.Thread(target=ask_in_another_connection)
        other.start()
        other.join(timeout=1.5)
        assert other.is_alive(), "the second request did not wait for the first"
    other.join(timeout=20)
    assert outcome == ["refused"]
    assert RateLimitHit.objects.filter(scope=LIMIT.scope).count() == LIMIT.count
