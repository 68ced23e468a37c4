"""The login lockout counts every spelling of an address against one account, and locks a client address
that fails on many accounts; password-reset requests are limited per client address and per email address."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts import services
from kansrijk.accounts.lockout import normalise_username
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import PASSWORD
from kansrijk.accounts.views import RESET_PER_ADDRESS, RESET_PER_EMAIL

pytestmark = pytest.mark.django_db

WRONG = "fout-wachtwoord"


def _password_step(client: Client, email: str, password: str = PASSWORD):
    return client.post("/inloggen/", {"username": email, "password": password})


def _spellings(email: str) -> list[str]:
    local, domain = email.split("@")
    return [email.upper(), email.capitalize(), f"{local.title()}@{domain.upper()}", f"  {email.swapcase()} "]


def test_normalise_username():
    assert normalise_username("  Redacteur@Example.NL ") == "redacteur@example.nl"
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in "REDACTEUR")  # NFKC folds these to ASCII
    assert normalise_username(f"{full_width}@example.nl") == "redacteur@example.nl"
    assert normalise_username("STRASSE@example.nl") == normalise_username("straße@example.nl")


class TestEverySpellingCountsAgainstTheAccount:
    def test_locked_after_the_limit_with_mixed_case(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        assert _password_step(Client(), user.email.upper()).status_code == 302  # login ignores case
        spellings = [user.email, *_spellings(user.email)]
        for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert _password_step(Client(), spellings[attempt % len(spellings)], WRONG).status_code == 200
        assert _password_step(Client(), spellings[-1], WRONG).status_code == 429
        # No spelling of the address gets fresh tries, not even with the right password.
        for spelling in spellings:
            response = _password_step(Client(REMOTE_ADDR="10.9.8.7"), spelling)
            assert response.status_code == 429, spelling
            assert "_auth_user_id" not in response.wsgi_request.session

    def test_a_lock_after_mixed_case_failures_ends_with_a_full_login(self, make_user, settings):
        user = make_user(Role.PROGRAMMATEAM)
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            _password_step(Client(), user.email.upper(), WRONG)
        assert _password_step(Client(), user.email).status_code == 302  # resets the count
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert _password_step(Client(), user.email.upper(), WRONG).status_code == 200

    def test_unlocking_lifts_a_lock_made_in_mixed_case(self, make_user, settings):
        user = make_user(Role.PROGRAMMATEAM)
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            _password_step(Client(), user.email.title(), WRONG)
        assert _password_step(Client(), user.email).status_code == 429
        services.user_unlock(user=user, by=None)  # as the admin action does
        assert _password_step(Client(), user.email).status_code == 302


class TestPerClientAddress:
    def test_an_address_that_fails_on_many_accounts_is_locked(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 4  # accounts
        victims = [make_user(Role.PROGRAMMATEAM) for _ in range(4)]
        attacker = Client(REMOTE_ADDR="203.0.113.5")
        # Two tries per account: far below the account limit, but four accounts from one address.
        for victim in victims:
            for _try in range(2):
                assert _password_step(attacker, victim.email, WRONG).status_code in (200, 429)
        fresh = make_user(Role.PROGRAMMATEAM)
        response = _password_step(attacker, fresh.email)  # even a right password, on another account
        assert response.status_code == 429
        assert "_auth_user_id" not in response.wsgi_request.session
        # Other addresses are not affected, and no account is locked.
        for person in [*victims, fresh]:
            assert _password_step(Client(REMOTE_ADDR="198.51.100.7"), person.email).status_code == 302

    def test_below_the_address_limit_nothing_is_locked(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 8
        client = Client(REMOTE_ADDR="203.0.113.6")
        for _ in range(7):
            _password_step(client, make_user(Role.PROGRAMMATEAM).email, WRONG)
        assert _password_step(client, make_user(Role.PROGRAMMATEAM).email).status_code == 302

    def test_the_address_lock_ends_after_the_cool_off(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 6
        user = make_user(Role.PROGRAMMATEAM)
        with freeze_time("2026-11-22 10:00:00") as frozen:
            for _ in range(6):
                _password_step(Client(REMOTE_ADDR="203.0.113.7"), make_user(Role.PROGRAMMATEAM).email, WRONG)
            assert _password_step(Client(REMOTE_ADDR="203.0.113.7"), user.email).status_code == 429
            frozen.tick(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
            assert _password_step(Client(REMOTE_ADDR="203.0.113.7"), user.email).status_code == 302

    def test_a_forged_forwarded_for_header_does_not_give_a_new_address(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 6
        for n in range(6):
            Client(REMOTE_ADDR="203.0.113.8", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").post(
                "/inloggen/", {"username": make_user(Role.PROGRAMMATEAM).email, "password": WRONG}
            )
        client = Client(REMOTE_ADDR="203.0.113.8", HTTP_X_FORWARDED_FOR="192.0.2.99")
        assert _password_step(client, make_user(Role.PROGRAMMATEAM).email).status_code == 429


class TestAnOfficeBehindOneAddress:
    """Many people share one client address (an office, a school): one attacker there must not lock
    them all out."""

    OFFICE = "203.0.113.40"

    def test_failures_on_one_account_lock_that_account_not_the_address(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 3
        target = make_user(Role.PROGRAMMATEAM)
        for _ in range(10):
            _password_step(Client(REMOTE_ADDR=self.OFFICE), target.email, WRONG)
        assert _password_step(Client(REMOTE_ADDR=self.OFFICE), target.email).status_code == 429
        colleague = make_user(Role.PROGRAMMATEAM)
        assert _password_step(Client(REMOTE_ADDR=self.OFFICE), colleague.email).status_code == 302

    def test_an_address_lock_spares_who_logged_in_from_there_recently(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 3
        colleague = make_user(Role.PROGRAMMATEAM)
        with freeze_time("2026-11-01 09:00:00"):
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), colleague.email).status_code == 302
        with freeze_time("2026-11-20 09:00:00"):
            for _ in range(3):  # someone in the office tries three other accounts
                _password_step(Client(REMOTE_ADDR=self.OFFICE), make_user(Role.PROGRAMMATEAM).email, WRONG)
            assert (
                _password_step(Client(REMOTE_ADDR=self.OFFICE), make_user(Role.PROGRAMMATEAM).email).status_code == 429
            )
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), colleague.email).status_code == 302
            # The colleague's own account limit still holds there.
            for _ in range(settings.AXES_FAILURE_LIMIT):
                _password_step(Client(REMOTE_ADDR=self.OFFICE), colleague.email, WRONG)
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), colleague.email).status_code == 429

    def test_only_a_complete_and_recent_login_counts(self, make_user, settings):
        settings.KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = 3
        settings.KANSRIJK_LOGIN_TRUSTED_ADDRESS_DAYS = 30
        with_code = make_user(Role.PROFESSIONAL, with_totp=True)
        long_ago = make_user(Role.PROGRAMMATEAM)
        with freeze_time("2026-09-01 09:00:00"):
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), long_ago.email).status_code == 302
        with freeze_time("2026-11-20 09:00:00"):
            # The password alone, without the code, is no complete login.
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), with_code.email).status_code == 302
            for _ in range(3):
                _password_step(Client(REMOTE_ADDR=self.OFFICE), make_user(Role.PROGRAMMATEAM).email, WRONG)
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), with_code.email).status_code == 429
            assert _password_step(Client(REMOTE_ADDR=self.OFFICE), long_ago.email).status_code == 429


class TestPasswordResetLimits:
    def _ask(self, client: Client, email: str):
        return client.post("/inloggen/wachtwoord-vergeten/", {"email": email})

    def test_per_email_address_from_one_client_address(self, make_user):
        user = make_user(Role.PROFESSIONAL)
        spellings = [user.email, user.email.upper(), user.email.title()]
        client = Client(REMOTE_ADDR="10.0.0.1")
        for n in range(RESET_PER_EMAIL.count):
            assert self._ask(client, spellings[n % 3]).status_code == 302
        response = self._ask(client, user.email.upper())
        assert response.status_code == 429
        assert "te vaak geprobeerd" in response.content.decode()
        assert int(response["Retry-After"]) > 0
        assert len(mail.outbox) == RESET_PER_EMAIL.count

    def test_a_stranger_cannot_use_up_someone_elses_resets(self, make_user):
        """The limit per email address holds per client address: whoever used it up elsewhere, the
        owner can still ask for a reset link from their own address."""
        user = make_user(Role.PROFESSIONAL)
        stranger = Client(REMOTE_ADDR="203.0.113.66")
        for _ in range(RESET_PER_EMAIL.count):
            self._ask(stranger, user.email)
        assert self._ask(stranger, user.email).status_code == 429
        assert self._ask(Client(REMOTE_ADDR="198.51.100.20"), user.email).status_code == 302
        assert len(mail.outbox) == RESET_PER_EMAIL.count + 1

    def test_per_client_address_over_many_email_addresses(self, db):
        client = Client(REMOTE_ADDR="203.0.113.9")
        for n in range(RESET_PER_ADDRESS.count):
            assert self._ask(client, f"iemand{n}@test.kansrijk.test").status_code == 302
        response = self._ask(client, "nog-iemand@test.kansrijk.test")
        assert response.status_code == 429
        assert "te vaak geprobeerd" in response.content.decode()
        assert self._ask(Client(REMOTE_ADDR="198.51.100.9"), "nog-iemand@test.kansrijk.test").status_code == 302

    def test_the_limit_frees_up_after_the_window(self, make_user):
        user = make_user(Role.PROFESSIONAL)
        with freeze_time("2026-11-22 10:00:00") as frozen:
            for _ in range(RESET_PER_EMAIL.count):
                self._ask(Client(), user.email)
            assert self._ask(Client(), user.email).status_code == 429
            frozen.tick(RESET_PER_EMAIL.window + timedelta(seconds=1))
            assert self._ask(Client(), user.email).status_code == 302
        link = re.search(r"/inloggen/nieuw-wachtwoord/\S+/", str(mail.outbox[-1].body))
        assert link is not None

    def test_the_limit_page_is_in_english_too(self, make_user):
        user = make_user(Role.PROFESSIONAL)
        client = Client()
        client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
        for _ in range(RESET_PER_EMAIL.count):
            self._ask(client, user.email)
        response = self._ask(client, user.email)
        assert response.status_code == 429
        assert "too many" in response.content.decode().lower()
