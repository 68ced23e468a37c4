"""The automatic answer to a new question, drawn only from the Kaart and from solved questions.

Every statement names its source (a Kaart service or a solved Vraagbaak question), and says nothing
that source does not say: no organisation, phone number, address or fact without a source. When no
source clearly fits, there is no automatic answer at all (`generate` returns None).

- `ExtractiveGenerator` (the default, offline) copies short pieces of the sources' own fields: a
  service's name, organisation, first sentence(s) of its description and its contact details; a solved
  question's title, the start of its solution and what the asker later said worked.
- `OpenAICompatibleGenerator` (when the setting KANSRIJK_VRAAGBAAK_LLM_URL is set) asks a language
  model behind an OpenAI-compatible `/chat/completions` endpoint to write the statements from the same
  numbered sources, then checks each statement against the source it cites and drops what it cannot
  find there (numbers, phone numbers, email addresses, web addresses, names, and statements mostly in
  other words). On any failure, or when nothing survives the check, it falls back to the extractive
  answer. The question and the sources are sent to that server: configure only a server the
  organisation controls or has a processing agreement with.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from django.conf import settings
from django.utils.translation import gettext as _

from kansrijk.kaart.models import Phone, Service
from kansrijk.kaart.search import KaartFilters, KaartResult, kaart_search
from kansrijk.search.text import QUESTION_STOP_WORDS, normalise, stem, tokens
from kansrijk.search.text import words as text_words
from kansrijk.vraagbaak import tags as vraagbaak_tags
from kansrijk.vraagbaak.models import AnswerState, Question, SolutionFeedback, Worked
from kansrijk.vraagbaak.search import QuestionHit, shared_words, similar_questions

logger = logging.getLogger(__name__)

SourceKind = Literal["service", "question"]

SERVICE_LIMIT = 3  # at most this many Kaart services ...
QUESTION_LIMIT = 2  # ... and this many solved questions in one answer
KAART_CANDIDATES = 10
STATEMENT_CHARS = 400
MAX_LLM_STATEMENTS = 8
GROUNDED_SHARE = 0.5  # at least this share of an LLM statement's content words must be in its source or the question


@dataclass(frozen=True)
class Statement:
    text: str
    source_kind: SourceKind
    source_id: str
    source_title: str

    def as_json(self) -> dict[str, Any]:
        """The shape stored in `Answer.statements`."""
        return {
            "text": self.text,
            "source": {"kind": self.source_kind, "id": self.source_id, "title": self.source_title},
        }

    @property
    def source_label(self) -> str:
        place = _("Kaart") if self.source_kind == "service" else _("Vraagbaak")
        return f"{place}: {self.source_title}"


@dataclass(frozen=True)
class AutoAnswer:
    intro: str
    statements: tuple[Statement, ...]
    generator: str

    @property
    def text(self) -> str:
        """Plain text: the intro, then one line per statement with its source."""
        lines = [self.intro, ""]
        lines += [
            "- " + _("%(statement)s (bron: %(source)s)") % {"statement": s.text, "source": s.source_label}
            for s in self.statements
        ]
        return "\n".join(lines)

    def statements_json(self) -> list[dict[str, Any]]:
        return [statement.as_json() for statement in self.statements]


class Generator(Protocol):
    name: str

    def generate(
        self, *, title: str, text: str, tags: Sequence[str], exclude_id: int | None = None
    ) -> AutoAnswer | None:
        """An answer with sourced statements, or None when no source has anything to say; never citing the
        question `exclude_id` (the one being answered)."""


def intro_text() -> str:
    return _("Automatisch antwoord, samengesteld uit de Kaart en eerder opgeloste vragen. Controleer het zelf.")


# --- sources --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One place an answer may draw from, with everything it states (`facts`: what a language model
    may use and what its statements are checked against) and the extractive statement."""

    kind: SourceKind
    id: str
    title: str
    facts: str
    statement: str

    def cite(self, text: str) -> Statement:
        return Statement(text=text, source_kind=self.kind, source_id=self.id, source_title=self.title)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentences(text: str, *, at_most: int = 2, min_chars: int = 60, max_chars: int = STATEMENT_CHARS) -> str:
    """The first sentence of `text`, with the next ones (up to `at_most`) while it is short or a
    question ("Heb je weinig geld?" says little on its own); cut at a word if too long."""
    sentences = [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]
    taken: list[str] = []
    for sentence in sentences[:at_most]:
        taken.append(sentence)
        joined = " ".join(taken)
        if len(joined) >= min_chars and not joined.endswith("?"):
            break
    result = " ".join(taken)
    if len(result) > max_chars:
        cut = result.rfind(" ", 0, max_chars)
        result = result[: cut if cut > 0 else max_chars].rstrip(",;: ") + "…"
    return result


