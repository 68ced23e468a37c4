"""The authorisation matrix: every route of the URLconf, with GET and POST, tried by every kind of visitor
(`world.PERSONAS`), against one table of expected outcomes (`EXPECTED`).

A cell says what the visitor gets:
  o  served (2xx, a redirect that is not to the login, or a validation error: the request got through)
  l  sent to sign in or to the second factor (302 to the login pages, or 401)
  d  refused (403 or 404)
  -  the method does not exist for this route (405)
Some "o" cells are a page that serves a different person differently (a Vraagbaak question shows a
non-member the way to join, never the question); some "d" cells of reference data are a 404 for an id
that does not exist. A new route without a row fails the build, and so does a cell that changed. A
refusal of a signed-in visitor on a route that shows personal data must leave a `denied` entry in the
audit trail; input a page never sends (an unknown action) is a 400, not a refusal.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from freezegun import freeze_time

from kansrijk.core.audited import PERSONAL_DATA, policy_of
from kansrijk.core.models import AuditAction, AuditEntry
from tests.security import world as w

pytestmark = pytest.mark.django_db

METHODS_ALL = ("GET", "POST", "PUT", "PATCH", "DELETE")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


def _key(route: str) -> str:
    """A route as written in the table: the URLconf pattern without regex anchors."""
    return re.sub(r"(?<!\[)\^", "", route).replace("$", "")


ROUTES = {_key(route): (namespace, pattern) for route, namespace, pattern in _walk(get_resolver().url_patterns)}


def _params(route: str, pattern: URLPattern) -> list[str]:
    names = list(pattern.pattern.regex.groupindex)
    return names or re.findall(r"<(?:\w+:)?(\w+)>", route)


def _address(route: str, world: w.World, persona: str) -> str:
    namespace, pattern = ROUTES[route]
    kwargs = {name: w.kwargs_value(name, route, world, persona) for name in _params(route, pattern)}
    if pattern.name is None:  # unnamed admin fallbacks: build the address from the route itself
        address = route
        for name, value in kwargs.items():
            address = re.sub(r"\(\?P<" + name + r">[^)]*\)|<(?:\w+:)?" + name + ">", str(value), address)
        return "/" + address.replace("\\", "").replace(".*", "")
    name = f"{namespace}:{pattern.name}" if namespace else pattern.name
    return reverse(name, kwargs=kwargs)


def outcome(response: HttpResponse) -> str:
    code = response.status_code
    if code == 405:
        return "-"
    if code == 401:
        return "l"
    if code in (301, 302, 303) and any(
        part in response.get("Location", "") for part in ("/inloggen/", "/beheer/login/")
    ):
        return "l"
    if code in (403, 404):
        return "d"
    if code >= 500:
        return "!"
    return "o"


# One row per route and method: a cell per visitor, in the order of `world.PERSONAS`:
#   anon, pw_only, professional, regiehouder, mdo_voorzitter, moderator, kaart_redacteur, programmateam,
#   beheerder, receiver_before, receiver, receiver_revoked, allowed
EXPECTED: dict[str, dict[str, str]] = {
    "": {"GET": "olooooooooooo"},
    "account/": {"GET": "llooooooooooo"},
    "account/api-token/": {"POST": "llooooooooooo"},
    "account/api-tokens/<int:token_id>/intrekken/": {"POST": "llddddddddddd"},
    "account/api-tokens/intrekken/": {"POST": "llooooooooooo"},
    "account/herstelcodes/": {"POST": "llooooooooooo"},
    "account/organisatie/": {"GET": "-l-----------", "POST": "llooooooooooo"},
    "account/sessie/": {"GET": "ooooooooooooo", "POST": "ooooooooooooo"},
    "api/docs/": {"GET": "olooooooooooo"},
    "api/kaart/locations/": {"GET": "olooooooooooo"},
    "api/kaart/locations/(?P<pk>[^/.]+)/": {"GET": "dlddddddddddd"},
    "api/kaart/organizations/": {"GET": "olooooooooooo"},
    "api/kaart/organizations/(?P<pk>[^/.]+)/": {"GET": "olooooooooooo"},
    "api/kaart/search/": {"GET": "olooooooooooo"},
    "api/kaart/services/": {"GET": "olooooooooooo"},
    "api/kaart/services/(?P<pk>[^/.]+)/": {"GET": "olooooooooooo"},
    "api/kaart/taxonomies/": {"GET": "olooooooooooo"},
    "api/kaart/taxonomies/(?P<pk>[^/.]+)/": {"GET": "dlddddddddddd"},
    "api/kaart/taxonomy_terms/": {"GET": "olooooooooooo"},
    "api/kaart/taxonomy_terms/(?P<pk>[^/.]+)/": {"GET": "dlddddddddddd"},
    "api/schema/": {"GET": "olooooooooooo"},
    "api/v1/": {"GET": "llooooooooooo"},
    "api/v1/<drf_format_suffix:format>": {"GET": "llooooooooooo"},
    "api/v1/auditlog/": {"GET": "llddddddodddd"},
    "api/v1/gebieden/": {"GET": "olooooooooooo"},
    "api/v1/gebieden/(?P<code>[^/.]+)/": {"GET": "dlddddddddddd"},
    "api/v1/gebieden/(?P<code>[^/.]+)\\.(?P<format>[a-z0-9]+)/?": {"GET": "dlddddddddddd"},
    "api/v1/gebieden\\.(?P<format>[a-z0-9]+)/?": {"GET": "olooooooooooo"},
    "api/v1/gezinnen/": {"GET": "lloooddddoooo", "POST": "lloooddddoooo"},
    "api/v1/gezinnen/<int:pk>/": {"GET": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/gesprekken/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/meldcode/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/plan/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/regie/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/toestemmingen/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/gezinnen/<int:pk>/verwijzingen/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "api/v1/mij/": {"GET": "llooooooooooo"},
    "api/v1/mij/api-tokens/": {"GET": "llooooooooooo", "DELETE": "llooooooooooo"},
    "api/v1/mij/api-tokens/<int:token_id>/": {"DELETE": "llddddddddddd"},
    "api/v1/organisaties/": {"GET": "llooooooooooo"},
    "api/v1/organisaties/(?P<pk>[^/.]+)/": {"GET": "llddddddddddd"},
    "api/v1/organisaties/(?P<pk>[^/.]+)\\.(?P<format>[a-z0-9]+)/?": {"GET": "llddddddddddd"},
    "api/v1/organisaties\\.(?P<format>[a-z0-9]+)/?": {"GET": "llooooooooooo"},
    "api/v1/postcodes/<str:postcode>/": {"GET": "olooooooooooo"},
    "api/v1/regie/": {"GET": "lldoddddddddd"},
    "api/v1/route/": {"GET": "llooooooooooo"},
    "api/v1/stadsdelen/": {"GET": "olooooooooooo"},
    "api/v1/stadsdelen/(?P<code>[^/.]+)/": {"GET": "olooooooooooo"},
    "api/v1/stadsdelen/(?P<code>[^/.]+)\\.(?P<format>[a-z0-9]+)/?": {"GET": "olooooooooooo"},
    "api/v1/stadsdelen\\.(?P<format>[a-z0-9]+)/?": {"GET": "olooooooooooo"},
    "api/v1/taken/": {"GET": "lloooddddoooo"},
    "api/v1/taken/<int:pk>/klaar/": {"POST": "llddddddddddo"},
    "api/v1/toestemmingen/<int:pk>/intrekken/": {"POST": "llddddddddddo"},
    "api/v1/verwijzingen/": {"GET": "lloooddddoooo"},
    "api/v1/verwijzingen/<int:pk>/": {"GET": "llddddddddooo"},
    "api/v1/verwijzingen/<int:pk>/gedeeld/": {"GET": "llddddddddodo"},
    "api/v1/verwijzingen/<int:pk>/stappen/": {"GET": "llddddddddooo", "POST": "llddddddddooo"},
    "api/v1/verwijzingen/inbox/": {"GET": "lloooddddoooo"},
    "api/v1/vraagbaak/anonimiteit/": {"POST": "lldddoddddddo"},
    "api/v1/vraagbaak/vragen/": {"GET": "lldddoddddddo", "POST": "lldddoddddddo"},
    "api/v1/vraagbaak/vragen/<int:pk>/": {"GET": "lldddoddddddo"},
    "api/v1/vraagbaak/vragen/<int:pk>/antwoorden/": {"POST": "lldddoddddddo"},
    "beheer/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/(?P<app_label>accounts|kaart)/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/(?P<url>.*)": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/accounts/organisation/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/organisation/<path:object_id>/": {
        "GET": "llllllllollll",
        "POST": "llllllllollll",
        "PUT": "llllllllollll",
        "PATCH": "llllllllollll",
        "DELETE": "llllllllollll",
    },
    "beheer/accounts/organisation/<path:object_id>/change/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/organisation/<path:object_id>/delete/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/accounts/organisation/<path:object_id>/history/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/organisation/add/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/user/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/user/<path:object_id>/": {
        "GET": "llllllllollll",
        "POST": "llllllllollll",
        "PUT": "llllllllollll",
        "PATCH": "llllllllollll",
        "DELETE": "llllllllollll",
    },
    "beheer/accounts/user/<path:object_id>/change/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/user/<path:object_id>/delete/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/accounts/user/<path:object_id>/history/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/accounts/user/add/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/autocomplete/": {"GET": "lllllllldllll", "POST": "llllllll-llll"},
    "beheer/jsi18n/": {"GET": "llllllllollll", "POST": "llllllll-llll"},
    "beheer/kaart/kaartorganization/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/kaart/kaartorganization/<path:object_id>/": {
        "GET": "llllllllollll",
        "POST": "llllllllollll",
        "PUT": "llllllllollll",
        "PATCH": "llllllllollll",
        "DELETE": "llllllllollll",
    },
    "beheer/kaart/kaartorganization/<path:object_id>/change/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/kaart/kaartorganization/<path:object_id>/delete/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/kaart/kaartorganization/<path:object_id>/history/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/kaart/kaartorganization/add/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/kaart/service/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/kaart/service/<path:object_id>/": {
        "GET": "llllllllollll",
        "POST": "llllllllollll",
        "PUT": "llllllllollll",
        "PATCH": "llllllllollll",
        "DELETE": "llllllllollll",
    },
    "beheer/kaart/service/<path:object_id>/change/": {"GET": "llllllllollll", "POST": "lllllllldllll"},
    "beheer/kaart/service/<path:object_id>/delete/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/kaart/service/<path:object_id>/history/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/kaart/service/add/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "beheer/login/": {"GET": "olooooooooooo", "POST": "olooooooooooo"},
    "beheer/logout/": {"GET": "oloooooo-oooo", "POST": "olooooooloooo"},
    "beheer/password_change/": {"GET": "llllllllollll", "POST": "llllllllollll"},
    "beheer/password_change/done/": {"GET": "llllllllollll", "POST": "llllllll-llll"},
    "beheer/r/<path:content_type_id>/<path:object_id>/": {"GET": "lllllllldllll", "POST": "lllllllldllll"},
    "gezinnen/": {"GET": "lloooddddoooo"},
    "gezinnen/<int:pk>/": {"GET": "llddddddddddo"},
    "gezinnen/<int:pk>/gesprek/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/meldcode/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/noodtoegang/": {"GET": "lloodddddoooo", "POST": "lloodddddoooo"},
    "gezinnen/<int:pk>/plan/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/plan/afdrukken/": {"GET": "llddddddddddo"},
    "gezinnen/<int:pk>/regiehouder/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/toevoegen/<slug:kind>/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/verwijzen/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/<int:pk>/verwijzingen/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "gezinnen/nieuw/": {"GET": "lloooddddoooo", "POST": "lloooddddoooo"},
    "healthz": {"GET": "ooooooooooooo", "POST": "-------------"},
    "inloggen/": {"GET": "ooooooooooooo", "POST": "ooooooooooooo", "PUT": "ooooooooooooo"},
    "inloggen/app-instellen/": {"GET": "llooooooooooo", "POST": "llooooooooooo", "PUT": "llooooooooooo"},
    "inloggen/code/": {"GET": "loooooooooooo", "POST": "loooooooooooo", "PUT": "loooooooooooo"},
    "inloggen/nieuw-wachtwoord/<uidb64>/<token>/": {
        "GET": "ooooooooooooo",
        "POST": "ooooooooooooo",
        "PUT": "ooooooooooooo",
    },
    "inloggen/nieuw-wachtwoord/klaar/": {"GET": "ooooooooooooo"},
    "inloggen/wachtwoord-vergeten/": {"GET": "ooooooooooooo", "POST": "ooooooooooooo", "PUT": "ooooooooooooo"},
    "inloggen/wachtwoord-vergeten/verstuurd/": {"GET": "ooooooooooooo"},
    "kaart/": {"GET": "olooooooooooo"},
    "kaart/aanbod/<uuid:pk>/": {"GET": "olooooooooooo"},
    "kaart/flyer/": {"GET": "olooooooooooo"},
    "kaart/locatie/<uuid:pk>/": {"GET": "dlddddddddddd"},
    "kaart/organisatie/<uuid:pk>/": {"GET": "olooooooooooo"},
    "kaart/redactie/": {"GET": "llddddodddddd"},
    "kaart/redactie/aanbod/<uuid:pk>/": {"GET": "llddddddddddd", "POST": "llddddddddddd"},
    "kaart/redactie/b1-check/": {"POST": "llddddodddddd"},
    "privacy/": {"GET": "llddddddodddd"},
    "privacy/gezinnen/<int:pk>/": {"GET": "llddddddodddd", "POST": "llddddddodddd"},
    "privacy/gezinnen/<int:pk>/export.json": {"GET": "llddddddodddd"},
    "privacy/gezinnen/<int:pk>/samenvatting.pdf": {"GET": "llddddddodddd"},
    "privacy/noodtoegang/": {"GET": "llddddddodddd", "POST": "llddddddodddd"},
    "regie/": {"GET": "lldoddddddddd"},
    "regie/profiel/": {"GET": "lldoddddddddd", "POST": "lldoddddddddd"},
    "route/": {"GET": "llooooooooooo"},
    "route/bewerken/": {"GET": "lldddddoddddd", "POST": "lldddddoddddd"},
    "taal/": {"GET": "-------------", "POST": "ooooooooooooo"},
    "taken/": {"GET": "lloooddddoooo"},
    "taken/<int:pk>/klaar/": {"GET": "llddddddddddo", "POST": "llddddddddddo"},
    "toezicht/auditlog/": {"GET": "llddddddodddd"},
    "uitloggen/": {"POST": "lllllllllllll"},
    "v/<str:token>/": {"GET": "olooooooooooo", "POST": "olooooooooooo"},
    "verwijzingen/": {"GET": "lloooddddoooo", "POST": "lloooddddoooo"},
    "verwijzingen/<int:pk>/": {"GET": "llddddddddooo", "POST": "llddddddddooo"},
    "verwijzingen/inbox/": {"GET": "lloooddddoooo", "POST": "lloooddddoooo"},
    "verwijzingen/kwijt/": {"GET": "lloooddddoooo"},
    "verwijzingen/nieuw/": {"GET": "lloooddddoooo"},
    "vraagbaak/": {"GET": "llooooooooooo"},
    "vraagbaak/aanmelden/": {"GET": "olooooooooooo", "POST": "olooooooooooo"},
    "vraagbaak/aanmelden/bevestigen/<str:token>/": {"GET": "olooooooooooo", "POST": "olooooooooooo"},
    "vraagbaak/berichten/": {"GET": "llooooooooooo"},
    "vraagbaak/domeinen/": {"GET": "llddddddodddd", "POST": "llddddddodddd"},
    "vraagbaak/leden/": {"GET": "lldddoddddddo"},
    "vraagbaak/lid-worden/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
    "vraagbaak/mijn-vragen/": {"GET": "llooooooooooo"},
    "vraagbaak/moderatie/": {"GET": "lldddoddddddd", "POST": "lldddoddddddd"},
    "vraagbaak/profiel/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
    "vraagbaak/vragen/<int:pk>/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
    "vraagbaak/vragen/<int:pk>/bewerken/": {"GET": "lldddoddddddd", "POST": "lldddoddddddd"},
    "vraagbaak/vragen/<int:pk>/terugkoppeling/": {"GET": "llooodooooooo", "POST": "llooodooooooo"},
    "vraagbaak/vragen/nieuw/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
    "vraagbaak/vragen/vergelijkbaar/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
    "vraagbaak/zorgoverleg/": {"GET": "llooooooooooo"},
    "vraagbaak/zorgoverleg/<slug:slug>/": {"GET": "llooooooooooo", "POST": "llooooooooooo"},
}


@pytest.fixture(autouse=True)
def frozen() -> Iterator[None]:
    with freeze_time("2026-11-23 10:00:00", tick=True):
        yield


def _methods(callback: Any) -> tuple[str, ...]:
    """The methods a route answers: a DRF viewset's actions, a class-based view's handlers (among the
    methods it allows); function views (the admin, health) are asked GET and POST."""
    actions = getattr(callback, "actions", None)
    if actions:
        return tuple(m.upper() for m in METHODS_ALL if m.lower() in actions)
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view is None:
        return ("GET", "POST")
    return tuple(m for m in METHODS_ALL if hasattr(view, m.lower()) and m.lower() in view.http_method_names)


def _request(client: Client, method: str, address: str) -> Any:
    if method in ("GET", "DELETE"):
        return client.generic(method, address)
    if method == "POST":
        return client.post(address, {})
    return client.generic(method, address, "{}", content_type="application/json")


def _run(route: str, world: w.World, clients: dict[str, Client]) -> tuple[dict[str, str], list[str]]:
    rows: dict[str, list[str]] = {}
    unaudited = []
    callback = ROUTES[route][1].callback
    sees_personal_data = policy_of(callback) == PERSONAL_DATA
    for persona in w.PERSONAS:
        user = world.people[persona]
        address = _address(route, world, persona)
        client = clients[persona]
        for method in _methods(callback):
            denied_before = AuditEntry.objects.filter(action=AuditAction.DENIED).count()
            cookies = copy.deepcopy(client.cookies)  # a sign-out clears the cookie; the next request has it
            with transaction.atomic():  # what one request changes does not reach the next
                cell = outcome(_request(client, method, address))
                client.cookies = cookies
                refused_unaudited = (
                    cell == "d"
                    and user is not None
                    and sees_personal_data
                    and AuditEntry.objects.filter(action=AuditAction.DENIED).count() == denied_before
                )
                transaction.set_rollback(True)
            rows.setdefault(method, []).append(cell)
            if refused_unaudited:
                unaudited.append(f"{method} {persona}")
    return {method: "".join(cells) for method, cells in rows.items()}, unaudited


def test_every_route_has_a_row() -> None:
    missing = sorted(set(ROUTES) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(ROUTES))
    assert not missing and not stale, f"routes without a row: {missing}; rows without a route: {stale}"


def test_the_matrix() -> None:
    """One world for all routes; every request runs in a savepoint that is rolled back, so what one request
    changes (a consent withdrawn, a token revoked) does not leak into the next."""
    world = w.build()
    clients = {}
    for persona in w.PERSONAS:
        # Sessions live in the database: a sign-out inside a request's savepoint is rolled back with it.
        clients[persona] = w.client_for(world.people[persona], second_factor=persona != "pw_only")
        clients[persona].raise_request_exception = False  # a server error is a cell ("!"), reported below
    wrong, errors, unaudited = [], [], []
    for route in sorted(ROUTES):
        cache.clear()  # rate-limit counters start afresh for every route
        got, refused = _run(route, world, clients)
        if any("!" in cells for cells in got.values()):
            errors.append(f"{route}: {got}")
        if got != EXPECTED.get(route):
            wrong.append(f"    {route!r}: {got!r},  # was {EXPECTED.get(route)!r}")
        unaudited += [f"{route}: {r}" for r in refused]
    assert not errors, "server errors:\n" + "\n".join(errors)
    assert not wrong, "cells that differ from the table:\n" + "\n".join(wrong)
    assert not unaudited, "refusals not audited:\n" + "\n".join(unaudited)
