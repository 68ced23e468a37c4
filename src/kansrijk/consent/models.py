"""The consent registry (AVG): what a parent agreed may be shared, with whom, why, how, until when.

A consent is never edited: a parent who changes their mind revokes it (revocation stops sharing at
once) and, if they want, gives a new one. Other apps ask `kansrijk.consent.selectors` whether data may
be shared; they never read these rows themselves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import Organisation
from kansrijk.families.models import Caregiver, Family, belonging_to_visible_families
from kansrijk.kaart.models import Service


class DataCategory(models.TextChoices):
    """What may be shared, in words a parent understands (B1). The order is the order on the form."""

    CONTACT = "contact", _("Naam, adres en telefoonnummer")
    HOUSEHOLD = "gezin", _("Wie er in het gezin zijn, en of er een zwangerschap of baby is")
    QUESTION = "hulpvraag", _("De hulpvraag, in uw eigen woorden")
    PLAN = "plan", _("Het gezinsplan: doelen en afspraken")
    TOPICS = "onderwerpen", _("Wat goed gaat en waar u zich zorgen over maakt")


class ConsentMethod(models.TextChoices):
    SPOKEN = "mondeling", _("Mondeling")
    WRITTEN = "schriftelijk", _("Schriftelijk (op papier of digitaal getekend)")


class ConsentQuerySet(models.QuerySet["Consent"]):
    def visible_to(self, user: Any) -> ConsentQuerySet:
        """Consents of the families `user` may see (the receiving side reads a consent through its
        referral, never by itself)."""
        return belonging_to_visible_families(self, user)


class Consent(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="consents")
    given_by = models.ForeignKey(
        Caregiver, on_delete=models.CASCADE, related_name="consents", verbose_name=_("gegeven door")
    )
    categories = models.JSONField(_("wat mag gedeeld worden"), default=list)
    service = models.ForeignKey(
        Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("hulpaanbod")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("organisatie")
    )
    recipient_label = models.CharField(_("met wie"), max_length=300)
    purpose = models.CharField(_("waarvoor"), max_length=300)
    method = models.CharField(_("hoe gegeven"), max_length=20, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("vastgelegd door")
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"))
    valid_until = models.DateField(_("geldig tot en met"))
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ingetrokken door"),
    )
    revoked_note = models.CharField(_("toelichting bij intrekken"), max_length=300, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        ordering = ("-recorded_at", "-pk")
        indexes = [models.Index(fields=["family", "recorded_at"], name="consent_family_idx")]

    def __str__(self) -> str:
        return f"{self.recipient_label} ({self.recorded_at:%d-%m-%Y})"

    def is_active(self, on: date) -> bool:
        """Sharing is allowed on `on`: not revoked and not expired."""
        return self.revoked_at is None and on <= self.valid_until
