"""One notice per person per thing that happened, in any part of Kansrijk, and how often each person
wants to hear of them by email. Notices point at the family they concern (for the audit trail and the
family's erasure) and at what they are about by label and id, so this app imports no domain app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kansrijk.notify import registry


class Frequency(models.TextChoices):
    """How often a person gets an email about their notices (the pages always show them)."""

    IMMEDIATELY = "direct", _("Meteen")
    DAILY = "dagelijks", _("Eén keer per dag (overzicht)")
    WEEKLY = "wekelijks", _("Eén keer per week (overzicht)")
    NEVER = "uit", _("Nooit")


class Notice(models.Model):
    """Something one person should know; emailed at once or in their digest, as they chose."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=60)  # namespaced per domain, e.g. "referrals.nieuw"
    subject = models.CharField(max_length=200)  # the line in the email and on the page: never a family's data
    # A short text for lists (e.g. the step a referral reached), written in the source language and shown
    # through the translation catalogue (`headline_text`); empty where the subject says it all.
    headline = models.CharField(max_length=120, blank=True)
    link = models.CharField(max_length=300, blank=True)  # a path inside Kansrijk
    family = models.ForeignKey(
        "families.Family", null=True, blank=True, on_delete=models.CASCADE, related_name="notices"
    )
    object_type = models.CharField(max_length=100, blank=True)  # app label and model, e.g. "referrals.referral"
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(fields=["user", "sent_at"], name="notify_notice_unsent"),
            models.Index(fields=["object_type", "object_id"], name="notify_notice_about"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"

    @property
    def headline_text(self) -> str:
        """The headline in the active language (a text the catalogue knows is translated)."""
        return gettext(self.headline) if self.headline else ""

    @property
    def label(self) -> str:
        """The registered label of the kind, in the active language (the kind itself if unregistered)."""
        spec = registry.kind(self.kind)
        return str(spec.label) if spec is not None else self.kind


class NoticePreference(models.Model):
    """How often one person wants email: for one kind ("referrals.nieuw"), for a whole namespace
    ("referrals"), or by default (`kind` empty). The most specific one counts."""

    DEFAULT = ""  # the `kind` of a person's default choice

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences")
    kind = models.CharField(max_length=60, blank=True, default=DEFAULT)
    frequency = models.CharField(_("hoe vaak wil je berichten?"), max_length=20, choices=Frequency.choices)

    class Meta:
        verbose_name = _("voorkeur voor berichten")
        verbose_name_plural = _("voorkeuren voor berichten")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notify_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind or '*'}={self.frequency}"


class DigestState(models.Model):
    """When a person last got their daily and their weekly overview (so each goes once per day or week)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    daily_at = models.DateTimeField(null=True, blank=True)
    weekly_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"digest {self.pk}"
