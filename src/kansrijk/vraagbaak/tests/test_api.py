"""The Vraagbaak API through a real (two-step) login: members only, the list with its filters and search,
asking (the guard refuses personal data and stores nothing, the moderator's queue on request, the rate
limit), reading a question, answering, and the guard as a service with the CLI's JSON."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from kansrijk.accounts.models import User
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.accounts.tests.login import login_verified
from kansrijk.vraagbaak import services
from kansrijk.vraagbaak.models import Answer, AnswerState, Question, QuestionState, Vote
from kansrijk.vraagbaak.search import forget_index
from kansrijk.vraagbaak.services import QUESTIONS_PER_DAY
from kansrijk.vraagbaak.tests import factories
from kansrijk.vraagbaak.tests.people import CLEAN_TEXT, member, moderator, published

pytestmark = pytest.mark.django_db
API = "/api/v1/vraagbaak"
DIRTY = "Moeder Fatima woont in Slotervaart. Bel haar op 06-12345678."
PHONE = DIRTY.index("06-")
BORSTVOEDING = (
    "Borstvoeding lukt niet na een keizersnede",
    "Een jonge moeder wil graag borstvoeding geven maar de baby drinkt slecht. Wie kan langskomen?",
)


@pytest.fixture(autouse=True)
def fresh_index() -> Iterator[None]:
    forget_index()
    yield
    forget_index()


def signed_in(user: User) -> Client:
    return login_verified(Client(), user)


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(f"{API}{path}", body, content_type="application/json")


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_only_members_get_in() -> None:
    question = published(member())
    outsider = signed_in(UserFactory.create())
    tries = [
        outsider.get(f"{API}/vragen/"),
        post(outsider, "/vragen/", {"title": "Hulp bij schulden", "text": CLEAN_TEXT}),
        outsider.get(f"{API}/vragen/{question.pk}/"),
        post(outsider, f"/vragen/{question.pk}/antwoorden/", {"text": "Bel het Buurtteam eens op."}),
        post(outsider, "/anonimiteit/", {"text": CLEAN_TEXT}),
    ]
    for response in tries:
        assert response.status_code == 403, response.content
        error = response.json()["error"]
        assert error["code"] == "permission_denied" and error["message"]["en"] == "You are not allowed to do this."
        assert "lid" in error["details"]
    assert Client().get(f"{API}/vragen/").status_code == 401
    assert Question.objects.count() == 2 and not Answer.objects.exists()  # the practice question and this one


def test_list_filters_and_search() -> None:
    author = member()
    schulden = published(author, tags=("risk:lage_ses",))
    borstvoeding = published(author, title=BORSTVOEDING[0], text=BORSTVOEDING[1])
    factories.answer(schulden, "Samen naar het Geldplein gaan werkt beter dan een folder.", solution=True)
    client = signed_in(member())

    listed = client.get(f"{API}/vragen/")
    body = listed.json()
    # Newest first; the author's first (practice) question was published by a moderator and is listed too.
    practice = Question.objects.get(author=author, title="Eerste vraag om te oefenen")
    assert ids(listed) == [borstvoeding.pk, schulden.pk, practice.pk] and body["count"] == 3 and body["next"] is None
    row = body["results"][1]
    assert row["state"] == QuestionState.PUBLISHED and row["solved"] is True and row["answer_count"] == 1
    assert [tag["key"] for tag in row["tags"]] == ["risk:lage_ses"] and row["tags"][0]["label"]
    assert row["snippet"] is None

    assert ids(client.get(f"{API}/vragen/", {"status": "opgelost"})) == [schulden.pk]
    assert ids(client.get(f"{API}/vragen/", {"status": "open"})) == [borstvoeding.pk, practice.pk]
    assert ids(client.get(f"{API}/vragen/", {"onderwerp": "risk:lage_ses"})) == [schulden.pk]
    assert ids(client.get(f"{API}/vragen/", {"onderwerp": "risk:lage_ses", "status": "open"})) == []

    found = client.get(f"{API}/vragen/", {"q": "borstvoeding na een keizersnede"})
    assert ids(found)[0] == borstvoeding.pk
    assert "borstvoeding" in found.json()["results"][0]["snippet"]
    assert schulden.pk not in ids(client.get(f"{API}/vragen/", {"q": "geldplein", "status": "open"}))
    assert ids(client.get(f"{API}/vragen/", {"q": "geldplein", "status": "opgelost"})) == [schulden.pk]

    wrong = client.get(f"{API}/vragen/", {"status": "misschien"})
    assert wrong.status_code == 400 and "status" in wrong.json()["error"]["details"]


def test_ask_a_clean_question() -> None:
    user = member()
    client = signed_in(user)
    body = {"title": BORSTVOEDING[0], "text": BORSTVOEDING[1], "tags": ["risk:lage_ses"]}

    first = post(client, "/vragen/", body)
    assert first.status_code == 201, first.content
    asked = first.json()
    # A member's first question waits for a moderator; the author can read it.
    assert (asked["state"], asked["review_reason"], asked["is_author"]) == ("beoordeling", "eerste_vraag", True)
    assert asked["title"] == BORSTVOEDING[0] and [t["key"] for t in asked["tags"]] == ["risk:lage_ses"]
    assert client.get(f"{API}/vragen/{asked['id']}/").status_code == 200

    waiting = post(client, "/vragen/", {**body, "title": "Wie weet iets over borstvoeding en werk?"})
    assert waiting.json()["state"] == "beoordeling"  # until a moderator published one, every question waits
    services.question_publish(question=Question.objects.get(pk=asked["id"]), by=moderator())
    second = post(client, "/vragen/", {**body, "title": "Wie helpt bij borstvoeding thuis?"})
    assert second.status_code == 201, second.content
    assert (second.json()["state"], second.json()["open"]) == ("gepubliceerd", True)
    assert Question.objects.get(pk=second.json()["id"]).state == QuestionState.PUBLISHED

    unknown = post(client, "/vragen/", {**body, "tags": ["risk:bestaat-niet"]})
    assert unknown.status_code == 400 and "tags" in unknown.json()["error"]["details"]
    short = post(client, "/vragen/", {**body, "title": "Hoi"})
    assert short.status_code == 400 and "title" in short.json()["error"]["details"]
    assert Question.objects.filter(author=user).count() == 3  # the first, the one that waited, the second


def test_personal_data_is_refused_with_findings_and_nothing_is_stored() -> None:
    client = signed_in(member())
    body = {"title": "Hulp bij schulden?", "text": "Mevrouw Jansen zoekt hulp bij schulden. " + DIRTY}

    refused = post(client, "/vragen/", body)
    assert refused.status_code == 400, refused.content
    payload = refused.json()
    assert payload["error"]["code"] == "personal_data" and payload["error"]["status"] == 400
    assert payload["error"]["message"]["nl"] and payload["error"]["message"]["en"]
    assert list(payload["error"]["details"]) == ["text"] and list(payload["findings"]) == ["text"]
    findings = payload["findings"]["text"]
    phone = next(f for f in findings if f["kind"] == "phone")
    start = body["text"].index("06-")
    assert (phone["text"], phone["start"], phone["end"]) == ("06-12345678", start, start + 11)
    assert phone["label"] and phone["hint"]
    assert any(f["kind"] == "name" for f in findings)
    assert not Question.objects.exists()

    # On request it goes to the moderator, who must rewrite it before it is published.
    sent = post(client, "/vragen/", {**body, "naar_moderator": True, "toelichting": "Klopt dit zo?"})
    assert sent.status_code == 201, sent.content
    assert (sent.json()["state"], sent.json()["review_reason"]) == ("beoordeling", "anonimiteit")
    assert Question.objects.get().review_note == "Klopt dit zo?"


def test_asking_too_often_answers_429() -> None:
    user = member()
    for n in range(QUESTIONS_PER_DAY):
        factories.question(f"Vraag nummer {n} over schulden", author=user)
    response = post(signed_in(user), "/vragen/", {"title": BORSTVOEDING[0], "text": BORSTVOEDING[1]})
    assert response.status_code == 429, response.content
    error = response.json()["error"]
    assert error["code"] == "throttled" and "24 uur" in error["details"]
    assert Question.objects.filter(author=user).count() == QUESTIONS_PER_DAY


def test_a_question_with_its_answers() -> None:
    asker, helper, reader = member(), member(), member()
    question = published(asker, tags=("risk:lage_ses",))
    solution = factories.answer(question, "Samen naar het Geldplein gaan werkt beter dan een folder.", author=helper)
    factories.answer(question, "Deze tekst is verborgen.", state=AnswerState.HIDDEN)
    statements = [
        {"text": "Het Geldplein helpt bij schulden.", "source": {"kind": "service", "id": "abc", "title": "Geldplein"}}
    ]
    factories.answer(question, "Dit vond ik in de Kaart:", is_automatic=True, statements=statements)
    Vote.objects.create(answer=solution, user=reader, value=1)
    question.solution, question.solved_at = solution, solution.created_at
    question.save(update_fields=["solution", "solved_at"])
    factories.feedback(question, "Samen gaan werkte: er is nu een vaste afspraak.")

    response = signed_in(reader).get(f"{API}/vragen/{question.pk}/")
    assert response.status_code == 200, response.content
    shown = response.json()
    assert shown["title"] == question.title and shown["is_author"] is False and shown["solution"] == solution.pk
    assert [t["key"] for t in shown["tags"]] == ["risk:lage_ses"]
    assert [(a["id"], a["author"], a["score"], a["is_solution"]) for a in shown["answers"]] == [
        (solution.pk, helper.full_name, 1, True)
    ]
    assert [a["statements"] for a in shown["automatic_answers"]] == [statements]
    assert shown["feedback"]["worked"] == "ja" and shown["feedback"]["text"].startswith("Samen gaan")


def test_someone_elses_question_in_review_is_not_found() -> None:
    author = member()
    in_review = services.question_ask(
        by=author, draft=services.QuestionDraft(title="Eerste vraag, nog bij de moderator", text=CLEAN_TEXT)
    )
    assert in_review.state == QuestionState.IN_REVIEW
    other = signed_in(member())
    for response in (
        other.get(f"{API}/vragen/{in_review.pk}/"),
        post(other, f"/vragen/{in_review.pk}/antwoorden/", {"text": "Bel het Buurtteam eens op."}),
        other.get(f"{API}/vragen/999999/"),
    ):
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    assert signed_in(author).get(f"{API}/vragen/{in_review.pk}/").json()["state"] == "beoordeling"


def test_answer_a_question() -> None:
    question = published(member())
    reader = member()
    client = signed_in(reader)

    made = post(client, f"/vragen/{question.pk}/antwoorden/", {"text": "Het Buurtteam heeft een schuldhulpmaatje."})
    assert made.status_code == 201, made.content
    answer = made.json()
    assert (answer["author"], answer["state"], answer["score"]) == (reader.full_name, "zichtbaar", 0)
    assert Answer.objects.get(pk=answer["id"]).question_id == question.pk
    assert [a["id"] for a in client.get(f"{API}/vragen/{question.pk}/").json()["answers"]] == [answer["id"]]

    refused = post(client, f"/vragen/{question.pk}/antwoorden/", {"text": DIRTY})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "personal_data"
    assert {f["kind"] for f in refused.json()["findings"]["text"]} >= {"name", "phone"}
    short = post(client, f"/vragen/{question.pk}/antwoorden/", {"text": "Ja."})
    assert short.status_code == 400 and "text" in short.json()["error"]["details"]
    assert Answer.objects.count() == 1


def _cli_json(tmp_path: Path, text: str) -> Any:
    path = tmp_path / "tekst.txt"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    with contextlib.suppress(SystemExit):  # exit status 1: something found
        call_command("vraagbaak", "check-anonymity", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_guard_as_a_service_answers_like_the_cli(tmp_path: Path) -> None:
    client = signed_in(member())
    found = post(client, "/anonimiteit/", {"text": DIRTY})
    assert found.status_code == 200, found.content
    assert found.json() == {
        "findings": [
            {"kind": "name", "text": "Fatima", "start": 7, "end": 13},
            {"kind": "phone", "text": "06-12345678", "start": PHONE, "end": PHONE + 11},
        ]
    }
    assert found.json() == _cli_json(tmp_path, DIRTY)
    # Offsets count in the text as sent, leading spaces included.
    indented = post(client, "/anonimiteit/", {"text": "  " + DIRTY}).json()["findings"]
    assert [(f["start"], f["end"]) for f in indented] == [(9, 15), (PHONE + 2, PHONE + 13)]
    assert post(client, "/anonimiteit/", {"text": CLEAN_TEXT}).json() == {"findings": []}
    assert not Question.objects.exists()
