"""Services that change accounts, organisations, roles, second factors and sessions.

Each service owns its transaction, its permission check (where a person acts) and its audit entry.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.crypto import create_token_string, hash_token
from knox.settings import CONSTANTS

from kansrijk.accounts.lockout import address_key, normalise_username
from kansrijk.accounts.models import (
    API_TOKEN_NAME_MAX_LENGTH,
    ApiToken,
    ApprovalState,
    LoginAddress,
    Membership,
    Organisation,
    OrganisationKind,
    RoleGrant,
    User,
    UserSession,
)
from kansrijk.accounts.permissions import forget_roles
from kansrijk.accounts.roles import Role
from kansrijk.accounts.selectors import audit_actor, second_factor_verified
from kansrijk.core import clock
from kansrijk.core.audit import Actor, Target, actor_for, audit_denied, audit_record
from kansrijk.core.models import AuditAction

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator-app"
RECOVERY_DEVICE_NAME = "herstelcodes"


def _actor(by: User | None, system: str) -> Actor:
    return audit_actor(by) if by is not None else Actor.system(system)


def _audit_account_change(*, by: User | None, user: User, detail: dict[str, Any]) -> None:
    """The audit entry of a change to someone's account (roles, memberships, blocks), in the caller's
    transaction; `detail` holds ids and codes only."""
    audit_record(
        actor=_actor(by, "accounts"),
        action=AuditAction.UPDATE,
        targets=[user],
        purpose="accountbeheer",
        detail=detail,
    )


def _require(by: User | None, perm: str, target: Target, attempted: str) -> None:
    """Check a permission of a person acting; refusals are audited. `by=None` is the system itself
    (management commands run by an operator with shell access)."""
    if by is None:
        return
    if not by.has_perm(perm):
        audit_denied(actor=audit_actor(by), attempted=attempted, targets=[target])
        raise PermissionDenied(_("Je hebt geen toestemming voor deze handeling."))


def organisation_create(
    *,
    name: str,
    kind: OrganisationKind | str,
    by: User | None,
    stadsdeel_codes: Iterable[str] = (),
    whole_city: bool = False,
    contact_email: str = "",
    contact_phone: str = "",
    website: str = "",
    is_demo: bool = False,
) -> Organisation:
    _require(by, "accounts.add_organisation", Target("accounts.organisation"), "organisation.create")
    with transaction.atomic():
        from kansrijk.geo.models import Stadsdeel

        organisation = Organisation(
            name=name,
            kind=str(kind),
            whole_city=whole_city,
            contact_email=contact_email,
            contact_phone=contact_phone,
            website=website,
            is_demo=is_demo,
        )
        organisation.full_clean()
        organisation.save()
        codes = list(stadsdeel_codes)
        stadsdelen = list(Stadsdeel.objects.filter(code__in=codes))
        missing = set(codes) - {s.code for s in stadsdelen}
        if missing:
            raise ValidationError(_("Onbekende stadsdelen: %(codes)s") % {"codes": ", ".join(sorted(missing))})
        organisation.stadsdelen.set(stadsdelen)
        return organisation


def user_create(
    *,
    email: str,
    full_name: str,
    password: str | None,
    by: User | None,
    roles: Iterable[Role] = (),
    organisations: Iterable[Organisation] = (),
    job_title: str = "",
    is_demo: bool = False,
    approved: bool = True,
) -> User:
    """Create an account. With a password it is validated by Django's password validators. An account
    that signed itself up (`approved=False`) cannot log in until `user_approve`."""
    _require(by, "accounts.add_user", Target("accounts.user"), "user.create")
    with transaction.atomic():
        email = email.strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError({"email": _("Er is al een account met dit e-mailadres.")})
        user = User(email=email, full_name=full_name.strip(), job_title=job_title, is_demo=is_demo)
        if not approved:
            user.approval_state = ApprovalState.PENDING
        if password is not None:
            validate_password(password, user)
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.full_clean(exclude=["password"])
        user.save()
        for organisation in organisations:
            Membership.objects.create(user=user, organisation=organisation, function=job_title)
        for role in roles:
            RoleGrant.objects.create(user=user, role=role.value, granted_by=by)
        audit_record(actor=_actor(by, "accounts"), action=AuditAction.CREATE, targets=[user], purpose="accountbeheer")
        return user


def user_approve(*, user: User, by: User | None, approve: bool = True) -> None:
    """Approve (or reject) an account that signed itself up; only then can it log in."""
    with transaction.atomic():
        user.approval_state = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
        user.approved_by, user.approved_at = by, clock.now()
        user.save(update_fields=["approval_state", "approved_by", "approved_at"])
        _audit_account_change(by=by, user=user, detail={"approval": str(user.approval_state)})


def role_grant(*, user: User, role: Role, by: User | None) -> RoleGrant:
    """Give a person a role. Its API tokens end: they were made for the rights the person had then.
    Open sessions meet the second-factor gate."""
    _require(by, "accounts.add_rolegrant", Target.of(user), "role.grant")
    with transaction.atomic():
        grant, created = RoleGrant.objects.get_or_create(user=user, role=role.value, defaults={"granted_by": by})
        forget_roles(user)
        _audit_account_change(by=by, user=user, detail={"role_granted": role.value})
        if created:
            tokens_revoke_all(user=user, reason=TokenEndReason.ROLE_CHANGED, by=by)
        return grant


def role_revoke(*, user: User, role: Role, by: User | None) -> None:
    _require(by, "accounts.delete_rolegrant", Target.of(user), "role.revoke")
    with transaction.atomic():
        deleted, _detail = RoleGrant.objects.filter(user=user, role=role.value).delete()
        forget_roles(user)
        _audit_account_change(by=by, user=user, detail={"role_revoked": role.value})
        if deleted:
            tokens_revoke_all(user=user, reason=TokenEndReason.ROLE_CHANGED, by=by)


def membership_add(*, user: User, organisation: Organisation, by: User | None, function: str = "") -> Membership:
    """Make a person a member of an organisation (or update the function they hold there). A new
    membership ends the person's API tokens; a changed function alone does not."""
    _require(by, "accounts.add_membership", Target.of(user), "membership.add")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"function": function}
        )
        if not created and membership.function != function:
            membership.function = function
            membership.save(update_fields=["function"])
        event = "membership_added" if created else "membership_changed"
        _audit_account_change(by=by, user=user, detail={event: organisation.pk})
        if created:
            tokens_revoke_all(user=user, reason=TokenEndReason.MEMBERSHIP_CHANGED, by=by)
        return membership


