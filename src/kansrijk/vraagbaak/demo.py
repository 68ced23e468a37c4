"""Fictional demo data for the Vraagbaak: the demo accounts as members, questions in every state
(solved with feedback, open, waiting for the moderator), answers, a sign-up waiting for approval and
a Zorgoverleg alarm report. Every case is made up; nothing refers to a real family.

The content is data: data/demo/vraagbaak.yaml, checked against the specs below before anything is
loaded. Loaded with `kansrijk vraagbaak demo` after `kansrijk demo` and `kansrijk kaart demo` (idempotent:
nothing is added twice).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction

from kansrijk.accounts import services as account_services
from kansrijk.accounts.demo import DEMO_PASSWORD
from kansrijk.accounts.models import Organisation, User
from kansrijk.core import clock, demo_data
from kansrijk.geo.models import Stadsdeel
from kansrijk.vraagbaak import services, tags, zorgoverleg
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

DATA = Path(__file__).resolve().parent / "data" / "demo" / "vraagbaak.yaml"


@dataclass(frozen=True)
class DemoMember:
    email: str
    function: str
    stadsdelen: tuple[str, ...]
    expertise: tuple[str, ...]
    about: str
    follows: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoAnswer:
    author: str  # email of a demo account
    text: str


@dataclass(frozen=True)
class DemoFeedback:
    worked: Worked
    text: str


@dataclass(frozen=True)
class DemoQuestion:
    asker: str
    title: str
    text: str
    tags: tuple[str, ...]
    answers: tuple[DemoAnswer, ...] = ()
    solution: int | None = None  # index into answers
    feedback: DemoFeedback | None = None
    days_ago: int = 10


@dataclass(frozen=True)
class DemoZorgoverleg:
    room: str  # slug of the room
    moderator: str
    video_url: str
    days_ago: int  # the session notes are of the last session before this many days ago
    title: str
    text: str
    tags: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class DemoSignup:
    email: str
    full_name: str
    function: str
    organisation_starts_with: str


@dataclass(frozen=True)
class DemoContent:
    members: tuple[DemoMember, ...]
    questions: tuple[DemoQuestion, ...]
    zorgoverleg: DemoZorgoverleg
    pending_signup: DemoSignup


def content(path: Path = DATA) -> DemoContent:
    """The demo content of `path`, checked (DemoDataError naming the file and entry otherwise)."""
    where = path.name
    questions = demo_data.build_all(
        DemoQuestion, demo_data.section(path, "questions"), where=f"{where}: questions", label="title"
    )
    for index, question in enumerate(questions):
        if question.solution is not None and not 0 <= question.solution < len(question.answers):
            raise demo_data.DemoDataError(
                f"{where}: questions[{index}] ({question.title}).solution: no answer {question.solution}."
            )
        if question.feedback is not None and question.solution is None:
            raise demo_data.DemoDataError(
                f"{where}: questions[{index}] ({question.title}).feedback: only a solved question has feedback."
            )
        unknown = [tag for tag in question.tags if tag.partition(":")[0] not in tags.KINDS]
        if unknown:
            raise demo_data.DemoDataError(
                f"{where}: questions[{index}] ({question.title}).tags: {unknown} should be kind:code, with kind one "
                f"of {', '.join(tags.KINDS)}."
            )
    return DemoContent(
        members=tuple(
            demo_data.build_all(
                DemoMember, demo_data.section(path, "members"), where=f"{where}: members", label="email"
            )
        ),
        questions=tuple(questions),
        zorgoverleg=demo_data.build(
            DemoZorgoverleg, demo_data.section(path, "zorgoverleg"), where=f"{where}: zorgoverleg"
        ),
        pending_signup=demo_data.build(
            DemoSignup, demo_data.section(path, "pending_signup"), where=f"{where}: pending_signup"
        ),
    )


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
    for index, answer in enumerate(demo.answers):
        author = _user(answer.author)
        if author is not None:
            answers.append(
                Answer.objects.create(
                    question=question, author=author, text=answer.text, created_at=at + timedelta(hours=index + 2)
                )
            )
    if demo.solution is not None and demo.solution < len(answers):
        question.solution, question.solved_at = answers[demo.solution], at + timedelta(days=1)
        question.save(update_fields=["solution", "solved_at"])
    if demo.feedback is not None and question.solution_id is not None:
        SolutionFeedback.objects.create(
            question=question, worked=demo.feedback.worked, text=demo.feedback.text, created_at=at + timedelta(days=9)
        )
        question.feedback_requested_at = at + timedelta(days=8)
        question.save(update_fields=["feedback_requested_at"])
    return question


def _zorgoverleg(demo: DemoZorgoverleg) -> None:
    moderator = _user(demo.moderator)
    room = Room.objects.filter(slug=demo.room).first()
    if moderator is None or room is None:
        return
    if not room.moderator_id:
        room.moderator, room.video_url = moderator, demo.video_url
        room.save(update_fields=["moderator", "video_url"])
    last = zorgoverleg.upcoming_starts(clock.now() - timedelta(days=demo.days_ago), 1)[0]
    session, _created = RoomSession.objects.get_or_create(room=room, starts_at=last)
    if session.notes_question_id is None:
        question = Question.objects.create(
            author=moderator,
            title=demo.title,
            text=demo.text,
            state=QuestionState.CLOSED,
            source="zorgoverleg",
            created_at=last,
            published_at=last,
            closed_at=last,
            closed_by=moderator,
            is_demo=True,
        )
        QuestionTag.objects.bulk_create([QuestionTag(question=question, tag=t) for t in demo.tags])
        notes = Answer.objects.create(question=question, author=moderator, text=demo.notes, created_at=last)
        question.solution, question.solved_at = notes, last
        question.save(update_fields=["solution", "solved_at"])
        session.notes_question = question
        session.save(update_fields=["notes_question"])


@transaction.atomic
def demo_load(path: Path = DATA) -> int:
    """Load the Vraagbaak demo of `path` (idempotent); returns how many questions were added. The questions
    and answers are written with their dates in the past (a demo history), so not through the services that
    date them today; the automatic answers and the sign-up go through the services."""
    demo = content(path)
    for member in demo.members:
        _member(member)
    added = [q for q in (_question(d) for d in demo.questions) if q is not None]
    for question in added:
        services.answer_auto_create(question=question)  # from the demo Kaart and the solved demo questions
    _zorgoverleg(demo.zorgoverleg)
    signup = demo.pending_signup
    organisation = Organisation.objects.filter(name__startswith=signup.organisation_starts_with, is_demo=True).first()
    if organisation is not None and not User.objects.filter(email=signup.email).exists():
        user = account_services.user_create(
            email=signup.email,
            full_name=signup.full_name,
            password=DEMO_PASSWORD,  # this account waits for approval
            by=None,
            job_title=signup.function,
            is_demo=True,
            approved=False,
        )
        Member.objects.create(
            user=user,
            organisation=organisation,
            function=signup.function,
            email_confirmed_at=clock.now(),  # confirmed its address; a moderator still has to approve it
            is_demo=True,
        )
    return len(added)
