"""Every screen and endpoint declares whether it shows personal data; those that do are audited.

Forgetting it is a test failure, not a silent gap: the URLconf is walked, every personal-data view is
requested by an allowed person and must leave an audit entry, refusals must leave a `denied` entry,
and a personal-data view that records nothing is not served at all (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.admin import ModelAdmin
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, include, path
from django.views.generic import TemplateView

from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.login import login_verified
from kansrijk.core.admin import AuditedModelAdmin, admin_site
from kansrijk.core.audited import NO_PERSONAL_DATA, PERSONAL_DATA, PersonalDataViewMixin, policy_of
from kansrijk.core.models import AuditAction, AuditEntry

# Third-party views that are part of the platform and hold no personal data of their own.
ADMIN_NAMESPACE = "beheer"


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern.callback


def _routed_views() -> list[tuple[str, str, Any]]:
    return [(route, ns, cb) for route, ns, cb in _walk(get_resolver().url_patterns) if ns != ADMIN_NAMESPACE]


def test_every_routed_view_declares_its_audit_policy():
    undeclared = [route for route, _ns, callback in _routed_views() if policy_of(callback) is None]
    assert undeclared == [], f"views without an audit policy: {undeclared}"


def test_policies_are_known_values():
    for route, _ns, callback in _routed_views():
        assert policy_of(callback) in (PERSONAL_DATA, NO_PERSONAL_DATA), route


def test_every_admin_page_is_audited():
    """Every admin either audits (personal data) or declares that it shows none, like views do."""
    for model, model_admin in admin_site._registry.items():
        declared = getattr(model_admin, "audit_policy", None) == NO_PERSONAL_DATA
        assert isinstance(model_admin, AuditedModelAdmin) or declared, f"{model.__name__} admin is not audited"
        assert isinstance(model_admin, ModelAdmin)


def _family_route(suffix: str, *, discipline: str = "verloskundige") -> Callable[[Any], str]:
    """A page about one family, in whose care team the person is (they open its file)."""

    def make(user: Any) -> str:
        from kansrijk.families.tests.factories import open_family, verified

        family = open_family(by=verified(user), discipline=discipline)
        return f"/gezinnen/{family.pk}/{suffix}"

    return make


def _api_family_route(suffix: str) -> Callable[[Any], str]:
    def make(user: Any) -> str:
        return "/api/v1" + _family_route(suffix)(user)

    return make


def _task_route(user: Any) -> str:
    from kansrijk.families.tests.factories import open_family, verified
    from kansrijk.pathways.services import tasks_plan

    family = open_family(by=verified(user))
    task = tasks_plan(family=family, phase="zwangerschap", level="steuntje", signaleerder=user, by=user).created[0]
    return f"/taken/{task.pk}/klaar/"


def _outside_family_route(prefix: str, suffix: str = "") -> Callable[[Any], str]:
    """A page about a family the person has no care relation with (break-the-glass, privacy officer)."""

    def make(user: Any) -> str:
        from kansrijk.families.tests.factories import open_family

        return f"{prefix}{open_family().pk}/{suffix}"

    return make


def _referral_route(user: Any) -> str:
    """A referral the person made for a family in their care team."""
    from kansrijk.families.tests.factories import open_family, verified
    from kansrijk.kaart.tests.factories import make_organization, make_service
    from kansrijk.referrals.services import referral_draft

    family = open_family(by=verified(user))
    service = make_service("Hulp bij geld", organization=make_organization("Buurtteam"), whole_city=True)
    return f"/verwijzingen/{referral_draft(family=family, by=user, reason='Hulp bij geld', service=service).pk}/"


def _answer_link_route(user: Any) -> str:
    """A partner's personal answer link to a sent referral."""
    from kansrijk.referrals.services import answer_link_create
    from kansrijk.referrals.tests.factories import referral_in, setting

    referral = referral_in(setting(), "verstuurd")
    return f"/v/{answer_link_create(referral=referral, email='partner@example.org')}/"


