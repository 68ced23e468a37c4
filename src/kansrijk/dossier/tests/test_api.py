"""The family file's API: the same capabilities as the pages, the one error shape, least privilege."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.regie.models import RegiehouderProfile

pytestmark = pytest.mark.django_db

Make = Callable[..., tuple[Client, User]]

LINDA = {
    "conversation_on": "2026-11-23",
    "strengths_note": "Zorgt liefdevol voor Davie",
    "observations": [
        {"factor": "familierelaties", "present": True, "note": "Moeder en zus helpen"},
        {"factor": "sociaal_netwerk", "present": True},
        {"factor": "partnerrelatie", "present": False},
        {"factor": "hulp_vragen", "present": False},
        {"factor": "eenouder", "present": True},
        {"factor": "seksueel_misbruik", "present": True, "origin": "ouder"},
        {"factor": "stress", "present": True},
        {"factor": "psychisch", "present": True, "origin": "eigen"},
    ],
}


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _family(client: Client) -> int:
    response = client.post(
        "/api/v1/gezinnen/",
        {"name": "Linda en Davie (demo)", "discipline": "verloskundige", "postcode": "1102 AB"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["stadsdeel"] == "Zuidoost"
    family_id: int = response.json()["id"]
    return family_id


def test_a_conversation_through_the_api_gives_the_level_reasons_and_tasks(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family_id = _family(client)
    response = client.post(f"/api/v1/gezinnen/{family_id}/gesprekken/", LINDA, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["amsterdam_level"] == "extra_steun" and body["national_level"] == "kwetsbaar"
    assert body["rule_ids"] == ["BF-3", "AMS-2", "NAT-3B"] and body["why"]
    # Before pregnancy (no pregnancy or child recorded): the pathway's steps for that phase.
    assert len(body["tasks_created"]) == 3
    detail = client.get(f"/api/v1/gezinnen/{family_id}/").json()
    assert detail["phase"]["kind"] == "voor_zwangerschap"
    assert detail["latest_assessment"]["id"] == body["id"]
    assert {t["step_code"] for t in detail["open_tasks"]} == {"regiehouder-kiezen", "nu-niet-zwanger", "plan-bijwerken"}
    worklist = client.get("/api/v1/taken/").json()
    assert worklist["count"] == 3
    done = client.post(f"/api/v1/taken/{worklist['results'][0]['id']}/klaar/", {}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "klaar"


def test_bad_input_gets_the_one_error_shape_and_nothing_is_written(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family_id = _family(client)
    bad = {**LINDA, "observations": [{"factor": "hekserij", "present": True}], "conversation_on": "2027-01-01"}
    response = client.post(f"/api/v1/gezinnen/{family_id}/gesprekken/", bad, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"]["en"] == "The data is not valid. See 'details'."
    assert set(error["details"]) == {"observations", "conversation_on"}
    assert client.get(f"/api/v1/gezinnen/{family_id}/gesprekken/").json() == []


def test_outside_the_care_team_the_api_refuses_and_audits(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family_id = _family(client)
    other, outsider = verified_client(Role.PROFESSIONAL)
    for path in ("", "gesprekken/", "regie/", "meldcode/"):
        response = other.get(f"/api/v1/gezinnen/{family_id}/{path}")
        assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"
    assert other.get("/api/v1/gezinnen/").json()["count"] == 0
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=outsider.pk).count() == 4


def test_regie_and_the_meldcode_through_the_api(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family_id = _family(client)
    client.post(
        f"/api/v1/gezinnen/{family_id}/gesprekken/", {**LINDA, "unsafety": "acuut"}, content_type="application/json"
    )
    holder_client, holder = verified_client(Role.REGIEHOUDER, full_name="Sanne (demo)")
    RegiehouderProfile.objects.create(user=holder, discipline="buurtteam", capacity=5, languages=["nl"])
    proposal = client.get(f"/api/v1/gezinnen/{family_id}/regie/").json()
    assert proposal["regiehouder"] is None and proposal["proposals"][0]["name"] == "Sanne (demo)"
    chosen = client.post(
        f"/api/v1/gezinnen/{family_id}/regie/", {"regiehouder": holder.pk}, content_type="application/json"
    )
    assert chosen.status_code == 201
    board = holder_client.get("/api/v1/regie/").json()
    assert board["caseload"] == 1 and board["families"][0]["id"] == family_id
    out_of_order = client.post(
        f"/api/v1/gezinnen/{family_id}/meldcode/",
        {"step": 3, "done_on": "2026-11-23", "notes": "Gesprek"},
        content_type="application/json",
    )
    assert out_of_order.status_code == 400 and "step" in out_of_order.json()["error"]["details"]
    first = client.post(
        f"/api/v1/gezinnen/{family_id}/meldcode/",
        {"step": 1, "done_on": "2026-11-23", "notes": "Signalen op een rij"},
        content_type="application/json",
    )
    assert first.status_code == 201 and [s["step"] for s in first.json()["open_track"]["steps"]] == [1]


def test_the_pathway_and_rules_are_public_data_and_in_the_schema(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROGRAMMATEAM)
    body = client.get("/api/v1/route/").json()
    assert body["pathway"]["version"] == 1 and body["triage_rules"]["tables"]["amsterdam"][0]["id"] == "AMS-1"
    schema = client.get("/api/schema/").content.decode()
    for path in ("/api/v1/gezinnen/{id}/gesprekken/", "/api/v1/taken/", "/api/v1/regie/", "/api/v1/route/"):
        assert path in schema
