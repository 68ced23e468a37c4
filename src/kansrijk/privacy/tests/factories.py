"""A family with something of everything (parent, child, network, conversation, plan, consent,
referral with its history and handover, a break-the-glass), made through the real services."""

from __future__ import annotations

from datetime import date

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.families import services as family_services
from kansrijk.families.models import Family
from kansrijk.families.tests.factories import professional, verified
from kansrijk.plans import services as plan_services
from kansrijk.referrals.models import ReferralStatus
from kansrijk.referrals.tests.factories import Setting, referral_in, setting
from kansrijk.signalling.services import ObservationInput, assessment_record

PHONE = "0612345678"


def beheerder() -> User:
    return verified(UserFactory.create(roles=[Role.BEHEERDER], with_totp=True))


def full_family() -> tuple[Family, Setting]:
    """Call inside a frozen clock (the pathway plans working days from today)."""
    s = setting()
    family, midwife = s.family, s.midwife
    family_services.child_add(family=family, by=midwife, given_name="Noor", birth_date=date(2026, 11, 9))
    family_services.network_member_add(
        family=family, by=midwife, name="Fatima", relation="zus", helps_with="Boodschappen", contact="0687654321"
    )
    assessment_record(
        family=family,
        by=midwife,
        conversation_on=date(2026, 11, 20),
        observations=[ObservationInput("stress", True, "Meriam slaapt slecht")],
        strengths_note="Meriam zorgt liefdevol voor Noor",
    )
    goal = plan_services.goal_add(family=family, by=midwife, domain="geld", text="Meriam wil rust over de rekeningen")
    plan_services.action_add(goal=goal, by=midwife, what="Samen een overzicht maken", who="Meriam en Sam")
    referral_in(s, ReferralStatus.HANDOVER_PLANNED)
    family_services.break_glass_open(
        family=family, by=professional(), reason="Kind mogelijk in gevaar en het zorgteam is niet bereikbaar."
    )
    return family, s