def _api_received_referral_route(suffix: str) -> Callable[[Any], str]:
    """A sent referral (with the parents' consent) to the organisation the person works for."""

    def make(user: Any) -> str:
        from kansrijk.accounts.models import Membership
        from kansrijk.referrals.tests.factories import referral_in, setting

        s = setting()
        Membership.objects.create(user=user, organisation=s.buurtteam)
        return f"/api/v1/verwijzingen/{referral_in(s, 'verstuurd').pk}/{suffix}"

    return make


def _api_consent_revoke_route(user: Any) -> str:
    """A consent a parent gave for a referral of a family in the person's care team."""
    from datetime import timedelta

    from kansrijk.core import clock
    from kansrijk.families.services import CaregiverData, caregiver_add
    from kansrijk.families.tests.factories import open_family, verified
    from kansrijk.referrals.services import referral_consent, referral_draft
    from kansrijk.referrals.tests.factories import setting

    family = open_family(by=verified(user))
    parent = caregiver_add(family=family, by=user, data=CaregiverData(given_name="Meriam", role="moeder"))
    referral = referral_draft(family=family, by=user, reason="Hulp bij geld", service=setting().service)
    consent = referral_consent(
        referral=referral,
        by=user,
        given_by=parent,
        categories=["contact"],
        method="mondeling",
        valid_until=clock.local_date() + timedelta(days=30),
    )
    return f"/api/v1/toestemmingen/{consent.pk}/intrekken/"


@dataclass(frozen=True)
class Page:
    """A personal-data page or endpoint, the role that may see it, and what its audit entry names."""

    route: str  # as in the URLconf
    role: Role
    object_type: str
    path: str | Callable[[Any], str] = ""  # the address to request (made for the person), if not `route`
    method: str = "get"
    action: str = AuditAction.VIEW  # an action page answers with what it changed (audited as the change)

    def address(self, user: Any) -> str:
        if callable(self.path):
            return self.path(user)
        return self.path or self.route


