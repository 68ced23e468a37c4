"""The family file (gezinsdossier): the household, its parents and caregivers, pregnancies, children,
personal network and care team.

Everything here is personal data about families in a vulnerable situation: it is read through
`Family.objects.visible_to(user)` (care team or the professional who opened the file) and every read
and write is audited by the services and views.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.core import clock
from kansrijk.geo.models import Gebied, Stadsdeel


class Discipline(models.TextChoices):
    """What a professional does for the family; pathway tasks name the discipline responsible."""

    VERLOSKUNDIGE = "verloskundige", _("Verloskundige")
    GYNAECOLOOG = "gynaecoloog", _("Gynaecoloog")
    KRAAMZORG = "kraamzorg", _("Kraamzorg")
    JGZ = "jgz", _("Jeugdgezondheidszorg (OKT)")
    BUURTTEAM = "buurtteam", _("Buurtteam")
    HUISARTS = "huisarts", _("Huisarts")
    GGZ = "ggz", _("GGZ")
    MAATSCHAPPELIJK_WERK = "maatschappelijk_werk", _("Medisch maatschappelijk werk")
    VOORZORG = "voorzorg", _("VoorZorg")
    SCHULDHULP = "schuldhulp", _("Schuldhulp")
    INFORMEEL = "informeel", _("Informele partner")
    ANDERS = "anders", _("Anders")


QS = TypeVar("QS", bound=models.QuerySet[Any])


class FamilyQuerySet(models.QuerySet["Family"]):
    def visible_to(self, user: Any) -> FamilyQuerySet:
        """The families `user` may see: as an active member of the care team (the professional who opens a
        file joins it; taken out of the team, they no longer see it), or through an active break-the-glass
        grant of their own (`BreakGlassAccess`, read only and for a limited time). Nothing for anyone else
        (a forgotten check shows an empty list, never a leak)."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        member = CareTeamMember.objects.filter(user=user, ended_at__isnull=True).values("family_id")
        emergency = BreakGlassAccess.objects.active().filter(user=user).values("family_id")
        return self.filter(Q(pk__in=member) | Q(pk__in=emergency))


def belonging_to_visible_families(queryset: QS, user: Any, *, path: str = "family") -> QS:
    """`queryset` narrowed to rows of families `user` may see (`Family.objects.visible_to`): the one way
    pages and API look up a family's tasks, consents, goals and actions."""
    return queryset.filter(**{f"{path}__in": Family.objects.visible_to(user).values("pk")})


class Family(models.Model):
    """A household in the first 1,000 days (from before pregnancy to age 2, or as long as needed)."""

    name = models.CharField(
        _("naam van het gezin"),
        max_length=120,
        help_text=_("Zoals het gezin zichzelf noemt, bijvoorbeeld 'Linda en Davie'."),
    )
    street = models.CharField(_("straat"), max_length=120, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("plaats"), max_length=80, blank=True, default="Amsterdam")
    stadsdeel = models.ForeignKey(
        Stadsdeel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("stadsdeel")
    )
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("gebied")
    )
    support_as_long_as_needed = models.BooleanField(
        _("steun zolang nodig"),
        default=False,
        help_text=_("Na de tweede verjaardag blijft het gezin in beeld zolang dat nodig is."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("geopend door")
    )
    opened_at = models.DateTimeField(_("geopend op"))
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)
    # Set when names, contact details and free texts were replaced by a marker (a request of the family,
    # or the retention job); dates, levels and statuses stay for counting.
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = FamilyQuerySet.as_manager()

    class Meta:
        verbose_name = _("gezin")
        verbose_name_plural = _("gezinnen")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["opened_by"], name="family_opened_by")]

    def __str__(self) -> str:
        return self.name


class CaregiverRole(models.TextChoices):
    MOEDER = "moeder", _("Moeder")
    VADER = "vader", _("Vader")
    PARTNER = "partner", _("Partner")
    VERZORGER = "verzorger", _("Verzorger")


