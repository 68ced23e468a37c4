"""The plan is made with the family by its care team."""

from __future__ import annotations

import rules

from kansrijk.families.permissions import is_in_care_team, works_with_families

rules.add_perm("plans.change_plan", works_with_families & is_in_care_team)
rules.add_perm("plans.view_plan", works_with_families & is_in_care_team)
