"""The pathway "Zo werken wij in Amsterdam" as versioned data, and the tasks it proposes for a family.

A pathway version is never changed once published: the programme team publishes a new version, and the
tasks already made keep their version and a copy of their title, role and due date.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kansrijk.families.models import Family, belonging_to_visible_families


class PathwayVersion(models.Model):
    number = models.PositiveIntegerField(_("versie"), unique=True)
    name = models.CharField(_("naam"), max_length=120)
    note = models.TextField(_("wat is er veranderd"), blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("versie van de route")
        verbose_name_plural = _("versies van de route")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"


class CompletesOn(models.TextChoices):
    NOTHING = "", _("Iemand vinkt de taak af")
    REGIE_ASSIGNED = "regie_assigned", _("Klaar zodra er een regiehouder is")


class PathwayStep(models.Model):
    version = models.ForeignKey(PathwayVersion, on_delete=models.PROTECT, related_name="steps")
    code = models.SlugField(_("code"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    phases = models.JSONField(_("fases"))  # phase kinds (families.phase.PhaseKind values)
    levels = models.JSONField(_("zorgniveaus"))  # Amsterdam care levels
    title_nl = models.CharField(_("taak (Nederlands)"), max_length=200)
    title_en = models.CharField(_("taak (Engels)"), max_length=200)
    description_nl = models.CharField(_("uitleg"), max_length=400, blank=True)
    role = models.CharField(_("verantwoordelijke rol"), max_length=30)
    due_working_days = models.PositiveSmallIntegerField(_("binnen (werkdagen)"))
    completes_on = models.CharField(max_length=30, choices=CompletesOn.choices, blank=True, default="")
    repeats = models.BooleanField(_("na elk gesprek opnieuw"), default=False)

    class Meta:
        verbose_name = _("stap van de route")
        verbose_name_plural = _("stappen van de route")
        ordering = ["version", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="pathway_step_code_once")]

    def __str__(self) -> str:
        return self.code


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "klaar", _("Klaar")
    NOT_NEEDED = "niet_nodig", _("Niet meer nodig")


class TaskKind(models.TextChoices):
    ROUTE = "route", _("Route")
    AFTERCARE = "nazorg", _("Nazorg")


class TaskQuerySet(models.QuerySet["Task"]):
    def open(self) -> TaskQuerySet:
        return self.filter(status=TaskStatus.OPEN)

    def visible_to(self, user: Any) -> TaskQuerySet:
        """Tasks of the families `user` may see."""
        return belonging_to_visible_families(self, user)


class Task(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="tasks")
    version = models.ForeignKey(PathwayVersion, on_delete=models.PROTECT, related_name="+")
    step_code = models.SlugField(max_length=60)
    kind = models.CharField(max_length=10, choices=TaskKind.choices, default=TaskKind.ROUTE)
    title_nl = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    description_nl = models.CharField(max_length=400, blank=True)
    role = models.CharField(max_length=30)
    completes_on = models.CharField(max_length=30, blank=True, default="")
    phase = models.CharField(max_length=30)
    level = models.CharField(max_length=20)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks"
    )
    due_on = models.DateField(_("uiterlijk op"))
    status = models.CharField(max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_note = models.CharField(max_length=300, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["family", "step_code"], condition=models.Q(status="open"), name="task_one_open_per_step"
            )
        ]
        indexes = [
            models.Index(fields=["assigned_to", "status", "due_on"], name="task_worklist"),
            models.Index(fields=["family", "status"], name="task_family_status"),
        ]

    def __str__(self) -> str:
        return self.title_nl

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "nl").startswith("en") else self.title_nl
