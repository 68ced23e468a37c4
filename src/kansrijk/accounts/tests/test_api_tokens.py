"""API tokens: only a digest stored, an expiry and an idle limit, seen and revoked by their owner, and
ended by every change of role, membership, second factor or password."""

from __future__ import annotations

import hashlib
import importlib
import threading
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.test import Client, RequestFactory
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from kansrijk.accounts import services
from kansrijk.accounts.models import ApiToken, User
from kansrijk.accounts.permissions import is_second_factor_verified
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import OrganisationFactory
from kansrijk.accounts.tests.login import current_code
from kansrijk.core import request_context
from kansrijk.core.api_auth import ExpiringTokenAuthentication
from kansrijk.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-ander-lang-en-veilig-wachtwoord"


def _make_token(user: User, name: str = "script") -> str:
    user.is_verified = lambda: True  # type: ignore[attr-defined]  # as from a verified session
    return services.api_token_create(user=user, name=name)


def _get(key: str, path: str = "/api/v1/mij/"):
    return Client().get(path, HTTP_AUTHORIZATION=f"Token {key}")


def _works(key: str) -> bool:
    return bool(_get(key).status_code == 200)


def _ended_entries(token_ids: list[int]) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            object_type="accounts.apitoken", object_id__in=[str(i) for i in token_ids], action="delete"
        ).order_by("seq")
    )


class _StatementsOnly:
    """The part of a schema editor the data migration uses (SQLite refuses a real one inside the test's
    transaction)."""

    connection = connection

    def execute(self, sql: str, params: list[str] | tuple[str, ...] = ()) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


class TestStorage:
    def test_only_a_digest_of_the_key_is_stored(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        page = client.post("/account/api-token/", {"name": "rapportage"})
        key = page.context["key"]
        assert key in page.content.decode()  # shown this once
        row = ApiToken.objects.values().get(user=user)
        assert all(key not in str(value) for value in row.values())
        assert row["digest"] == hashlib.sha512(key.encode()).hexdigest()
        assert row["name"] == "rapportage"
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM accounts_apitoken")
            assert all(key not in str(value) for record in cursor.fetchall() for value in record)
        assert _works(key)

    def test_a_wrong_key_with_the_same_beginning_is_refused(self, make_user):
        key = _make_token(make_user(Role.PROFESSIONAL, with_totp=True))
        forged = key[:15] + ("0" if key[15] != "0" else "1") + key[16:]
        response = _get(forged)
        assert response.status_code == 401
        assert response.json()["error"]["details"] == "Dit API-token is onbekend of ingetrokken."

    def test_an_old_plain_text_token_no_longer_works(self, make_user):
        make_user(Role.PROFESSIONAL, with_totp=True)
        response = _get("9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")  # the shape of DRF's authtoken keys
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Token"

    def test_the_migration_drops_the_plain_text_token_table(self, make_user):
        user = make_user(Role.PROFESSIONAL)
        migration = importlib.import_module("kansrijk.accounts.migrations.0003_api_tokens_hashed")
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id bigint)")
            cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s)", ["a" * 40, user.pk])
            cursor.execute(
                "INSERT INTO django_migrations (app, name, applied) VALUES ('authtoken', '0001_initial', %s)",
                ["2026-01-01 00:00:00"],
            )
        migration.drop_plain_text_tokens(apps, _StatementsOnly())
        assert "authtoken_token" not in connection.introspection.table_names()
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM django_migrations WHERE app = 'authtoken'")
            assert cursor.fetchone()[0] == 0


