"""A small world for the authorisation matrix: one family with a care team, three referrals from it to one
buurtteam (not yet sent, sent with consent, sent and then withdrawn), a task, a Vraagbaak question in review,
a Kaart service, and one person for every kind of visitor the matrix tries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.middleware import LAST_SEEN_KEY, LOGIN_AT_KEY
from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.core import clock
from kansrijk.families.models import Family
from kansrijk.kaart.models import Service
from kansrijk.pathways.models import Task
from kansrijk.pathways.services import tasks_plan
from kansrijk.referrals import services as referrals
from kansrijk.referrals.models import AnswerLink, Referral, ReferralStatus
from kansrijk.referrals.tests.factories import consented, referral_in, setting
from kansrijk.vraagbaak import services as vraagbaak
from kansrijk.vraagbaak.models import Question, QuestionState
from kansrijk.vraagbaak.tests import factories as vraagbaak_factories
from kansrijk.vraagbaak.tests.people import organisation

# The columns of the matrix, in order.
PERSONAS = (
    "anon",  # not signed in
    "pw_only",  # a professional who gave the password but not the second factor
    "professional",  # roles with no relationship to the family (each verified)
    "regiehouder",
    "mdo_voorzitter",
    "moderator",
    "kaart_redacteur",
    "programmateam",
    "beheerder",
    "receiver_before",  # the receiving side of a referral that was not sent yet
    "receiver",  # the receiving side of a sent referral, consent holding
    "receiver_revoked",  # the receiving side after the parents withdrew consent
    "allowed",  # the family's own professional: care team, referrer, Vraagbaak member and asker
)
SIGNED_IN = PERSONAS[1:]


@dataclass
class World:
    family: Family
    service: Service
    task: Task
    question: Question
    people: dict[str, User | None]
    referral: dict[str, Referral]  # the referral a persona's requests are about
    tokens: dict[str, str] = field(default_factory=dict)  # an answer link per persona's referral

    def referral_for(self, persona: str) -> Referral:
        return self.referral.get(persona, self.referral["allowed"])


def _verified(role: Role) -> User:
    return UserFactory.create(roles=[role], with_totp=True)


def build() -> World:
    s = setting(email="partner@example.org")
    sent = referral_in(s, ReferralStatus.SENT)
    concept = referrals.referral_draft(family=s.family, by=s.midwife, reason="Nog niet verstuurd", service=s.service)
    later = referrals.referral_draft(family=s.family, by=s.midwife, reason="Later", service=s.service)
    revoked = referrals.referral_send(referral=consented(s, later), by=s.midwife)
    assert revoked.consent is not None
    referrals.consent_withdraw(consent=revoked.consent, by=s.midwife)
    task = tasks_plan(family=s.family, phase="zwangerschap", level="steuntje", signaleerder=s.midwife, by=s.midwife)
    profile = vraagbaak.Profile(organisation=organisation(), function="Verloskundige")
    vraagbaak.member_join(user=s.midwife, profile=profile)
    question = vraagbaak_factories.question("Een vraag in beoordeling", author=s.midwife, state=QuestionState.IN_REVIEW)
    people: dict[str, User | None] = {"anon": None, "allowed": s.midwife}
    for persona in ("receiver_before", "receiver", "receiver_revoked"):
        people[persona] = s.worker
    people["pw_only"] = UserFactory.create(roles=[Role.PROFESSIONAL], with_totp=True)
    for role in Role:
        people[role.value] = _verified(role)
    moderator = people["moderator"]
    assert moderator is not None
    vraagbaak.member_join(user=moderator, profile=vraagbaak.Profile(organisation=organisation(), function="Moderator"))
    world = World(
        family=s.family,
        service=s.service,
        task=Task.objects.filter(family=s.family).order_by("pk").first() or task.created[0],
        question=question,
        people=people,
        referral={"receiver_before": concept, "receiver_revoked": revoked, "allowed": sent, "receiver": sent},
    )
    for persona in PERSONAS:
        r = world.referral_for(persona)
        world.tokens[persona] = referrals.answer_link_create(referral=r, email="partner@example.org")
    assert AnswerLink.objects.count() >= 1
    return world


def client_for(user: User | None, *, second_factor: bool) -> Client:
    """A signed-in browser for `user`: after the password step, and after the code step when
    `second_factor` (the login pages themselves are tested in accounts)."""
    client = Client()
    if user is None:
        return client
    client.force_login(user)
    session = client.session
    stamp = clock.now().isoformat()
    session[LOGIN_AT_KEY], session[LAST_SEEN_KEY] = stamp, stamp  # as the password step does
    if second_factor:
        device = TOTPDevice.objects.get(user=user, confirmed=True)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def kwargs_value(name: str, route: str, world: World, persona: str) -> Any:
    """The value of URL parameter `name` in `route` for `persona`."""
    referral = world.referral_for(persona)
    if name == "pk":
        if "verwijzingen/" in route and "gezinnen/" not in route:
            return referral.pk
        if "toestemmingen/" in route and "gezinnen/" not in route:
            return referral.consent_id or 0
        if route.startswith(("taken/", "api/v1/taken/")):
            return world.task.pk
        if "vraagbaak/" in route:
            return world.question.pk
        if route.startswith("kaart/organisatie/") or "organizations" in route or "organisaties" in route:
            return world.service.organization_id
        if route.startswith("kaart/locatie/") or "locations" in route:
            location = world.service.locations.first() if hasattr(world.service, "locations") else None
            return getattr(location, "pk", "00000000-0000-0000-0000-000000000000")
        if route.startswith(("kaart/", "api/kaart/")):
            return world.service.pk
        return world.family.pk
    values: dict[str, Any] = {
        "token": world.tokens[persona],
        "kind": "kind",
        "slug": "geldzorgen",
        "uidb64": "MQ",
        "token_id": 999999,
        "postcode": "1102AB",
        "code": "T",
        "format": "json",
        "object_id": world.family.pk,
        "content_type_id": "1",
        "url": "onbekend/",
        "app_label": "accounts",
    }
    if name == "token" and ("wachtwoord" in route or "bevestigen" in route):
        return "onbekend-token"
    return values[name]
