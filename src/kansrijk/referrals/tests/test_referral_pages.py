"""The referral pages: the whole loop by the people who do it, consent gating, what the receiving side
sees, capacity on the Kaart, the answer link for partners without an account, and "Kwijt?"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.tests.login import login_verified
from kansrijk.consent.models import DataCategory
from kansrijk.core import clock
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.kaart.models import Capacity
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.notify.selectors import notices_about
from kansrijk.referrals.models import AnswerLink, Referral, ReferralStatus
from kansrijk.referrals.tests.factories import Setting, referral_in, setting

pytestmark = pytest.mark.django_db
S = ReferralStatus


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _client(user: User) -> Client:
    return login_verified(Client(), user)


def _start(s: Setting, midwife: Client) -> Referral:
    response = midwife.post(
        f"/gezinnen/{s.family.pk}/verwijzen/",
        {
            "service": str(s.service.pk),
            "reason": "Wij hebben schulden en de rekeningen stapelen op",
            "urgency": "normaal",
            "handover_preference": "fysiek",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    return Referral.objects.get(family=s.family)


def test_the_whole_loop_by_the_midwife_and_the_buurtteam(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    midwife, worker = _client(s.midwife), _client(s.worker)
    referral = _start(s, midwife)
    page = midwife.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert (
        "Lees dit samen met de ouders" in page and "Versturen kan pas als de ouders toestemming hebben gegeven" in page
    )

    # Step 2: consent, read together; step 3: send.
    response = midwife.post(
        f"/verwijzingen/{referral.pk}/",
        {
            "action": "consent",
            "given_by": s.parent.pk,
            "categories": ["contact", "hulpvraag"],
            "method": "mondeling",
            "valid_until": "2027-11-23",
        },
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        assert midwife.post(f"/verwijzingen/{referral.pk}/", {"action": "send"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == S.SENT
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [s.worker.email]
    assert "Meriam" not in mail.outbox[0].body  # an email never names the family

    # The receiving side: the inbox names no family; the referral shows only what was consented.
    inbox = worker.get("/verwijzingen/inbox/").content.decode()
    assert (
        s.service.name in inbox
        and s.family.name not in inbox
        and f"Verwijzing {referral.pk} van {s.midwife.full_name}" in inbox
    )
    detail = worker.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "Wij hebben schulden" in detail and "0612345678" in detail
    assert "Gezin" not in detail.split("Wat de ouders willen delen")[1].split("Antwoorden")[0].replace("gezin", "")
    assert worker.get(f"/gezinnen/{s.family.pk}/").status_code == 403  # never the family file
    referral.refresh_from_db()
    assert referral.received_at is not None

    assert worker.post(f"/verwijzingen/{referral.pk}/", {"action": "answer", "decision": "accept"}).status_code == 302
    response = worker.post(
        f"/verwijzingen/{referral.pk}/",
        {
            "action": "plan",
            "mode": "fysiek",
            "planned_at": "2026-11-25T14:00",
            "place": "Buurtteam, Osdorpplein 1",
            "participants": "Meriam, Micha, de verloskundige en Sam",
            "summary": "Rekeningen; wil een overzicht.",
        },
    )
    assert response.status_code == 302, response.content[:3000]
    response = worker.post(
        f"/verwijzingen/{referral.pk}/",
        {"action": "handover_done", "done_mode": "fysiek", "parents_present": "on", "note": "Goed gesprek"},
    )
    assert response.status_code == 302
    assert worker.post(f"/verwijzingen/{referral.pk}/", {"action": "start"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == S.HELP_STARTED and referral.first_contact_at is not None

    # The loop closes visibly for the referrer, on the family file and the loop page, and by notice.
    family_page = midwife.get(f"/gezinnen/{s.family.pk}/").content.decode()
    assert "Hulp gestart" in family_page
    timeline = family_page.split('id="tijdlijn"')[1].split("</section>")[0]  # the loop on the 1,000-day timeline
    assert f"Verwezen naar {referral.recipient_label}" in timeline
    assert f"Hulp gestart: {referral.recipient_label}" in timeline
    loop = midwife.get(f"/gezinnen/{s.family.pk}/verwijzingen/").content.decode()
    assert "Hulp gestart" in loop and "overdracht" in loop
    assert notices_about(referral).filter(user=s.midwife, subject__endswith="is nu: Hulp gestart.").exists()
    assert [e.to_status for e in referral.events.all()] == [
        S.CONCEPT,
        S.SENT,
        S.ACCEPTED,
        S.HANDOVER_PLANNED,
        S.HANDOVER_DONE,
        S.HELP_STARTED,
    ]


def test_without_consent_nothing_is_sent_and_nothing_changes() -> None:
    s = setting()
    midwife = _client(s.midwife)
    referral = _start(s, midwife)
    response = midwife.post(f"/verwijzingen/{referral.pk}/", {"action": "send"}, follow=True)
    assert "Zonder geldige toestemming" in response.content.decode()
    referral.refresh_from_db()
    assert referral.status == S.CONCEPT and referral.sent_at is None
    # The receiving side cannot even open a concept.
    assert _client(s.worker).get(f"/verwijzingen/{referral.pk}/").status_code == 403


def test_consent_with_nothing_to_share_is_refused() -> None:
    s = setting()
    midwife = _client(s.midwife)
    referral = _start(s, midwife)
    response = midwife.post(
        f"/verwijzingen/{referral.pk}/",
        {"action": "consent", "given_by": s.parent.pk, "method": "mondeling", "valid_until": "2027-11-23"},
    )
    assert response.status_code == 422 and "Kies wat er gedeeld mag worden" in response.content.decode()


def test_revoking_consent_hides_the_family_from_the_receiving_side_at_once() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    worker = _client(s.worker)
    assert "0612345678" in worker.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert referral.consent is not None
    response = _client(s.midwife).post(f"/gezinnen/{s.family.pk}/verwijzingen/", {"consent": referral.consent.pk})
    assert response.status_code == 302
    page = worker.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "0612345678" not in page and "Wij hebben schulden" not in page
    assert "geen (geldige) toestemming" in page
    assert notices_about(referral).filter(user=s.worker, kind="referrals.ingetrokken").exists()
    assert AuditEntry.objects.filter(object_type="consent.consent", action=AuditAction.UPDATE).exists()


def test_only_consented_categories_are_shown() -> None:
    s = setting()
    from kansrijk.referrals import services
    from kansrijk.referrals.tests.factories import consented

    referral = services.referral_draft(family=s.family, by=s.midwife, reason="Hulp bij geld", service=s.service)
    referral = services.referral_send(referral=consented(s, referral, (DataCategory.QUESTION,)), by=s.midwife)
    page = _client(s.worker).get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "Hulp bij geld" in page and "0612345678" not in page and "Meriam" not in page


def test_capacity_from_the_inbox_shows_on_the_kaart_and_before_sending() -> None:
    s = setting()
    worker = _client(s.worker)
    response = worker.post(
        "/verwijzingen/inbox/",
        {
            "service": str(s.service.pk),
            f"{s.service.pk}-capacity": Capacity.WAITING_LIST,
            f"{s.service.pk}-wait_time_days": "21",
        },
    )
    assert response.status_code == 302
    s.service.refresh_from_db()
    assert (s.service.capacity, s.service.wait_time_days) == (Capacity.WAITING_LIST, 21)
    assert "Er is een wachtlijst" in Client().get(f"/kaart/aanbod/{s.service.pk}/").content.decode()
    start = _client(s.midwife).get(f"/gezinnen/{s.family.pk}/verwijzen/?dienst={s.service.pk}").content.decode()
    assert "Er is een wachtlijst" in start and "21 dagen" in start
    # Someone else's service: refused.
    other = make_service("Ander aanbod", organization=make_organization("Ander"), whole_city=True)
    assert worker.post("/verwijzingen/inbox/", {"service": str(other.pk)}).status_code == 403


def test_a_partner_without_an_account_answers_through_a_personal_link(django_capture_on_commit_callbacks: Any) -> None:
    s = setting()
    from kansrijk.referrals import services
    from kansrijk.referrals.tests.factories import consented, partner_referral

    referral = partner_referral(s)
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_send(referral=consented(s, referral, (DataCategory.QUESTION,)), by=s.midwife)
    sent = [m for m in mail.outbox if m.to == ["hallo@kleinbegin.example"]]
    assert len(sent) == 1
    url = next(line for line in sent[0].body.splitlines() if "/v/" in line).strip()
    path = url[url.index("/v/") :]
    page = Client().get(path)
    assert page.status_code == 200 and "Wij hebben geen kinderwagen" in page.content.decode()
    assert "Meriam" not in page.content.decode()
    assert Client().post(path, {"action": "answer", "decision": "accept"}).status_code == 302
    assert Client().post(path, {"action": "start"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == S.HELP_STARTED
    assert "via persoonlijke link" in referral.events.last().by_label  # type: ignore[union-attr]
    # A wrong token, and an expired link, give nothing.
    assert Client().get("/v/niet-geldig/").status_code == 403
    AnswerLink.objects.update(expires_at=clock.now() - timedelta(minutes=1))
    assert Client().get(path).status_code == 403


def test_lost_lists_late_referrals_and_families_without_help() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    midwife = _client(s.midwife)
    assert referral.recipient_label not in midwife.get("/verwijzingen/kwijt/").content.decode()
    # Sent a week ago (five working days): past the norm of two working days.
    Referral.objects.filter(pk=referral.pk).update(sent_at=clock.now() - timedelta(days=7))
    page = midwife.get("/verwijzingen/kwijt/").content.decode()
    assert referral.recipient_label in page and "te laat" in page
    assert s.family.name in page
    late = midwife.get("/verwijzingen/?te_laat=laat").content.decode()
    assert referral.recipient_label in late
    assert referral.recipient_label not in midwife.get("/verwijzingen/?te_laat=zeer_laat").content.decode()


def test_the_kaart_offers_to_refer_a_family_to_a_service() -> None:
    s = setting()
    midwife = _client(s.midwife)
    page = midwife.get(f"/kaart/aanbod/{s.service.pk}/").content.decode()
    assert f"/verwijzingen/nieuw/?dienst={s.service.pk}" in page
    choose = midwife.get(f"/verwijzingen/nieuw/?dienst={s.service.pk}").content.decode()
    assert s.family.name in choose and f"/gezinnen/{s.family.pk}/verwijzen/?dienst={s.service.pk}" in choose
    assert "/verwijzingen/nieuw/" not in Client().get(f"/kaart/aanbod/{s.service.pk}/").content.decode()


def test_the_family_file_shows_the_closing_summary_after_the_1000_days() -> None:
    from datetime import date

    from kansrijk.families import services as family_services
    from kansrijk.referrals import jobs

    s = setting()
    family_services.child_add(family=s.family, by=s.midwife, given_name="Sami", birth_date=date(2024, 9, 1))
    referral_in(s, S.COMPLETED)
    assert jobs.closings() == 1
    page = _client(s.midwife).get(f"/gezinnen/{s.family.pk}/").content.decode()
    assert "Afsluiting na de eerste 1.000 dagen" in page and f"{s.service.name}" in page and "Afgerond" in page
