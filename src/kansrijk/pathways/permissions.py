"""Who may do what with pathways and tasks."""

from __future__ import annotations

import rules

from kansrijk.accounts.permissions import is_programmateam, is_second_factor_verified
from kansrijk.families.permissions import is_in_care_team, works_with_families

# The programme team edits the pathway. It holds no personal data, but publishing it changes the work of
# every professional: always with a proven second factor, also for a password-only account.
rules.add_perm("pathways.publish_pathway", is_programmateam & is_second_factor_verified)
rules.add_perm("pathways.view_pathway", rules.is_authenticated)
rules.add_perm("pathways.change_task", works_with_families & is_in_care_team)
rules.add_perm("pathways.view_worklist", works_with_families)