PERSONAL_DATA_PAGES = [
    Page("/account/", Role.PROFESSIONAL, "accounts.user"),
    Page("/vraagbaak/leden/", Role.MODERATOR, "vraagbaak.member"),
    Page("/vraagbaak/moderatie/", Role.MODERATOR, "vraagbaak.moderation"),
    Page("/toezicht/auditlog/", Role.BEHEERDER, "core.auditlog"),
    Page("/api/v1/mij/", Role.REGIEHOUDER, "accounts.user"),
    Page("/api/v1/auditlog/", Role.BEHEERDER, "core.auditlog"),
    Page("/beheer/accounts/user/", Role.BEHEERDER, "accounts.user"),
    Page("/gezinnen/", Role.PROFESSIONAL, "families.family"),
    Page("/gezinnen/nieuw/", Role.PROFESSIONAL, "families.family"),
    Page("/gezinnen/<int:pk>/", Role.PROFESSIONAL, "families.family", _family_route("")),
    Page(
        "/gezinnen/<int:pk>/toevoegen/<slug:kind>/",
        Role.PROFESSIONAL,
        "families.family",
        _family_route("toevoegen/kind/"),
    ),
    Page("/gezinnen/<int:pk>/gesprek/", Role.PROFESSIONAL, "families.family", _family_route("gesprek/")),
    Page("/gezinnen/<int:pk>/regiehouder/", Role.PROFESSIONAL, "families.family", _family_route("regiehouder/")),
    Page("/gezinnen/<int:pk>/meldcode/", Role.PROFESSIONAL, "families.family", _family_route("meldcode/")),
    Page("/gezinnen/<int:pk>/plan/", Role.PROFESSIONAL, "families.family", _family_route("plan/")),
    Page("/gezinnen/<int:pk>/plan/afdrukken/", Role.PROFESSIONAL, "families.family", _family_route("plan/afdrukken/")),
    Page(
        "/gezinnen/<int:pk>/noodtoegang/",
        Role.PROFESSIONAL,
        "families.family",
        _outside_family_route("/gezinnen/", "noodtoegang/"),
    ),
    Page("/privacy/", Role.BEHEERDER, "privacy.privacyrequest"),
    Page("/privacy/noodtoegang/", Role.BEHEERDER, "families.breakglassaccess"),
    Page("/privacy/gezinnen/<int:pk>/", Role.BEHEERDER, "families.family", _outside_family_route("/privacy/gezinnen/")),
    Page(
        "/privacy/gezinnen/<int:pk>/export.json",
        Role.BEHEERDER,
        "families.family",
        _outside_family_route("/privacy/gezinnen/", "export.json"),
        action=AuditAction.EXPORT,
    ),
    Page(
        "/privacy/gezinnen/<int:pk>/samenvatting.pdf",
        Role.BEHEERDER,
        "families.family",
        _outside_family_route("/privacy/gezinnen/", "samenvatting.pdf"),
        action=AuditAction.EXPORT,
    ),
    Page("/taken/", Role.PROFESSIONAL, "pathways.task"),
    Page(
        "/taken/<int:pk>/klaar/",
        Role.PROFESSIONAL,
        "pathways.task",
        _task_route,
        method="post",
        action=AuditAction.UPDATE,
    ),
    Page("/regie/", Role.REGIEHOUDER, "families.family"),
    Page("/regie/profiel/", Role.REGIEHOUDER, "regie.regiehouderprofile"),
    Page("/api/v1/gezinnen/", Role.PROFESSIONAL, "families.family"),
    Page("/api/v1/gezinnen/<int:pk>/", Role.PROFESSIONAL, "families.family", _api_family_route("")),
    Page(
        "/api/v1/gezinnen/<int:pk>/gesprekken/", Role.PROFESSIONAL, "families.family", _api_family_route("gesprekken/")
    ),
    Page("/api/v1/gezinnen/<int:pk>/regie/", Role.PROFESSIONAL, "families.family", _api_family_route("regie/")),
    Page("/api/v1/gezinnen/<int:pk>/meldcode/", Role.PROFESSIONAL, "families.family", _api_family_route("meldcode/")),
    Page("/api/v1/gezinnen/<int:pk>/plan/", Role.PROFESSIONAL, "families.family", _api_family_route("plan/")),
    Page("/api/v1/taken/", Role.PROFESSIONAL, "pathways.task"),
    Page(
        "/api/v1/taken/<int:pk>/klaar/",
        Role.PROFESSIONAL,
        "pathways.task",
        lambda user: "/api/v1" + _task_route(user),
        method="post",
        action=AuditAction.UPDATE,
    ),
    Page("/api/v1/regie/", Role.REGIEHOUDER, "families.family"),
    Page("/gezinnen/<int:pk>/verwijzingen/", Role.PROFESSIONAL, "families.family", _family_route("verwijzingen/")),
    Page("/gezinnen/<int:pk>/verwijzen/", Role.PROFESSIONAL, "families.family", _family_route("verwijzen/")),
    Page("/verwijzingen/", Role.PROFESSIONAL, "referrals.referral"),
    Page("/verwijzingen/nieuw/", Role.PROFESSIONAL, "families.family"),
    Page("/verwijzingen/inbox/", Role.PROFESSIONAL, "referrals.referral"),
    Page("/verwijzingen/kwijt/", Role.PROFESSIONAL, "families.family"),
    Page("/verwijzingen/<int:pk>/", Role.PROFESSIONAL, "referrals.referral", _referral_route),
    Page("/v/<str:token>/", Role.PROFESSIONAL, "referrals.referral", _answer_link_route),
    Page(
        "/api/v1/gezinnen/<int:pk>/verwijzingen/",
        Role.PROFESSIONAL,
        "families.family",
        _api_family_route("verwijzingen/"),
    ),
    Page(
        "/api/v1/gezinnen/<int:pk>/toestemmingen/",
        Role.PROFESSIONAL,
        "families.family",
        _api_family_route("toestemmingen/"),
    ),
    Page(
        "/api/v1/toestemmingen/<int:pk>/intrekken/",
        Role.PROFESSIONAL,
        "consent.consent",
        _api_consent_revoke_route,
        method="post",
        action=AuditAction.UPDATE,
    ),
    Page("/api/v1/verwijzingen/", Role.PROFESSIONAL, "referrals.referral"),
    Page("/api/v1/verwijzingen/inbox/", Role.PROFESSIONAL, "referrals.referral"),
    Page("/api/v1/verwijzingen/<int:pk>/", Role.PROFESSIONAL, "referrals.referral", _api_received_referral_route("")),
    Page(
        "/api/v1/verwijzingen/<int:pk>/gedeeld/",
        Role.PROFESSIONAL,
        "referrals.referral",
        _api_received_referral_route("gedeeld/"),
    ),
    Page(
        "/api/v1/verwijzingen/<int:pk>/stappen/",
        Role.PROFESSIONAL,
        "referrals.referral",
        _api_received_referral_route("stappen/"),
    ),
]