class TestLifetime:
    def test_an_expired_token_is_refused_with_a_clear_message(self, make_user, settings):
        settings.KANSRIJK_API_TOKEN_DAYS = 2
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-24 09:00:00") as frozen:
            key = _make_token(user)
            for _use in range(6):  # used every 8 hours less a minute: never idle
                frozen.tick(timedelta(hours=7, minutes=59))
                assert _works(key)
            frozen.tick(timedelta(minutes=7))  # 2 days and a minute after it was made
            response = _get(key)
        assert response.status_code == 401
        error = response.json()["error"]
        assert error["code"] == "authentication_failed"
        assert error["details"] == "Dit API-token is verlopen. Maak een nieuw token aan."

    def test_an_idle_token_is_refused_and_use_keeps_it_alive(self, make_user, settings):
        settings.KANSRIJK_API_TOKEN_IDLE = timedelta(hours=8)
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        with freeze_time("2026-11-24 09:00:00") as frozen:
            key = _make_token(user)
            frozen.tick(timedelta(hours=7, minutes=59))
            assert _works(key)  # counts as use
            assert ApiToken.objects.get(user=user).last_used.isoformat() == "2026-11-24T16:59:00+00:00"
            frozen.tick(timedelta(hours=7, minutes=59))
            assert _works(key)
            frozen.tick(timedelta(hours=8))
            response = _get(key)
        assert response.status_code == 401
        assert response.json()["error"]["details"] == (
            "Dit API-token is langer dan 8 uur niet gebruikt en werkt daarom niet meer. Maak een nieuw token aan."
        )

    def test_a_token_whose_account_no_longer_meets_its_roles_is_refused(self, make_user):
        user = make_user(Role.BEHEERDER, with_totp=True)
        key = _make_token(user)
        assert _get(key, "/api/v1/auditlog/").status_code == 200
        TOTPDevice.objects.filter(user=user).delete()  # e.g. removed in the database, no service involved
        response = _get(key, "/api/v1/auditlog/")
        assert response.status_code == 401
        assert response.json()["error"]["details"] == (
            "Dit API-token geldt niet meer: stel eerst je tweestapsverificatie in en maak een nieuw token."
        )


