"""The family file's pages through the real login: opening a file, recording a conversation (preview,
then record), choosing a regiehouder, the meldcode, "Mijn taken" and the dashboard; and that nobody outside
the care team gets in (audited)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.models import CareTeamMember, Family
from kansrijk.families.selectors import regiehouder_of
from kansrijk.pathways.models import Task, TaskStatus
from kansrijk.plans.models import Goal
from kansrijk.regie.models import RegiehouderProfile
from kansrijk.signalling.models import Assessment

pytestmark = pytest.mark.django_db

Make = Callable[..., tuple[Client, User]]


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _open(client: Client, **extra: str) -> Family:
    data = {
        "family_label": "Linda en Davie (demo)",
        "discipline": "verloskundige",
        "street": "Bijlmerdreef",
        "house_number": "1",
        "postcode": "1102 AB",
        "given_name": "Linda",
        "role": "moeder",
        "languages": ["nl"],
        "situation": "geboren",
        "child_name": "Davie",
        "birth_date": "2026-11-09",
        "weeks_at_birth": "39",
    }
    data.update(extra)
    response = client.post("/gezinnen/nieuw/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Family.objects.get(name=data["family_label"])


LINDA_CONVERSATION = {
    "conversation_on": "2026-11-23",
    "strengths_note": "Linda zorgt liefdevol voor Davie; haar moeder en zus helpen praktisch.",
    "f_familierelaties": "ja",
    "n_familierelaties": "Moeder en zus komen elke dag",
    "f_sociaal_netwerk": "ja",
    "f_partnerrelatie": "nee",
    "f_hulp_vragen": "nee",
    "n_hulp_vragen": "Vraagt moeilijk om emotionele steun",
    "f_eenouder": "ja",
    "f_seksueel_misbruik": "ja",
    "n_seksueel_misbruik": "Zelf verteld; niet verder uitvragen",
    "s_seksueel_misbruik": "ouder",
    "f_stress": "ja",
    "f_psychisch": "ja",
    "s_psychisch": "eigen",
    "f_verslaving": "nee",
    "unsafety": "",
}


def test_a_midwife_records_a_first_signal_and_the_level_and_tasks_follow(verified_client: Make) -> None:
    client, midwife = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    assert family.stadsdeel is not None and family.stadsdeel.naam == "Zuidoost"
    page = client.get(f"/gezinnen/{family.pk}/").content.decode()
    assert "Kraamtijd" not in page  # Davie is two weeks old: past the kraamtijd
    assert "Baby van 2 weken" in page and "De eerste 1.000 dagen" in page

    # Preview: the proposal and why, nothing written yet.
    preview = client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "voorstel": "1"})
    text = preview.content.decode()
    assert preview.status_code == 200 and "Voorstel: Extra steun" in text
    assert "Meerdere risicofactoren" in text
    assert not Assessment.objects.exists()

    response = client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.amsterdam_level == "extra_steun" and assessment.made_by == midwife
    assert set(Task.objects.filter(family=family).values_list("step_code", flat=True)) == {
        "regiehouder-kiezen",
        "huisbezoek-jgz",
        "plan-bijwerken",
    }
    page = client.get(f"/gezinnen/{family.pk}/").content.decode()
    assert "Extra steun" in page and "Waarom dit niveau" in page
    assert "Al besproken" in page and "Verleden van seksueel misbruik" in page
    worklist = client.get("/taken/").content.decode()
    assert "Regiehouder kiezen met het gezin" in worklist and "Linda en Davie (demo)" in worklist


def test_a_different_level_needs_a_reason_on_the_page(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    response = client.post(
        f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "chosen_amsterdam": "steuntje", "vastleggen": "1"}
    )
    assert response.status_code == 422
    assert "Schrijf op waarom je een ander niveau kiest" in response.content.decode()
    assert not Assessment.objects.exists()


def test_choosing_a_regiehouder_from_the_proposal(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    holder_client, holder = verified_client(Role.REGIEHOUDER, full_name="Sanne Regie (demo)")
    RegiehouderProfile.objects.create(user=holder, discipline="buurtteam", capacity=10, languages=["nl"])
    page = client.get(f"/gezinnen/{family.pk}/regiehouder/").content.decode()
    assert "Sanne Regie (demo)" in page and "0 van 10 gezinnen" in page
    response = client.post(f"/gezinnen/{family.pk}/regiehouder/", {"regiehouder": holder.pk})
    assert response.status_code == 302
    member = regiehouder_of(family)
    assert member is not None and member.user == holder
    assert Task.objects.get(family=family, step_code="regiehouder-kiezen").status == TaskStatus.DONE
    board = holder_client.get("/regie/").content.decode()
    assert "Linda en Davie (demo)" in board and "1 van 10 gezinnen" in board


def test_a_task_is_marked_done_from_the_worklist_with_htmx(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    task = Task.objects.get(family=family, step_code="plan-bijwerken")
    response = client.post(f"/taken/{task.pk}/klaar/", {"note": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Afgerond" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_unsafety_leads_to_the_meldcode_steps_in_order(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    response = client.post(
        f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "unsafety": "structureel", "vastleggen": "1"}
    )
    assert response["Location"] == f"/gezinnen/{family.pk}/meldcode/"
    page = client.get(response["Location"]).content.decode()
    assert "Stap 1: Signalen in kaart brengen" in page
    wrong = client.post(response["Location"], {"step": "2", "done_on": "2026-11-23", "notes": "x", "consulted": "y"})
    assert wrong.status_code == 422 and "Doe de stappen op volgorde" in wrong.content.decode()
    ok = client.post(response["Location"], {"step": "1", "done_on": "2026-11-23", "notes": "Signalen op een rij"})
    assert ok.status_code == 302
    assert "Stap 2: Collega raadplegen" in client.get(response["Location"]).content.decode()


def test_nobody_outside_the_care_team_sees_the_family_and_the_refusal_is_audited(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    other, outsider = verified_client(Role.PROFESSIONAL)
    for path in ("", "gesprek/", "regiehouder/", "meldcode/", "toevoegen/kind/"):
        assert other.get(f"/gezinnen/{family.pk}/{path}").status_code == 403
    assert other.get("/gezinnen/999999/").status_code == 403  # unknown looks the same as not allowed
    assert "Linda" not in other.get("/gezinnen/").content.decode()
    denied = AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=outsider.pk)
    assert denied.filter(object_id=str(family.pk)).count() == 5
    task_client, _ = verified_client(Role.KAART_REDACTEUR)
    assert task_client.get("/taken/").status_code == 403


def test_adding_a_birth_ends_the_pregnancy_on_the_page(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(
        client,
        family_label="Tiny en Leo (demo)",
        situation="zwanger",
        expected_due_date="2027-05-20",
        child_name="",
        birth_date="",
    )
    assert "Zwanger, 14 weken" in client.get(f"/gezinnen/{family.pk}/").content.decode()
    response = client.post(
        f"/gezinnen/{family.pk}/toevoegen/kind/",
        {"given_name": "Noa", "birth_date": "2026-11-22", "weeks_at_birth": "26"},
    )
    assert response.status_code == 302
    page = client.get(f"/gezinnen/{family.pk}/").content.decode()
    assert "Kraamtijd, dag 2" in page
    assert family.pregnancies.get().outcome == "geboren"
    assert family.children.get().birth_date == date(2026, 11, 22)


def test_the_plan_with_the_family_and_its_printable_version(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    response = client.post(
        f"/gezinnen/{family.pk}/plan/", {"kind": "doel", "domain": "welzijn", "text": "Ik wil weer rustig slapen"}
    )
    assert response.status_code == 302
    goal = Goal.objects.get(family=family)
    task = Task.objects.get(family=family, step_code="plan-bijwerken")
    prefix = f"doel{goal.pk}"
    response = client.post(
        f"/gezinnen/{family.pk}/plan/",
        {
            "kind": "actie",
            "goal": goal.pk,
            f"{prefix}-what": "Praten met de praktijkondersteuner over slapen",
            f"{prefix}-who": "Linda",
            f"{prefix}-due_on": "2026-12-15",
            f"{prefix}-task": task.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    missing = client.post(
        f"/gezinnen/{family.pk}/plan/",
        {"kind": "actie", "goal": goal.pk, f"{prefix}-what": "Bellen", f"{prefix}-who": ""},
    )
    assert missing.status_code == 422 and "Schrijf op wie het doet." in missing.content.decode()
    printed = client.get(f"/gezinnen/{family.pk}/plan/afdrukken/").content.decode()
    assert "Ons plan: Linda en Davie (demo)" in printed and "Ik wil weer rustig slapen" in printed
    assert "Praten met de praktijkondersteuner over slapen" in printed
    # The family's version carries no care level and no risk factors.
    for label in ("Extra steun", "risicofactor", "Verleden van seksueel misbruik", "kwetsbaar"):
        assert label not in printed


def test_a_regiehouder_keeps_their_own_profile(verified_client: Make) -> None:
    client, holder = verified_client(Role.REGIEHOUDER)
    assert "Meld je aan voor de pool" in client.get("/regie/").content.decode()
    response = client.post(
        "/regie/profiel/", {"discipline": "buurtteam", "capacity": "25", "languages": ["nl", "tw"], "stadsdelen": []}
    )
    assert response.status_code == 422 and "Kies de stadsdelen waar je werkt" in response.content.decode()
    from kansrijk.geo.models import Stadsdeel

    zuidoost = Stadsdeel.objects.get(naam="Zuidoost")
    response = client.post(
        "/regie/profiel/",
        {
            "discipline": "buurtteam",
            "capacity": "25",
            "languages": ["nl", "tw"],
            "stadsdelen": [zuidoost.pk],
            "active": "on",
        },
    )
    assert response.status_code == 302
    profile = RegiehouderProfile.objects.get(user=holder)
    assert (profile.capacity, profile.languages, [s.naam for s in profile.stadsdelen.all()]) == (
        25,
        ["nl", "tw"],
        ["Zuidoost"],
    )


def test_review_fixes_access_probing_redirects_and_bad_ids(verified_client: Make) -> None:
    client, midwife = verified_client(Role.PROFESSIONAL)
    family = _open(client)
    nurse_client, nurse = verified_client(Role.PROFESSIONAL)
    response = client.post(f"/gezinnen/{family.pk}/toevoegen/zorgteam/", {"email": nurse.email, "discipline": "jgz"})
    assert response.status_code == 302
    # A team member who may not manage the team cannot probe addresses: refused (and audited) either way.
    for email in (midwife.email, "niemand@demo.kansrijk.test"):
        refused = nurse_client.post(f"/gezinnen/{family.pk}/toevoegen/zorgteam/", {"email": email, "discipline": "ggz"})
        assert refused.status_code == 403
    # Taken out of the team, the professional who opened the file no longer sees it; her tasks move on.
    member = CareTeamMember.objects.get(family=family, user=midwife)
    client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    response = client.post(f"/gezinnen/{family.pk}/toevoegen/uit-zorgteam/", {"member": member.pk})
    assert response.status_code == 302
    assert client.get(f"/gezinnen/{family.pk}/").status_code == 403
    assert not Task.objects.filter(family=family, status="open", assigned_to=midwife).exists()
    assert Task.objects.filter(family=family, status="open", assigned_to=nurse).exists()
    # Text where an id belongs is no server error; "next" never leaves the site.
    assert nurse_client.post(f"/gezinnen/{family.pk}/regiehouder/", {"regiehouder": "abc"}).status_code == 422
    task = Task.objects.filter(family=family, status="open").first()
    assert task is not None
    done = nurse_client.post(f"/taken/{task.pk}/klaar/", {"next": "https://evil.example/phish"})
    assert done["Location"] == "/taken/"
    again = nurse_client.post(f"/taken/{task.pk}/klaar/", {}, HTTP_HX_REQUEST="true")
    assert again.status_code == 200  # a second click shows the row as it is, audited


def test_a_birth_moves_the_pathway_to_the_kraamtijd_without_a_new_conversation(verified_client: Make) -> None:
    client, _ = verified_client(Role.PROFESSIONAL)
    family = _open(client, situation="zwanger", expected_due_date="2026-12-01", child_name="", birth_date="")
    client.post(f"/gezinnen/{family.pk}/gesprek/", {**LINDA_CONVERSATION, "vastleggen": "1"})
    assert Task.objects.filter(family=family, step_code="kraamzorg-geboorteplan", status="open").exists()
    client.post(f"/gezinnen/{family.pk}/toevoegen/kind/", {"given_name": "Davie", "birth_date": "2026-11-22"})
    assert Task.objects.filter(family=family, step_code="warme-overdracht-jgz", status="open").exists()
    assert Task.objects.get(family=family, step_code="kraamzorg-geboorteplan").status == "niet_nodig"
