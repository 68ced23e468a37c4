"""Who may handle a family's data-subject request (export, erase, anonymise): the privacy officer, that
is the beheerder with a verified second factor. Nobody in a care team can do this from the family file."""

from __future__ import annotations

import rules

from kansrijk.accounts.permissions import can_administer

rules.add_perm("privacy.handle_request", can_administer)
