"""One way to read: every model with personal data has `objects.visible_to(user)`, and a person sees
exactly the rows of their relationship (care team, receiving side once sent, Vraagbaak membership)."""

from __future__ import annotations

import pytest

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.consent.models import Consent
from kansrijk.families.tests.factories import professional, verified
from kansrijk.pathways.models import Task
from kansrijk.pathways.services import tasks_plan
from kansrijk.plans import services as plans
from kansrijk.plans.models import Action, Goal
from kansrijk.referrals import services as referrals
from kansrijk.referrals.models import Referral, ReferralStatus
from kansrijk.referrals.tests.factories import referral_in, setting
from kansrijk.vraagbaak.models import Question, QuestionState
from kansrijk.vraagbaak.tests import factories as vraagbaak
from kansrijk.vraagbaak.tests.people import member, moderator

pytestmark = pytest.mark.django_db


def test_a_familys_rows_are_visible_to_its_care_team_only() -> None:
    s = setting()
    sent = referral_in(s, ReferralStatus.SENT)
    tasks_plan(family=s.family, phase="zwangerschap", level="steuntje", signaleerder=s.midwife, by=s.midwife)
    goal = plans.goal_add(family=s.family, by=s.midwife, domain="gezondheid", text="Overzicht van de rekeningen")
    plans.action_add(goal=goal, by=s.midwife, what="Samen de post openen", who="Meriam")
    outsider = professional()
    for model in (Task, Consent, Goal, Action, Referral):
        assert model.objects.visible_to(s.midwife).exists(), model
        assert not model.objects.visible_to(outsider).exists(), model
        assert not model.objects.visible_to(None).exists(), model
    # The receiving side sees the sent referral, never the family's tasks, consents or plan.
    assert list(Referral.objects.visible_to(s.worker)) == [sent]
    for model in (Task, Consent, Goal, Action):
        assert not model.objects.visible_to(s.worker).exists(), model


def test_the_receiving_side_sees_no_referral_before_it_is_sent() -> None:
    s = setting()
    draft = referrals.referral_draft(family=s.family, by=s.midwife, reason="Hulp bij geld", service=s.service)
    assert not Referral.objects.visible_to(s.worker).filter(pk=draft.pk).exists()
    assert Referral.objects.visible_to(s.midwife).filter(pk=draft.pk).exists()


def test_questions_are_visible_by_membership_and_moderation() -> None:
    author, reader = member(), member()
    online = vraagbaak.question("Online vraag", author=author)
    waiting = vraagbaak.question("Wachtende vraag", author=author, state=QuestionState.IN_REVIEW)
    assert set(Question.objects.visible_to(author)) == {online, waiting}
    assert set(Question.objects.visible_to(reader)) == {online}
    assert set(Question.objects.visible_to(moderator())) == {online, waiting}
    outsider = verified(UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True))
    assert not Question.objects.visible_to(outsider).exists()  # not a member
    assert not Question.objects.visible_to(None).exists()
