"""One family, one plan: goals per life domain in the family's own words, and actions (who does what, by
when) that may carry out a task of the pathway."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.families.models import Family, belonging_to_visible_families
from kansrijk.pathways.models import Task


class LifeDomain(models.TextChoices):
    """Life domains of the plan, in B1 (after the Eigen Plan and the zelfredzaamheidsmatrix)."""

    BABY = "zwangerschap_en_baby", _("Zwangerschap en de baby")
    GEZONDHEID = "gezondheid", _("Gezondheid")
    WELZIJN = "welzijn", _("Hoe ik me voel")
    OPVOEDEN = "opvoeden", _("Opvoeden")
    GELD = "geld", _("Geld en regelingen")
    WONEN = "wonen", _("Wonen")
    WERK = "werk", _("Werk, school en dagbesteding")
    NETWERK = "netwerk", _("Familie, vrienden en buurt")
    VEILIGHEID = "veiligheid", _("Veilig in huis")
    TAAL = "taal", _("Taal en meedoen")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Daar werken we aan")
    REACHED = "bereikt", _("Gelukt")
    STOPPED = "gestopt", _("Gestopt")


class GoalQuerySet(models.QuerySet["Goal"]):
    def visible_to(self, user: Any) -> GoalQuerySet:
        """Goals of the families `user` may see."""
        return belonging_to_visible_families(self, user)


class ActionQuerySet(models.QuerySet["Action"]):
    def visible_to(self, user: Any) -> ActionQuerySet:
        """Actions under goals of the families `user` may see."""
        return belonging_to_visible_families(self, user, path="goal__family")


class Goal(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="goals")
    domain = models.CharField(_("onderwerp"), max_length=30, choices=LifeDomain.choices)
    text = models.CharField(
        _("doel, in de woorden van het gezin"),
        max_length=300,
        help_text=_("Bijvoorbeeld: 'Ik wil weer rustig slapen.'"),
    )
    status = models.CharField(max_length=20, choices=GoalStatus.choices, default=GoalStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("plan", "doel")
        verbose_name_plural = _("doelen")
        ordering = ["family", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Nog niet begonnen")
    BUSY = "bezig", _("Bezig")
    DONE = "klaar", _("Klaar")
    STOPPED = "gestopt", _("Gestopt")


class Action(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("wat"), max_length=300)
    who = models.CharField(
        _("wie"), max_length=120, help_text=_("Een ouder, iemand uit het netwerk of een professional.")
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_actions"
    )
    due_on = models.DateField(_("wanneer klaar"), null=True, blank=True)
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="plan_actions", verbose_name=_("taak")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["goal", "due_on", "pk"]

    def __str__(self) -> str:
        return self.what
