"""Organisations, people and their roles.

The account model is ready for self-service sign-up: an account has an approval state, so a sign-up
can start as `pending` and become active only after a moderator or an allowed email domain approves.
"""

from __future__ import annotations

from typing import Any, ClassVar

# _(a)user_has_perm and _(a)user_has_module_perms: the helpers PermissionsMixin itself uses to ask
# every backend (not in django-stubs).
from django.contrib.auth.models import (  # type: ignore[attr-defined]
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
    _auser_has_module_perms,
    _auser_has_perm,
    _user_has_module_perms,
    _user_has_perm,
)
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from knox.settings import CONSTANTS

from kansrijk.accounts.roles import Role
from kansrijk.geo.models import Stadsdeel

API_TOKEN_NAME_MAX_LENGTH = 100


class OrganisationKind(models.TextChoices):
    MEDISCH = "medisch", _("Medisch")
    SOCIAAL = "sociaal", _("Sociaal")
    INFORMEEL = "informeel", _("Informeel")
    GEMEENTE = "gemeente", _("Gemeente")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    whole_city = models.BooleanField(_("werkt in heel Amsterdam"), default=False)
    stadsdelen = models.ManyToManyField(Stadsdeel, verbose_name=_("stadsdelen"), blank=True)
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        """`kansrijk createsuperuser` makes a beheerder: superuser status itself grants nothing (see
        `User.has_perm`), and the beheerder role requires the second factor like any other."""
        # Imported here: the services import these models.
        from kansrijk.accounts import services

        extra.update(is_superuser=True, is_staff=True)
        with transaction.atomic(using=self.db):
            user = self._create(email, password, **extra)
            services.role_grant(user=user, role=Role.BEHEERDER, by=None)  # audited like any other grant
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=username or "")


class ApprovalState(models.TextChoices):
    PENDING = "pending", _("Wacht op goedkeuring")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mailadres"), unique=True)
    full_name = models.CharField(_("naam"), max_length=200)
    job_title = models.CharField(_("functie"), max_length=200, blank=True)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot technisch beheer"), default=False)
    approval_state = models.CharField(
        _("goedkeuring"), max_length=20, choices=ApprovalState.choices, default=ApprovalState.APPROVED
    )
    approved_by = models.ForeignKey(
        "self",
        verbose_name=_("goedgekeurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    disabled_at = models.DateTimeField(_("geblokkeerd op"), null=True, blank=True)
    disabled_reason = models.CharField(_("reden van blokkeren"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo-account (verzonnen)"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    organisations: models.ManyToManyField[Organisation, Membership] = models.ManyToManyField(
        Organisation, through="Membership", related_name="members", verbose_name=_("organisaties")
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ("full_name", "email")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    # Django lets an active superuser pass every permission check without asking the backends. Here
    # every permission goes through the rules in `accounts.permissions` (which also demand the second
    # factor), so a superuser flag set in the database can never bypass them.
    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return self.is_active and _user_has_perm(self, perm, obj)

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_active and _user_has_module_perms(self, app_label)

    # The same for the async variants (has_perms and ahas_perms call these).
    async def ahas_perm(self, perm: str, obj: Any = None) -> bool:
        return self.is_active and await _auser_has_perm(self, perm, obj)

    async def ahas_module_perms(self, app_label: str) -> bool:
        return self.is_active and await _auser_has_module_perms(self, app_label)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    function = models.CharField(_("functie bij deze organisatie"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]
        ordering = ("organisation__name",)

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


class RoleGrant(models.Model):
    """A role held by a person; `granted_by` and `granted_at` answer who decided it and when."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    granted_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("toegekend door"),
    )
    granted_at = models.DateTimeField(_("toegekend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="rolegrant_unique")]
        ordering = ("role",)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"


class UserSession(models.Model):
    """Which sessions belong to whom, so that all sessions of a disabled account end at once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")

    def __str__(self) -> str:
        return f"session of user {self.user_id}"


class RateLimitHit(models.Model):
    """One counted request towards a rate limit (`accounts.ratelimit`). The key is a keyed hash of the
    client address or email address, never the address itself; rows older than the longest window go."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"], name="ratelimit_scope_key_at")]

    def __str__(self) -> str:
        return f"{self.scope} at {self.at:%Y-%m-%d %H:%M}"


class LoginAddress(models.Model):
    """A client address from which a person completed a login (password and, where needed, the code),
    and when last: the address lock (`accounts.lockout`) does not hold against them there. The address
    is stored only as a keyed hash."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    address_key = models.CharField(max_length=64)
    last_login_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "address_key"], name="login_address_unique")]

    def __str__(self) -> str:
        return f"login of user {self.user_id} at {self.last_login_at:%Y-%m-%d %H:%M}"


class ApiToken(models.Model):
    """An API token of a person: django-rest-knox's token model (the setting `KNOX_TOKEN_MODEL`), with
    knox's fields and a name and last use.

    Only a SHA-512 digest of the key is stored, with its first characters (`token_key`) to find it; the
    key itself is shown once, when the token is made. A token works until `expiry`, and only while it
    was used less than `KANSRIJK_API_TOKEN_IDLE` ago (`last_used`). Its own id (knox uses the digest as
    primary key) names it in links and the audit trail without anything derived from the key."""

    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    token_key = models.CharField(
        max_length=CONSTANTS.MAXIMUM_TOKEN_PREFIX_LENGTH + CONSTANTS.TOKEN_KEY_LENGTH, db_index=True
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("naam"), max_length=API_TOKEN_NAME_MAX_LENGTH)
    created = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    expiry = models.DateTimeField(_("werkt tot"), null=True, blank=True)
    last_used = models.DateTimeField(_("laatst gebruikt"))
    # Whether the session that made the token had passed the second factor. The token stands for that
    # login and no more: a token made after a password alone never passes a second-factor check
    # (`kansrijk.accounts.permissions.is_second_factor_verified` reads it from the request's token).
    second_factor_verified = models.BooleanField(_("gemaakt na de tweede stap"), default=False)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"API token {self.pk} of user {self.user_id}"
