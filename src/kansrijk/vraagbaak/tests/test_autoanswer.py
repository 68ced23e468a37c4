"""The automatic answer: only from the Kaart and solved questions, every statement with its source, nothing
invented; the language model behind an OpenAI-compatible server (a local fake here) is checked and falls
back to the extractive answer."""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.test import override_settings

from kansrijk.kaart import search as kaart_search_module
from kansrijk.kaart.models import Phone, Service
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.vraagbaak import search as vraagbaak_search
from kansrijk.vraagbaak.autoanswer import (
    AutoAnswer,
    ExtractiveGenerator,
    OpenAICompatibleGenerator,
    Source,
    find_sources,
    first_sentences,
    get_generator,
    unsupported,
)
from kansrijk.vraagbaak.models import Question, QuestionState, Worked
from kansrijk.vraagbaak.tests.factories import answer, feedback, question

pytestmark = pytest.mark.django_db

GELDPLEIN_PHONE = "020 555 0101"
ORG_PHONE = "020-5550202"

TITLE = "Moeder met schulden durft niet naar de budgetcoach"
TEXT = "Een moeder heeft veel rekeningen en schulden. Ze schaamt zich. Waar kan ze terecht en hoe motiveer ik haar?"
TAGS = ["hulpvraag:geldzorgen-en-schulden"]


@pytest.fixture(autouse=True)
def fresh_indexes():
    vraagbaak_search.forget_index()
    kaart_search_module.forget_index()
    yield
    vraagbaak_search.forget_index()
    kaart_search_module.forget_index()


@pytest.fixture
def sources(db):
    organisation = make_organization("Stichting Geldzorg Amsterdam", email="info@geldzorg.example.nl")
    Phone.objects.create(organization=organisation, number=ORG_PHONE)
    geldplein = make_service(
        "Geldplein West",
        "Een budgetcoach helpt je met rekeningen en schulden. Je krijgt een vaste coach die met je meedenkt.",
        organization=organisation,
        categories=["geldzorgen-en-schulden"],
        stadsdelen=["F"],
        free=True,
        phone=GELDPLEIN_PHONE,
        url="https://geldplein.example.nl",
    )
    babybank = make_service(
        "Babybank De Meeuw",
        "Heb je weinig geld? Haal gratis kleding, een bedje en een kinderwagen voor je baby.",
        categories=["babyspullen"],
        stadsdelen=["F"],
        free=True,
    )
    borstvoeding = make_service(
        "Borstvoedingscafé Noord",
        "Elke week praten moeders over borstvoeding, met een lactatiekundige erbij.",
        categories=["voeding-en-borstvoeding"],
        stadsdelen=["N"],
    )
    solved = question(
        "Schulden, maar moeder wil geen hulp",
        "Een moeder met schulden wil niet naar de budgetcoach. Hoe krijgen jullie dat voor elkaar?",
        tags=TAGS,
    )
    answer(
        solved,
        "Ga de eerste keer samen naar het Geldplein. Een warme overdracht werkt beter dan een folder. "
        "Bel vooraf met de coach.",
        solution=True,
    )
    feedback(solved, "Samen gaan werkte: ze heeft nu elke maand een afspraak met de budgetcoach.", worked=Worked.YES)
    unsolved = question("Schulden en stress bij een vader", "Een vader met schulden slaapt slecht door de stress.")
    hidden = question(
        "Budgetcoach voor een moeder met schulden en rekeningen",
        "Een moeder met rekeningen en schulden wil geen budgetcoach.",
        state=QuestionState.REJECTED,
    )
    answer(hidden, "Bel Schuldenlijn Nergensland op 020 999 9999.", solution=True)
    return {
        "geldplein": geldplein,
        "babybank": babybank,
        "borstvoeding": borstvoeding,
        "solved": solved,
        "unsolved": unsolved,
        "hidden": hidden,
    }


# --- what a source may be ------------------------------------------------------------------------

