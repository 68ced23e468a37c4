"""The regiehouder pool: one fixed contact person who keeps the overview for a family across phases
("één gezin, één plan"), from several organisations, each with a caseload that depends on capacity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.families.models import Discipline, Family
from kansrijk.geo.models import Stadsdeel


class RegiehouderProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="regie_profile")
    discipline = models.CharField(_("discipline"), max_length=30, choices=Discipline.choices)
    capacity = models.PositiveSmallIntegerField(_("aantal gezinnen (capaciteit)"), default=20)
    languages = models.JSONField(_("talen"), default=list, blank=True)
    stadsdelen = models.ManyToManyField(Stadsdeel, verbose_name=_("stadsdelen"), blank=True, related_name="+")
    whole_city = models.BooleanField(_("werkt in heel Amsterdam"), default=False)
    active = models.BooleanField(_("neemt nieuwe gezinnen aan"), default=True)

    class Meta:
        verbose_name = _("regiehouder in de pool")
        verbose_name_plural = _("pool van regiehouders")
        ordering = ["user__full_name"]

    def __str__(self) -> str:
        return str(self.user)


class RegieAssignment(models.Model):
    """Who holds regie for a family, and since when. History is kept: a handover ends one and starts
    the next."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="regie_assignments")
    regiehouder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="regie_assignments"
    )
    started_at = models.DateTimeField()
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("regie")
        verbose_name_plural = _("regie")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["family"], condition=Q(ended_at__isnull=True), name="regie_one_active")
        ]
        indexes = [models.Index(fields=["regiehouder", "ended_at"], name="regie_caseload")]

    def __str__(self) -> str:
        return f"{self.regiehouder} - {self.family_id}"


class RegieGap(models.Model):
    """A family whose pathway asks for a regiehouder while it has none (flagged by the daily job)."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="regie_gaps")
    flagged_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gezin zonder regiehouder")
        verbose_name_plural = _("gezinnen zonder regiehouder")
        ordering = ["flagged_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["family"], condition=Q(resolved_at__isnull=True), name="regie_gap_one_open")
        ]

    def __str__(self) -> str:
        return f"gap {self.family_id}"
