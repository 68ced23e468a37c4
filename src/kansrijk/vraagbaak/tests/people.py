"""People for Vraagbaak tests: members (approved through the real services) and a moderator."""

from __future__ import annotations

from typing import Any

from kansrijk.accounts.models import Organisation, OrganisationKind, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.families.tests.factories import verified
from kansrijk.notify.services import preference_set
from kansrijk.vraagbaak import services
from kansrijk.vraagbaak.models import Member, Question

_n = {"n": 0}


def organisation(name: str = "") -> Organisation:
    _n["n"] += 1
    return Organisation.objects.get_or_create(
        name=name or f"Buurtteam Test {_n['n']}", defaults={"kind": OrganisationKind.SOCIAAL}
    )[0]


def member(**kwargs: Any) -> User:
    """A signed-in professional who joined the Vraagbaak (no role needed)."""
    frequency = kwargs.pop("frequency", None)
    user = UserFactory.create(**kwargs)
    services.member_join(
        user=user, profile=services.Profile(organisation=organisation(), function="Jeugdverpleegkundige")
    )
    if frequency:
        Member.objects.filter(user=user).update(frequency=frequency)
        preference_set(user, kind="vraagbaak", frequency=frequency)
    return User.objects.get(pk=user.pk)


def moderator(**kwargs: Any) -> User:
    user = UserFactory.create(roles=[Role.MODERATOR], with_totp=True, **kwargs)
    services.member_join(user=user, profile=services.Profile(organisation=organisation(), function="Moderator"))
    return verified(User.objects.get(pk=user.pk))


CLEAN_TITLE = "Waar vindt een jonge moeder in Nieuw-West hulp bij schulden?"
CLEAN_TEXT = (
    "Een moeder van 22 in Nieuw-West heeft schulden en een baby van 4 maanden. Het Buurtteam is al "
    "betrokken. Wie kent een snelle route naar schuldhulp?"
)


def published(
    author: User, *, title: str = CLEAN_TITLE, text: str = CLEAN_TEXT, tags: tuple[str, ...] = ()
) -> Question:
    """A published question: a member's first question goes to review, so the first one is asked and a
    moderator publishes it, then this one is asked."""
    if not Question.objects.filter(author=author, published_at__isnull=False).exists():
        first = services.question_ask(
            by=author, draft=services.QuestionDraft(title="Eerste vraag om te oefenen", text=CLEAN_TEXT)
        )
        if first.state != "gepubliceerd":
            services.question_publish(question=first, by=moderator())
    question = services.question_ask(by=author, draft=services.QuestionDraft(title=title, text=text, tags=tags))
    assert question.state == "gepubliceerd"
    return question