class Caregiver(models.Model):
    """A parent or caregiver. Fathers and partners are full participants of the family file."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="caregivers")
    given_name = models.CharField(_("voornaam"), max_length=80)
    family_name = models.CharField(_("achternaam"), max_length=120, blank=True)
    role = models.CharField(_("rol in het gezin"), max_length=20, choices=CaregiverRole.choices)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    needs_interpreter = models.BooleanField(_("heeft een tolk nodig"), default=False)
    needs_cultuurbemiddelaar = models.BooleanField(_("wil een cultuurbemiddelaar"), default=False)

    class Meta:
        verbose_name = _("ouder of verzorger")
        verbose_name_plural = _("ouders en verzorgers")
        ordering = ["family", "pk"]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class PregnancyOutcome(models.TextChoices):
    ONGOING = "lopend", _("Loopt nog")
    BORN = "geboren", _("Kind geboren")
    LOSS = "verlies", _("Miskraam of verlies")
    ENDED = "beeindigd", _("Beëindigd")


class Pregnancy(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="pregnancies")
    mother = models.ForeignKey(
        Caregiver, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("zwangere")
    )
    expected_due_date = models.DateField(_("uitgerekende datum"), null=True, blank=True)
    # Without a due date (no echo yet) the weeks told at a date give the gestational age.
    weeks_at_registration = models.PositiveSmallIntegerField(_("weken zwanger bij aanmelding"), null=True, blank=True)
    registered_on = models.DateField(_("aangemeld op"), null=True, blank=True)
    expected_children = models.PositiveSmallIntegerField(_("aantal kinderen verwacht"), default=1)
    outcome = models.CharField(
        _("afloop"), max_length=20, choices=PregnancyOutcome.choices, default=PregnancyOutcome.ONGOING
    )
    ended_on = models.DateField(_("geëindigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("zwangerschap")
        verbose_name_plural = _("zwangerschappen")
        ordering = ["family", "pk"]

    def __str__(self) -> str:
        return f"{self.family} - {self.expected_due_date or '?'}"


class Child(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.SET_NULL, null=True, blank=True, related_name="children")
    given_name = models.CharField(_("voornaam"), max_length=80)
    birth_date = models.DateField(_("geboortedatum"))
    weeks_at_birth = models.PositiveSmallIntegerField(
        _("zwangerschapsduur bij geboorte (weken)"),
        null=True,
        blank=True,
        help_text=_("Minder dan 37 weken is te vroeg geboren."),
    )
    birth_weight_grams = models.PositiveIntegerField(_("geboortegewicht (gram)"), null=True, blank=True)

    class Meta:
        verbose_name = _("kind")
        verbose_name_plural = _("kinderen")
        ordering = ["family", "birth_date", "pk"]

    def __str__(self) -> str:
        return self.given_name


class NetworkMember(models.Model):
    """Someone in the family's own network and what they help with (Eigen Plan)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="network")
    name = models.CharField(_("naam"), max_length=120)
    relation = models.CharField(_("relatie"), max_length=80, help_text=_("Bijvoorbeeld: zus, buurvrouw, vriend."))
    helps_with = models.CharField(_("helpt met"), max_length=300, blank=True)
    agreement = models.CharField(_("afspraak"), max_length=300, blank=True)
    contact = models.CharField(_("contact"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("persoon uit het netwerk")
        verbose_name_plural = _("persoonlijk netwerk")
        ordering = ["family", "pk"]

    def __str__(self) -> str:
        return self.name


class CareTeamReason(models.TextChoices):
    OPENED_FILE = "opened_file", _("heeft het dossier geopend")
    ADDED = "added", _("toegevoegd aan het team")
    REGIEHOUDER = "regiehouder", _("regiehouder")
    REFERRAL = "referral", _("via een verwijzing")


class CareTeamMember(models.Model):
    """A professional in the family's care team. History is kept: leaving sets `ended_at`."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="care_team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="care_teams")
    discipline = models.CharField(_("discipline"), max_length=30, choices=Discipline.choices)
    is_regiehouder = models.BooleanField(_("regiehouder"), default=False)
    reason = models.CharField(_("reden"), max_length=20, choices=CareTeamReason.choices)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("toegevoegd door")
    )
    added_at = models.DateTimeField(_("toegevoegd op"))
    ended_at = models.DateTimeField(_("gestopt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("lid van het zorgteam")
        verbose_name_plural = _("zorgteam")
        ordering = ["family", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "user"], condition=Q(ended_at__isnull=True), name="care_team_one_active_membership"
            ),
            models.UniqueConstraint(
                fields=["family"],
                condition=Q(ended_at__isnull=True, is_regiehouder=True),
                name="care_team_one_regiehouder",
            ),
        ]
        indexes = [models.Index(fields=["user", "ended_at"], name="care_team_user_active")]

    def __str__(self) -> str:
        return f"{self.user} - {self.family}"


class BreakGlassQuerySet(models.QuerySet["BreakGlassAccess"]):
    def active(self) -> BreakGlassQuerySet:
        """Grants that have not expired yet."""
        return self.filter(expires_at__gt=clock.now())

    def unreviewed(self) -> BreakGlassQuerySet:
        return self.filter(reviewed_at__isnull=True)


class BreakGlassAccess(models.Model):
    """Break-the-glass: a professional outside the care team reads a family file in an emergency.

    It needs a written reason, lasts a limited time (`expires_at`), is audited (`break_glass`), tells the
    family's regiehouder at once and waits on the privacy officer's (beheerder's) review list until
    reviewed. It gives read access only; it never makes someone a member of the care team."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_grants", verbose_name=_("wie")
    )
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="break_glass_grants")
    reason = models.TextField(_("reden"))
    started_at = models.DateTimeField(_("gestart op"))
    expires_at = models.DateTimeField(_("geldig tot"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    review_note = models.CharField(_("toelichting bij de beoordeling"), max_length=500, blank=True)

    objects = BreakGlassQuerySet.as_manager()

    class Meta:
        verbose_name = _("noodtoegang")
        verbose_name_plural = _("noodtoegang")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "expires_at"], name="break_glass_user_active"),
            models.Index(fields=["reviewed_at", "started_at"], name="break_glass_review"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} - {self.family_id} ({self.started_at:%d-%m-%Y %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.expires_at > clock.now()
