"""Fictional demo data for the Vraagbaak: the demo accounts as members, questions in every state
(solved with feedback, open, waiting for the moderator), answers, a sign-up waiting for approval and
a Zorgoverleg alarm report. Every case is made up; nothing refers to a real family.

Loaded with `kansrijk vraagbaak demo` after `kansrijk demo` and `kansrijk kaart demo` (idempotent:
nothing is added twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction

from kansrijk.accounts import services as account_services
from kansrijk.accounts.models import Organisation, User
from kansrijk.core import clock
from kansrijk.geo.models import Stadsdeel
from kansrijk.vraagbaak import services, zorgoverleg
from kansrijk.vraagbaak.models import (
    Answer,
    Frequency,
    Member,
    MemberState,
    Question,
    QuestionState,
    QuestionTag,
    Room,
    RoomSession,
    SolutionFeedback,
    Worked,
)


@dataclass(frozen=True)
class DemoMember:
    email: str
    function: str
    stadsdelen: tuple[str, ...]
    expertise: tuple[str, ...]
    about: str
    follows: tuple[str, ...] = ()


MEMBERS = (
    DemoMember(
        "professional@demo.kansrijk.test",
        "Verloskundige",
        ("N", "T"),
        ("risk:tienerzwangerschap", "risk:leefstijl"),
        "Vragen over zwangerschap en jonge moeders: bel of mail gerust.",
        ("risk:tienerzwangerschap", "stadsdeel:N"),
    ),
    DemoMember(
        "regiehouder@demo.kansrijk.test",
        "Jeugdverpleegkundige",
        ("T",),
        ("risk:kindfactoren", "risk:stress"),
        "Huilbaby's, slapen en voeding; regiehouder in Zuidoost.",
        ("risk:kindfactoren",),
    ),
    DemoMember(
        "buurtteam@demo.kansrijk.test",
        "Buurtteammedewerker",
        ("F",),
        ("risk:lage_ses", "risk:ongedocumenteerd"),
        "Geld, schulden, papieren en wonen in Nieuw-West.",
        ("risk:lage_ses", "stadsdeel:F"),
    ),
    DemoMember(
        "moderator@demo.kansrijk.test",
        "Moderator Vraagbaak",
        (),
        ("risk:psychisch",),
        "Ik bewaak dat de casussen anoniem blijven en sluit opgeloste vragen af.",
    ),
)


@dataclass(frozen=True)
class DemoQuestion:
    asker: str
    title: str
    text: str
    tags: tuple[str, ...]
    answers: tuple[tuple[str, str], ...] = ()  # (answerer email, text)
    solution: int | None = None  # index into answers
    feedback: tuple[str, str] | None = None  # (worked, text)
    days_ago: int = 10


QUESTIONS = (
    DemoQuestion(
        "professional@demo.kansrijk.test",
        "Waar vindt een zwangere jonge moeder zonder geld babyspullen?",
        "Ik begeleid een zwangere vrouw van 19 in Noord. Ze is 30 weken, woont bij een vriendin en heeft "
        "nog niets voor de baby. Een uitkering is aangevraagd maar loopt nog. Waar kan ze snel een "
        "babypakket of tweedehands spullen krijgen?",
        ("risk:tienerzwangerschap", "risk:lage_ses", "fase:zwangerschap", "stadsdeel:N"),
        (
            (
                "buurtteam@demo.kansrijk.test",
                "Via het buurtteam kun je een babypakket aanvragen bij de voedselbank; dat kan al tijdens de "
                "zwangerschap. Ook de oudergroep in Noord heeft een spullenkast. Bel het buurtteam voor een "
                "afspraak, dan regelen we ook meteen de toeslagen.",
            ),
            (
                "regiehouder@demo.kansrijk.test",
                "Vraag ook het Ouder- en Kindteam om een kennismaking voor de geboorte; zij kennen de "
                "uitleenpunten voor een wieg en een kinderwagen.",
            ),
        ),
        solution=0,
        feedback=(
            Worked.YES,
            "Het babypakket kwam binnen twee weken. De kennismaking met het buurtteam hielp ook bij de toeslagen.",
        ),
        days_ago=40,
    ),
    DemoQuestion(
        "regiehouder@demo.kansrijk.test",
        "Moeder met een huilbaby wil geen hulp in huis: hoe begin ik het gesprek?",
        "Een moeder van 27 in Zuidoost heeft een baby van 6 weken die veel huilt. Ze is moe en zegt dat "
        "het wel gaat, maar ze wil niemand over de vloer. Hoe maak ik het bespreekbaar zonder dat ze "
        "dichtklapt? Wie heeft ervaring met een ervaringsdeskundige of een buddy?",
        ("risk:kindfactoren", "risk:stress", "fase:na_geboorte", "stadsdeel:T"),
        (
            (
                "professional@demo.kansrijk.test",
                "Begin bij wat goed gaat: zij houdt het vol, dat is veel. Home-Start werkt met vrijwilligers "
                "die ook moeder zijn; dat voelt minder als hulp in huis.",
            ),
        ),
        solution=0,
        days_ago=12,
    ),
    DemoQuestion(
        "buurtteam@demo.kansrijk.test",
        "Ouders zonder verblijfsvergunning: welke zorg bij de bevalling is er?",
        "Een stel zonder papieren in Nieuw-West verwacht over drie maanden een kind. Ze zijn bang om naar "
        "een ziekenhuis te gaan. Welke verloskundige zorg kunnen ze krijgen, en wie betaalt die?",
        ("risk:ongedocumenteerd", "fase:zwangerschap", "stadsdeel:F"),
        (),
        days_ago=2,
    ),
)

PENDING_SIGNUP = ("nieuw.lid@demo.kansrijk.test", "Nieuwe Collega (demo)", "Kraamverzorgende")


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _member(demo: DemoMember) -> Member | None:
    user = _user(demo.email)
    if user is None:
        return None
    organisation = user.organisations.first() or Organisation.objects.filter(is_demo=True).first()
    if organisation is None:
        return None
    member, _created = Member.objects.get_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "function": demo.function,
            "state": MemberState.APPROVED,
            "approved_at": clock.now(),
            "approved_automatically": True,
            "expertise": list(demo.expertise),
            "about": demo.about,
            "frequency": Frequency.DAILY,
            "is_demo": True,
        },
    )
    member.stadsdelen.set(Stadsdeel.objects.filter(code__in=demo.stadsdelen))
    for tag in demo.follows:
        member.follows.get_or_create(tag=tag)
    return member


def _question(demo: DemoQuestion) -> Question | None:
    asker = _user(demo.asker)
    if asker is None or Question.objects.filter(title=demo.title).exists():
        return None
    at = clock.now() - timedelta(days=demo.days_ago)
    question = Question.objects.create(
        author=asker,
        title=demo.title,
        text=demo.text,
        state=QuestionState.PUBLISHED,
        created_at=at,
        published_at=at,
        is_demo=True,
    )
    QuestionTag.objects.bulk_create([QuestionTag(question=question, tag=t) for t in demo.tags])
    answers = []
    for index, (email, text) in enumerate(demo.answers):
        author = _user(email)
        if author is not None:
            answers.append(
                Answer.objects.create(
                    question=question, author=author, text=text, created_at=at + timedelta(hours=index + 2)
                )
            )
    if demo.solution is not None and demo.solution < len(answers):
        question.solution, question.solved_at = answers[demo.solution], at + timedelta(days=1)
        question.save(update_fields=["solution", "solved_at"])
    if demo.feedback is not None and question.solution_id is not None:
        worked, text = demo.feedback
        SolutionFeedback.objects.create(question=question, worked=worked, text=text, created_at=at + timedelta(days=9))
        question.feedback_requested_at = at + timedelta(days=8)
        question.save(update_fields=["feedback_requested_at"])
    return question


def _zorgoverleg() -> None:
    moderator = _user("moderator@demo.kansrijk.test")
    room = Room.objects.filter(slug="geldzorgen").first()
    if moderator is None or room is None:
        return
    if not room.moderator_id:
        room.moderator, room.video_url = moderator, "https://video.example.org/zorgoverleg-geldzorgen"
        room.save(update_fields=["moderator", "video_url"])
    last = zorgoverleg.upcoming_starts(clock.now() - timedelta(days=40), 1)[0]
    session, _created = RoomSession.objects.get_or_create(room=room, starts_at=last)
    if session.notes_question_id is None:
        question = Question.objects.create(
            author=moderator,
            title="Gezin met betalingsachterstand huur, baby op komst: wat eerst?",
            text="Ingebracht in het Zorgoverleg alarm: een stel in Zuidoost heeft twee maanden huurachterstand en "
            "verwacht over zes weken een baby. Er dreigt een ontruiming.",
            state=QuestionState.CLOSED,
            source="zorgoverleg",
            created_at=last,
            published_at=last,
            closed_at=last,
            closed_by=moderator,
            is_demo=True,
        )
        QuestionTag.objects.bulk_create(
            [QuestionTag(question=question, tag=t) for t in ("risk:lage_ses", "stadsdeel:T")]
        )
        notes = Answer.objects.create(
            question=question,
            author=moderator,
            text="Advies van de deelnemers: meld de achterstand meteen bij Vroegsignalering van de gemeente; de "
            "verhuurder wacht dan met stappen. Het buurtteam maakt een betalingsregeling en vraagt bijzondere "
            "bijstand aan voor de babyuitzet.",
            created_at=last,
        )
        question.solution, question.solved_at = notes, last
        question.save(update_fields=["solution", "solved_at"])
        session.notes_question = question
        session.save(update_fields=["notes_question"])


@transaction.atomic
def demo_load() -> int:
    """Load the Vraagbaak demo; returns how many questions were added."""
    for demo in MEMBERS:
        _member(demo)
    added = [q for q in (_question(d) for d in QUESTIONS) if q is not None]
    for question in added:
        services.answer_auto_create(question=question)  # from the demo Kaart and the solved demo questions
    _zorgoverleg()
    email, name, function = PENDING_SIGNUP
    organisation = Organisation.objects.filter(name__startswith="Kraamzorg", is_demo=True).first()
    if organisation is not None and not User.objects.filter(email=email).exists():
        user = account_services.user_create(
            email=email,
            full_name=name,
            password="welkom-bij-kansrijk-2026",  # noqa: S106  (demo only; this account waits for approval)
            by=None,
            job_title=function,
            is_demo=True,
            approved=False,
        )
        Member.objects.create(
            user=user,
            organisation=organisation,
            function=function,
            email_confirmed_at=clock.now(),  # confirmed its address; a moderator still has to approve it
            is_demo=True,
        )
    return len(added)
