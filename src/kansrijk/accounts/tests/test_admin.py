"""The administration for the beheerder: reachable only with a verified second factor, audited."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.accounts.models import RoleGrant, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import login_verified
from kansrijk.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def test_beheerder_creates_an_account_and_grants_a_role(verified_client):
    client, beheerder = verified_client(Role.BEHEERDER)
    response = client.post(
        "/beheer/accounts/user/add/",
        {
            "email": "nieuw@test.kansrijk.test",
            "full_name": "Nieuwe Collega",
            "job_title": "Verloskundige",
            "usable_password": "true",
            "password1": "een-lang-en-veilig-wachtwoord-2",
            "password2": "een-lang-en-veilig-wachtwoord-2",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "role_grants-TOTAL_FORMS": "1",
            "role_grants-INITIAL_FORMS": "0",
            "role_grants-0-role": "professional",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="nieuw@test.kansrijk.test")
    assert AuditEntry.objects.filter(action=AuditAction.CREATE, object_id=str(user.pk), actor_id=beheerder.pk).exists()
    page = client.get(f"/beheer/accounts/user/{user.pk}/change/")
    assert page.status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.VIEW, object_id=str(user.pk), actor_id=beheerder.pk).exists()
    grant = RoleGrant.objects.get(user=user)
    assert (grant.role, grant.granted_by) == ("professional", beheerder)


def test_disable_action_ends_every_session(make_user):
    beheerder = make_user(Role.BEHEERDER, with_totp=True)
    target = make_user(Role.PROFESSIONAL, with_totp=True)
    victim_session = login_verified(Client(), target)
    assert victim_session.get("/account/").status_code == 200
    client = login_verified(Client(), beheerder)
    response = client.post(
        "/beheer/accounts/user/", {"action": "disable_accounts", "_selected_action": [str(target.pk)]}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert not target.is_active and target.disabled_at is not None
    assert victim_session.get("/account/").status_code == 302


def test_is_active_cannot_be_flipped_in_the_form(verified_client, make_user):
    """Blocking must go through the action that ends sessions, so the field is read-only."""
    client, _beheerder = verified_client(Role.BEHEERDER)
    target = make_user(Role.PROFESSIONAL)
    page = client.get(f"/beheer/accounts/user/{target.pk}/change/").content.decode()
    assert 'name="is_active"' not in page


def test_admin_needs_the_second_factor(make_user):
    beheerder = make_user(Role.BEHEERDER, with_totp=True)
    client = Client()
    client.post("/inloggen/", {"username": beheerder.email, "password": "een-lang-en-veilig-wachtwoord"})
    response = client.get("/beheer/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/code/")
