"""Ways around the second factor, the lockout and the audit trail that must stay closed."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts import services
from kansrijk.accounts.models import ApiToken, Membership, RoleGrant, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory
from kansrijk.accounts.tests.login import PASSWORD, current_code, login_verified
from kansrijk.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _password_step(client: Client, email: str, password: str = PASSWORD):
    return client.post("/inloggen/", {"username": email, "password": password})


class TestSuperuserFlag:
    def test_createsuperuser_makes_a_beheerder_who_needs_the_second_factor(self):
        user = User.objects.create_superuser("root@test.kansrijk.test", PASSWORD, full_name="Root")
        assert set(RoleGrant.objects.filter(user=user).values_list("role", flat=True)) == {"beheerder"}
        client = Client()
        response = _password_step(client, user.email)
        assert response["Location"] == "/inloggen/app-instellen/"
        for path in ("/beheer/", "/toezicht/auditlog/", "/api/v1/auditlog/"):
            assert client.get(path).status_code in (302, 401), path

    def test_the_createsuperuser_command_audits_the_beheerder_role(self):
        call_command("createsuperuser", interactive=False, email="root@test.kansrijk.test", full_name="Root")
        user = User.objects.get(email="root@test.kansrijk.test")
        entry = AuditEntry.objects.get(object_id=str(user.pk), action=AuditAction.UPDATE)
        assert entry.detail == {"role_granted": "beheerder"}
        assert entry.actor_label == "systeem:accounts"

    def test_superuser_flag_alone_grants_no_permission(self, make_user):
        user = make_user(is_superuser=True, is_staff=True)  # flags set in the database, no role
        user.is_verified = lambda: True
        assert not user.has_perm("core.view_audit_log")
        assert not user.has_perm("core.use_admin")
        assert not user.has_perms(["accounts.change_user"])
        assert not user.has_module_perms("accounts")
        # ... and such an account still has to set up the second factor.
        response = _password_step(Client(), user.email)
        assert response["Location"] == "/inloggen/app-instellen/"


class TestApiTokens:
    def test_a_role_that_needs_the_second_factor_ends_tokens_made_without_it(self, make_user):
        beheerder = make_user(Role.BEHEERDER)
        user = make_user(Role.PROGRAMMATEAM)  # sees no personal data: no second factor needed
        client = Client()
        assert _password_step(client, user.email).status_code == 302
        page = client.post("/account/api-token/", {"name": "dashboard"})
        assert page.status_code == 200
        key = page.context["key"]
        token_id = ApiToken.objects.get(user=user).pk
        assert Client().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200

        services.role_grant(user=user, role=Role.BEHEERDER, by=None)
        assert not ApiToken.objects.filter(user=user).exists()
        assert Client().get("/api/v1/auditlog/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
        entry = AuditEntry.objects.filter(object_id=str(user.pk), action=AuditAction.UPDATE).latest("seq")
        assert entry.detail == {"role_granted": "beheerder"}
        ended = AuditEntry.objects.get(object_type="accounts.apitoken", object_id=str(token_id), action="delete")
        assert ended.detail == {"owner": user.pk, "reason": "role_changed"}
        assert beheerder.is_active

    def test_a_token_of_an_account_without_the_required_second_factor_is_refused(self, make_user):
        user = make_user(Role.BEHEERDER)  # however the token came to exist, e.g. made before a data fix
        user.is_verified = lambda: True
        key = services.api_token_create(user=user, name="script")
        response = Client().get("/api/v1/auditlog/", HTTP_AUTHORIZATION=f"Token {key}")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "authentication_failed"


class TestStayingSignedIn:
    def test_the_stay_signed_in_button_extends_the_session(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-24 09:00:00") as frozen:
            client = login_verified(Client(), user)
            frozen.tick(timedelta(minutes=14))
            assert client.get("/account/sessie/").json()["seconds_left"] == 60
            response = client.post("/account/sessie/")
            assert response.json() == {"authenticated": True, "seconds_left": 15 * 60}
            frozen.tick(timedelta(minutes=14))
            assert client.get("/account/").status_code == 200

    def test_the_status_check_counts_down_to_the_absolute_limit_when_that_comes_first(self, make_user, settings):
        settings.KANSRIJK_SESSION_ABSOLUTE = timedelta(minutes=20)
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-24 09:00:00") as frozen:
            client = login_verified(Client(), user)
            frozen.tick(timedelta(minutes=10))
            assert client.get("/account/").status_code == 200  # idle: 15 minutes left, absolute: 10
            assert client.get("/account/sessie/").json()["seconds_left"] == 10 * 60
            frozen.tick(timedelta(minutes=9))
            # "Stay signed in" extends the idle limit, never the absolute one.
            assert client.post("/account/sessie/").json() == {"authenticated": True, "seconds_left": 60}
            frozen.tick(timedelta(seconds=61))
            response = client.get("/account/sessie/")
            assert response.status_code == 401
            assert response.json()["authenticated"] is False

    def test_an_ended_session_answers_the_status_check_in_json(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-24 09:00:00") as frozen:
            client = login_verified(Client(), user)
            frozen.tick(settings.KANSRIJK_SESSION_IDLE + timedelta(seconds=1))
            response = client.get("/account/sessie/")
            assert response.status_code == 401
            assert response.json()["authenticated"] is False

    def test_the_middleware_answers_the_api_in_its_one_error_shape(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)  # password only
        response = client.get("/api/v1/mij/")
        assert response.status_code == 401
        assert response.json() == {
            "authenticated": False,
            "error": {
                "status": 401,
                "code": "second_factor_required",
                "message": {
                    "nl": "Log eerst in met je tweede stap (de code uit je app).",
                    "en": "Please complete the second login step (the code from your app) first.",
                },
                "details": "",
            },
        }


class TestLockoutAcrossLogins:
    def test_a_correct_password_does_not_wipe_earlier_wrong_codes(self, make_user, settings):
        assert settings.AXES_FAILURE_LIMIT == 5
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        statuses = []
        for wrong_codes in (2, 2, 1):
            client = Client()
            assert _password_step(client, user.email).status_code == 302
            statuses += [client.post("/inloggen/code/", {"code": "000000"}).status_code for _ in range(wrong_codes)]
        assert statuses[-1] == 429
        assert _password_step(Client(), user.email).status_code == 429

    def test_a_complete_login_starts_the_count_again(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        device = user.totpdevice_set.get()
        with freeze_time("2026-11-24 09:00:00") as frozen:
            for _round in range(3):  # 3 x 2 wrong codes, each round ending in a full login
                client = Client()
                _password_step(client, user.email)
                for _wrong in range(2):
                    assert client.post("/inloggen/code/", {"code": "000000"}).status_code == 200
                frozen.tick(timedelta(seconds=10))  # django-otp's own throttle after wrong codes
                device.refresh_from_db()
                assert client.post("/inloggen/code/", {"code": current_code(device)}).status_code == 302
                frozen.tick(timedelta(seconds=30))  # each code works once


class TestRefusalsAreAudited:
    def test_wrong_password_wrong_code_and_lockout(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        _password_step(Client(), user.email, "fout-wachtwoord")
        client = Client()
        _password_step(client, user.email)
        client.post("/inloggen/code/", {"code": "000000"})
        attempts = list(
            AuditEntry.objects.filter(action=AuditAction.DENIED, object_id=str(user.pk))
            .order_by("seq")
            .values_list("detail__attempted", flat=True)
        )
        assert attempts == ["login.password", "login.code"]
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            _password_step(Client(), user.email, "fout-wachtwoord")
        assert AuditEntry.objects.filter(detail__attempted="login.locked", object_id=str(user.pk)).exists()

    def test_a_locked_attempt_is_recorded_once_as_locked(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            _password_step(Client(), user.email, "fout-wachtwoord")
        refusals = AuditEntry.objects.filter(action=AuditAction.DENIED, object_id=str(user.pk))
        last_seq = refusals.latest("seq").seq
        for password in ("fout-wachtwoord", PASSWORD):
            assert _password_step(Client(), user.email, password).status_code == 429
            attempt = list(
                refusals.filter(seq__gt=last_seq).order_by("seq").values_list("detail__attempted", flat=True)
            )
            assert attempt == ["login.locked"], password
            last_seq = refusals.latest("seq").seq

    def test_a_lockout_at_the_code_step_is_recorded_once_naming_the_account(self, make_user, settings):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)
        statuses = [
            client.post("/inloggen/code/", {"code": "000000"}).status_code for _ in range(settings.AXES_FAILURE_LIMIT)
        ]
        assert statuses[-1] == 429
        locked = AuditEntry.objects.filter(action=AuditAction.DENIED, detail__attempted="login.locked")
        assert list(locked.values_list("object_id", flat=True)) == [str(user.pk)]

    def test_an_unknown_account_is_recorded_without_the_typed_text(self, db):
        _password_step(Client(), "niemand@test.kansrijk.test", "geheim-wachtwoord-123")
        entry = AuditEntry.objects.get(action=AuditAction.DENIED)
        assert (entry.object_type, entry.object_id, entry.actor_label) == ("accounts.user", "", "anoniem")
        assert "niemand" not in str(entry.detail) and "geheim" not in str(entry.detail)

    def test_a_personal_data_page_refused_by_the_second_factor_gate(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        client = Client()
        _password_step(client, user.email)  # password only
        assert client.get("/account/").status_code == 302
        entry = AuditEntry.objects.get(action=AuditAction.DENIED, actor_id=user.pk)
        assert entry.object_type == "route:accounts:account"
        assert "second factor" in entry.detail["attempted"]
        # A page without personal data is not an attempt at anyone's data.
        client.get("/")
        assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=user.pk).count() == 1


def _user_change_form(target: User, roles: dict[str, str]) -> dict[str, str]:
    """The admin's change form of `target` as sent: its one membership unchanged, one role row, plus `roles`."""
    membership = Membership.objects.get(user=target)
    return {
        "email": target.email,
        "full_name": target.full_name,
        "job_title": target.job_title,
        "disabled_reason": "",
        "approval_state": "approved",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": str(membership.pk),
        "memberships-0-user": str(target.pk),
        "memberships-0-organisation": str(membership.organisation_id),
        "memberships-0-function": "",
        "role_grants-TOTAL_FORMS": "1",
        "role_grants-INITIAL_FORMS": "1",
        "role_grants-0-user": str(target.pk),
        **roles,
    }