def _service_contact(service: Service) -> tuple[str, str, str]:
    """The service's own phone, email and website, else its organisation's (never guessed)."""
    phones: Iterable[Phone] = service.phones.all()
    phone = next((p.number for p in phones if p.number.strip()), "")
    if not phone:
        phone = next((p.number for p in service.organization.phones.all() if p.number.strip()), "")
    email = service.email or service.organization.email
    website = service.url or service.organization.website
    return phone.strip(), email.strip(), website.strip()


def service_source(service: Service) -> Source:
    organisation = service.organization.name
    description = first_sentences(service.description)
    if normalise(organisation) in normalise(service.name):
        statement = _("%(service)s: %(description)s") % {"service": service.name, "description": description}
    else:
        statement = _("%(service)s van %(organisation)s: %(description)s") % {
            "service": service.name,
            "organisation": organisation,
            "description": description,
        }
    phone, email, website = _service_contact(service)
    ways = []
    if phone:
        ways.append(_("bel %(phone)s") % {"phone": phone})
    if email:
        ways.append(_("mail %(email)s") % {"email": email})
    if website:
        ways.append(_("kijk op %(website)s") % {"website": website})
    if ways:
        statement += " " + _("Contact: %(ways)s.") % {"ways": ", ".join(ways)}
    # The facts are data for the model and the check, in Dutch whatever the interface language.
    facts = "\n".join(
        part
        for part in (
            f"Naam: {service.name}",
            service.alternate_name,
            f"Organisatie: {organisation}",
            service.description,
            service.eligibility_description,
            service.fees_description,
            "Gratis" if service.free else "",
            service.application_process,
            ", ".join(term.label_nl for term in service.categories.all()),
            f"Telefoon: {phone}" if phone else "",
            f"E-mail: {email}" if email else "",
            f"Website: {website}" if website else "",
        )
        if part
    )
    return Source(kind="service", id=str(service.pk), title=service.name, facts=facts, statement=statement)


def question_source(question: Question) -> Source | None:
    """A solved question with a visible human solution; None otherwise (an automatic solution would
    only repeat other sources)."""
    solution = question.solution
    if solution is None or solution.is_automatic or solution.state != AnswerState.VISIBLE:
        return None
    statement = _("Bij een vergelijkbare vraag (‘%(title)s’) werkte: %(solution)s") % {  # noqa: RUF001
        "title": question.title,
        "solution": first_sentences(solution.text),
    }
    feedback: SolutionFeedback | None = getattr(question, "feedback", None)
    feedback_text = first_sentences(feedback.text, max_chars=300) if feedback is not None and feedback.text else ""
    if feedback is not None and feedback_text:
        by_outcome: dict[str, str] = {
            Worked.YES: _("Later liet de vraagsteller weten dat het werkte: %(feedback)s"),
            Worked.PARTLY: _("Later liet de vraagsteller weten dat het deels werkte: %(feedback)s"),
            Worked.NO: _("Later liet de vraagsteller weten dat het niet werkte: %(feedback)s"),
        }
        said = by_outcome.get(feedback.worked, _("Later liet de vraagsteller weten: %(feedback)s"))
        statement += " " + said % {"feedback": feedback_text}
    facts = "\n".join(part for part in (question.title, solution.text, feedback.text if feedback else "") if part)
    return Source(kind="question", id=str(question.pk), title=question.title, facts=facts, statement=statement)


def _kaart_query(title: str, text: str, tag_keys: Sequence[str]) -> tuple[str, KaartFilters]:
    """The Kaart question: the title, the labels of the hulpvraag tags (so the Kaart understands the
    need), then the text; the stadsdeel tags as place filters (city-wide services pass)."""
    index = vraagbaak_tags.tag_index() if tag_keys else {}
    needs = [index[key].label for key in tag_keys if key.startswith("hulpvraag:") and key in index]
    stadsdelen = tuple(key.split(":", 1)[1] for key in tag_keys if key.startswith("stadsdeel:"))
    query = ". ".join(part for part in (title, ", ".join(needs), text) if part.strip())
    return query, KaartFilters(stadsdelen=stadsdelen)


