"""The permission matrix of the foundation: every role against every protected page and rule."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.accounts.roles import PERSONAL_DATA_ROLES, ROLE_INFO, Role
from kansrijk.accounts.tests.login import login_verified

pytestmark = pytest.mark.django_db

# page -> roles that may open it (with a verified second factor where the role needs one)
PAGES = {
    "/": set(Role),
    "/account/": set(Role),
    "/toezicht/auditlog/": {Role.BEHEERDER},
    "/beheer/": {Role.BEHEERDER},
    "/api/v1/mij/": set(Role),
    "/api/v1/organisaties/": set(Role),
    "/api/v1/auditlog/": {Role.BEHEERDER},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("page", list(PAGES))
def test_permission_matrix(make_user, role, page):
    needs_code = role.value in PERSONAL_DATA_ROLES
    user = make_user(role, with_totp=needs_code)
    client = login_verified(Client(), user)
    response = client.get(page)
    if role in PAGES[page]:
        assert response.status_code == 200, (role, page, response.status_code)
    else:
        assert response.status_code in (302, 403), (role, page, response.status_code)
        if response.status_code == 302:
            assert "/inloggen/" in response["Location"] or "/beheer/login/" in response["Location"]


def test_anonymous_sees_only_public_pages(db):
    client = Client()
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/account/").status_code == 302
    assert client.get("/toezicht/auditlog/").status_code == 302
    assert client.get("/beheer/").status_code == 302
    assert client.get("/api/v1/mij/").status_code == 401


def test_rules_are_declared_once_per_role():
    assert set(ROLE_INFO) == set(Role)
    assert {Role.KAART_REDACTEUR.value, Role.PROGRAMMATEAM.value}.isdisjoint(PERSONAL_DATA_ROLES)


def test_beheerder_without_verified_code_cannot_read_the_audit_log(make_user):
    """Only reachable if the middleware let an unverified session through; the rule itself refuses too."""
    user = make_user(Role.BEHEERDER, with_totp=True)
    user.is_verified = lambda: False
    assert not user.has_perm("core.view_audit_log")
    user.is_verified = lambda: True
    assert user.has_perm("core.view_audit_log")


def test_disabled_user_holds_no_rules(make_user):
    user = make_user(Role.BEHEERDER, with_totp=True, is_active=False)
    user.is_verified = lambda: True
    assert not user.has_perm("core.view_audit_log")
