"""The free sign-up sends an email each time: it is limited per client address and per email address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.vraagbaak.tests.people import organisation
from kansrijk.vraagbaak.views import SIGNUP_PER_ADDRESS, SIGNUP_PER_EMAIL

pytestmark = pytest.mark.django_db


def _sign_up(client: Client, email: str):
    return client.post(
        "/vraagbaak/aanmelden/",
        {
            "full_name": "Nieuwe Collega",
            "email": email,
            "password": "een-lang-en-veilig-wachtwoord",
            "organisation": organisation("Kraamzorg Test").pk,
            "function": "Kraamverzorgende",
        },
    )


def test_per_client_address_over_many_email_addresses():
    client = Client(REMOTE_ADDR="203.0.113.20")
    for n in range(SIGNUP_PER_ADDRESS.count):
        assert _sign_up(client, f"collega{n}@kraamzorg.example.nl").status_code == 200
    response = _sign_up(client, "nog-een@kraamzorg.example.nl")
    assert response.status_code == 429
    assert "te vaak geprobeerd" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert not User.objects.filter(email="nog-een@kraamzorg.example.nl").exists()
    # Another address may still sign up.
    assert _sign_up(Client(REMOTE_ADDR="198.51.100.20"), "nog-een@kraamzorg.example.nl").status_code == 200


def test_per_email_address_in_any_spelling():
    email = "collega@kraamzorg.example.nl"
    spellings = [email, email.upper(), email.title()]
    for n in range(SIGNUP_PER_EMAIL.count):
        assert _sign_up(Client(REMOTE_ADDR=f"10.0.2.{n}"), spellings[n % 3]).status_code == 200
    sent = len(mail.outbox)
    response = _sign_up(Client(REMOTE_ADDR="10.0.3.1"), email.upper())
    assert response.status_code == 429
    assert len(mail.outbox) == sent


def test_the_limit_frees_up_after_the_window():
    client = Client(REMOTE_ADDR="203.0.113.21")
    with freeze_time("2026-11-22 10:00:00") as frozen:
        for n in range(SIGNUP_PER_ADDRESS.count):
            _sign_up(client, f"collega{n}@kraamzorg.example.nl")
        assert _sign_up(client, "later@kraamzorg.example.nl").status_code == 429
        frozen.tick(SIGNUP_PER_ADDRESS.window + timedelta(seconds=1))
        assert _sign_up(client, "later@kraamzorg.example.nl").status_code == 200


def test_a_form_with_errors_counts_nothing():
    client = Client(REMOTE_ADDR="203.0.113.22")
    for _ in range(SIGNUP_PER_ADDRESS.count + 2):
        assert client.post("/vraagbaak/aanmelden/", {"email": "geen-adres"}).status_code == 400
    assert _sign_up(client, "collega@kraamzorg.example.nl").status_code == 200