def membership_remove(*, user: User, organisation: Organisation, by: User | None) -> None:
    _require(by, "accounts.delete_membership", Target.of(user), "membership.remove")
    with transaction.atomic():
        deleted, _detail = Membership.objects.filter(user=user, organisation=organisation).delete()
        _audit_account_change(by=by, user=user, detail={"membership_removed": organisation.pk})
        if deleted:
            tokens_revoke_all(user=user, reason=TokenEndReason.MEMBERSHIP_CHANGED, by=by)


def user_unlock(*, user: User, by: User | None) -> None:
    """Lift a lockout after repeated failed logins."""
    _require(by, "accounts.change_user", Target.of(user), "user.unlock")
    with transaction.atomic():
        axes_reset(username=normalise_username(user.email))
        _audit_account_change(by=by, user=user, detail={"lockout_lifted": True})


def _end_all_sessions(user: User, *, reason: TokenEndReason, by: User | None) -> int:
    """End every session and API token of an account; returns the sessions ended."""
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    deleted, _detail = Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    tokens_revoke_all(user=user, reason=reason, by=by)
    return deleted


def user_disable(*, user: User, by: User | None, reason: str) -> int:
    """Block an account: every session and API token of it ends at once. Returns the sessions ended."""
    _require(by, "accounts.disable_user", Target.of(user), "user.disable")
    with transaction.atomic():
        if by is not None and by.pk == user.pk:
            raise ValidationError(_("Je kunt je eigen account niet blokkeren."))
        user.is_active = False
        user.disabled_at = clock.now()
        user.disabled_reason = reason[:200]
        user.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
        ended = _end_all_sessions(user, reason=TokenEndReason.ACCOUNT_DISABLED, by=by)
        _audit_account_change(by=by, user=user, detail={"disabled": True, "sessions_ended": ended})
        return ended


