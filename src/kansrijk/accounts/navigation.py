"""Role-aware navigation: each item is shown when the user holds its permission (rules)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.selectors import second_factor_verified, user_requires_second_factor


@dataclass(frozen=True)
class NavItem:
    label: Promise
    url_name: str
    permission: str | None = None  # None: every signed-in user


NAVIGATION: tuple[NavItem, ...] = (
    NavItem(_("Start"), "accounts:start"),
    NavItem(_("Mijn taken"), "pathways:worklist", "pathways.view_worklist"),
    NavItem(_("Gezinnen"), "dossier:family_list", "families.list_families"),
    NavItem(_("Verwijzingen"), "referrals:referrals_mine", "referrals.use_inbox"),
    NavItem(_("Inbox"), "referrals:referral_inbox", "referrals.use_inbox"),
    NavItem(_("Regie"), "regie:dashboard", "regie.view_dashboard"),
    NavItem(_("Route"), "pathways:pathway", "pathways.publish_pathway"),
    NavItem(_("Kaart"), "kaart:search"),
    NavItem(_("Kaart bijhouden"), "kaart:editor", "kaart.edit_map"),
    NavItem(_("Vraagbaak"), "vraagbaak:index"),
    NavItem(_("Moderatie"), "vraagbaak:moderation", "vraagbaak.moderate"),
    NavItem(_("Mijn account"), "accounts:account"),
    NavItem(_("Beheer"), "beheer:index", "core.use_admin"),
    NavItem(_("Auditlog"), "core:audit_log", "core.view_audit_log"),
    NavItem(_("Privacy"), "privacy:start", "privacy.handle_request"),
    NavItem(_("API"), "api-docs"),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    if not second_factor_verified(user=user) and user_requires_second_factor(user=user):
        return {"navigation": []}
    items = []
    for item in NAVIGATION:
        if item.permission and not user.has_perm(item.permission):
            continue
        url = reverse(item.url_name)
        items.append({"label": item.label, "url": url, "current": False})
    # The current item is the one with the longest address the page lies under ("/kaart/redactie/"
    # belongs to "Kaart bijhouden", not also to "Kaart").
    matching = [
        i for i in items if request.path == i["url"] or (i["url"] != "/" and request.path.startswith(str(i["url"])))
    ]
    if matching:
        max(matching, key=lambda i: len(str(i["url"])))["current"] = True
    return {"navigation": items}
