"""Test support: log in through the real two-step login pages."""

from __future__ import annotations

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import User

PASSWORD = "een-lang-en-veilig-wachtwoord"


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def login_verified(client: Client, user: User) -> Client:
    """Log in through the real two-step login pages (password, then a TOTP code)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    response = client.post("/inloggen/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if device is not None:
        response = client.post("/inloggen/code/", {"code": current_code(device)})
        assert response.status_code == 302, response.content[:500]
    return client
