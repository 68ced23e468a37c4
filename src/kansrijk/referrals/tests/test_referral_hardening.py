"""Review findings on referrals (issue 12): reads recorded against the family on every surface that
shows it, answer links that answer once, can be revoked and end with the loop, and colleague look-ups
that do not tell who else has an account."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.db.models import Q
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import login_verified
from kansrijk.consent.models import DataCategory
from kansrijk.core import clock
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families.tests.factories import professional
from kansrijk.referrals import services
from kansrijk.referrals.models import AnswerLink, Referral, ReferralStatus
from kansrijk.referrals.tests.factories import Setting, consented, partner_referral, referral_in, setting

pytestmark = pytest.mark.django_db
S = ReferralStatus
API = "/api/v1"


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _client(user: User) -> Client:
    return login_verified(Client(), user)


def _family_reads(referral: Referral) -> list[AuditEntry]:
    """Reads in the family's access log (as privacy.selectors.access_log finds them)."""
    about = Q(object_type="families.family", object_id=str(referral.family_id)) | Q(detail__family=referral.family_id)
    return list(AuditEntry.objects.filter(about, action=AuditAction.VIEW).order_by("seq"))


def test_the_receiving_sides_page_read_is_in_the_familys_access_log() -> None:
    s = setting()
    referral = referral_in(s, S.SENT)
    before = len(_family_reads(referral))
    page = _client(s.worker).get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "0612345678" in page
    reads = _family_reads(referral)[before:]
    assert any(e.actor_id == s.worker.pk and e.object_type == "families.family" for e in reads)


def test_the_api_detail_read_is_in_the_familys_access_log() -> None:
    s = setting()
    referral = referral_in(s, S.ACCEPTED)
    before = len(_family_reads(referral))
    assert _client(s.worker).get(f"{API}/verwijzingen/{referral.pk}/").status_code == 200
    assert any(e.actor_id == s.worker.pk for e in _family_reads(referral)[before:])


def _link_setting() -> tuple[Setting, Referral, str]:
    s = setting()
    referral = partner_referral(s)
    referral = consented(s, referral, (DataCategory.QUESTION, DataCategory.CONTACT))
    referral = services.referral_send(referral=referral, by=s.midwife)
    token = services.answer_link_create(referral=referral, email="hallo@kleinbegin.example")
    return s, referral, token


def test_an_answer_link_read_is_recorded_against_the_family_with_the_link() -> None:
    _s, referral, token = _link_setting()
    page = Client().get(f"/v/{token}/")
    assert page.status_code == 200 and "0612345678" in page.content.decode()
    link = AnswerLink.objects.filter(referral=referral).latest("pk")
    reads = [e for e in _family_reads(referral) if e.on_behalf_of == "hallo@kleinbegin.example"]
    assert any(e.object_type == "families.family" for e in reads)
    assert any(e.detail.get("answer_link") == link.pk for e in reads)


def test_an_answer_link_answers_once() -> None:
    _s, referral, token = _link_setting()
    link = services.answer_link_use(token=token)
    assert link is not None
    services.referral_decline(referral=referral, link=link, reason="geen_capaciteit")
    # The loop ended with the decline: the link no longer opens, and shows nothing.
    assert services.answer_link_use(token=token) is None
    assert Client().get(f"/v/{token}/").status_code == 403


def test_a_second_answer_through_the_same_link_is_refused() -> None:
    from django.core.exceptions import ValidationError

    _s, referral, token = _link_setting()
    link = services.answer_link_use(token=token)
    assert link is not None
    services.referral_accept(referral=referral, link=link)
    link.refresh_from_db()
    assert link.answered_at is not None
    with pytest.raises(ValidationError):
        services.referral_decline(referral=referral, link=link, reason="geen_capaciteit")
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED


def test_the_referrer_revokes_a_link_on_the_page() -> None:
    s, referral, token = _link_setting()
    midwife = _client(s.midwife)
    page = midwife.get(f"/verwijzingen/{referral.pk}/").content.decode()
    assert "hallo@kleinbegin.example" in page and "intrekken" in page
    link = AnswerLink.objects.filter(referral=referral).latest("pk")
    # The receiving side cannot revoke links; only the referring side.
    other = _client(s.worker)
    other.post(f"/verwijzingen/{referral.pk}/", {"action": "revoke_link", "link": link.pk})
    link.refresh_from_db()
    assert link.ended_at is None
    response = midwife.post(f"/verwijzingen/{referral.pk}/", {"action": "revoke_link", "link": link.pk})
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.ended_at is not None and link.ended_reason == "ingetrokken"
    assert Client().get(f"/v/{token}/").status_code == 403
    assert AuditEntry.objects.filter(
        object_type="referrals.answerlink", object_id=str(link.pk), action=AuditAction.UPDATE, actor_id=s.midwife.pk
    ).exists()


def test_a_link_ends_when_the_loop_ends() -> None:
    s, referral, token = _link_setting()
    services.referral_stop(referral=referral, by=s.midwife, reason="ouder_wil_niet")
    link = AnswerLink.objects.filter(referral=referral).latest("pk")
    assert link.ended_at is not None and link.ended_reason == "afgerond"
    assert Client().get(f"/v/{token}/").status_code == 403


def test_adding_to_the_care_team_does_not_tell_who_has_an_account(make_user: Callable[..., User]) -> None:
    s = setting()
    midwife = _client(s.midwife)
    editor = make_user(Role.KAART_REDACTEUR, email="redacteur-x@example.org")
    answers = []
    for email in (editor.email, "niemand-hier@example.org"):
        response = midwife.post(
            f"/gezinnen/{s.family.pk}/toevoegen/zorgteam/", {"email": email, "discipline": "jgz"}, follow=True
        )
        answers.append(response.content.decode())
    message = "We vinden geen professional met dit e-mailadres"
    assert all(message in a for a in answers)
    assert "Alleen een actieve professional" not in answers[0]
    colleague = professional(full_name="Collega JGZ")
    response = midwife.post(
        f"/gezinnen/{s.family.pk}/toevoegen/zorgteam/", {"email": colleague.email.upper(), "discipline": "jgz"}
    )
    assert response.status_code == 302
    assert s.family.care_team.filter(user=colleague).exists()


def test_the_referral_professional_field_does_not_tell_who_has_an_account(make_user: Callable[..., User]) -> None:
    s = setting()
    editor = make_user(Role.BEHEERDER, email="beheer-y@example.org")
    midwife = _client(s.midwife)
    texts = []
    for email in (editor.email, "niemand-daar@example.org"):
        response = midwife.post(
            f"/gezinnen/{s.family.pk}/verwijzen/",
            {"professional_email": email, "reason": "Hulp", "urgency": "normaal", "handover_preference": "fysiek"},
        )
        assert response.status_code == 422
        texts.append(response.content.decode())
    assert all("We vinden geen professional met dit e-mailadres" in t for t in texts)
    assert not Referral.objects.filter(family=s.family).exists()


def test_a_link_revoked_while_its_holder_answers_cannot_answer() -> None:
    from django.core.exceptions import ValidationError

    _s, referral, token = _link_setting()
    link = services.answer_link_use(token=token)  # the holder opened the page: the link worked then
    assert link is not None
    AnswerLink.objects.filter(pk=link.pk).update(ended_at=clock.now(), ended_reason="ingetrokken")
    with pytest.raises(ValidationError, match="werkt al niet meer"):
        services.referral_accept(referral=referral, link=link)
    referral.refresh_from_db()
    assert referral.status == S.SENT
