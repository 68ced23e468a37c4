"""The programme team edits "Zo werken wij" as a new version; everyone else reads it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.pathways.models import PathwayVersion

pytestmark = pytest.mark.django_db

Make = Callable[..., tuple[Client, User]]


def _formset_data(page: Any) -> dict[str, Any]:
    """The edit form as the browser would send it, from the form's initial values."""
    formset = page.context["formset"]
    data: dict[str, Any] = {f"stap-{k}": v for k, v in formset.management_form.initial.items()}
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value not in (None, "", []):
                data[form.add_prefix(name)] = value
    return data


def test_the_programme_team_publishes_a_new_version_and_history_stays(verified_client: Make) -> None:
    client, lead = verified_client(Role.PROGRAMMATEAM)
    assert "Route aanpassen" in client.get("/route/").content.decode()
    page = client.get("/route/bewerken/")
    assert page.status_code == 200
    data = _formset_data(page)
    first = next(k for k, v in data.items() if v == "Regiehouder kiezen met het gezin")
    data[first] = "Samen met het gezin een regiehouder kiezen"
    data["stap-1-DELETE"] = "on"
    new = "stap-11"
    data.update(
        {
            f"{new}-code": "taalhulp-aanbieden",
            f"{new}-title_nl": "Taalhulp of een tolk aanbieden",
            f"{new}-title_en": "Offer language support or an interpreter",
            f"{new}-phases": ["zwangerschap"],
            f"{new}-levels": ["steuntje", "extra_steun"],
            f"{new}-role": "signaleerder",
            f"{new}-due_working_days": "5",
        }
    )
    refused = client.post("/route/bewerken/", {**data, "note": ""})
    assert refused.status_code == 422
    response = client.post("/route/bewerken/", {**data, "note": "Taalhulp erbij; Nu Niet Zwanger via de Kaart"})
    assert response.status_code == 302, response.content.decode()[:2000]
    version = PathwayVersion.objects.get(number=2)
    codes = list(version.steps.values_list("code", flat=True))
    assert "taalhulp-aanbieden" in codes and "nu-niet-zwanger" not in codes
    assert version.steps.get(code="regiehouder-kiezen").title_nl == "Samen met het gezin een regiehouder kiezen"
    assert version.published_by == lead
    assert PathwayVersion.objects.get(number=1).steps.count() == 11  # the old version is untouched


def test_a_broken_step_is_refused_with_the_reason(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROGRAMMATEAM)
    data = _formset_data(client.get("/route/bewerken/"))
    data["stap-2-code"] = data["stap-0-code"]
    response = client.post("/route/bewerken/", {**data, "note": "Test"})
    assert response.status_code == 422 and "deze code komt twee keer voor" in response.content.decode()
    data["stap-2-code"], data["stap-0-due_working_days"] = "weer-uniek", "500"
    response = client.post("/route/bewerken/", {**data, "note": "Test"})
    assert response.status_code == 422 and "130" in response.content.decode()
    assert PathwayVersion.objects.count() == 1


def test_professionals_read_the_pathway_but_cannot_change_it(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    page = client.get("/route/").content.decode()
    assert "Prenataal huisbezoek JGZ aanbieden" in page and "Route aanpassen" not in page
    assert client.get("/route/bewerken/").status_code == 403


def test_publishing_the_pathway_needs_the_second_factor(make_user: Callable[..., User]) -> None:
    # A programme-team account without an authenticator app signs in with its password alone: it reads
    # the pathway, but publishing (which changes every professional's work) needs the second factor.
    from kansrijk.accounts.tests.login import login_verified
    from kansrijk.core.models import AuditAction, AuditEntry

    lead = make_user(Role.PROGRAMMATEAM, with_totp=False)
    client = login_verified(Client(), lead)
    assert client.get("/route/").status_code == 200
    assert client.get("/route/bewerken/").status_code == 403
    assert client.post("/route/bewerken/", {"note": "x"}).status_code == 403
    assert PathwayVersion.objects.count() == 1
    assert AuditEntry.objects.filter(actor_id=lead.pk, action=AuditAction.DENIED).exists()


def test_a_post_without_the_form_is_a_clear_error_not_a_crash(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROGRAMMATEAM)
    response = client.post("/route/bewerken/", {"note": "Zonder formulier"})
    assert response.status_code == 422
    assert PathwayVersion.objects.count() == 1
