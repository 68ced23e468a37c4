from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from kansrijk.accounts.demo import DEMO_PASSWORD, ORGANISATIONS, USERS
from kansrijk.accounts.models import Organisation, OrganisationKind, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import current_code

pytestmark = pytest.mark.django_db


def test_demo_refuses_without_the_development_settings(settings):
    settings.DEBUG = True  # DEBUG alone is not enough: only the development settings allow the demo
    settings.KANSRIJK_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="Refusing to load demo data"):
        call_command("demo")
    assert not User.objects.exists()


def test_demo_is_idempotent_fictional_and_prints_working_logins(settings):
    settings.KANSRIJK_DEMO_ALLOWED = True
    out = io.StringIO()
    call_command("demo", stdout=out)
    call_command("demo", stdout=out)
    # One login per role, plus a second professional on the receiving side of referrals (a buurtteam).
    assert User.objects.count() == len(USERS) == len(Role) + 1
    assert {u.role for u in USERS} == set(Role)
    assert Organisation.objects.count() == len(ORGANISATIONS)
    assert all(o.is_demo and "(demo)" in o.name for o in Organisation.objects.all())
    assert all(u.is_demo and "(demo)" in u.full_name for u in User.objects.all())
    assert {o.kind for o in Organisation.objects.all()} == set(OrganisationKind)
    printed = out.getvalue()
    for spec in USERS:
        assert spec.email in printed
    assert DEMO_PASSWORD in printed

    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.get(email="professional@demo.kansrijk.test")
    client = Client()
    assert client.post("/inloggen/", {"username": user.email, "password": DEMO_PASSWORD})["Location"] == (
        "/inloggen/code/"
    )
    device = TOTPDevice.objects.get(user=user)
    assert client.post("/inloggen/code/", {"code": current_code(device)}).status_code == 302
    assert client.get("/account/").status_code == 200