def test_the_list_covers_every_personal_data_route():
    personal = {route for route, _ns, cb in _routed_views() if policy_of(cb) == PERSONAL_DATA}
    covered = {page.route.strip("/") + "/" for page in PERSONAL_DATA_PAGES}
    missing = {route for route in personal if route.strip("/") + "/" not in covered}
    assert missing == set(), f"personal-data routes without an audit test: {missing}"


@pytest.mark.django_db
@pytest.mark.parametrize("page", PERSONAL_DATA_PAGES, ids=lambda page: page.route)
def test_reading_personal_data_leaves_an_audit_entry(verified_client, page):
    client, user = verified_client(page.role)
    path = page.address(user)
    before = AuditEntry.objects.count()
    response = client.post(path, HTTP_HX_REQUEST="true") if page.method == "post" else client.get(path)
    assert response.status_code == 200
    entries = AuditEntry.objects.filter(seq__gt=before, action=page.action)
    assert entries.filter(actor_id=user.pk, object_type=page.object_type).exists()
    entry = entries.first()
    assert entry is not None and entry.request_id == response["X-Request-ID"]
    assert entry.actor_label == user.email and entry.actor_role == page.role.value
    assert entry.actor_organisation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "role"),
    [("/toezicht/auditlog/", Role.PROFESSIONAL), ("/api/v1/auditlog/", Role.REGIEHOUDER)],
)
def test_refused_reads_are_audited(verified_client, path, role):
    client, user = verified_client(role)
    response = client.get(path)
    assert response.status_code == 403
    denied = AuditEntry.objects.get(action=AuditAction.DENIED, actor_id=user.pk)
    assert path in denied.detail["attempted"]


class ForgetfulView(PersonalDataViewMixin, TemplateView):
    """A personal-data view whose author bypassed the audited render (the mistake to catch)."""

    permission_required = "accounts.view_organisation"
    audit_purpose = "test"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponse("BSN 123456782 of somebody")


urlpatterns = [path("forgetful/", ForgetfulView.as_view()), path("", include("kansrijk.config.urls"))]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_personal_data_view_without_audit_entry_is_withheld(make_user):
    user = make_user(Role.PROGRAMMATEAM)
    client = login_verified(Client(), user)
    response = client.get("/forgetful/")
    assert response.status_code == 500
    assert b"123456782" not in response.content


@pytest.mark.django_db
def test_audit_log_filters_and_htmx_partial(verified_client):
    client, beheerder = verified_client(Role.BEHEERDER)
    client.get("/account/")
    response = client.get(
        "/toezicht/auditlog/", {"object_type": "accounts.user", "object_id": str(beheerder.pk)}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # only the rows
    assert beheerder.email in html
    entry = AuditEntry.objects.filter(object_type="core.auditlog").latest("seq")
    assert entry.object_id == f"accounts.user:{beheerder.pk}"
    assert entry.detail["results"] >= 1


@pytest.mark.django_db
def test_the_audit_log_page_refuses_an_id_too_large_for_the_database(verified_client):
    client, _user = verified_client(Role.BEHEERDER)
    response = client.get("/toezicht/auditlog/", {"actor_id": "99999999999999999999"})
    assert response.status_code == 200  # the form says what is wrong; no query with an impossible number
    assert "actor_id" in response.context["form"].errors
