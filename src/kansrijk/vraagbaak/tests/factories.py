"""Test data for the Vraagbaak, made with the models directly (no services, no side effects).

`member()` an approved member (with a user); `question()` a question, published by default, with
tags; `answer()` an answer, optionally marked as the solution; `feedback()` what the asker said worked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kansrijk.accounts.models import Organisation, User
from kansrijk.accounts.tests.factories import OrganisationFactory, UserFactory
from kansrijk.core import clock
from kansrijk.vraagbaak.models import (
    Answer,
    AnswerState,
    Member,
    MemberState,
    Question,
    QuestionState,
    QuestionTag,
    SolutionFeedback,
    Worked,
)

VISIBLE = (QuestionState.PUBLISHED, QuestionState.CLOSED)


def member(
    *,
    user: User | None = None,
    organisation: Organisation | None = None,
    state: str = MemberState.APPROVED,
    function: str = "Jeugdverpleegkundige",
    **fields: Any,
) -> Member:
    organisation = organisation or OrganisationFactory.create()
    user = user or UserFactory.create(organisation=organisation)
    return Member.objects.create(
        user=user,
        organisation=organisation,
        state=state,
        function=function,
        approved_at=clock.now() if state == MemberState.APPROVED else None,
        **fields,
    )


def question(
    title: str,
    text: str = "Hoe pakken jullie dit aan?",
    *,
    author: User | None = None,
    state: str = QuestionState.PUBLISHED,
    tags: Sequence[str] = (),
    **fields: Any,
) -> Question:
    now = clock.now()
    fields.setdefault("created_at", now)
    if state in VISIBLE:
        fields.setdefault("published_at", now)
    if state == QuestionState.CLOSED:
        fields.setdefault("closed_at", now)
    created = Question.objects.create(author=author or member().user, title=title, text=text, state=state, **fields)
    QuestionTag.objects.bulk_create([QuestionTag(question=created, tag=tag) for tag in tags])
    return created


def answer(
    to: Question,
    text: str = "Probeer het eens zo.",
    *,
    author: User | None = None,
    state: str = AnswerState.VISIBLE,
    is_automatic: bool = False,
    solution: bool = False,
    **fields: Any,
) -> Answer:
    fields.setdefault("created_at", clock.now())
    created = Answer.objects.create(
        question=to,
        author=None if is_automatic else (author or member().user),
        text=text,
        state=state,
        is_automatic=is_automatic,
        **fields,
    )
    if solution:
        to.solution = created
        to.solved_at = clock.now()
        to.save(update_fields=["solution", "solved_at"])
    return created


def feedback(to: Question, text: str, *, worked: str = Worked.YES) -> SolutionFeedback:
    return SolutionFeedback.objects.create(question=to, worked=worked, text=text, created_at=clock.now())
