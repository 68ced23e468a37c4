"""Break-the-glass: emergency read access for a professional outside the care team. It needs a reason,
expires, is audited, tells the regiehouder at once (without naming the family) and lands on the
privacy officer's review list; the page shows nothing about the family before access is granted."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.families import services
from kansrijk.families.models import BreakGlassAccess, Discipline, Family
from kansrijk.families.tests.factories import open_family, professional, verified

pytestmark = pytest.mark.django_db

REASON = "Kind mogelijk in gevaar, zorgteam 's nachts niet bereikbaar; ik heb de gegevens nu nodig."


def _family_with_regiehouder():
    opener = professional(full_name="Opener (demo)")
    family = open_family(by=opener, name="Gezin Geheim (demo)")
    holder = professional(full_name="Regiehouder (demo)", role=Role.REGIEHOUDER)
    services.care_team_join_as_regiehouder(family=family, user=holder, discipline=Discipline.JGZ, by=opener)
    return family, opener, holder


def test_break_glass_needs_a_reason_of_some_length():
    family, _opener, _holder = _family_with_regiehouder()
    outsider = professional()
    with pytest.raises(ValidationError) as error:
        services.break_glass_open(family=family, by=outsider, reason="  nodig  ")
    assert "reason" in error.value.message_dict
    assert not BreakGlassAccess.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditAction.BREAK_GLASS).exists()
    assert not Family.objects.visible_to(outsider).filter(pk=family.pk).exists()


def test_break_glass_gives_read_access_audited_and_tells_the_regiehouder(django_capture_on_commit_callbacks):
    family, opener, holder = _family_with_regiehouder()
    outsider = professional(full_name="Huisarts van dienst (demo)")
    assert not outsider.has_perm("families.view_family", family)
    with django_capture_on_commit_callbacks(execute=True):
        access = services.break_glass_open(family=family, by=outsider, reason=REASON)
    assert access.expires_at - access.started_at == timedelta(hours=services.BREAK_GLASS_HOURS)
    assert Family.objects.visible_to(outsider).filter(pk=family.pk).exists()
    assert outsider.has_perm("families.view_family", family)
    assert not outsider.has_perm("families.change_family", family)  # reading only
    entry = AuditEntry.objects.get(action=AuditAction.BREAK_GLASS)
    assert (entry.actor_id, entry.object_type, entry.object_id) == (outsider.pk, "families.family", str(family.pk))
    assert REASON not in str(entry.detail)  # the reason is free text: not in the audit trail
    # The regiehouder hears it at once (the opener, not regiehouder, does not); the family is not named.
    assert [message.to for message in mail.outbox] == [[holder.email]]
    message = mail.outbox[0]
    assert "Huisarts van dienst" in message.body
    assert "Geheim" not in f"{message.subject} {message.body}"
    assert opener.email not in message.to


def test_without_a_regiehouder_the_care_team_hears_it(django_capture_on_commit_callbacks):
    opener = professional()
    family = open_family(by=opener)
    colleague = professional()
    services.care_team_add(family=family, user=colleague, discipline=Discipline.JGZ, by=opener)
    with django_capture_on_commit_callbacks(execute=True):
        services.break_glass_open(family=family, by=professional(), reason=REASON)
    assert sorted(message.to[0] for message in mail.outbox) == sorted([opener.email, colleague.email])


def test_break_glass_expires():
    family, _opener, _holder = _family_with_regiehouder()
    outsider = professional()
    with freeze_time("2026-11-23 10:00:00"):
        services.break_glass_open(family=family, by=outsider, reason=REASON)
    with freeze_time("2026-11-24 09:59:00"):
        assert Family.objects.visible_to(outsider).filter(pk=family.pk).exists()
        assert outsider.has_perm("families.view_family", family)
    with freeze_time("2026-11-24 10:00:01"):
        assert not Family.objects.visible_to(outsider).filter(pk=family.pk).exists()
        assert not outsider.has_perm("families.view_family", family)


def test_only_professionals_with_a_second_factor_may_break_the_glass():
    family, _opener, _holder = _family_with_regiehouder()
    beheerder = verified(UserFactory.create(roles=[Role.BEHEERDER], with_totp=True))
    unverified = UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True)
    unverified.is_verified = lambda: False  # type: ignore[attr-defined]
    for person in (beheerder, unverified):
        with pytest.raises(PermissionDenied):
            services.break_glass_open(family=family, by=person, reason=REASON)
    assert not BreakGlassAccess.objects.exists()
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, detail__attempted="break_glass.open").count() == 2


def test_the_care_team_needs_no_break_glass():
    family, opener, _holder = _family_with_regiehouder()
    with pytest.raises(ValidationError, match="zorgteam"):
        services.break_glass_open(family=family, by=opener, reason=REASON)


def test_only_the_beheerder_reviews_and_only_once():
    family, _opener, holder = _family_with_regiehouder()
    access = services.break_glass_open(family=family, by=professional(), reason=REASON)
    with pytest.raises(PermissionDenied):
        services.break_glass_review(access=access, by=holder, note="Prima")
    beheerder = verified(UserFactory.create(roles=[Role.BEHEERDER], with_totp=True))
    services.break_glass_review(access=access, by=beheerder, note="Reden past bij de situatie.")
    access.refresh_from_db()
    assert access.reviewed_by == beheerder and access.reviewed_at is not None
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE, object_type="families.breakglassaccess").exists()
    with pytest.raises(ValidationError, match="al beoordeeld"):
        services.break_glass_review(access=access, by=beheerder, note="")


# --- pages -------------------------------------------------------------------------------------------


def test_the_page_asks_only_a_reason_and_tells_nothing_about_the_family(verified_client):
    family, _opener, _holder = _family_with_regiehouder()
    client, _user = verified_client(Role.PROFESSIONAL)
    existing = client.get(f"/gezinnen/{family.pk}/noodtoegang/")
    missing = client.get(f"/gezinnen/{family.pk + 1000}/noodtoegang/")
    assert existing.status_code == missing.status_code == 200
    assert "Geheim" not in existing.content.decode()
    assert existing.content.decode().count('name="reason"') == 1
    # Only the id in the address differs: the same form, the same words.
    assert _plain(existing.content.decode()) == _plain(missing.content.decode())


def _plain(html: str) -> str:
    """The page without its tokens and its own address (which holds the id asked for)."""
    html = re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', "", html)
    return re.sub(r"/gezinnen/\d+/noodtoegang/", "", html)


def test_asking_with_a_reason_opens_the_family_page(verified_client, django_capture_on_commit_callbacks):
    family, _opener, holder = _family_with_regiehouder()
    client, user = verified_client(Role.PROFESSIONAL)
    assert client.get(f"/gezinnen/{family.pk}/").status_code == 403
    short = client.post(f"/gezinnen/{family.pk}/noodtoegang/", {"reason": "even kijken"})
    assert short.status_code == 422
    assert not BreakGlassAccess.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/gezinnen/{family.pk}/noodtoegang/", {"reason": REASON})
    assert response.status_code == 302 and response["Location"] == f"/gezinnen/{family.pk}/"
    page = client.get(f"/gezinnen/{family.pk}/")
    assert page.status_code == 200 and "Geheim" in page.content.decode()
    assert [message.to for message in mail.outbox] == [[holder.email]]
    assert AuditEntry.objects.filter(action=AuditAction.BREAK_GLASS, actor_id=user.pk).count() == 1
    # Asked again while access lasts: straight to the family.
    assert client.get(f"/gezinnen/{family.pk}/noodtoegang/")["Location"] == f"/gezinnen/{family.pk}/"


def test_a_family_that_does_not_exist_is_refused_after_the_reason(verified_client):
    client, user = verified_client(Role.PROFESSIONAL)
    response = client.post("/gezinnen/987654/noodtoegang/", {"reason": REASON})
    assert response.status_code == 403
    assert not BreakGlassAccess.objects.exists()
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=user.pk, object_id="987654").exists()


def test_others_cannot_ask_for_break_glass(verified_client):
    family, _opener, _holder = _family_with_regiehouder()
    client, user = verified_client(Role.KAART_REDACTEUR)
    assert client.get(f"/gezinnen/{family.pk}/noodtoegang/").status_code == 403
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=user.pk).exists()


def test_the_review_list_shows_who_which_family_why_and_when(verified_client):
    family, _opener, _holder = _family_with_regiehouder()
    outsider = professional(full_name="Huisarts van dienst (demo)")
    access = services.break_glass_open(family=family, by=outsider, reason=REASON)
    client, beheerder = verified_client(Role.BEHEERDER)
    page = client.get("/privacy/noodtoegang/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Huisarts van dienst" in html and str(family.pk) in html and "zorgteam" in html
    assert "Geheim" not in html  # the family's number, not its name
    assert AuditEntry.objects.filter(
        action=AuditAction.VIEW, actor_id=beheerder.pk, object_type="families.breakglassaccess"
    ).exists()
    response = client.post(
        "/privacy/noodtoegang/",
        {"prefix": f"a{access.pk}", f"a{access.pk}-access": access.pk, f"a{access.pk}-note": "Past."},
    )
    assert response.status_code == 302
    access.refresh_from_db()
    assert access.reviewed_by == beheerder and access.review_note == "Past."


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.REGIEHOUDER, Role.PROGRAMMATEAM])
def test_only_the_beheerder_sees_the_review_list(verified_client, role):
    client, user = verified_client(role)
    assert client.get("/privacy/noodtoegang/").status_code == 403
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, actor_id=user.pk).exists()


def test_the_403_page_of_a_family_shows_the_way_to_emergency_access() -> None:
    from django.test import Client

    from kansrijk.accounts.tests.login import login_verified

    family = open_family()
    outsider = professional()
    client = login_verified(Client(), outsider)
    response = client.get(f"/gezinnen/{family.pk}/")
    assert response.status_code == 403
    assert f"/gezinnen/{family.pk}/noodtoegang/" in response.content.decode()
    # Elsewhere the 403 page says only that there is no access.
    response = client.get("/toezicht/auditlog/")
    assert response.status_code == 403 and "noodtoegang" not in response.content.decode()