def _relevant_service(result: KaartResult, asked_needs: set[str]) -> bool:
    """A service clearly fits when it helps with a need the question names, or shares at least two of
    its meaningful words. Nearness of meaning alone is not enough: the semantic side ranks every service."""
    if asked_needs & {term.code for term in result.service.categories.all()}:
        return True
    return len(shared_words(result.hit)) >= 2


def find_sources(*, title: str, text: str, tags: Sequence[str], exclude_id: int | None = None) -> list[Source]:
    """The Kaart services and solved questions an answer may draw from, best first (never the question
    `exclude_id` itself)."""
    query, filters = _kaart_query(title, text, tags)
    found = kaart_search(query=query, filters=filters, limit=KAART_CANDIDATES)
    asked_needs = set(found.understood.categories) | set(filters.categories)
    services = [r.service for r in found.results if _relevant_service(r, asked_needs)][:SERVICE_LIMIT]
    sources = [service_source(service) for service in services]
    solved: list[QuestionHit] = similar_questions(
        title=title, text=text, limit=QUESTION_LIMIT + 3, solved_only=True, tags=tags, exclude_id=exclude_id
    )
    question_sources = [s for s in (question_source(hit.question) for hit in solved) if s is not None]
    return sources + question_sources[:QUESTION_LIMIT]


# --- the extractive generator ---------------------------------------------------------------------


class ExtractiveGenerator:
    """Copies short pieces of the sources' own fields; works offline and never invents."""

    name = "extractive"

    def generate(
        self, *, title: str, text: str, tags: Sequence[str], exclude_id: int | None = None
    ) -> AutoAnswer | None:
        return self.compose(find_sources(title=title, text=text, tags=tags, exclude_id=exclude_id))

    def compose(self, sources: Sequence[Source], *, name: str | None = None) -> AutoAnswer | None:
        if not sources:
            return None
        return AutoAnswer(
            intro=intro_text(),
            statements=tuple(source.cite(source.statement) for source in sources),
            generator=name or self.name,
        )


# --- checking a written statement against its source ---------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|com|org|net|eu|info|amsterdam|be|de|nu|io)\b(?:/[^\s<>()\"']*)?",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:\+|00)?\d(?:[ \t().\-/]?\d){7,}")  # 8 digits or more, one separator between two
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*", re.UNICODE)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words a Dutch sentence often starts with: capitalised only because they come first.
SENTENCE_STARTERS = _words(
    """
    bel mail kijk neem vraag ga zoek probeer meld overleg verwijs maak schrijf stuur bespreek denk let houd
    help geef laat lees check controleer regel plan start begin kies gebruik wacht leg noem
    volgens daar daarna daarom daarnaast dus eerst soms vaak hier hierbij samen zonder ouders moeders vaders
    gezinnen kinderen voor tijdens na sinds tot binnen buiten elke ieder iedere alle veel weinig misschien
    bijvoorbeeld ook verder tot slot contact bij een bij vergelijkbare vraag werkte later let op tip
    wanneer mogelijk eventueel hoewel zodat want toch wel nog goed belangrijk meestal sommige andere
    je jullie u zij ze hij het de dit dat deze die er als
    """
)
ALWAYS_KNOWN_NAMES = frozenset({"amsterdam", "nederland", "nederlands", "kaart", "vraagbaak", "gks"})


def _phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if digits.startswith("0031"):
        return "0" + digits[4:]
    if text.lstrip().startswith("+31") or (digits.startswith("31") and len(digits) == 11):
        return "0" + digits[2:]
    return digits


def _bare_url(url: str) -> str:
    url = url.casefold()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.rstrip(".,;:!?)/'\"")


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for match in re.finditer(r"[.!?:;]\s+|\n+|^\s*[-•*]\s*|[(\"\u2018\u201c]\s*", text):
        starts.add(match.end())
    return starts


