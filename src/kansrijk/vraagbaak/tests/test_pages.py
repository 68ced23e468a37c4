"""The Vraagbaak's pages through Django's test client: who gets where, the guard on the ask page,
sign-up, the moderator's pages and the Zorgoverleg alarm."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.accounts.tests.login import PASSWORD, login_verified
from kansrijk.core.models import AuditEntry
from kansrijk.notify import selectors
from kansrijk.vraagbaak import services
from kansrijk.vraagbaak.models import Follow, Member, MemberState, ModerationAction, Question, QuestionState
from kansrijk.vraagbaak.tests.people import CLEAN_TEXT, member, moderator, organisation, published

pytestmark = pytest.mark.django_db


def signed_in(user: User) -> Client:
    return login_verified(Client(), user)


def test_a_visitor_is_sent_to_log_in_and_can_sign_up():
    client = Client()
    assert client.get("/vraagbaak/").status_code == 302
    assert client.get("/vraagbaak/aanmelden/").status_code == 200
    org = organisation("Kraamzorg Test")
    response = client.post(
        "/vraagbaak/aanmelden/",
        {
            "full_name": "Nieuwe Collega",
            "email": "nieuw@kraamzorg.example.nl",
            "password": "een-lang-en-veilig-wachtwoord",
            "organisation": org.pk,
            "function": "Kraamverzorgende",
        },
    )
    assert response.status_code == 200
    assert "We stuurden een e-mail" in response.content.decode()
    assert Member.objects.get(user__email="nieuw@kraamzorg.example.nl").state == MemberState.PENDING
    # Until approved, the account cannot log in.
    login = client.post(
        "/inloggen/", {"username": "nieuw@kraamzorg.example.nl", "password": "een-lang-en-veilig-wachtwoord"}
    )
    assert "wacht nog op goedkeuring" in login.content.decode()


def test_someone_signed_in_who_is_not_a_member_is_asked_to_join():
    user = UserFactory.create()
    client = signed_in(user)
    assert client.get("/vraagbaak/")["Location"] == "/vraagbaak/lid-worden/"
    org = user.organisations.get()
    response = client.post("/vraagbaak/lid-worden/", {"organisation": org.pk, "function": "Jeugdarts"})
    assert response.status_code == 302
    assert client.get("/vraagbaak/").status_code == 200


def test_the_ask_page_shows_what_the_guard_found_and_stores_nothing():
    client = signed_in(member())
    response = client.post(
        "/vraagbaak/vragen/nieuw/",
        {"title": "Hulp bij schulden?", "text": "Mevrouw Jansen uit de Javastraat 12, bel 06-12345678, zoekt hulp."},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "<mark" in html and "06-12345678" in html
    assert "Stuur mijn vraag naar de moderator" in html
    assert not Question.objects.exists()


def test_to_the_moderator_on_request():
    user = member()
    client = signed_in(user)
    response = client.post(
        "/vraagbaak/vragen/nieuw/",
        {
            "title": "Hulp bij schulden?",
            "text": "Mevrouw Jansen uit de Javastraat 12 zoekt hulp bij schulden en huur.",
            "naar_moderator": "1",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.state == QuestionState.IN_REVIEW
    other = signed_in(member())
    assert other.get(f"/vraagbaak/vragen/{question.pk}/").status_code == 404


def test_a_published_question_is_answered_and_solved_through_the_page():
    asker, helper = member(), member()
    question = published(asker)
    client = signed_in(helper)
    assert (
        client.post(
            f"/vraagbaak/vragen/{question.pk}/",
            {"actie": "antwoord", "text": "Het buurtteam heeft een schuldhulpmaatje; verwijs via Kansrijk."},
        ).status_code
        == 302
    )
    answer = question.answers.get(is_automatic=False)
    signed_in(asker).post(f"/vraagbaak/vragen/{question.pk}/", {"actie": "oplossing", "antwoord": answer.pk})
    assert Question.objects.get(pk=question.pk).solution_id == answer.pk
    page = signed_in(member()).get(f"/vraagbaak/vragen/{question.pk}/").content.decode()
    assert "Oplossing" in page and "schuldhulpmaatje" in page


def test_similar_questions_while_typing():
    asker = member()
    published(asker, title="Babyspullen voor een moeder zonder geld", text=CLEAN_TEXT)
    client = signed_in(member())
    html = client.post(
        "/vraagbaak/vragen/vergelijkbaar/", {"title": "babyspullen", "text": "moeder zonder geld zoekt babyspullen"}
    ).content.decode()
    assert "Babyspullen voor een moeder zonder geld" in html


def verified_moderator() -> Client:
    client = Client()
    login_verified(client, UserFactory.create(roles=[Role.MODERATOR], with_totp=True, password=PASSWORD))
    return client


def test_moderation_is_for_verified_moderators_and_its_reads_are_audited():
    assert signed_in(member()).get("/vraagbaak/moderatie/").status_code == 403
    unverified = Client()
    unverified.post("/inloggen/", {"username": moderator().email, "password": PASSWORD})  # no code yet
    assert unverified.get("/vraagbaak/moderatie/").status_code != 200  # the second factor first
    client = verified_moderator()
    assert client.get("/vraagbaak/moderatie/").status_code == 200
    assert AuditEntry.objects.filter(object_type="vraagbaak.moderation", action="view").exists()


def test_a_moderator_edit_is_logged_with_its_reason_and_the_old_text_is_gone():
    asker = member()
    question = services.question_ask(
        by=asker,
        draft=services.QuestionDraft(
            title="Hulp bij schulden?", text="Mevrouw Jansen uit de Javastraat 12 zoekt hulp."
        ),
        to_moderator=True,
    )
    client = verified_moderator()
    page = client.get(f"/vraagbaak/vragen/{question.pk}/bewerken/").content.decode()
    assert "<mark" in page
    response = client.post(
        f"/vraagbaak/vragen/{question.pk}/bewerken/",
        {"title": "Hulp bij schulden?", "text": CLEAN_TEXT, "reason": "Naam en straat weggehaald"},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert "Jansen" not in question.text
    assert ModerationAction.objects.get(action="edit_question").reason == "Naam en straat weggehaald"
    client.post(f"/vraagbaak/vragen/{question.pk}/", {"actie": "publiceer"})
    assert Question.objects.get(pk=question.pk).state == QuestionState.PUBLISHED


def test_rooms_list_the_next_session_and_sign_up():
    user = member()
    client = signed_in(user)
    page = client.get("/vraagbaak/zorgoverleg/").content.decode()
    assert "Geldzorgen en schulden" in page and "12:00" in page
    room_page = client.get("/vraagbaak/zorgoverleg/geldzorgen/").content.decode()
    assert "Aanmelden" in room_page


def test_a_note_to_the_moderator_is_checked_too():
    client = signed_in(member())
    response = client.post(
        "/vraagbaak/vragen/nieuw/",
        {
            "title": "Hulp bij schulden?",
            "text": "Mevrouw Jansen uit de Javastraat 12 zoekt hulp bij schulden en huur.",
            "naar_moderator": "1",
            "toelichting": "Bel me op 06-12345678",
        },
    )
    assert response.status_code == 400 and "06-12345678" in response.content.decode()
    assert not Question.objects.exists()


def test_the_notices_page_lists_the_members_notices_with_links_and_marks_them_read():
    asker, follower = member(), member()
    Follow.objects.create(member=Member.objects.get(user=follower), tag="risk:lage_ses")
    question = published(asker, tags=("risk:lage_ses",))
    assert selectors.unread_count(follower, namespace="vraagbaak") == 1
    page = signed_in(follower).get("/vraagbaak/berichten/").content.decode()
    assert "Nieuwe vraag over iets dat je volgt" in page
    assert f'href="/vraagbaak/vragen/{question.pk}/">{question.title}</a>' in page
    assert selectors.unread_count(follower, namespace="vraagbaak") == 0  # seen
    assert selectors.unread_count(asker, namespace="vraagbaak") > 0  # someone else's stay unread
