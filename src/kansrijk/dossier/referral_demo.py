"""Demo referrals (fictional, like every demo family; the service, texts and questions are in
dossier/data/demo/referrals.yaml): Meriam and Micha's question about money waits in
the inbox of Buurtteam Nieuw-West, where the demo login `buurtteam@demo.kansrijk.test` answers it, and
generated families have referrals in every state of the loop, some of them late.

Everything goes through the referral services (consent first, audited), acting as the demo professionals.
Only afterwards are some send dates moved back, written directly on the rows (not an action of anyone,
so not audited), so that the service levels show late and very late referrals from the first day; and
the notices are marked as emailed, because the demo people are fictional.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kansrijk.accounts.models import User
from kansrijk.consent.models import ConsentMethod, DataCategory
from kansrijk.core import clock
from kansrijk.families.models import Family
from kansrijk.kaart.demo import assign_demo_editors
from kansrijk.kaart.models import Service, ServiceStatus
from kansrijk.notify.models import Notice
from kansrijk.referrals import services
from kansrijk.referrals.models import HandoverMode, Referral, ReferralEvent, ReferralStatus

if TYPE_CHECKING:
    from kansrijk.dossier.demo.data import ReferralData

S = ReferralStatus


def referral_data() -> ReferralData:
    # Imported here: the dossier.demo package imports this module while it initialises.
    from kansrijk.dossier.demo.data import referral_data as read

    return read()


# The generated loop: how many referrals end in each state (of every 10).
STATES = (
    S.SENT,
    S.SENT,
    S.ACCEPTED,
    S.HANDOVER_PLANNED,
    S.HANDOVER_DONE,
    S.HELP_STARTED,
    S.HELP_STARTED,
    S.COMPLETED,
    S.DECLINED,
    S.STOPPED,
)


def _money_service(organisation_name: str) -> Service | None:
    return Service.objects.filter(
        name=referral_data().money_service, organization__name=organisation_name, status=ServiceStatus.ACTIVE
    ).first()


def _consented_and_sent(referral: Referral, by: User, categories: Sequence[str]) -> Referral:
    parent = referral.family.caregivers.order_by("pk").first()
    if parent is None:
        return referral
    services.referral_consent(
        referral=referral,
        by=by,
        given_by=parent,
        categories=categories,
        method=ConsentMethod.SPOKEN,
        valid_until=clock.local_date() + timedelta(days=365),
    )
    referral.refresh_from_db()
    return services.referral_send(referral=referral, by=by)


def _advance(referral: Referral, state: str, worker: User, rng: random.Random) -> Referral:
    if state == S.SENT:
        return referral
    if state == S.DECLINED:
        return services.referral_decline(
            referral=referral, by=worker, reason=rng.choice(["geen_capaciteit", "past_niet"])
        )
    referral = services.referral_accept(referral=referral, by=worker)
    if state == S.ACCEPTED:
        return referral
    if state == S.STOPPED:
        return services.referral_stop(referral=referral, by=worker, reason="geen_contact")
    data = services.HandoverData(
        mode=referral.handover_preference if referral.handover_preference != HandoverMode.NONE else HandoverMode.VIDEO,
        planned_at=clock.now() + timedelta(days=rng.randint(1, 6), hours=2),
        place="Buurtteamkantoor",
        home_visit=rng.random() < 0.3,
        participants="De ouders, de verwijzer en de buurtteammedewerker",
        summary=referral.reason,
    )
    referral = services.referral_handover_plan(referral=referral, by=worker, data=data)
    if state == S.HANDOVER_PLANNED:
        return referral
    referral = services.referral_handover_done(
        referral=referral, by=worker, mode=data.mode, parents_present=True, note="Samen kennisgemaakt."
    )
    if state == S.HANDOVER_DONE:
        return referral
    referral = services.referral_help_start(referral=referral, by=worker)
    if state == S.HELP_STARTED:
        return referral
    return services.referral_complete(referral=referral, by=worker, note="Overzicht gemaakt; het lukt weer.")


@dataclass(frozen=True)
class GeneratedLoop:
    families: Sequence[tuple[Family, User, str]]  # family, referrer, stadsdeel code
    buurtteam: dict[str, User]


def referrals_demo_load(
    *,
    rng: random.Random,
    brief_family: Family,
    brief_referrer: User,
    buurtteam_worker: User | None,
    loop: GeneratedLoop,
) -> int:
    """Load the demo referrals of referrals.yaml; returns how many were made."""
    data = referral_data()
    assign_demo_editors()  # the buurtteams made by the family-file demo answer for their services
    made = 0
    service = _money_service(data.brief_referral.organisation)
    if service is not None and buurtteam_worker is not None:
        referral = services.referral_draft(
            family=brief_family, by=brief_referrer, reason=data.brief_referral.reason, service=service
        )
        _consented_and_sent(
            referral, brief_referrer, (DataCategory.CONTACT, DataCategory.HOUSEHOLD, DataCategory.QUESTION)
        )
        made += 1
    now = clock.now()
    late: list[tuple[int, datetime]] = []
    for index, (family, referrer, code) in enumerate(loop.families):
        worker = loop.buurtteam.get(code)
        organisation = worker.organisations.first() if worker else None
        service = _money_service(organisation.name) if organisation else None
        if worker is None or service is None:
            continue
        referral = services.referral_draft(
            family=family,
            by=referrer,
            reason=rng.choice(data.questions),
            service=service,
            handover_preference=rng.choice([HandoverMode.IN_PERSON, HandoverMode.VIDEO, HandoverMode.HYBRID]),
        )
        referral = _consented_and_sent(referral, referrer, (DataCategory.CONTACT, DataCategory.QUESTION))
        state = STATES[index % len(STATES)]
        _advance(referral, state, worker, rng)
        if state == S.SENT and index % 20 == 0:
            late.append((referral.pk, now - timedelta(days=12)))  # very late: no answer for 8 working days
        elif state == S.SENT:
            late.append((referral.pk, now - timedelta(days=rng.choice([0, 1, 4]))))
        made += 1
    for pk, sent_at in late:
        Referral.objects.filter(pk=pk).update(sent_at=sent_at, created_at=sent_at)
        ReferralEvent.objects.filter(referral_id=pk).update(at=sent_at)
    # The demo people are fictional: their notices show in Kansrijk, but no email goes out.
    demo = [str(pk) for pk in Referral.objects.filter(is_demo=True).values_list("pk", flat=True)]
    Notice.objects.filter(object_type="referrals.referral", object_id__in=demo, sent_at__isnull=True).update(
        sent_at=now
    )
    return made
