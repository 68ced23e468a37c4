"""Two-step login, lockout, session lifetime, disabled accounts and password reset, through the real pages."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from kansrijk.accounts import services
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import PASSWORD, current_code, login_verified
from kansrijk.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def _password_step(client: Client, email: str, password: str = PASSWORD):
    return client.post("/inloggen/", {"username": email, "password": password})


class TestTwoStepLogin:
    def test_password_alone_does_not_open_pages_with_personal_data(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        response = _password_step(client, user.email)
        assert response.status_code == 302 and response["Location"] == "/inloggen/code/"
        for path in ("/account/", "/toezicht/auditlog/", "/"):
            response = client.get(path)
            assert response.status_code == 302, path
            assert response["Location"].startswith("/inloggen/code/"), path
        assert client.get("/api/v1/mij/").status_code == 401

    def test_correct_code_opens_the_account(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)
        device = TOTPDevice.objects.get(user=user)
        response = client.post("/inloggen/code/", {"code": current_code(device)})
        assert response.status_code == 302
        assert client.get("/account/").status_code == 200

    def test_wrong_code_is_refused(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)
        response = client.post("/inloggen/code/", {"code": "000000"})
        assert response.status_code == 200
        assert "klopt niet" in response.content.decode()
        assert client.get("/account/").status_code == 302

    def test_recovery_code_works_once(self, make_user):
        user = make_user(Role.REGIEHOUDER, with_totp=True)
        codes = services.recovery_codes_regenerate(user=user)
        first = Client()
        _password_step(first, user.email)
        assert first.post("/inloggen/code/", {"code": codes[0].upper()}).status_code == 302
        assert first.get("/account/").status_code == 200
        assert StaticToken.objects.filter(device__user=user).count() == len(codes) - 1
        second = Client()
        _password_step(second, user.email)
        assert second.post("/inloggen/code/", {"code": codes[0]}).status_code == 200
        assert second.get("/account/").status_code == 302

    def test_role_with_personal_data_must_enrol_first(self, make_user):
        user = make_user(Role.PROFESSIONAL)
        client = Client()
        response = _password_step(client, user.email)
        assert response["Location"] == "/inloggen/app-instellen/"
        assert client.get("/account/")["Location"] == "/inloggen/app-instellen/"
        page = client.get("/inloggen/app-instellen/")
        assert page.status_code == 200
        assert b"<svg" in page.content
        device = TOTPDevice.objects.get(user=user, confirmed=False)
        response = client.post("/inloggen/app-instellen/", {"code": current_code(device)})
        assert response.status_code == 200
        codes = re.findall(r"<li>([0-9a-f]{5}-[0-9a-f]{5})</li>", response.content.decode())
        assert len(codes) == services.RECOVERY_CODE_COUNT
        assert client.get("/account/").status_code == 200
        assert TOTPDevice.objects.get(user=user).confirmed

    def test_stolen_password_cannot_replace_an_enrolled_app(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        attacker = Client()
        _password_step(attacker, user.email)
        response = attacker.get("/inloggen/app-instellen/")
        assert response.status_code == 302 and response["Location"] == "/inloggen/code/"
        response = attacker.post("/inloggen/app-instellen/", {"code": "123456"})
        assert response["Location"] == "/inloggen/code/"
        assert TOTPDevice.objects.filter(user=user).count() == 1

    def test_role_without_personal_data_needs_no_second_factor(self, make_user):
        user = make_user(Role.PROGRAMMATEAM)
        client = Client()
        response = _password_step(client, user.email)
        assert response["Location"] == "/"
        assert client.get("/account/").status_code == 200
        # ...but it cannot reach what needs a verified beheerder
        assert client.get("/toezicht/auditlog/").status_code == 403

    def test_account_waiting_for_approval_cannot_log_in(self, make_user):
        user = make_user(Role.PROFESSIONAL, approval_state="pending")
        client = Client()
        response = _password_step(client, user.email)
        assert response.status_code == 200
        assert "wacht nog op goedkeuring" in response.content.decode()
        assert "_auth_user_id" not in client.session

    def test_open_redirect_is_refused(self, make_user):
        user = make_user(Role.PROGRAMMATEAM)
        client = Client()
        response = client.post("/inloggen/?next=https://evil.example/", {"username": user.email, "password": PASSWORD})
        assert response["Location"] == "/"


class TestLockout:
    def test_account_locks_after_repeated_wrong_passwords(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert _password_step(client, user.email, "fout-wachtwoord").status_code == 200
        response = _password_step(client, user.email, "fout-wachtwoord")
        assert response.status_code == 429
        # Even the right password is refused while locked, also from another address.
        other = Client(REMOTE_ADDR="10.1.2.3")
        response = _password_step(other, user.email)
        assert response.status_code == 429
        assert "_auth_user_id" not in other.session

    def test_wrong_codes_count_towards_the_lockout(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)
        statuses = [client.post("/inloggen/code/", {"code": "000000"}).status_code for _ in range(5)]
        assert statuses[-1] == 429
        assert "_auth_user_id" not in client.session
        assert _password_step(Client(), user.email).status_code == 429

    def test_lock_ends_after_the_cool_off(self, make_user, settings):
        user = make_user(Role.PROGRAMMATEAM)
        with freeze_time("2026-11-22 10:00:00"):
            for _attempt in range(settings.AXES_FAILURE_LIMIT):
                _password_step(Client(), user.email, "fout-wachtwoord")
            assert _password_step(Client(), user.email).status_code == 429
        with freeze_time("2026-11-22 10:00:00") as frozen:
            frozen.tick(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
            assert _password_step(Client(), user.email).status_code == 302


class TestSessionLifetime:
    def test_idle_session_ends_after_the_configured_minutes(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-22 09:00:00") as frozen:
            client = login_verified(Client(), user)
            frozen.tick(timedelta(minutes=14))
            assert client.get("/account/").status_code == 200  # activity resets the idle clock
            frozen.tick(timedelta(minutes=14))
            assert client.get("/account/").status_code == 200
            frozen.tick(settings.KANSRIJK_SESSION_IDLE + timedelta(seconds=1))
            response = client.get("/account/")
            assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
            assert "_auth_user_id" not in client.session

    def test_status_check_does_not_count_as_activity(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-22 09:00:00") as frozen:
            client = login_verified(Client(), user)
            frozen.tick(timedelta(minutes=10))
            assert client.get("/account/sessie/").json()["seconds_left"] == 5 * 60
            frozen.tick(timedelta(minutes=6))
            assert client.get("/account/").status_code == 302

    def test_absolute_lifetime_ends_even_an_active_session(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-22 08:00:00") as frozen:
            client = login_verified(Client(), user)
            elapsed = timedelta()
            while elapsed <= settings.KANSRIJK_SESSION_ABSOLUTE:
                frozen.tick(timedelta(minutes=10))
                elapsed += timedelta(minutes=10)
                response = client.get("/account/")
                if response.status_code != 200:
                    break
            assert response.status_code == 302
            assert elapsed > settings.KANSRIJK_SESSION_ABSOLUTE - timedelta(minutes=10)

    def test_pages_carry_the_idle_warning_settings(self, verified_client):
        client, _user = verified_client(Role.PROFESSIONAL)
        html = client.get("/account/").content.decode()
        assert 'data-session-idle="900"' in html
        assert 'id="kr-session-dialog"' in html


class TestDisabledAccount:
    def test_all_sessions_end_at_once(self, make_user):
        target = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-22 09:00:00") as frozen:
            laptop = login_verified(Client(), target)
            frozen.tick(timedelta(seconds=30))  # a code can be used only once: the phone uses the next one
            phone = login_verified(Client(), target)
            target.is_verified = lambda: True  # the token is made from a verified session
            token = services.api_token_create(user=target, name="laptop")
            assert laptop.get("/account/").status_code == 200
            assert Client().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
            ended = services.user_disable(user=target, by=None, reason="uit dienst")
            assert ended == 2
            for client in (laptop, phone):
                assert client.get("/account/").status_code == 302
            assert Client().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 401
            refused = _password_step(Client(), target.email)
            assert refused.status_code == 200 and "_auth_user_id" not in refused.wsgi_request.session

    def test_disable_needs_a_verified_beheerder_and_refusal_is_audited(self, make_user):
        professional = make_user(Role.PROFESSIONAL)
        target = make_user(Role.PROFESSIONAL)
        with pytest.raises(Exception, match="toestemming"):
            services.user_disable(user=target, by=professional, reason="zomaar")
        target.refresh_from_db()
        assert target.is_active
        assert AuditEntry.objects.filter(action="denied", object_id=str(target.pk)).exists()


class TestPasswordReset:
    def test_reset_never_bypasses_the_second_factor(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        old_session = login_verified(Client(), user)
        client = Client()
        client.post("/inloggen/wachtwoord-vergeten/", {"email": user.email})
        assert len(mail.outbox) == 1
        found = re.search(r"http://testserver(/inloggen/nieuw-wachtwoord/\S+/)", str(mail.outbox[0].body))
        assert found is not None
        link = found.group(1)
        form_page = client.get(link, follow=True)
        assert form_page.status_code == 200
        new_password = "een-ander-lang-wachtwoord-2026"
        response = client.post(
            form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
        )
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session  # not logged in by the reset
        response = client.get("/account/")
        assert response.status_code == 302, response.content.decode()[:3000]
        assert old_session.get("/account/").status_code == 302  # every old session ended
        assert not any("_auth_user_id" in s.get_decoded() for s in Session.objects.all())
        response = _password_step(client, user.email, new_password)
        assert response["Location"] == "/inloggen/code/"  # the second step is still asked

    def test_unknown_email_gets_the_same_answer(self, db):
        response = Client().post("/inloggen/wachtwoord-vergeten/", {"email": "niemand@test.kansrijk.test"})
        assert response.status_code == 302
        assert mail.outbox == []

    def test_weak_password_is_refused(self, db):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError):
            services.user_create(email="nieuw@test.kansrijk.test", full_name="Nieuw", password="12345678", by=None)
