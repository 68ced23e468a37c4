"""Editors keep their own organisation's services current: forms, B1 check, history, reminders."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import login_verified
from kansrijk.kaart import jobs
from kansrijk.kaart.forms import ServiceEditForm
from kansrijk.kaart.models import Service
from kansrijk.kaart.services import service_verify
from kansrijk.kaart.tests.factories import make_organization, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(make_user):
    return make_user(Role.KAART_REDACTEUR)


@pytest.fixture
def own_service(editor):
    organization = make_organization("Babybank (test)", managed_by=editor.memberships.get().organisation)
    return make_service(
        "Babybank De Meeuw",
        "Gratis kleding voor je baby.",
        organization=organization,
        categories=["babyspullen"],
        stadsdelen=["F"],
        free=True,
        last_verified_at=date(2026, 1, 10),
    )


@pytest.fixture
def other_service(make_user):
    someone_else = make_user(Role.KAART_REDACTEUR)
    organization = make_organization("Ander aanbod (test)", managed_by=someone_else.memberships.get().organisation)
    return make_service("Ander aanbod", organization=organization, stadsdelen=["T"])


def edit_form(service: Service, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": service.name,
        "description": service.description,
        "categories": [t.pk for t in service.categories.all()],
        "phases": [t.pk for t in service.phases.all()],
        "languages": [lang.pk for lang in service.languages.all()],
        "stadsdelen": [s.pk for s in service.stadsdelen.all()],
        "free": "on" if service.free else "",
        "fees_description": "",
        "wait_time_days": "",
        "application_process": "",
        "url": "",
        "email": "",
        "status": "active",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_editor_changes_own_service_and_the_history_says_who(editor, own_service):
    client = login_verified(Client(), editor)
    page = client.get(f"/kaart/redactie/aanbod/{own_service.pk}/")
    assert page.status_code == 200 and "Leesbaarheid" in page.content.decode()
    response = client.post(
        f"/kaart/redactie/aanbod/{own_service.pk}/",
        edit_form(own_service, description="Gratis kleding en luiers voor je baby.", verified="on"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    own_service.refresh_from_db()
    assert own_service.description == "Gratis kleding en luiers voor je baby."
    assert own_service.last_verified_by == editor and own_service.last_verified_at is not None
    latest = own_service.history.latest("history_date")
    assert latest.history_user == editor and latest.history_change_reason == "redactie"
    assert "Gratis kleding en luiers" in client.get(f"/kaart/aanbod/{own_service.pk}/").content.decode()


def test_invalid_changes_are_refused_with_the_reason(editor, own_service):
    client = login_verified(Client(), editor)
    response = client.post(
        f"/kaart/redactie/aanbod/{own_service.pk}/", edit_form(own_service, categories=[], stadsdelen=[])
    )
    assert response.status_code == 200
    assert "Dit veld is vereist." in response.content.decode()  # the hulpvraag is required
    own_service.refresh_from_db()
    assert own_service.categories.exists()
    response = client.post(f"/kaart/redactie/aanbod/{own_service.pk}/", edit_form(own_service, stadsdelen=[]))
    assert "Kies minstens één stadsdeel, of heel Amsterdam." in response.content.decode()
    assert own_service.stadsdelen.exists()


def test_editor_cannot_touch_another_organisations_service(editor, other_service):
    client = login_verified(Client(), editor)
    assert client.get(f"/kaart/redactie/aanbod/{other_service.pk}/").status_code == 403
    assert (
        client.post(f"/kaart/redactie/aanbod/{other_service.pk}/", edit_form(other_service, name="Gekaapt")).status_code
        == 403
    )
    other_service.refresh_from_db()
    assert other_service.name == "Ander aanbod"
    with pytest.raises(PermissionDenied):
        service_verify(service=other_service, by=editor)


def test_other_roles_and_anonymous_have_no_editor_pages(make_user, own_service):
    professional = make_user(Role.PROFESSIONAL, with_totp=True)
    assert login_verified(Client(), professional).get("/kaart/redactie/").status_code == 403
    response = Client().get("/kaart/redactie/")
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_klopt_nog_marks_the_service_checked(editor, own_service):
    client = login_verified(Client(), editor)
    home = client.get("/kaart/redactie/").content.decode()
    assert home.index("Babybank De Meeuw") < home.index("Actueel")  # not checked for 10 months: at the top
    client.post(f"/kaart/redactie/aanbod/{own_service.pk}/", {"only_verify": "1"})
    own_service.refresh_from_db()
    assert own_service.last_verified_by_name == editor.full_name


def test_b1_check_while_typing(editor):
    client = login_verified(Client(), editor)
    officialese = (
        "Indien u woonachtig bent in het stadsdeel dient u teneinde in aanmerking te komen voor ondersteuning "
        "middels de inkomensondersteuningsregeling een aanvraag in te dienen bij het loket."
    )
    html = client.post("/kaart/redactie/b1-check/", {"description": officialese}).content.decode()
    assert "indien" in html.lower() and "liever" in html
    plain = client.post(
        "/kaart/redactie/b1-check/", {"description": "Heb je weinig geld? Wij helpen je."}
    ).content.decode()
    assert "B1 of makkelijker" in plain


def test_reminders_go_to_the_editors_once_a_month(editor, own_service, other_service):
    with freeze_time("2026-11-23 08:00:00"):
        assert jobs.stale_reminders() == 1  # only the editor's organisation has a stale service
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "Babybank De Meeuw" in message.body and "Ander aanbod" not in message.body
    with freeze_time("2026-12-01 08:00:00"):
        assert jobs.stale_reminders() == 0  # reminded a week ago
    with freeze_time(date(2026, 11, 23) + timedelta(days=31)):
        assert jobs.stale_reminders() == 1


def test_every_choice_in_the_editor_form_is_a_styled_checkbox(db):
    html = str(ServiceEditForm())
    checkboxes = re.findall(r'<input type="checkbox"[^>]*>', html)
    assert any('name="phases"' in box for box in checkboxes)
    assert checkboxes and all("ams-checkbox__input" in box for box in checkboxes)
