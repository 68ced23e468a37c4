"""Every Vraagbaak text is capped at the boundary, before the anonymity guard reads it: an over-long
title or text gets a form error (pages), 400 (API and the guard service) or exit status 2 (CLI), with
a clear Dutch message, and the guard never runs on it."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from kansrijk.accounts.tests.login import login_verified
from kansrijk.vraagbaak import anonymity, forms, services
from kansrijk.vraagbaak.models import GUARD_MAX_CHARS, Question
from kansrijk.vraagbaak.tests.people import CLEAN_TEXT, member, published

pytestmark = pytest.mark.django_db
API = "/api/v1/vraagbaak"
LONG_NAMES = "Jan " * 3000  # 12,000 characters of the input that once took minutes


@pytest.fixture
def guard_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the guard's runs (it still runs: the cap must stop the text before it)."""
    calls: list[int] = []
    real = anonymity.check

    def counted(text: str, **kwargs: Any) -> list[anonymity.Finding]:
        calls.append(len(text))
        return real(text, **kwargs)

    monkeypatch.setattr(services, "check", counted)
    monkeypatch.setattr(anonymity, "check", counted)
    yield calls


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(f"{API}{path}", body, content_type="application/json")


def test_api_question_too_long_is_400_in_dutch(guard_calls: list[int]) -> None:
    client = login_verified(Client(), member())
    guard_calls.clear()  # making the member checked its profile
    response = post(client, "/vragen/", {"title": "Hulp bij schulden gezocht", "text": LONG_NAMES})
    assert response.status_code == 400
    body = response.json()
    assert body["error"]["details"]["text"] == ["Deze tekst is te lang: maximaal 5000 tekens."]
    too_long_title = post(client, "/vragen/", {"title": "Titel " * 40, "text": CLEAN_TEXT})
    assert too_long_title.status_code == 400
    assert too_long_title.json()["error"]["details"]["title"] == ["Deze tekst is te lang: maximaal 160 tekens."]
    assert guard_calls == []
    assert not Question.objects.exists()


def test_api_answer_too_long_is_400(guard_calls: list[int]) -> None:
    question = published(member())
    client = login_verified(Client(), member())
    guard_calls.clear()
    response = post(client, f"/vragen/{question.pk}/antwoorden/", {"text": LONG_NAMES})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["text"] == ["Deze tekst is te lang: maximaal 5000 tekens."]
    assert guard_calls == []


def test_guard_service_refuses_more_than_10000_characters(guard_calls: list[int]) -> None:
    client = login_verified(Client(), member())
    guard_calls.clear()
    response = post(client, "/anonimiteit/", {"text": LONG_NAMES})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["text"] == ["Deze tekst is te lang: maximaal 10000 tekens."]
    assert guard_calls == []
    at_the_cap = post(client, "/anonimiteit/", {"text": ("Jan " * 2500)[:10_000]})
    assert at_the_cap.status_code == 200
    assert guard_calls == [10_000]


def test_ask_page_too_long_is_a_form_error(guard_calls: list[int]) -> None:
    client = login_verified(Client(), member())
    guard_calls.clear()
    response = client.post("/vraagbaak/vragen/nieuw/", {"title": "Hulp bij schulden gezocht", "text": LONG_NAMES})
    assert response.status_code == 400
    assert "Deze tekst is te lang: maximaal 5000 tekens (nu 11999)." in response.content.decode()  # stripped
    assert guard_calls == []
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("form", "data", "field"),
    [
        (forms.QuestionForm, {"title": "x" * 161, "text": CLEAN_TEXT}, "title"),
        (forms.AnswerForm, {"text": "x" * 5001}, "text"),
        (forms.FeedbackForm, {"worked": "ja", "text": "x" * 2001}, "text"),
        (forms.ModeratorEditForm, {"title": "Titel", "text": "x" * 5001, "reason": "anoniem"}, "text"),
        (forms.SessionNotesForm, {"title": "Titel", "text": CLEAN_TEXT, "notes": "x" * 5001}, "notes"),
    ],
)
def test_every_text_field_of_the_forms_is_capped(form: Any, data: dict[str, str], field: str) -> None:
    bound = form(data=data)
    assert not bound.is_valid()
    assert bound.errors[field][0].startswith("Deze tekst is te lang: maximaal")


def test_cli_refuses_a_text_over_10000_characters(tmp_path: Path, guard_calls: list[int]) -> None:
    path = tmp_path / "vraag.txt"
    path.write_text(LONG_NAMES, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("vraagbaak", "check-anonymity", str(path), stdout=StringIO())
    assert refused.value.returncode == 2
    assert "te lang: maximaal 10000 tekens, nu 12000" in str(refused.value)
    assert guard_calls == []


def test_texts_posted_without_a_form_are_capped_by_the_service(guard_calls: list[int]) -> None:
    # A comment, a Zorgoverleg question and a moderator's reason reach the services straight from the
    # request: the service caps every text before the guard runs.
    from django.core.exceptions import ValidationError

    from kansrijk.vraagbaak.tests import factories

    question = published(member(), title="Een vraag over borstvoeding", text=CLEAN_TEXT)
    answer = factories.answer(question, "Probeer het eens met een lactatiekundige.")
    with pytest.raises(ValidationError, match="te lang"):
        services.comment_post(answer=answer, by=member(), text="a " * 6_000)
    assert all(length <= GUARD_MAX_CHARS for length in guard_calls)