class TestAuditedAdministration:
    def test_granting_and_revoking_a_role_in_the_admin_is_audited(self, verified_client, make_user):
        client, beheerder = verified_client(Role.BEHEERDER)
        target = make_user(Role.PROFESSIONAL)
        grant = RoleGrant.objects.get(user=target)
        form = _user_change_form(
            target,
            {
                "role_grants-TOTAL_FORMS": "2",
                "role_grants-0-id": str(grant.pk),
                "role_grants-0-role": "professional",
                "role_grants-0-DELETE": "on",
                "role_grants-1-user": str(target.pk),
                "role_grants-1-role": "regiehouder",
            },
        )
        response = client.post(f"/beheer/accounts/user/{target.pk}/change/", form)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert list(RoleGrant.objects.filter(user=target).values_list("role", "granted_by")) == [
            ("regiehouder", beheerder.pk)
        ]
        details = list(
            AuditEntry.objects.filter(actor_id=beheerder.pk, object_id=str(target.pk), action=AuditAction.UPDATE)
            .order_by("seq")
            .values_list("detail", flat=True)
        )
        assert {"role_revoked": "professional"} in details
        assert {"role_granted": "regiehouder"} in details
        assert not any("membership_changed" in detail for detail in details)  # an unchanged row is no event

    def test_swapping_a_role_in_the_admin_ends_the_api_tokens(self, verified_client, make_user):
        client, beheerder = verified_client(Role.BEHEERDER)
        target = make_user(Role.PROFESSIONAL, with_totp=True)
        target.is_verified = lambda: True
        key = services.api_token_create(user=target, name="script")
        grant = RoleGrant.objects.get(user=target)
        form = _user_change_form(target, {"role_grants-0-id": str(grant.pk), "role_grants-0-role": "regiehouder"})
        response = client.post(f"/beheer/accounts/user/{target.pk}/change/", form)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert list(RoleGrant.objects.filter(user=target).values_list("role", flat=True)) == ["regiehouder"]
        # A token stands for the rights its owner had when making it: any role change ends it.
        assert not ApiToken.objects.filter(user=target).exists()
        assert Client().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
        details = list(
            AuditEntry.objects.filter(actor_id=beheerder.pk, object_id=str(target.pk), action=AuditAction.UPDATE)
            .order_by("seq")
            .values_list("detail", flat=True)
        )
        role_changes = [detail for detail in details if "role_granted" in detail or "role_revoked" in detail]
        assert role_changes == [{"role_granted": "regiehouder"}, {"role_revoked": "professional"}]