def user_enable(*, user: User, by: User | None) -> None:
    _require(by, "accounts.disable_user", Target.of(user), "user.enable")
    with transaction.atomic():
        user.is_active = True
        user.disabled_at = None
        user.disabled_reason = ""
        user.save(update_fields=["is_active", "disabled_at", "disabled_reason"])
        _audit_account_change(by=by, user=user, detail={"disabled": False})


def login_refused(*, email: str, step: str) -> None:
    """Record a failed or blocked login attempt (`step`: "password", "code" or "locked").

    The entry names the account when it exists, never the typed text (it might be a password)."""
    account = User.objects.filter(email__iexact=email.strip()).only("pk").first() if email else None
    target = Target.of(account) if account is not None else Target("accounts.user")
    audit_denied(actor=actor_for(None), attempted=f"login.{step}", targets=[target], purpose="inloggen")


def login_completed(*, user: User, client_address: str = "") -> None:
    """The whole login succeeded (password, and the second factor where the roles need it): the
    count of failed attempts towards the lockout starts again, and the client address is remembered,
    so that a lock of that address (someone else trying many accounts from it) does not hold for
    this person there (`accounts.lockout`)."""
    axes_reset(username=normalise_username(user.email))
    if client_address:
        LoginAddress.objects.update_or_create(
            user=user, address_key=address_key(client_address), defaults={"last_login_at": clock.now()}
        )


def session_register(*, user: User, session_key: str) -> None:
    """Remember which session belongs to whom (called right after login)."""
    UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def sessions_end_all(*, user: User) -> int:
    """End every session and API token of an account."""
    with transaction.atomic():
        return _end_all_sessions(user, reason=TokenEndReason.SESSIONS_ENDED, by=None)


# --- Second factor -----------------------------------------------------------------------------


