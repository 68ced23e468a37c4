"""What the privacy officer (beheerder) did with a family's data: erased or anonymised it on the family's
request, or the retention job anonymised it. A row refers to the family by its number only, so it stays
when the family is erased; the reason is for the privacy officer and names nobody."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    ERASE = "verwijderen", _("Verwijderd op verzoek")
    ANONYMISE = "anonimiseren", _("Geanonimiseerd op verzoek")
    RETENTION = "bewaartermijn", _("Geanonimiseerd: bewaartermijn voorbij")


class PrivacyRequest(models.Model):
    kind = models.CharField(_("wat"), max_length=20, choices=RequestKind.choices)
    family_ref = models.PositiveBigIntegerField(_("dossiernummer"), db_index=True)
    reason = models.TextField(_("reden"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    handled_at = models.DateTimeField(_("op"))
    # How many rows of each kind were removed or changed (model labels and numbers, no content).
    counts = models.JSONField(_("aantallen"), default=dict, blank=True)

    class Meta:
        verbose_name = _("privacyverzoek")
        verbose_name_plural = _("privacyverzoeken")
        ordering = ("-handled_at", "-pk")

    def __str__(self) -> str:
        return f"{self.kind} {self.family_ref} ({self.handled_at:%d-%m-%Y})"
