"""Reading the Vraagbaak: lists, a question with its answers, the members' directory, the moderation
queue and the Zorgoverleg alarm's rooms. Only approved members (and moderators) get here; questions
under review are seen by their author and the moderators only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from kansrijk.core import clock
from kansrijk.vraagbaak import zorgoverleg
from kansrijk.vraagbaak.models import (
    Answer,
    AnswerState,
    AutoAnswerRating,
    Comment,
    Flag,
    Member,
    MemberState,
    ModerationAction,
    Question,
    QuestionState,
    QuestionTag,
    Room,
    RoomSession,
    SessionSignup,
    SolutionFeedback,
)


def member_of(user: Any) -> Member | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Member.objects.filter(user=user).select_related("organisation").first()


def questions(*, tag: str = "", status: str = "") -> QuerySet[Question]:
    """Visible questions, newest first; `status` is "open", "opgelost" or "" (all)."""
    rows = Question.objects.online()
    if tag:
        rows = rows.filter(Exists(QuestionTag.objects.filter(question=OuterRef("pk"), tag=tag)))
    if status == "open":
        rows = rows.filter(solution__isnull=True)
    elif status == "opgelost":
        rows = rows.filter(solution__isnull=False)
    visible_answers = Q(answers__state=AnswerState.VISIBLE, answers__is_automatic=False)
    return (
        rows.annotate(answer_count=Count("answers", filter=visible_answers))
        .prefetch_related("tags")
        .order_by("-published_at", "-created_at")
    )


def my_questions(*, user: Any) -> QuerySet[Question]:
    return Question.objects.filter(author=user).prefetch_related("tags").order_by("-created_at")


@dataclass(frozen=True)
class AnswerView:
    answer: Answer
    score: int
    my_vote: int
    my_rating: AutoAnswerRating | None
    comments: Sequence[Comment]
    helpful: int
    not_helpful: int
    statements: Sequence[dict[str, Any]] = ()  # an automatic answer's statements whose source still holds


@dataclass(frozen=True)
class QuestionView:
    question: Question
    tag_keys: Sequence[str]
    answers: Sequence[AnswerView]
    automatic: Sequence[AnswerView]  # the automatic answer(s) this reader may see
    feedback: SolutionFeedback | None


def question_view(*, question: Question, user: Any, moderator: bool) -> QuestionView:
    rows = (
        Answer.objects.filter(question=question)
        .annotate(score=Coalesce(Sum("votes__value"), 0))
        .prefetch_related(
            Prefetch("comments", queryset=Comment.objects.select_related("author")),
            "ratings",
        )
        .select_related("author")
    )
    if not moderator:
        rows = rows.filter(state=AnswerState.VISIBLE)
    my_votes = dict(Answer.objects.filter(question=question, votes__user=user).values_list("pk", "votes__value"))
    views = []
    for answer in rows:
        ratings = list(answer.ratings.all())
        views.append(
            AnswerView(
                answer=answer,
                score=int(getattr(answer, "score", 0)),
                my_vote=int(my_votes.get(answer.pk) or 0),
                my_rating=next((r for r in ratings if r.user_id == getattr(user, "pk", None)), None),
                comments=list(answer.comments.all()),
                helpful=sum(1 for r in ratings if r.helpful),
                not_helpful=sum(1 for r in ratings if not r.helpful),
            )
        )
    views = _with_current_sources(views)
    human = sorted(
        (v for v in views if not v.answer.is_automatic),
        key=lambda v: (v.answer.pk != question.solution_id, -v.score, v.answer.created_at),
    )
    automatic = [v for v in views if v.answer.is_automatic]
    return QuestionView(
        question=question,
        tag_keys=list(question.tags.values_list("tag", flat=True)),
        answers=human,
        automatic=automatic,
        feedback=SolutionFeedback.objects.filter(question=question).first(),
    )


def held_back(view: QuestionView, *, reader_id: int | None) -> list[Question | Answer]:
    """What `view` shows that other members do not see: the question while it waits for (or was taken
    offline by) a moderator, unless the reader wrote it, and answers that are hidden or wait for approval.
    Such texts are often held back for what the guard found in them, so each read of them is audited."""
    shown: list[Question | Answer] = []
    if not view.question.is_visible and view.question.author_id != reader_id:
        shown.append(view.question)
    shown.extend(v.answer for v in (*view.answers, *view.automatic) if v.answer.state != AnswerState.VISIBLE)
    return shown


def _with_current_sources(views: list[AnswerView]) -> list[AnswerView]:
    """An automatic answer shows a statement drawn from an earlier question only while that question is
    readable, under its current title: a question taken offline or sent back leaves no copy behind."""
    cited = {
        str(s.get("source", {}).get("id"))
        for v in views
        if v.answer.is_automatic
        for s in v.answer.statements or []
        if s.get("source", {}).get("kind") == "question"
    }
    ids = [int(i) for i in cited if i.isdigit()]
    titles = {str(pk): title for pk, title in Question.objects.online().filter(pk__in=ids).values_list("pk", "title")}
    result = []
    for v in views:
        if not v.answer.is_automatic:
            result.append(v)
            continue
        kept = []
        for s in v.answer.statements or []:
            source = s.get("source", {})
            if source.get("kind") == "question":
                if str(source.get("id")) not in titles:
                    continue
                s = {**s, "source": {**source, "title": titles[str(source.get("id"))]}}
            kept.append(s)
        result.append(replace(v, statements=kept))
    return result


def members(
    *, organisation_id: int | None = None, tag: str = "", stadsdeel: str = "", text: str = ""
) -> QuerySet[Member]:
    """The directory: approved members, to find "a contact person inside that organisation"."""
    rows = Member.objects.filter(state=MemberState.APPROVED, user__is_active=True)
    if organisation_id:
        rows = rows.filter(organisation_id=organisation_id)
    if stadsdeel:
        rows = rows.filter(stadsdelen__code=stadsdeel)
    if text:
        rows = rows.filter(
            Q(user__full_name__icontains=text) | Q(function__icontains=text) | Q(organisation__name__icontains=text)
        )
    found = rows.select_related("user", "organisation").prefetch_related("stadsdelen").distinct()
    if tag:  # expertise is a JSON list; filtered in Python so SQLite and PostgreSQL agree
        return found.filter(pk__in=[m.pk for m in found if tag in (m.expertise or [])])
    return found


@dataclass(frozen=True)
class Queue:
    questions: Sequence[Question]
    members: Sequence[Member]
    flags: Sequence[Flag]
    automatic: Sequence[Answer]
    awaiting_feedback: Sequence[Question]
    solved_open: Sequence[Question]
    log: Sequence[ModerationAction]

    @property
    def size(self) -> int:
        return len(self.questions) + len(self.members) + len(self.flags) + len(self.automatic)


def moderation_queue() -> Queue:
    return Queue(
        questions=list(
            Question.objects.filter(state=QuestionState.IN_REVIEW).select_related("author").order_by("created_at")
        ),
        members=list(
            Member.objects.filter(state=MemberState.PENDING)
            .select_related("user", "organisation")
            .order_by("created_at")
        ),
        flags=list(
            Flag.objects.filter(resolved_at__isnull=True)
            .select_related("question", "answer", "by")
            .order_by("created_at")
        ),
        automatic=list(
            Answer.objects.filter(is_automatic=True, state=AnswerState.AWAITING_APPROVAL)
            .select_related("question")
            .order_by("created_at")
        ),
        awaiting_feedback=list(
            Question.objects.filter(feedback_requested_at__isnull=False, feedback__isnull=True).order_by(
                "feedback_requested_at"
            )
        ),
        solved_open=list(
            Question.objects.filter(state=QuestionState.PUBLISHED, solution__isnull=False).order_by("solved_at")
        ),
        log=list(ModerationAction.objects.select_related("moderator", "question")[:30]),
    )


@dataclass(frozen=True)
class Upcoming:
    starts_at: datetime
    session: RoomSession | None
    signups: Sequence[SessionSignup]
    mine: SessionSignup | None


@dataclass(frozen=True)
class RoomView:
    room: Room
    upcoming: Sequence[Upcoming]
    past: Sequence[RoomSession]


def room_view(*, room: Room, member: Member | None, count: int = 3) -> RoomView:
    starts = zorgoverleg.upcoming_starts(clock.now(), count)
    sessions = {
        s.starts_at: s
        for s in RoomSession.objects.filter(room=room, starts_at__in=starts).prefetch_related(
            Prefetch("signups", queryset=SessionSignup.objects.select_related("member__user", "member__organisation"))
        )
    }
    upcoming = []
    for start in starts:
        session = sessions.get(start)
        signups = list(session.signups.all()) if session is not None else []
        mine = next((s for s in signups if member is not None and s.member_id == member.pk), None)
        upcoming.append(Upcoming(starts_at=start, session=session, signups=signups, mine=mine))
    past = list(
        RoomSession.objects.filter(room=room, starts_at__lt=clock.now())
        .select_related("notes_question")
        .order_by("-starts_at")[:6]
    )
    return RoomView(room=room, upcoming=upcoming, past=past)


def rooms() -> QuerySet[Room]:
    return Room.objects.select_related("moderator")
