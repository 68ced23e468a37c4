"""The referral and consent API: the closed loop by the right people, consent before anything is shared,
revocation that blocks at once, refusals that are audited, the state table, and the FHIR mapping."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import Membership, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import login_verified
from kansrijk.consent.models import Consent, DataCategory
from kansrijk.core import audit_db_guard, clock
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.tests.factories import professional
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.notify.selectors import notices_about
from kansrijk.referrals import services
from kansrijk.referrals.api.serializers import fhir_task_status
from kansrijk.referrals.models import Referral, ReferralEvent, ReferralStatus
from kansrijk.referrals.tests.factories import Setting, consented, referral_in, setting

pytestmark = pytest.mark.django_db
S = ReferralStatus
Make = Callable[..., tuple[Client, User]]
API = "/api/v1"


@pytest.fixture(autouse=True)
def frozen(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("postgres"):  # threads and a frozen clock do not mix
        yield
        return
    with freeze_time("2026-11-23 10:00:00", tick=True):  # a Monday
        yield


def _client(user: User) -> Client:
    return login_verified(Client(), user)


def _step(client: Client, referral_id: int, to: str, **body: Any) -> Any:
    return client.post(
        f"{API}/verwijzingen/{referral_id}/stappen/", {"naar": to, **body}, content_type="application/json"
    )


def _detail(client: Client, referral_id: int) -> dict[str, Any]:
    response = client.get(f"{API}/verwijzingen/{referral_id}/")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def _consent_body(s: Setting, **extra: Any) -> dict[str, Any]:
    return {
        "given_by": s.parent.pk,
        "categories": list(DataCategory.values),
        "method": "mondeling",
        "valid_until": (clock.local_date() + timedelta(days=365)).isoformat(),
        **extra,
    }


def test_the_whole_loop_through_the_api_by_the_right_people() -> None:
    s = setting()
    midwife, worker = _client(s.midwife), _client(s.worker)

    made = midwife.post(
        f"{API}/gezinnen/{s.family.pk}/verwijzingen/",
        {"service": str(s.service.pk), "reason": "Wij hebben schulden", "urgency": "spoed"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    referral = made.json()
    rid = referral["id"]
    assert (referral["status"], referral["fhir_status"], referral["side"]) == ("concept", "draft", "verwijzer")
    assert referral["family"] == s.family.pk and referral["reason"] == "Wij hebben schulden"

    consent = midwife.post(
        f"{API}/gezinnen/{s.family.pk}/toestemmingen/", _consent_body(s, referral=rid), content_type="application/json"
    )
    assert consent.status_code == 201, consent.content
    assert consent.json()["active"] is True and consent.json()["recipient_label"] == referral["recipient_label"]

    sent = _step(midwife, rid, "verstuurd")
    assert sent.status_code == 200, sent.content
    assert (sent.json()["status"], sent.json()["fhir_status"]) == ("verstuurd", "requested")
    assert sent.json()["clock"]["kind"] == "antwoord" and sent.json()["lateness"] == "op_tijd"

    # The receiving side: in the inbox and in the detail, nothing of the family.
    inbox = worker.get(f"{API}/verwijzingen/inbox/")
    assert [row["id"] for row in inbox.json()] == [rid]
    seen = worker.get(f"{API}/verwijzingen/{rid}/")
    assert seen.status_code == 200
    assert seen.json()["side"] == "ontvanger" and seen.json()["family"] is None and seen.json()["reason"] is None
    for private in (s.family.name, "Meriam", "Wij hebben schulden", "0612345678"):
        assert private not in inbox.content.decode() and private not in seen.content.decode()
    steps = worker.get(f"{API}/verwijzingen/{rid}/stappen/").json()
    assert {step["naar"] for step in steps["steps"]} == {"geaccepteerd", "afgewezen", "gestopt"}

    shared = worker.get(f"{API}/verwijzingen/{rid}/gedeeld/")
    assert shared.status_code == 200, shared.content
    assert shared.json()["contact"][0]["name"] == "Meriam" and shared.json()["question"] == "Wij hebben schulden"
    assert _detail(worker, rid)["fhir_status"] == "received"

    assert _step(worker, rid, "geaccepteerd").json()["fhir_status"] == "accepted"
    planned = _step(
        worker,
        rid,
        "overdracht_gepland",
        mode="video",
        planned_at=(clock.now() + timedelta(days=2)).isoformat(),
        participants="Meriam, de verloskundige en Sam",
        summary="Samen een overzicht van de rekeningen maken",
    )
    assert planned.status_code == 200, planned.content
    assert (planned.json()["fhir_status"], planned.json()["business_status"]) == ("accepted", "overdracht gepland")
    assert planned.json()["handover"]["mode"] == "video" and planned.json()["handover"]["summary"] is None
    assert _detail(midwife, rid)["handover"]["summary"] == "Samen een overzicht van de rekeningen maken"
    done = _step(worker, rid, "overdracht_gedaan", done_mode="video", parents_present=True)
    assert (done.json()["fhir_status"], done.json()["business_status"]) == ("in-progress", "overdracht gedaan")
    assert _step(worker, rid, "hulp_gestart").json()["fhir_status"] == "in-progress"
    completed = _step(worker, rid, "afgerond", toelichting="Overzicht gemaakt")
    assert (completed.json()["status"], completed.json()["fhir_status"]) == ("afgerond", "completed")
    assert completed.json()["clock"] is None

    loop = midwife.get(f"{API}/gezinnen/{s.family.pk}/verwijzingen/").json()
    assert [e["to_status"] for e in loop[0]["events"]] == [
        "concept", "verstuurd", "geaccepteerd", "overdracht_gepland", "overdracht_gedaan", "hulp_gestart", "afgerond"
    ]  # fmt: skip
    assert loop[0]["events"][-1]["note"] == "Overzicht gemaakt"


def test_each_side_takes_only_its_own_steps() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    midwife = _client(s.midwife)
    refused = _step(midwife, referral.pk, "geaccepteerd")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "permission_denied"
    referral.refresh_from_db()
    assert referral.status == S.SENT
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=s.midwife.pk).exists()
    # The referrer may stop the loop (both sides may), but nothing else while it waits for an answer.
    assert [step["naar"] for step in midwife.get(f"{API}/verwijzingen/{referral.pk}/stappen/").json()["steps"]] == [
        "gestopt"
    ]


def test_sending_without_consent_is_refused_and_changes_nothing() -> None:
    s = setting()
    midwife = _client(s.midwife)
    rid = midwife.post(
        f"{API}/gezinnen/{s.family.pk}/verwijzingen/",
        {"service": str(s.service.pk), "reason": "Hulp bij rekeningen"},
        content_type="application/json",
    ).json()["id"]
    assert "verstuurd" not in [
        step["naar"] for step in midwife.get(f"{API}/verwijzingen/{rid}/stappen/").json()["steps"]
    ]
    response = _step(midwife, rid, "verstuurd")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"]["en"] == "The data is not valid. See 'details'."
    assert "toestemming" in error["details"] and "toestemming" in error["details"]["toestemming"][0]
    referral = Referral.objects.get(pk=rid)
    assert referral.status == S.CONCEPT and referral.sent_at is None
    assert ReferralEvent.objects.filter(referral=referral).count() == 1
    assert not notices_about(referral).exists()
    assert _client(s.worker).get(f"{API}/verwijzingen/inbox/").json() == []


def test_revoking_consent_blocks_the_receiving_side_at_once() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    worker, midwife = _client(s.worker), _client(s.midwife)
    assert worker.get(f"{API}/verwijzingen/{referral.pk}/gedeeld/").status_code == 200

    revoked = midwife.post(
        f"{API}/toestemmingen/{referral.consent_id}/intrekken/",
        {"toelichting": "Moeder wil het zelf regelen"},
        content_type="application/json",
    )
    assert revoked.status_code == 200, revoked.content
    assert revoked.json()["active"] is False and revoked.json()["revoked_at"]

    blocked = worker.get(f"{API}/verwijzingen/{referral.pk}/gedeeld/")
    assert blocked.status_code == 403
    assert "De ouders hebben hun toestemming ingetrokken" in blocked.json()["error"]["details"]
    assert "Meriam" not in blocked.content.decode()
    assert AuditEntry.objects.filter(
        action=AuditAction.DENIED, actor_id=s.worker.pk, object_id=str(referral.pk)
    ).exists()
    # The referral itself stays visible (without family data), on hold in FHIR terms; the receiving side
    # was told.
    detail = _detail(worker, referral.pk)
    assert (detail["fhir_status"], detail["business_status"]) == ("on-hold", "toestemming ingetrokken")
    assert detail["consent_active"] is False
    assert notices_about(referral).filter(user=s.worker, kind="referrals.ingetrokken").exists()
    # Revoking twice is refused in the one error shape.
    again = midwife.post(f"{API}/toestemmingen/{referral.consent_id}/intrekken/", {}, content_type="application/json")
    assert again.status_code == 400 and "al ingetrokken" in again.json()["error"]["details"]["non_field_errors"][0]


def test_an_expired_consent_blocks_too() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    with freeze_time(clock.now() + timedelta(days=400)):
        expired = _client(s.worker).get(f"{API}/verwijzingen/{referral.pk}/gedeeld/")
    assert expired.status_code == 403 and "verlopen" in expired.json()["error"]["details"]


def test_outsiders_are_refused_and_every_refusal_is_audited(verified_client: Make) -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    outsider_client, outsider = verified_client(Role.PROFESSIONAL)
    reads = [
        f"{API}/verwijzingen/{referral.pk}/",
        f"{API}/verwijzingen/{referral.pk}/gedeeld/",
        f"{API}/verwijzingen/{referral.pk}/stappen/",
        f"{API}/verwijzingen/999999/",
        f"{API}/gezinnen/{s.family.pk}/verwijzingen/",
        f"{API}/gezinnen/{s.family.pk}/toestemmingen/",
    ]
    for path in reads:
        response = outsider_client.get(path)
        assert response.status_code == 403, path
        assert response.json()["error"]["code"] == "permission_denied"
    writes = [
        (f"{API}/verwijzingen/{referral.pk}/stappen/", {"naar": "geaccepteerd"}),
        (f"{API}/toestemmingen/{referral.consent_id}/intrekken/", {}),
        (f"{API}/gezinnen/{s.family.pk}/verwijzingen/", {"service": str(s.service.pk), "reason": "x"}),
    ]
    for path, body in writes:
        assert outsider_client.post(path, body, content_type="application/json").status_code == 403, path
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=outsider.pk).count() == len(reads) + len(
        writes
    )
    referral.refresh_from_db()
    assert referral.status == S.SENT and referral.received_at is None
    assert referral.consent is not None and Consent.objects.get(pk=referral.consent.pk).revoked_at is None
    assert outsider_client.get(f"{API}/verwijzingen/").json()["count"] == 0
    assert outsider_client.get(f"{API}/verwijzingen/inbox/").json() == []


def test_the_receiving_side_never_sees_a_referral_before_it_is_sent() -> None:
    s = setting()
    concept = referral_in(s, S.CONCEPT)
    worker = _client(s.worker)
    assert worker.get(f"{API}/verwijzingen/{concept.pk}/").status_code == 403
    assert worker.get(f"{API}/verwijzingen/").json()["count"] == 0
    assert worker.get(f"{API}/verwijzingen/inbox/", {"status": "concept"}).status_code == 400


def test_the_care_teams_notes_stay_with_the_care_team() -> None:
    s = setting()
    referral = referral_in(s, S.CONCEPT)
    services.referral_await_consent(referral=referral, by=s.midwife, note="Moeder twijfelt over haar ex")
    referral = services.referral_send(referral=consented(s, referral), by=s.midwife)
    services.referral_decline(referral=referral, by=s.worker, reason="anders", note="Wachtlijst van zes weken")
    for_worker = _detail(_client(s.worker), referral.pk)
    notes = {e["to_status"]: e["note"] for e in for_worker["events"]}
    assert notes["wacht_op_toestemming"] is None and notes["afgewezen"] == "Wachtlijst van zes weken"
    assert "twijfelt" not in str(for_worker)
    for_midwife = _detail(_client(s.midwife), referral.pk)
    assert {e["to_status"]: e["note"] for e in for_midwife["events"]}["wacht_op_toestemming"] == (
        "Moeder twijfelt over haar ex"
    )
    assert for_midwife["closing_note"] == "Wachtlijst van zes weken" and for_worker["closing_note"] is None


def test_an_invalid_transition_is_refused_in_the_one_error_shape_and_changes_nothing() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    worker = _client(s.worker)
    events = ReferralEvent.objects.filter(referral=referral).count()
    response = _step(worker, referral.pk, "hulp_gestart")
    assert response.status_code == 400
    assert "kan niet" in response.json()["error"]["details"]["naar"][0]
    unknown = _step(worker, referral.pk, "gevlogen")
    assert unknown.status_code == 400 and "naar" in unknown.json()["error"]["details"]
    no_reason = _step(worker, referral.pk, "afgewezen")
    assert no_reason.status_code == 400 and "reden" in no_reason.json()["error"]["details"]
    no_moment = _step(worker, referral.pk, "overdracht_gepland")
    assert no_moment.status_code == 400 and "planned_at" in no_moment.json()["error"]["details"]
    referral.refresh_from_db()
    assert referral.status == S.SENT
    assert ReferralEvent.objects.filter(referral=referral).count() == events


def test_declining_with_another_service_that_may_fit() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    other = make_service("Schuldhulp in de wijk", organization=make_organization("Wijkteam"), whole_city=True)
    declined = _step(
        _client(s.worker), referral.pk, "afgewezen", reden="geen_capaciteit", voorgesteld_aanbod=str(other.pk)
    )
    assert declined.status_code == 200, declined.content
    body = declined.json()
    assert (body["status"], body["fhir_status"], body["closing_reason"]) == ("afgewezen", "rejected", "geen_capaciteit")
    assert body["suggested_service"] == str(other.pk)


def test_consent_for_an_organisation_without_a_referral() -> None:
    s = setting()
    midwife = _client(s.midwife)
    made = midwife.post(
        f"{API}/gezinnen/{s.family.pk}/toestemmingen/",
        _consent_body(s, organisation=s.buurtteam.pk, purpose="Meedenken over geldzorgen", categories=["contact"]),
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["recipient_label"] == s.buurtteam.name and made.json()["category_labels"]
    bad = midwife.post(
        f"{API}/gezinnen/{s.family.pk}/toestemmingen/",
        _consent_body(s, purpose="Iets", categories=[]),
        content_type="application/json",
    )
    assert bad.status_code == 400 and {"categories", "recipient"} <= set(bad.json()["error"]["details"])
    assert [c["id"] for c in midwife.get(f"{API}/gezinnen/{s.family.pk}/toestemmingen/").json()] == [made.json()["id"]]


def test_the_list_filters_on_status_and_lateness() -> None:
    s = setting()
    with freeze_time("2026-11-09 10:00:00"):
        very_late = referral_in(s, S.SENT)
    with freeze_time("2026-11-16 10:00:00"):
        late = referral_in(s, S.SENT)
    on_time = referral_in(s, S.SENT)
    concept = referral_in(s, S.CONCEPT)
    midwife = _client(s.midwife)

    def ids(**query: str) -> set[int]:
        response = midwife.get(f"{API}/verwijzingen/", query)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids() == {very_late.pk, late.pk, on_time.pk, concept.pk}
    assert ids(status="verstuurd") == {very_late.pk, late.pk, on_time.pk}
    assert ids(te_laat="laat") == {very_late.pk, late.pk}
    assert ids(te_laat="zeer_laat") == {very_late.pk}
    row = midwife.get(f"{API}/verwijzingen/", {"te_laat": "zeer_laat"}).json()["results"][0]
    assert row["lateness"] == "zeer_laat" and row["clock"]["due_on"] == "2026-11-11" and row["family"] == s.family.pk
    assert midwife.get(f"{API}/verwijzingen/", {"te_laat": "morgen"}).status_code == 400
    assert midwife.get(f"{API}/verwijzingen/", {"status": "weg"}).status_code == 400
    # The receiving side sees the sent ones, without the family.
    rows = _client(s.worker).get(f"{API}/verwijzingen/").json()["results"]
    assert {r["id"] for r in rows} == {very_late.pk, late.pk, on_time.pk}
    assert {r["family"] for r in rows} == {None}


# --- FHIR ------------------------------------------------------------------------------------------------

FHIR_TABLE = [
    # (status, received, help started, consent revoked) -> (Task.status, businessStatus)
    ((S.CONCEPT, False, False, False), ("draft", "concept")),
    ((S.WAITING_CONSENT, False, False, False), ("draft", "wacht op toestemming")),
    ((S.SENT, False, False, False), ("requested", "verstuurd")),
    ((S.SENT, True, False, False), ("received", "ontvangen")),
    ((S.ACCEPTED, True, False, False), ("accepted", "geaccepteerd")),
    ((S.DECLINED, True, False, False), ("rejected", "afgewezen")),
    ((S.HANDOVER_PLANNED, True, False, False), ("accepted", "overdracht gepland")),
    ((S.HANDOVER_DONE, True, False, False), ("in-progress", "overdracht gedaan")),
    ((S.HELP_STARTED, True, True, False), ("in-progress", "hulp gestart")),
    ((S.COMPLETED, True, True, False), ("completed", "afgerond")),
    ((S.STOPPED, True, False, False), ("cancelled", "gestopt")),
    ((S.STOPPED, True, True, False), ("failed", "gestopt")),
    ((S.SENT, True, False, True), ("on-hold", "toestemming ingetrokken")),
    ((S.HELP_STARTED, True, True, True), ("on-hold", "toestemming ingetrokken")),
    ((S.CONCEPT, False, False, True), ("on-hold", "toestemming ingetrokken")),
    # An ended referral keeps its outcome after a revocation.
    ((S.COMPLETED, True, True, True), ("completed", "afgerond")),
    ((S.STOPPED, True, True, True), ("failed", "gestopt")),
]


@pytest.mark.parametrize(("given", "expected"), FHIR_TABLE, ids=lambda v: "-".join(map(str, v)))
def test_fhir_mapping_table(given: tuple[str, bool, bool, bool], expected: tuple[str, str]) -> None:
    status, received, help_started, revoked = given
    mapped = fhir_task_status(status, received=received, help_started=help_started, consent_revoked=revoked)
    assert tuple(mapped) == expected


def test_the_fhir_mapping_covers_every_status() -> None:
    for status in S.values:
        assert fhir_task_status(status).status
    with pytest.raises(ValueError, match="unknown"):
        fhir_task_status("weg")


API_STATES = [
    (S.CONCEPT, "draft", "concept"),
    (S.WAITING_CONSENT, "draft", "wacht op toestemming"),
    (S.SENT, "requested", "verstuurd"),
    (S.ACCEPTED, "accepted", "geaccepteerd"),
    (S.DECLINED, "rejected", "afgewezen"),
    (S.HANDOVER_PLANNED, "accepted", "overdracht gepland"),
    (S.HANDOVER_DONE, "in-progress", "overdracht gedaan"),
    (S.HELP_STARTED, "in-progress", "hulp gestart"),
    (S.COMPLETED, "completed", "afgerond"),
    (S.STOPPED, "cancelled", "gestopt"),
]


@pytest.mark.parametrize(("state", "task_status", "business"), API_STATES, ids=[row[0] for row in API_STATES])
def test_fhir_mapping_per_state_through_the_api(state: str, task_status: str, business: str) -> None:
    s = setting()
    referral = referral_in(s, state)
    detail = _detail(_client(s.midwife), referral.pk)
    assert (detail["status"], detail["fhir_status"], detail["business_status"]) == (state, task_status, business)
    assert detail["status_label"] == S(state).label


def test_stopping_after_help_started_is_failed_in_fhir() -> None:
    s = setting()
    referral = referral_in(s, S.HELP_STARTED)
    services.referral_stop(referral=referral, by=s.worker, reason="geen_contact")
    detail = _detail(_client(s.midwife), referral.pk)
    assert (detail["status"], detail["fhir_status"]) == ("gestopt", "failed")


def test_the_endpoints_are_in_the_schema(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    schema = client.get("/api/schema/").content.decode()
    for path in (
        "/api/v1/gezinnen/{id}/verwijzingen/",
        "/api/v1/gezinnen/{id}/toestemmingen/",
        "/api/v1/toestemmingen/{id}/intrekken/",
        "/api/v1/verwijzingen/",
        "/api/v1/verwijzingen/inbox/",
        "/api/v1/verwijzingen/{id}/",
        "/api/v1/verwijzingen/{id}/gedeeld/",
        "/api/v1/verwijzingen/{id}/stappen/",
    ):
        assert path in schema


# --- concurrency (PostgreSQL) ------------------------------------------------------------------------------


@pytest.fixture
def committed_database() -> Iterator[None]:
    """For a test whose threads need committed rows: the reference data the migrations load is loaded
    again (an earlier transactional test may have emptied the tables), and the audit trail's
    append-only guard is in place during the test and lifted afterwards, only so that the tables can be
    emptied (as tests/browser/conftest.py does)."""
    from kansrijk.geo.services import geo_load_fixture
    from kansrijk.kaart.services import taxonomy_load
    from kansrijk.pathways.services import pathway_load_packaged

    audit_db_guard.install(connection)
    geo_load_fixture()
    taxonomy_load()
    pathway_load_packaged()
    yield
    audit_db_guard.lift(connection)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite locks the file)")
@pytest.mark.django_db(transaction=True)
def test_two_people_accepting_at_once_exactly_one_succeeds(committed_database: None) -> None:
    s = setting()
    colleague = professional(full_name="Noor Buurtteam")
    Membership.objects.create(user=colleague, organisation=s.buurtteam)
    referral = referral_in(s, S.SENT)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def accept(name: str, user: User) -> None:
        try:
            mine = Referral.objects.get(pk=referral.pk)
            barrier.wait(timeout=10)
            services.referral_accept(referral=mine, by=user)
            outcomes[name] = "accepted"
        except ValidationError:
            outcomes[name] = "refused"
        except Exception as error:
            outcomes[name] = f"error: {error!r}"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=accept, args=("worker", s.worker)),
        threading.Thread(target=accept, args=("colleague", colleague)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes.values()) == ["accepted", "refused"], outcomes
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED
    assert ReferralEvent.objects.filter(referral=referral, to_status=S.ACCEPTED).count() == 1
    winner = s.worker if outcomes["worker"] == "accepted" else colleague
    assert referral.answered_by_id == winner.pk
