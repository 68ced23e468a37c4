"""Who may do what on the Kaart (rules). Reading the Kaart is public; editing is for the
`kaart_redacteur`s of the Kansrijk organisation that manages a Kaart organisation."""

from __future__ import annotations

from typing import Any

import rules

from kansrijk.accounts.permissions import (
    can_administer,
    is_kaart_redacteur,
    is_professional,
    is_regiehouder,
    is_second_factor_verified,
    organisation_ids_of,
)


@rules.predicate
def manages_service(user: Any, service: Any) -> bool:
    managed_by = getattr(getattr(service, "organization", None), "managed_by_id", None)
    return managed_by is not None and managed_by in organisation_ids_of(user)


rules.add_perm("kaart.edit_map", is_kaart_redacteur)
rules.add_perm("kaart.change_service", is_kaart_redacteur & manages_service)
# The people of the receiving organisation keep its capacity and waiting time current.
rules.add_perm(
    "kaart.set_capacity",
    ((is_professional | is_regiehouder) & is_second_factor_verified | is_kaart_redacteur) & manages_service,
)
rules.add_perm("kaart.assign_editors", can_administer)
# The administration (accounts.admin.RulesPermissionsMixin asks these names).
rules.add_perm("kaart.view_kaartorganization", can_administer)
rules.add_perm("kaart.change_kaartorganization", can_administer)
rules.add_perm("kaart.view_service", can_administer)