class TestOwnerSeesAndRevokes:
    def test_the_account_page_lists_tokens_without_their_keys(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        key = client.post("/account/api-token/", {"name": "Rapportage  script"}).context["key"]
        token = ApiToken.objects.get(user=user)
        html = client.get("/account/").content.decode()
        assert "Rapportage script" in html  # the name, its spaces tidied
        assert key not in html and key[:15] not in html and token.digest not in html
        assert f"/account/api-tokens/{token.pk}/intrekken/" in html

    def test_the_api_lists_tokens_without_their_keys(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        key = _make_token(user, "laptop")
        with freeze_time(ApiToken.objects.get(user=user).created + timedelta(minutes=5)):
            listed = _get(key, "/api/v1/mij/api-tokens/").json()
        token = ApiToken.objects.get(user=user)
        assert listed == [
            {
                "id": token.pk,
                "name": "laptop",
                "created": listed[0]["created"],
                "last_used": listed[0]["last_used"],
                "expires": listed[0]["expires"],
                "state": "active",
            }
        ]
        assert key[:15] not in str(listed) and token.digest not in str(listed)

    def test_a_name_is_required_and_bounded(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        response = client.post("/account/api-token/", {"name": "   "}, follow=True)
        assert "Geef het token een naam, zodat je het later herkent." in response.content.decode()
        response = client.post("/account/api-token/", {"name": "x" * 101}, follow=True)
        assert "De naam mag hoogstens 100 tekens hebben." in response.content.decode()
        assert not ApiToken.objects.filter(user=user).exists()

    def test_revoking_one_token_on_the_account_page_is_audited(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        first = client.post("/account/api-token/", {"name": "een"}).context["key"]
        second = client.post("/account/api-token/", {"name": "twee"}).context["key"]
        token = ApiToken.objects.get(user=user, name="een")
        response = client.post(f"/account/api-tokens/{token.pk}/intrekken/")
        assert response.status_code == 302
        assert not _works(first) and _works(second)
        [entry] = _ended_entries([token.pk])
        assert entry.actor_id == user.pk
        assert entry.detail == {"owner": user.pk, "reason": "revoked_by_owner"}
        created = AuditEntry.objects.get(object_type="accounts.apitoken", object_id=str(token.pk), action="create")
        assert created.actor_id == user.pk

    def test_revoking_all_tokens_on_the_account_page(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        keys = [client.post("/account/api-token/", {"name": name}).context["key"] for name in ("een", "twee")]
        ids = list(ApiToken.objects.filter(user=user).values_list("pk", flat=True))
        response = client.post("/account/api-tokens/intrekken/", follow=True)
        assert "2 API-tokens ingetrokken." in response.content.decode()
        assert not any(_works(key) for key in keys)
        assert len(_ended_entries(ids)) == 2

    def test_nobody_revokes_someone_elses_token(self, verified_client, make_user):
        client, user = verified_client(Role.PROFESSIONAL)
        other = make_user(Role.PROFESSIONAL, with_totp=True)
        key = _make_token(other)
        token = ApiToken.objects.get(user=other)
        assert client.post(f"/account/api-tokens/{token.pk}/intrekken/").status_code == 404
        own_key = _make_token(user)
        response = Client().delete(f"/api/v1/mij/api-tokens/{token.pk}/", HTTP_AUTHORIZATION=f"Token {own_key}")
        assert response.status_code == 404
        assert _works(key)

    def test_revoking_through_the_api(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keep, drop = _make_token(user, "blijft"), _make_token(user, "weg")
        dropped = ApiToken.objects.get(user=user, name="weg")
        api = Client()
        response = api.delete(f"/api/v1/mij/api-tokens/{dropped.pk}/", HTTP_AUTHORIZATION=f"Token {keep}")
        assert response.status_code == 204
        assert not _works(drop) and _works(keep)
        assert _ended_entries([dropped.pk])[0].detail["reason"] == "revoked_by_owner"
        response = api.delete("/api/v1/mij/api-tokens/", HTTP_AUTHORIZATION=f"Token {keep}")
        assert response.status_code == 200 and response.json() == {"ended": 1}
        assert not _works(keep)


class TestChangesEndAllTokens:
    """Each change ends every token of the person, with an audit entry per token naming the reason."""

    def _two_tokens(self, user: User) -> tuple[list[str], list[int]]:
        keys = [_make_token(user, "een"), _make_token(user, "twee")]
        assert all(_works(key) for key in keys)
        return keys, list(ApiToken.objects.filter(user=user).values_list("pk", flat=True))

    def _assert_ended(self, keys: list[str], ids: list[int], reason: str) -> None:
        assert not any(_works(key) for key in keys)
        assert not ApiToken.objects.filter(pk__in=ids).exists()
        entries = _ended_entries(ids)
        assert len(entries) == 2
        assert {entry.detail["reason"] for entry in entries} == {reason}

    def test_a_role_granted(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        services.role_grant(user=user, role=Role.REGIEHOUDER, by=None)
        self._assert_ended(keys, ids, "role_changed")

    def test_a_role_revoked(self, verified_client, make_user):
        _client, beheerder = verified_client(Role.BEHEERDER)
        beheerder.is_verified = lambda: True  # acting from their verified session
        user = make_user(Role.PROFESSIONAL, Role.REGIEHOUDER, with_totp=True)
        keys, ids = self._two_tokens(user)
        services.role_revoke(user=user, role=Role.REGIEHOUDER, by=beheerder)
        self._assert_ended(keys, ids, "role_changed")
        assert {entry.actor_id for entry in _ended_entries(ids)} == {beheerder.pk}

    def test_revoking_a_role_the_person_does_not_hold_changes_nothing(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        key = _make_token(user)
        services.role_revoke(user=user, role=Role.MODERATOR, by=None)
        assert _works(key)

    def test_a_membership_removed(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        services.membership_remove(user=user, organisation=user.memberships.get().organisation, by=None)
        self._assert_ended(keys, ids, "membership_changed")

    def test_a_membership_added(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        services.membership_add(user=user, organisation=OrganisationFactory.create(), by=None)
        self._assert_ended(keys, ids, "membership_changed")

    def test_a_new_authenticator_app(self, verified_client):
        client, user = verified_client(Role.PROFESSIONAL)
        keys, ids = self._two_tokens(user)
        assert client.get("/inloggen/app-instellen/").status_code == 200
        pending = TOTPDevice.objects.get(user=user, confirmed=False)
        response = client.post("/inloggen/app-instellen/", {"code": current_code(pending)})
        assert response.status_code == 200
        assert TOTPDevice.objects.get(user=user, confirmed=True).pk == pending.pk  # the old app is replaced
        self._assert_ended(keys, ids, "second_factor_changed")

    def test_a_password_changed_outside_the_services(self, make_user):
        # As Django's `changepassword` command does: set_password and save.
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        user.set_password(NEW_PASSWORD)
        user.save()
        self._assert_ended(keys, ids, "password_changed")

    def test_a_password_reset(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        client = Client()
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        link = client.get(f"/inloggen/nieuw-wachtwoord/{uid}/{default_token_generator.make_token(user)}/")
        assert link.status_code == 302
        response = client.post(link["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert response.status_code == 302
        self._assert_ended(keys, ids, "password_changed")

    def test_a_blocked_account(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        keys, ids = self._two_tokens(user)
        services.user_disable(user=user, by=None, reason="uit dienst")
        self._assert_ended(keys, ids, "account_disabled")

    def test_a_change_to_someone_else_leaves_the_tokens(self, make_user):
        user = make_user(Role.PROFESSIONAL, with_totp=True)
        other = make_user(Role.PROFESSIONAL, with_totp=True)
        key = _make_token(user)
        services.role_grant(user=other, role=Role.REGIEHOUDER, by=None)
        other.set_password(NEW_PASSWORD)
        other.save()
        assert _works(key)


def _authenticated_by_token(key: str) -> tuple[User, tuple[bool, bool]]:
    """The user the token authentication gives a request carrying `key`, and (checked in that request)
    whether they passed the second factor and may publish a pathway (which needs it)."""
    request = RequestFactory().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}")
    ctx = request_context.RequestContext(request_id="test", client_ip="127.0.0.1")
    handle = request_context.set_current(ctx)
    try:
        user, _token = ExpiringTokenAuthentication().authenticate(request)
        assert isinstance(user, User)
        return user, (is_second_factor_verified(user), user.has_perm("pathways.publish_pathway"))
    finally:
        request_context.reset_current(handle)


class TestTheSecondFactorOfAToken:
    def test_a_token_made_after_a_password_alone_never_passes_a_second_factor_check(self, make_user):
        """A programme-team account needs no second factor to log in or to make a token, but publishing
        a pathway does: its password-only token must not count as a second factor."""
        user = make_user(Role.PROGRAMMATEAM)
        key = services.api_token_create(user=user, name="script")  # a session with the password only
        assert ApiToken.objects.get(user=user).second_factor_verified is False
        assert _works(key)  # the token works for what needs no second factor
        authenticated, checked = _authenticated_by_token(key)
        assert checked == (False, False)
        assert not hasattr(authenticated, "is_verified")  # the user object is not changed

    def test_a_token_made_after_the_second_factor_passes(self, make_user):
        user = make_user(Role.PROGRAMMATEAM, with_totp=True)
        key = _make_token(user)
        assert ApiToken.objects.get(user=user).second_factor_verified is True
        assert _authenticated_by_token(key)[1] == (True, True)

    def test_the_token_counts_only_for_its_own_request_and_owner(self, make_user):
        owner = make_user(Role.PROGRAMMATEAM, with_totp=True)
        other = make_user(Role.PROGRAMMATEAM)
        key = _make_token(owner)
        request = RequestFactory().get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}")
        handle = request_context.set_current(request_context.RequestContext(request_id="a", client_ip=""))
        try:
            user, _token = ExpiringTokenAuthentication().authenticate(request)
            assert is_second_factor_verified(user)
            assert not is_second_factor_verified(other)  # someone else in the same request
        finally:
            request_context.reset_current(handle)
        # The next request on this thread (a session, say) inherits nothing.
        handle = request_context.set_current(request_context.RequestContext(request_id="b", client_ip=""))
        try:
            assert not is_second_factor_verified(User.objects.get(pk=owner.pk))
        finally:
            request_context.reset_current(handle)


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once (SQLite takes one write lock)")
@pytest.mark.django_db(transaction=True)
def test_parallel_creates_keep_to_the_limit(committed_database: None, make_user):
    """Two creates at once for someone with one token short of the limit: the second waits for the
    first and is refused, instead of both counting nine and both adding one."""
    user = make_user(Role.PROFESSIONAL, with_totp=True)
    for n in range(services.API_TOKEN_LIMIT - 1):
        _make_token(user, name=f"token {n}")
    outcome: list[str] = []

    def create_in_another_connection() -> None:
        try:
            twin = User.objects.get(pk=user.pk)
            _make_token(twin, name="tegelijk")
            outcome.append("made")
        except ValidationError:
            outcome.append("refused")
        finally:
            connections.close_all()

    with transaction.atomic():
        _make_token(user, name="de tiende")  # holds its lock until this block commits
        other = threading.Thread(target=create_in_another_connection)
        other.start()
        other.join(timeout=1.5)
        assert other.is_alive(), "the second create did not wait for the first"
    other.join(timeout=20)
    assert outcome == ["refused"]
    assert ApiToken.objects.filter(user=user).count() == services.API_TOKEN_LIMIT