def unsupported(statement: str, *, facts: str, question: str) -> str | None:
    """Why `statement` says something its source (`facts`) does not, or None when it holds.

    Strict on what can do harm: every email address, web address, phone number and other number must
    be in the source; every name (a capitalised word not merely starting a sentence, an abbreviation,
    a run of capitalised words) must be in the source or in the question; and at least half of its
    meaningful words must come from the source or the question (a statement mostly in other words
    says something else)."""
    rest = statement
    facts_folded = facts.casefold()
    for email in _EMAIL.findall(rest):
        if email.casefold().rstrip(".") not in facts_folded:
            return "email"
    rest = _EMAIL.sub(" ", rest)
    facts_urls = {_bare_url(u) for u in _URL.findall(_EMAIL.sub(" ", facts))}
    for url in _URL.findall(rest):
        bare = _bare_url(url)
        if not any(known == bare or known.startswith(bare + "/") for known in facts_urls):
            return "url"
    rest = _URL.sub(" ", rest)
    known_phones = {_phone_digits(p) for p in _PHONE.findall(facts)}
    for phone in _PHONE.findall(rest):
        if _phone_digits(phone) not in known_phones:
            return "phone"
    rest = _PHONE.sub(" ", rest)
    for number in _DIGITS.findall(rest):
        if not re.search(rf"(?<!\d){number}(?!\d)", facts):
            return "number"

    known_words = set(text_words(facts)) | set(text_words(question)) | ALWAYS_KNOWN_NAMES
    known_stems = {stem(word) for word in known_words}
    starts = _sentence_starts(rest)
    found = list(_WORD.finditer(rest))
    for match in found:
        word = match.group()
        if not word[0].isupper():
            continue
        shouting = sum(ch.isupper() for ch in word) >= 2  # an abbreviation (GGD) or a brand (VoorZorg)
        folded = normalise(word)
        if match.start() in starts and not shouting and (folded in SENTENCE_STARTERS or folded in QUESTION_STOP_WORDS):
            continue  # an ordinary word, capitalised because it starts a sentence
        parts = [normalise(part) for part in re.split(r"[-'\u2019]", word) if part]
        if not all(part in known_words or stem(part) in known_stems for part in parts):
            return "name"

    content = tokens(rest)
    if content:
        grounded = sum(1 for token in content if token in known_stems)
        if grounded / len(content) < GROUNDED_SHARE:
            return "ungrounded"
    return None


# --- the generator behind an OpenAI-compatible server ----------------------------------------------

SYSTEM_PROMPT = (
    "Je helpt professionals in Amsterdam die werken met gezinnen in de eerste 1000 dagen. "
    "Schrijf een kort antwoord op hun vraag in eenvoudig Nederlands (taalniveau B1). "
    "Gebruik ALLEEN de genummerde bronnen hieronder. Verzin niets: noem geen organisatie, naam, "
    "telefoonnummer, e-mailadres, website, getal of feit dat niet in de bron staat die je noemt. "
    "Elke uitspraak hoort bij precies één bron: geef het nummer van die bron. "
    "Geef hoogstens 5 uitspraken van één of twee zinnen. Past geen enkele bron, geef dan geen uitspraken. "
    'Antwoord alleen met JSON in deze vorm: {"statements": [{"text": "...", "source": 1}]}'
)


class GenerationError(Exception):
    """The language model gave no usable answer (the reason is safe to log: no personal data)."""


def _user_prompt(title: str, text: str, sources: Sequence[Source]) -> str:
    numbered = [
        f"[{number}] {'Kaart' if source.kind == 'service' else 'Opgeloste vraag in de Vraagbaak'}: "
        f"{source.title}\n{source.facts}"
        for number, source in enumerate(sources, start=1)
    ]
    return f"Vraag: {title}\n{text}\n\nBronnen:\n\n" + "\n\n".join(numbered)


