"""Signalling is done by the family's care team; the meldcode is visible to the whole care team."""

from __future__ import annotations

import rules

from kansrijk.families.permissions import is_in_care_team, works_with_families

rules.add_perm("signalling.add_assessment", works_with_families & is_in_care_team)
rules.add_perm("signalling.view_assessment", works_with_families & is_in_care_team)
rules.add_perm("signalling.record_meldcode", works_with_families & is_in_care_team)
