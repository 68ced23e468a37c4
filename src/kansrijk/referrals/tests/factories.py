"""Test data for referrals: a family with a parent, a receiving organisation with a service on the
Kaart and a professional there, and referrals brought to each state through the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from kansrijk.accounts.models import Membership, Organisation, OrganisationKind, User
from kansrijk.consent.models import ConsentMethod, DataCategory
from kansrijk.core import clock
from kansrijk.families import services as family_services
from kansrijk.families.models import Caregiver, CaregiverRole, Family
from kansrijk.families.tests.factories import open_family, professional
from kansrijk.kaart.models import Service
from kansrijk.kaart.tests.factories import make_organization, make_service
from kansrijk.referrals import services
from kansrijk.referrals.models import HandoverMode, Referral, ReferralStatus

S = ReferralStatus
_n = {"n": 0}


@dataclass
class Setting:
    family: Family
    parent: Caregiver
    midwife: User
    buurtteam: Organisation
    worker: User
    service: Service


def setting(*, email: str = "") -> Setting:
    _n["n"] += 1
    n = _n["n"]
    midwife = professional(full_name=f"Verloskundige {n}")
    family = open_family(by=midwife, name=f"Meriam en Micha {n} (demo)")
    parent = family_services.caregiver_add(
        family=family,
        by=midwife,
        data=family_services.CaregiverData(given_name="Meriam", role=CaregiverRole.MOEDER, phone="0612345678"),
    )
    buurtteam = Organisation.objects.create(name=f"Buurtteam Test {n}", kind=OrganisationKind.SOCIAAL)
    worker = professional(full_name=f"Sam Buurtteam {n}")
    Membership.objects.create(user=worker, organisation=buurtteam)
    service = make_service(
        f"Hulp bij geldzorgen {n}",
        organization=make_organization(f"Buurtteam {n}", managed_by=buurtteam),
        categories=("geldzorgen-en-schulden",),
        whole_city=True,
        email=email,
    )
    return Setting(family, parent, midwife, buurtteam, worker, service)


def consented(s: Setting, referral: Referral, categories: tuple[str, ...] = tuple(DataCategory.values)) -> Referral:
    services.referral_consent(
        referral=referral,
        by=s.midwife,
        given_by=s.parent,
        categories=categories,
        method=ConsentMethod.SPOKEN,
        valid_until=clock.local_date() + timedelta(days=365),
    )
    referral.refresh_from_db()
    return referral


def referral_in(s: Setting, state: str, *, handover: str = HandoverMode.IN_PERSON) -> Referral:
    """A referral brought to `state` along the usual path."""
    r = services.referral_draft(
        family=s.family,
        by=s.midwife,
        reason="Wij hebben schulden en zijn bang voor de rekeningen",
        service=s.service,
        handover_preference=handover,
    )
    if state == S.CONCEPT:
        return r
    if state == S.WAITING_CONSENT:
        return services.referral_await_consent(referral=r, by=s.midwife)
    r = services.referral_send(referral=consented(s, r), by=s.midwife)
    if state == S.SENT:
        return r
    if state == S.DECLINED:
        return services.referral_decline(referral=r, by=s.worker, reason="geen_capaciteit")
    r = services.referral_accept(referral=r, by=s.worker)
    if state == S.ACCEPTED:
        return r
    if state == S.STOPPED:
        return services.referral_stop(referral=r, by=s.worker, reason="ouder_wil_niet")
    r = services.referral_handover_plan(referral=r, by=s.worker, data=handover_data())
    if state == S.HANDOVER_PLANNED:
        return r
    r = services.referral_handover_done(referral=r, by=s.worker, mode=HandoverMode.IN_PERSON, parents_present=True)
    if state == S.HANDOVER_DONE:
        return r
    r = services.referral_help_start(referral=r, by=s.worker)
    if state == S.HELP_STARTED:
        return r
    assert state == S.COMPLETED
    return services.referral_complete(referral=r, by=s.worker)


def handover_data() -> services.HandoverData:
    return services.HandoverData(
        mode=HandoverMode.IN_PERSON,
        planned_at=clock.now() + timedelta(days=2),
        place="Buurtteam Nieuw-West, Osdorpplein 1",
        participants="Meriam en Micha, de verloskundige, Sam van het buurtteam",
        summary="Zorgen over rekeningen; wil graag samen een overzicht maken.",
        interpreter=False,
    )


PARTNER_EMAIL = "hallo@kleinbegin.example"


def partner_referral(s: Setting) -> Referral:
    """A draft referral to a small partner without an account (a Kaart service with only an email
    address), who will answer through a personal link."""
    informal = make_service(
        "Babyspullen Samen (demo)",
        organization=make_organization("Stichting Klein Begin"),
        whole_city=True,
        email=PARTNER_EMAIL,
    )
    return services.referral_draft(
        family=s.family,
        by=s.midwife,
        reason="Wij hebben geen kinderwagen",
        service=informal,
        handover_preference="geen",
    )
