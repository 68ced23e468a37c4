"""The privacy officer's pages: start, a family's request page with its downloads, erase and anonymise.
Outsiders get 403 (audited); everything the officer sees or downloads is audited."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.models import Family
from kansrijk.privacy import services
from kansrijk.privacy.models import PrivacyRequest
from kansrijk.privacy.tests.factories import PHONE, full_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def family() -> Iterator[Family]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        made, _s = full_family()
    yield made


def test_the_start_page_finds_a_family_by_its_number(verified_client, family):
    client, _officer = verified_client(Role.BEHEERDER)
    page = client.get("/privacy/")
    assert page.status_code == 200
    assert "1 keer noodtoegang" in page.content.decode()
    assert client.get("/privacy/", {"gezin": family.pk})["Location"] == f"/privacy/gezinnen/{family.pk}/"


def test_the_family_page_shows_how_much_not_what(verified_client, family):
    client, officer = verified_client(Role.BEHEERDER)
    page = client.get(f"/privacy/gezinnen/{family.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert PHONE not in html and "Fatima" not in html
    assert f"verwijderen {family.pk}" in html and f"anonimiseren {family.pk}" in html
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, actor_id=officer.pk, object_type="families.family", object_id=str(family.pk)
    ).exists()
    assert client.get(f"/privacy/gezinnen/{family.pk + 1000}/").status_code == 404


def test_downloads_are_files_and_audited_as_export(verified_client, family):
    client, officer = verified_client(Role.BEHEERDER)
    response = client.get(f"/privacy/gezinnen/{family.pk}/export.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["caregivers"][0]["phone"] == PHONE
    pdf = client.get(f"/privacy/gezinnen/{family.pk}/samenvatting.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, actor_id=officer.pk).count() == 2


@pytest.mark.parametrize("suffix", ["", "export.json", "samenvatting.pdf"])
@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.REGIEHOUDER, Role.PROGRAMMATEAM])
def test_outsiders_are_refused_and_audited(verified_client, family, suffix, role):
    client, user = verified_client(role)
    response = client.get(f"/privacy/gezinnen/{family.pk}/{suffix}")
    assert response.status_code == 403
    denied = AuditEntry.objects.get(action=AuditAction.DENIED, actor_id=user.pk)
    assert denied.object_id == str(family.pk)
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_care_team_cannot_erase(verified_client, family):
    client, _user = verified_client(Role.PROFESSIONAL)
    response = client.post(
        f"/privacy/gezinnen/{family.pk}/",
        {"kind": "verwijderen", "verwijderen-reason": "Verzoek van de ouders", "verwijderen-confirmation": ""},
    )
    assert response.status_code == 403
    assert Family.objects.filter(pk=family.pk).exists()
    assert client.get("/privacy/").status_code == 403


def test_erasing_from_the_page_needs_the_typed_confirmation(verified_client, family):
    client, _officer = verified_client(Role.BEHEERDER)
    url = f"/privacy/gezinnen/{family.pk}/"
    wrong = client.post(
        url,
        {"kind": "verwijderen", "verwijderen-reason": "Verzoek van de ouders", "verwijderen-confirmation": "ja"},
    )
    assert wrong.status_code == 422 and "Typ ter controle precies" in wrong.content.decode()
    assert Family.objects.filter(pk=family.pk).exists()
    done = client.post(
        url,
        {
            "kind": "verwijderen",
            "verwijderen-reason": "Verzoek van de ouders",
            "verwijderen-confirmation": f"verwijderen {family.pk}",
        },
    )
    assert done.status_code == 302 and done["Location"] == "/privacy/"
    assert not Family.objects.filter(pk=family.pk).exists()
    assert "Verzoek van de ouders" in client.get("/privacy/").content.decode()


def test_anonymising_from_the_page(verified_client, family):
    client, _officer = verified_client(Role.BEHEERDER)
    response = client.post(
        f"/privacy/gezinnen/{family.pk}/",
        {
            "kind": "anonimiseren",
            "anonimiseren-reason": "Verzoek van de vader",
            "anonimiseren-confirmation": f"anonimiseren {family.pk}",
        },
    )
    assert response.status_code == 302
    family.refresh_from_db()
    assert family.name == services.MARKER
    assert PrivacyRequest.objects.get().family_ref == family.pk
    page = client.get(f"/privacy/gezinnen/{family.pk}/").content.decode()
    assert 'value="anonimiseren"' not in page  # done once