def _content_of(response: dict[str, Any]) -> str:
    try:
        content = response["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as error:
        raise GenerationError("unexpected response shape") from error
    if not isinstance(content, str):
        raise GenerationError("no text content")
    return content


def parse_statements(content: str) -> list[tuple[str, object]]:
    """The (text, source) pairs of the model's JSON (also when wrapped in a code block)."""
    stripped = re.sub(r"^\s*```(?:json)?\s*|\s*```\s*$", "", content.strip())
    start, end = stripped.find("{"), stripped.rfind("}")
    if start < 0 or end <= start:
        raise GenerationError("no JSON object")
    try:
        data = json.loads(stripped[start : end + 1])
    except json.JSONDecodeError as error:
        raise GenerationError("invalid JSON") from error
    items = data.get("statements") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise GenerationError("no statements list")
    pairs = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            pairs.append((item["text"], item.get("source")))
    return pairs


def _source_number(value: object, count: int) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().strip("[]").isdigit():
        value = int(value.strip().strip("[]"))
    if isinstance(value, int) and 1 <= value <= count:
        return value
    return None


def checked_statements(
    pairs: Sequence[tuple[str, object]], sources: Sequence[Source], *, question: str
) -> tuple[list[Statement], dict[str, int]]:
    """The statements that cite a known source and say only what it says; and how many were dropped
    for which reason."""
    kept: list[Statement] = []
    dropped: dict[str, int] = {}
    for raw_text, raw_source in pairs[: MAX_LLM_STATEMENTS * 2]:
        text = " ".join(raw_text.split())
        number = _source_number(raw_source, len(sources))
        reason: str | None
        if not text:
            reason = "empty"
        elif len(text) > STATEMENT_CHARS * 2:
            reason = "too long"
        elif number is None:
            reason = "unknown source"
        else:
            reason = unsupported(text, facts=sources[number - 1].facts, question=question)
            if reason is None:
                kept.append(sources[number - 1].cite(text))
        if reason is not None:
            dropped[reason] = dropped.get(reason, 0) + 1
    return kept[:MAX_LLM_STATEMENTS], dropped


class OpenAICompatibleGenerator:
    """A language model behind an OpenAI-compatible chat endpoint writes the statements from the
    numbered sources; each is checked against its source, and the extractive answer is given instead
    when the model fails or nothing it wrote holds."""

    def __init__(
        self,
        *,
        url: str,
        model: str,
        api_key: str = "",
        timeout: float = 20.0,
        fallback: ExtractiveGenerator | None = None,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("The language model URL must start with http:// or https://")
        self.url = url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.fallback = fallback or ExtractiveGenerator()
        self.name = f"llm:{model or 'default'}"[:100]

    @classmethod
    def from_settings(cls) -> OpenAICompatibleGenerator:
        return cls(
            url=str(settings.KANSRIJK_VRAAGBAAK_LLM_URL),
            model=str(settings.KANSRIJK_VRAAGBAAK_LLM_MODEL),
            api_key=str(settings.KANSRIJK_VRAAGBAAK_LLM_API_KEY),
            timeout=float(settings.KANSRIJK_VRAAGBAAK_LLM_TIMEOUT),
        )

    def generate(
        self, *, title: str, text: str, tags: Sequence[str], exclude_id: int | None = None
    ) -> AutoAnswer | None:
        sources = find_sources(title=title, text=text, tags=tags, exclude_id=exclude_id)
        if not sources:
            return None  # nothing to draw from: the model is not asked
        try:
            pairs = parse_statements(_content_of(self._complete(title, text, sources)))
        except GenerationError as error:
            return self._fall_back(sources, str(error))
        statements, dropped = checked_statements(pairs, sources, question=f"{title}\n{text}")
        if dropped:
            logger.info("vraagbaak: %s statements dropped by the source check: %s", self.name, dropped)
        if not statements:
            return self._fall_back(sources, "no statement held")
        return AutoAnswer(intro=intro_text(), statements=tuple(statements), generator=self.name)

    def _fall_back(self, sources: Sequence[Source], reason: str) -> AutoAnswer | None:
        logger.warning("vraagbaak: automatic answer by %s failed (%s); using the extractive answer", self.name, reason)
        return self.fallback.compose(sources, name=f"{self.fallback.name} (fallback from {self.name})"[:100])

    def _complete(self, title: str, text: str, sources: Sequence[Source]) -> dict[str, Any]:
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": _user_prompt(title, text, sources)},
            ],
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            f"{self.url}/chat/completions", data=json.dumps(body).encode(), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise GenerationError(f"HTTP {error.code}") from error
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise GenerationError(type(error).__name__) from error
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise GenerationError("response is not JSON") from error
        if not isinstance(data, dict):
            raise GenerationError("response is not a JSON object")
        return data


def get_generator() -> Generator:
    """The language model when KANSRIJK_VRAAGBAAK_LLM_URL is set, else the extractive generator."""
    if getattr(settings, "KANSRIJK_VRAAGBAAK_LLM_URL", ""):
        return OpenAICompatibleGenerator.from_settings()
    return ExtractiveGenerator()
