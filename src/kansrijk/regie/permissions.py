"""Who may do what with regie."""

from __future__ import annotations

import rules

from kansrijk.accounts.permissions import can_administer, is_regiehouder, is_second_factor_verified, is_self
from kansrijk.families.permissions import is_in_care_team, works_with_families

# Proposing and confirming a regiehouder, and handing regie over: the family's care team.
rules.add_perm("regie.assign", works_with_families & is_in_care_team)
# The pool: each regiehouder keeps their own capacity, languages and areas (the object is the person whose
# profile it is); a beheerder all of them.
rules.add_perm("regie.change_profile", (is_regiehouder & is_self & is_second_factor_verified) | can_administer)
rules.add_perm("regie.view_dashboard", works_with_families & is_regiehouder)
