"""The Vraagbaak demo: data/demo/vraagbaak.yaml, checked before loading (mistakes name the file and the
entry); loaded once, fictional and marked, with questions in every state and a sign-up waiting."""

from __future__ import annotations

from pathlib import Path

import pytest

from kansrijk.accounts import demo as accounts_demo
from kansrijk.core.demo_data import DemoDataError
from kansrijk.vraagbaak import demo
from kansrijk.vraagbaak.models import (
    Member,
    MemberState,
    Question,
    QuestionState,
    RoomSession,
    SolutionFeedback,
    Worked,
)

pytestmark = pytest.mark.django_db


def test_the_content_is_read_and_checked() -> None:
    content = demo.content()
    assert len(content.questions) == 3 and len(content.members) == 4
    first = content.questions[0]
    assert first.feedback is not None and first.feedback.worked is Worked.YES
    assert first.solution == 0 and first.answers[0].author == "buurtteam@demo.kansrijk.test"


FIRST, THIRD = r"questions\[0\] \(Waar vindt .*\)", r"questions\[2\] \(Ouders zonder .*\)"


@pytest.mark.parametrize(
    ("wrong", "right", "message"),
    [
        ("solution: 0\n    feedback", "solution: 5\n    feedback", FIRST + r"\.solution: no answer 5"),
        ("worked: ja", "worked: misschien", FIRST + r"\.feedback\.worked: 'misschien' is not one of ja"),
        ("days_ago: 2\n", "days_ago: twee\n", THIRD + r"\.days_ago: expected a whole number"),
        (
            'zwangerschap", "stadsdeel:F"]',
            'zwangerschap", "wijk:F"]',
            THIRD + r"\.tags: \['wijk:F'\] should be kind:code",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_entry(tmp_path: Path, wrong: str, right: str, message: str) -> None:
    text = demo.DATA.read_text(encoding="utf-8")
    assert wrong in text
    path = tmp_path / "vraagbaak.yaml"
    path.write_text(text.replace(wrong, right, 1), encoding="utf-8")
    with pytest.raises(DemoDataError, match="^vraagbaak.yaml: " + message):
        demo.demo_load(path)
    assert not Question.objects.exists()


def test_the_demo_loads_once_fictional_and_marked() -> None:
    accounts_demo.demo_load()
    assert demo.demo_load() == 3
    questions = Question.objects.all()
    assert questions.count() == 4 and all(q.is_demo for q in questions)  # three asked, one Zorgoverleg report
    assert questions.filter(state=QuestionState.CLOSED, source="zorgoverleg").count() == 1
    assert RoomSession.objects.filter(notes_question__isnull=False).count() == 1
    assert questions.filter(solution__isnull=False).count() == 3
    assert SolutionFeedback.objects.get().worked == Worked.YES
    members = Member.objects.all()
    assert members.count() == 5 and all(m.is_demo for m in members)
    waiting = members.exclude(state=MemberState.APPROVED).get()
    assert waiting.user.email == "nieuw.lid@demo.kansrijk.test" and "(demo)" in waiting.user.full_name
    assert demo.demo_load() == 0 and Question.objects.count() == 4 and Member.objects.count() == 5