PHONE = re.compile(r"\d[\d \-]{6,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def source_record_text(kind: str, source_id: str) -> str:
    """Everything the database holds for a source: what the answer's facts must come from."""
    if kind == "service":
        service = Service.objects.select_related("organization").get(pk=source_id)
        organisation = service.organization
        phones = [p.number for p in Phone.objects.filter(service=service)]
        phones += [p.number for p in Phone.objects.filter(organization=organisation)]
        fields = [service.name, service.description, service.email, service.url]
        return " ".join([*fields, organisation.name, organisation.email, organisation.website, *phones])
    found = Question.objects.get(pk=source_id)
    assert found.state in (QuestionState.PUBLISHED, QuestionState.CLOSED), "only visible questions are sources"
    assert found.solution is not None, "only solved questions are sources"
    return " ".join([found.title, found.solution.text, found.feedback.text])


def assert_all_sourced(result: AutoAnswer) -> None:
    for statement in result.statements:
        record = source_record_text(statement.source_kind, statement.source_id)
        for phone in PHONE.findall(statement.text):
            assert phone in record, f"{phone!r} is not in source {statement.source_title!r}"
        for email in EMAIL.findall(statement.text):
            assert email in record, f"{email!r} is not in source {statement.source_title!r}"
    lines = result.text.splitlines()
    for line in lines[2:]:
        for phone in PHONE.findall(line):
            assert any(phone in source_record_text(s.source_kind, s.source_id) for s in result.statements)


# --- the extractive answer -----------------------------------------------------------------------


def test_the_extractive_answer_cites_the_kaart_and_the_solved_question(sources):
    result = ExtractiveGenerator().generate(title=TITLE, text=TEXT, tags=TAGS)
    assert result is not None
    assert result.generator == "extractive"
    cited = {(s.source_kind, s.source_id) for s in result.statements}
    assert ("service", str(sources["geldplein"].pk)) in cited
    assert ("question", str(sources["solved"].pk)) in cited
    assert ("service", str(sources["babybank"].pk)) not in cited  # "weinig geld" is no budget coaching
    assert ("service", str(sources["borstvoeding"].pk)) not in cited
    assert ("question", str(sources["unsolved"].pk)) not in cited  # not solved
    assert ("question", str(sources["hidden"].pk)) not in cited  # not visible
    assert "020 999 9999" not in result.text and "Nergensland" not in result.text
    assert_all_sourced(result)

    geldplein = next(s for s in result.statements if s.source_kind == "service")
    assert geldplein.text.startswith("Geldplein West van Stichting Geldzorg Amsterdam: Een budgetcoach helpt je")
    assert GELDPLEIN_PHONE in geldplein.text  # the service's own phone before the organisation's
    assert ORG_PHONE not in geldplein.text
    assert "info@geldzorg.example.nl" in geldplein.text  # the organisation's email: the service has none
    assert "https://geldplein.example.nl" in geldplein.text
    solved = next(s for s in result.statements if s.source_kind == "question")
    assert solved.text.startswith("Bij een vergelijkbare vraag (‘Schulden, maar moeder wil geen hulp’) werkte: ")  # noqa: RUF001
    assert "warme overdracht" in solved.text
    assert "het werkte: Samen gaan werkte" in solved.text  # the asker's feedback

    assert result.text.startswith("Automatisch antwoord, samengesteld uit de Kaart en eerder opgeloste vragen.")
    assert "(bron: Kaart: Geldplein West)" in result.text
    assert "(bron: Vraagbaak: Schulden, maar moeder wil geen hulp)" in result.text
    stored = [s.as_json() for s in result.statements]
    assert stored[0] == {
        "text": geldplein.text,
        "source": {"kind": "service", "id": str(sources["geldplein"].pk), "title": "Geldplein West"},
    }
    json.dumps(stored)  # what goes into Answer.statements


def test_a_service_without_contact_details_gets_none_made_up(sources):
    result = ExtractiveGenerator().generate(
        title="Gratis kinderwagen en babyspullen",
        text="Een gezin zonder geld zoekt een bedje en een kinderwagen.",
        tags=(),
    )
    assert result is not None
    babybank = next(s for s in result.statements if s.source_id == str(sources["babybank"].pk))
    assert "Contact" not in babybank.text and not PHONE.search(babybank.text)
    # "Heb je weinig geld?" says little on its own: the next sentence comes with it.
    assert "Haal gratis kleding" in babybank.text
    assert_all_sourced(result)


def test_no_relevant_source_means_no_answer(sources):
    generator = ExtractiveGenerator()
    unrelated = generator.generate(
        title="Parkeervergunning voor de dienstauto", text="Wie regelt die op kantoor?", tags=()
    )
    assert unrelated is None


def test_no_answer_on_an_empty_kaart_and_vraagbaak(db):
    assert ExtractiveGenerator().generate(title=TITLE, text=TEXT, tags=TAGS) is None


def test_an_automatic_solution_is_not_a_source(sources):
    solved = sources["solved"]
    automatic = answer(solved, "Automatisch.", is_automatic=True)
    solved.solution = automatic
    solved.save(update_fields=["solution"])
    result = ExtractiveGenerator().generate(title=TITLE, text=TEXT, tags=TAGS)
    assert result is not None
    assert all(s.source_kind == "service" for s in result.statements)


def test_first_sentences():
    assert (
        first_sentences("Heb je weinig geld? Haal gratis kleding. En meer.")
        == "Heb je weinig geld? Haal gratis kleding."
    )
    long = "Een budgetcoach helpt je met rekeningen en schulden, elke week, bij jou thuis. Tweede zin."
    assert first_sentences(long) == "Een budgetcoach helpt je met rekeningen en schulden, elke week, bij jou thuis."
    assert first_sentences("woord " * 200).endswith("…")
    assert len(first_sentences("woord " * 200)) <= 401


# --- checking a written statement against its source ---------------------------------------------

FACTS = (
    "Naam: Geldplein West\nOrganisatie: Stichting Geldzorg Amsterdam\nEen budgetcoach helpt je met rekeningen en "
    "schulden. Spreekuur op dinsdag van 9 tot 12.\nTelefoon: 020 555 0101\nE-mail: info@geldzorg.example.nl\n"
    "Website: https://geldplein.example.nl"
)
QUESTION = "Moeder met schulden durft niet naar de budgetcoach bij het Wijkteam"


@pytest.mark.parametrize(
    ("statement", "reason"),
    [
        ("Geldplein West heeft een budgetcoach voor rekeningen en schulden.", None),
        ("Bel Geldplein West op 020-5550101.", None),
        ("Bel Geldplein West op +31 20 555 0101.", None),
        ("Mail naar info@geldzorg.example.nl of kijk op geldplein.example.nl.", None),
        ("Er is spreekuur op dinsdag van 9 tot 12 bij Geldplein West.", None),
        ("Het Wijkteam kan samen met Geldplein West helpen met schulden.", None),  # a name from the question
        ("Bel Geldplein West op 020 999 8888.", "phone"),
        ("Mail naar hulp@geldplein.nl voor een afspraak.", "email"),
        ("Kijk op https://schuldenhulp.example.com voor een budgetcoach.", "url"),
        ("Er is spreekuur op dinsdag van 9 tot 17.", "number"),
        ("Je kunt ook naar Stichting Zonnestraal voor schulden.", "name"),
        ("Humanitas helpt ook met schulden en rekeningen.", "name"),
        ("De GGD helpt met schulden.", "name"),
        (
            "Vraag ook naar de wachtlijst, die is meestal drie maanden lang en duurt erg lang bij iedereen.",
            "ungrounded",
        ),
    ],
)
def test_a_statement_says_only_what_its_source_says(statement, reason):
    assert unsupported(statement, facts=FACTS, question=QUESTION) == reason


# --- the OpenAI-compatible generator against a local fake server ----------------------------------


@dataclass
class FakeServer:
    url: str
    replies: list[Callable[[BaseHTTPRequestHandler], None]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)

    def reply_json(self, payload: Any, status: int = 200) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            body = json.dumps(payload).encode()
            handler.send_response(status)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.replies.append(send)

    def reply_statements(self, statements: list[dict[str, Any]]) -> None:
        content = json.dumps({"statements": statements}, ensure_ascii=False)
        self.reply_json({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})

    def reply_content(self, content: str) -> None:
        self.reply_json({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})

    def reply_raw(self, status: int, body: bytes, *, delay: float = 0.0) -> None:
        def send(handler: BaseHTTPRequestHandler) -> None:
            time.sleep(delay)
            handler.send_response(status)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.replies.append(send)


@pytest.fixture
def llm_server() -> Iterator[FakeServer]:
    state: dict[str, FakeServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            server = state["server"]
            length = int(self.headers.get("Content-Length", "0"))
            server.requests.append(
                {"path": self.path, "headers": dict(self.headers.items()), "body": json.loads(self.rfile.read(length))}
            )
            reply = server.replies.pop(0) if server.replies else None
            if reply is None:
                self.send_error(404)
                return
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                reply(self)

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["server"] = FakeServer(url=f"http://127.0.0.1:{httpd.server_address[1]}/v1")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def llm_settings(llm_server):
    # These tests are about the client and the check: the sources are found on words alone (faster).
    with override_settings(
        KANSRIJK_VRAAGBAAK_LLM_URL=llm_server.url,
        KANSRIJK_VRAAGBAAK_LLM_MODEL="test-model",
        KANSRIJK_VRAAGBAAK_LLM_API_KEY="",
        KANSRIJK_VRAAGBAAK_LLM_TIMEOUT=5,
        KANSRIJK_SEARCH_EMBEDDER="none",
    ):
        yield llm_server


def numbered(found: list[Source]) -> dict[str, int]:
    return {f"{s.kind}:{s.id}": number for number, s in enumerate(found, start=1)}


def generate() -> AutoAnswer | None:
    generator = get_generator()
    assert isinstance(generator, OpenAICompatibleGenerator)
    return generator.generate(title=TITLE, text=TEXT, tags=TAGS)


def test_the_extractive_generator_is_the_default(settings):
    settings.KANSRIJK_VRAAGBAAK_LLM_URL = ""
    assert isinstance(get_generator(), ExtractiveGenerator)


def test_the_model_writes_and_valid_statements_are_kept(sources, llm_settings):
    number = numbered(find_sources(title=TITLE, text=TEXT, tags=TAGS))
    service, solved = number[f"service:{sources['geldplein'].pk}"], number[f"question:{sources['solved'].pk}"]
    llm_settings.reply_statements(
        [
            {"text": "Bij Geldplein West helpt een budgetcoach met rekeningen en schulden.", "source": service},
            {"text": "Bel Geldplein West op 020 555 0101.", "source": service},
            {"text": "Ga de eerste keer samen naar het Geldplein: een warme overdracht werkt beter.", "source": solved},
        ]
    )
    result = generate()
    assert result is not None
    assert result.generator == "llm:test-model"
    assert [s.text for s in result.statements] == [
        "Bij Geldplein West helpt een budgetcoach met rekeningen en schulden.",
        "Bel Geldplein West op 020 555 0101.",
        "Ga de eerste keer samen naar het Geldplein: een warme overdracht werkt beter.",
    ]
    assert [s.source_id for s in result.statements] == [str(sources["geldplein"].pk)] * 2 + [str(sources["solved"].pk)]
    assert_all_sourced(result)


def test_the_request_carries_the_model_and_the_numbered_sources(sources, llm_settings):
    llm_settings.reply_statements([])
    generate()
    (request,) = llm_settings.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "test-model"
    assert "Authorization" not in request["headers"]
    prompt = "\n".join(message["content"] for message in request["body"]["messages"])
    assert TITLE in prompt
    assert "[1] Kaart: Geldplein West" in prompt
    assert GELDPLEIN_PHONE in prompt and "https://geldplein.example.nl" in prompt
    assert "Schulden, maar moeder wil geen hulp" in prompt and "warme overdracht" in prompt
    assert "Babybank" not in prompt and "Nergensland" not in prompt  # only the relevant, visible sources


def test_the_key_is_sent_as_a_bearer_token(sources, llm_settings):
    llm_settings.reply_statements([])
    with override_settings(KANSRIJK_VRAAGBAAK_LLM_API_KEY="geheime-sleutel"):
        generate()
    assert llm_settings.requests[0]["headers"]["Authorization"] == "Bearer geheime-sleutel"


def test_a_statement_citing_an_unknown_source_is_dropped(sources, llm_settings):
    count = len(find_sources(title=TITLE, text=TEXT, tags=TAGS))
    assert count == 2
    llm_settings.reply_statements(
        [
            {"text": "Geldplein West heeft een budgetcoach voor schulden.", "source": 1},
            {"text": "Geldplein West heeft een budgetcoach voor schulden.", "source": 9},
            {"text": "Geldplein West heeft een budgetcoach voor schulden.", "source": "drie"},
        ]
    )
    result = generate()
    assert result is not None and result.generator == "llm:test-model"
    assert len(result.statements) == 1


def test_a_statement_with_an_invented_phone_number_is_dropped(sources, llm_settings):
    number = numbered(find_sources(title=TITLE, text=TEXT, tags=TAGS))[f"service:{sources['geldplein'].pk}"]
    llm_settings.reply_statements(
        [
            {"text": "Bel Geldplein West op 020 999 8888.", "source": number},
            {"text": "Je kunt ook naar Stichting Zonnestraal voor schulden.", "source": number},
            {"text": "Geldplein West heeft een budgetcoach voor schulden.", "source": number},
        ]
    )
    result = generate()
    assert result is not None and result.generator == "llm:test-model"
    assert [s.text for s in result.statements] == ["Geldplein West heeft een budgetcoach voor schulden."]
    assert "999" not in result.text and "Zonnestraal" not in result.text


def test_nothing_valid_falls_back_to_the_extractive_answer(sources, llm_settings):
    llm_settings.reply_statements([{"text": "Bel 020 999 8888.", "source": 1}])
    result = generate()
    assert result is not None
    assert result.generator == "extractive (fallback from llm:test-model)"
    extractive = ExtractiveGenerator().generate(title=TITLE, text=TEXT, tags=TAGS)
    assert extractive is not None and result.statements == extractive.statements


@pytest.mark.parametrize(
    "script",
    [
        pytest.param(lambda server: server.reply_raw(500, b"Internal Server Error"), id="server-error"),
        pytest.param(lambda server: server.reply_raw(200, b"<html>not json</html>"), id="response-not-json"),
        pytest.param(
            lambda server: server.reply_content("Sorry, daar kan ik niets over zeggen."), id="content-not-json"
        ),
        pytest.param(lambda server: server.reply_json({"error": "overloaded"}), id="unexpected-shape"),
    ],
)
def test_a_failing_model_falls_back_to_the_extractive_answer(sources, llm_settings, script, caplog):
    script(llm_settings)
    result = generate()
    assert result is not None
    assert result.generator == "extractive (fallback from llm:test-model)"
    assert {s.source_id for s in result.statements} == {str(sources["geldplein"].pk), str(sources["solved"].pk)}
    assert_all_sourced(result)
    warning = next(r for r in caplog.records if r.levelname == "WARNING")
    assert TITLE not in warning.getMessage() and "schulden" not in warning.getMessage()  # no personal data


def test_a_slow_model_falls_back_after_the_timeout(sources, llm_settings):
    find_sources(title=TITLE, text=TEXT, tags=TAGS)  # the search indexes are built before the clock starts
    llm_settings.reply_raw(200, b"{}", delay=10.0)
    with override_settings(KANSRIJK_VRAAGBAAK_LLM_MODEL="m", KANSRIJK_VRAAGBAAK_LLM_TIMEOUT=0.3):
        started = time.monotonic()
        result = generate()
    assert time.monotonic() - started < 8  # not the 10 seconds the server takes
    assert result is not None and result.generator == "extractive (fallback from llm:m)"


def test_the_model_is_not_asked_without_sources(db, llm_settings):
    assert generate() is None
    assert llm_settings.requests == []