@transaction.atomic
def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator-app device to show as a QR code (reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


class TOTPEnrolment(NamedTuple):
    device: TOTPDevice  # the newly confirmed authenticator app
    recovery_codes: list[str]  # fresh, shown to the person once


@transaction.atomic
def totp_enrolment_confirm(*, user: User, token: str) -> TOTPEnrolment | None:
    """Confirm the pending device with a code from the app. Returns the confirmed device and fresh
    recovery codes, or None if the code is wrong. Any earlier confirmed device is replaced."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(token.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_regenerate(user=user)
    audit_record(
        actor=audit_actor(user),
        action=AuditAction.UPDATE,
        targets=[user],
        purpose="tweestapsverificatie",
        detail={"second_factor": "enrolled"},
    )
    # A new or replaced authenticator: tokens made under the old one end.
    tokens_revoke_all(user=user, reason=TokenEndReason.SECOND_FACTOR_CHANGED, by=user)
    return TOTPEnrolment(device, codes)


def _new_recovery_code() -> str:
    raw = secrets.token_hex(5)  # 10 hex characters, 40 bits
    return f"{raw[:5]}-{raw[5:]}"


@transaction.atomic
def recovery_codes_regenerate(*, user: User) -> list[str]:
    """Replace all recovery codes; each works once. They are shown to the person once. django-otp
    keeps them in its own table as they are (like the TOTP secrets), so the database and its
    backups need the same protection as the rest of the personal data."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_new_recovery_code() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def recovery_codes_left(*, user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


# --- API tokens ---------------------------------------------------------------------------------

API_TOKEN_LIMIT = 10  # tokens one person may have at once (ended ones not counted)
API_ACCESS_PURPOSE = "API-toegang"


class TokenEndReason(StrEnum):
    """Why API tokens ended (a code in the audit entry of each ended token)."""

    REVOKED_BY_OWNER = "revoked_by_owner"
    ROLE_CHANGED = "role_changed"
    MEMBERSHIP_CHANGED = "membership_changed"
    SECOND_FACTOR_CHANGED = "second_factor_changed"
    PASSWORD_CHANGED = "password_changed"  # noqa: S105  (a reason code)
    ACCOUNT_DISABLED = "account_disabled"
    SESSIONS_ENDED = "sessions_ended"


@transaction.atomic
def api_token_create(*, user: User, name: str) -> str:
    """A new API token, named by its owner, for a user whose session passed the second factor (where
    the roles need it). Returns the key: it is shown once and never stored, only its digest.

    The token works `KANSRIJK_API_TOKEN_DAYS` and ends sooner when unused for `KANSRIJK_API_TOKEN_IDLE`.
    The owner's tokens that ended that way are cleared away here."""
    if not user.has_perm("accounts.create_api_token"):
        audit_denied(actor=audit_actor(user), attempted="api_token.create", targets=[user])
        raise PermissionDenied(_("Log eerst in met je tweede stap."))
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Geef het token een naam, zodat je het later herkent.")})
    if len(name) > API_TOKEN_NAME_MAX_LENGTH:
        raise ValidationError(
            {"name": _("De naam mag hoogstens %(max)s tekens hebben.") % {"max": API_TOKEN_NAME_MAX_LENGTH}}
        )
    # The owner's row is locked first, so two creates at once count one after the other (locking the
    # tokens alone locks nothing while there are none, and never the one the other create adds).
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).get()
    now = clock.now()
    idle: timedelta = settings.KANSRIJK_API_TOKEN_IDLE
    mine = ApiToken.objects.filter(user=user)
    mine.filter(expiry__lte=now).delete()
    mine.filter(last_used__lte=now - idle).delete()
    if mine.count() >= API_TOKEN_LIMIT:
        raise ValidationError(
            {"name": _("Je hebt al %(limit)s API-tokens. Trek er eerst een in.") % {"limit": API_TOKEN_LIMIT}}
        )
    key: str = create_token_string()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        digest=hash_token(key),
        token_key=key[: CONSTANTS.TOKEN_KEY_LENGTH],
        expiry=now + timedelta(days=int(settings.KANSRIJK_API_TOKEN_DAYS)),
        last_used=now,
        second_factor_verified=second_factor_verified(user=user),
    )
    audit_record(
        actor=audit_actor(user),
        action=AuditAction.CREATE,
        targets=[token],
        purpose=API_ACCESS_PURPOSE,
        detail={"owner": user.pk},
    )
    return key


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> None:
    """The owner ends one of their own tokens. Raises `ApiToken.DoesNotExist` for a token that is not
    theirs (or no longer exists)."""
    token = ApiToken.objects.select_for_update().get(user=user, pk=token_id)
    audit_record(
        actor=audit_actor(user),
        action=AuditAction.DELETE,
        targets=[token],
        purpose=API_ACCESS_PURPOSE,
        detail={"owner": user.pk, "reason": str(TokenEndReason.REVOKED_BY_OWNER)},
    )
    token.delete()


def tokens_revoke_all(*, user: User, reason: TokenEndReason, by: User | None = None) -> int:
    """End every API token of a person, with one audit entry per token ended (naming `reason`), in
    the caller's transaction. `by` is whoever acted (None: the system). Returns the number ended."""
    with transaction.atomic():
        tokens = list(ApiToken.objects.select_for_update().filter(user=user))
        if not tokens:
            return 0
        audit_record(
            actor=_actor(by, "accounts"),
            action=AuditAction.DELETE,
            targets=tokens,
            purpose=API_ACCESS_PURPOSE,
            detail={"owner": user.pk, "reason": str(reason)},
        )
        ApiToken.objects.filter(pk__in=[token.pk for token in tokens]).delete()
        return len(tokens)


@transaction.atomic
def password_reset_completed(*, user: User) -> None:
    """After a password reset every existing session and API token ends; the next login asks the
    second factor."""
    ended = _end_all_sessions(user, reason=TokenEndReason.PASSWORD_CHANGED, by=user)
    audit_record(
        actor=Actor(id=user.pk, label=user.email),
        action=AuditAction.UPDATE,
        targets=[user],
        purpose="wachtwoord opnieuw ingesteld",
        detail={"password_reset": True, "sessions_ended": ended},
    )