class TestActingForAnOrganisation:
    def test_the_audit_trail_names_the_organisation_chosen_on_the_account_page(self, verified_client):
        first = OrganisationFactory.create(name="AAA Verloskundigen (test)")
        second = OrganisationFactory.create(name="ZZZ Ouder- en Kindteam (test)")
        client, user = verified_client(Role.PROFESSIONAL, organisation=first)
        Membership.objects.create(user=user, organisation=second)
        client.get("/account/")
        assert AuditEntry.objects.filter(actor_id=user.pk).latest("seq").actor_organisation == first.name
        client.post("/account/organisatie/", {"organisation": str(second.pk), "next": "/account/"})
        client.get("/account/")
        assert AuditEntry.objects.filter(actor_id=user.pk).latest("seq").actor_organisation == second.name

    def test_the_account_page_marks_the_organisation_the_audit_trail_names(self, verified_client):
        first, second, third = (OrganisationFactory.create(name=f"{letter} Organisatie (test)") for letter in "ABC")
        client, user = verified_client(Role.PROFESSIONAL, organisation=first)
        Membership.objects.create(user=user, organisation=second)
        Membership.objects.create(user=user, organisation=third)

        def checked() -> list[str]:
            html = client.get("/account/").content.decode()
            return re.findall(r'value="(\d+)" id="org-\d+" checked', html)

        assert checked() == [str(first.pk)]  # nothing chosen yet: the first
        client.post("/account/organisatie/", {"organisation": str(third.pk), "next": "/account/"})
        assert checked() == [str(third.pk)]
        Membership.objects.filter(user=user, organisation=third).delete()
        # A choice that no longer holds falls back to the first, on the page as in the audit trail.
        assert checked() == [str(first.pk)]
        assert AuditEntry.objects.filter(actor_id=user.pk).latest("seq").actor_organisation == first.name

    def test_every_role_fits_in_the_entry(self, verified_client):
        client, user = verified_client(*Role)
        client.get("/account/")
        entry = AuditEntry.objects.filter(actor_id=user.pk, action=AuditAction.VIEW).latest("seq")
        assert entry.actor_role.split(",") == [role.value for role in Role]


def test_options_on_a_personal_data_endpoint_describes_it_without_a_500(verified_client):
    client, _user = verified_client(Role.PROFESSIONAL)
    assert client.options("/api/v1/mij/").status_code == 200
    assert client.options("/account/").status_code == 200
