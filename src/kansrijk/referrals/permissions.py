"""Who may do what with a referral.

The referring side is the family's care team (the referrer included). The receiving side is the named
professional, or the people of the organisation that offers the service. The receiving side never
sees the family file: only the referral and the data the parents consented to share with it.
"""

from __future__ import annotations

from typing import Any

import rules

from kansrijk.accounts.permissions import (
    is_mdo_voorzitter,
    is_professional,
    is_regiehouder,
    is_second_factor_verified,
    organisation_ids_of,
)
from kansrijk.families.permissions import is_in_care_team
from kansrijk.referrals.models import Referral, ReferralStatus


@rules.predicate
def is_referring_side(user: Any, referral: Any) -> bool:
    return isinstance(referral, Referral) and bool(is_in_care_team(user, referral.family))


@rules.predicate
def is_receiving_side(user: Any, referral: Any) -> bool:
    if not isinstance(referral, Referral) or not getattr(user, "is_authenticated", False):
        return False
    if referral.sent_at is None or referral.status in (ReferralStatus.CONCEPT, ReferralStatus.WAITING_CONSENT):
        return False  # nothing reaches the receiving side before it is sent (also not once stopped unsent)
    if referral.professional_id is not None:
        return bool(referral.professional_id == user.pk)
    return referral.receiving_organisation_id is not None and referral.receiving_organisation_id in (
        organisation_ids_of(user)
    )


works = (is_professional | is_regiehouder | is_mdo_voorzitter) & is_second_factor_verified

rules.add_perm("referrals.view_referral", works & (is_referring_side | is_receiving_side))
rules.add_perm("referrals.refer", works & is_referring_side)
rules.add_perm("referrals.answer", works & is_receiving_side)
rules.add_perm("referrals.handover", works & (is_referring_side | is_receiving_side))
rules.add_perm("referrals.use_inbox", works)
