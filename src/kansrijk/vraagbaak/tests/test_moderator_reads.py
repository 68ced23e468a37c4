"""Moderators' reads of texts held back are audited on every surface (the question page, the edit page
and the API), and a room page names no question taken offline (issue 12)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from kansrijk.accounts.models import User
from kansrijk.accounts.tests.login import login_verified
from kansrijk.core import clock
from kansrijk.core.models import AuditAction, AuditEntry
from kansrijk.vraagbaak.models import AnswerState, QuestionState, Room, RoomSession
from kansrijk.vraagbaak.tests import factories
from kansrijk.vraagbaak.tests.people import member, moderator

pytestmark = pytest.mark.django_db


def _reads(user: User, object_type: str, object_id: int) -> int:
    return AuditEntry.objects.filter(
        actor_id=user.pk, action=AuditAction.VIEW, object_type=object_type, object_id=str(object_id)
    ).count()


def test_a_moderators_read_of_a_question_in_review_is_audited_on_page_edit_page_and_api() -> None:
    mod = moderator()
    held = factories.question("Vraag in beoordeling", author=member(), state=QuestionState.IN_REVIEW)
    client = login_verified(Client(), mod)
    assert client.get(f"/vraagbaak/vragen/{held.pk}/").status_code == 200
    assert _reads(mod, "vraagbaak.question", held.pk) == 1
    assert client.get(f"/vraagbaak/vragen/{held.pk}/bewerken/").status_code == 200
    assert _reads(mod, "vraagbaak.question", held.pk) == 2
    assert client.get(f"/api/v1/vraagbaak/vragen/{held.pk}/").status_code == 200
    assert _reads(mod, "vraagbaak.question", held.pk) == 3


def test_a_moderators_read_of_a_hidden_answer_is_audited_on_page_and_api() -> None:
    mod = moderator()
    question = factories.question("Gepubliceerde vraag", author=member())
    hidden = factories.answer(question, "Verborgen antwoord", state=AnswerState.HIDDEN)
    shown = factories.answer(question, "Zichtbaar antwoord")
    client = login_verified(Client(), mod)
    page = client.get(f"/vraagbaak/vragen/{question.pk}/").content.decode()
    assert "Verborgen antwoord" in page
    assert _reads(mod, "vraagbaak.answer", hidden.pk) == 1
    assert client.get(f"/api/v1/vraagbaak/vragen/{question.pk}/").status_code == 200
    assert _reads(mod, "vraagbaak.answer", hidden.pk) == 2
    assert _reads(mod, "vraagbaak.answer", shown.pk) == 0  # what every member reads is not personal data
    # A member does not see the hidden answer at all, so nothing is recorded for them.
    reader = member()
    text = login_verified(Client(), reader).get(f"/vraagbaak/vragen/{question.pk}/").content.decode()
    assert "Verborgen antwoord" not in text and _reads(reader, "vraagbaak.answer", hidden.pk) == 0


def test_a_room_page_names_no_question_taken_offline() -> None:
    room = Room.objects.get(slug="geldzorgen")
    offline = factories.question("Verslag met een titel die weg moet", state=QuestionState.IN_REVIEW)
    RoomSession.objects.create(room=room, starts_at=clock.now() - timedelta(days=3), notes_question=offline)
    page = login_verified(Client(), member()).get("/vraagbaak/zorgoverleg/geldzorgen/").content.decode()
    assert "Verslag met een titel die weg moet" not in page
    assert "offline gehaald" in page


def test_a_question_in_review_shows_nothing_to_other_members_or_non_members() -> None:
    held = factories.question("Titel die nog wacht", author=member(), state=QuestionState.IN_REVIEW)
    from kansrijk.families.tests.factories import professional

    for reader in (member(), professional()):
        response = login_verified(Client(), reader).get(f"/vraagbaak/vragen/{held.pk}/")
        assert "Titel die nog wacht" not in response.content.decode()
