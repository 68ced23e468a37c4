"""Models of the core: the append-only audit trail and the worker heartbeat."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("bekeken")
    CREATE = "create", _("aangemaakt")
    UPDATE = "update", _("gewijzigd")
    DELETE = "delete", _("verwijderd")
    EXPORT = "export", _("geëxporteerd")
    BREAK_GLASS = "break_glass", _("noodtoegang")
    DENIED = "denied", _("geweigerd")


class AuditEntry(models.Model):
    """One access to personal data, or one refused attempt (modelled on NEN 7513).

    Append-only: the database refuses UPDATE and DELETE (trigger), and every entry carries a MAC over
    its own fields and the previous entry's, so `kansrijk audit verify` finds any changed, removed or
    inserted row. `chain_version` 2 (every entry written since core.0003): HMAC-SHA256 with
    `KANSRIJK_AUDIT_KEY`, which the database never holds; 1: an unkeyed SHA-256 hash, only for the
    entries written before (docs/adr/0008). Actor details are copied, not referenced, so the record
    stays complete when accounts or organisations change.
    """

    seq = models.BigIntegerField(_("volgnummer"), unique=True, editable=False)
    occurred_at = models.DateTimeField(_("tijdstip"), db_index=True, editable=False)
    actor_id = models.BigIntegerField(_("gebruiker-id"), null=True, blank=True, db_index=True)
    actor_label = models.CharField(_("gebruiker"), max_length=254, blank=True)
    actor_organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    actor_role = models.CharField(_("rol"), max_length=200, blank=True)
    on_behalf_of = models.CharField(_("namens"), max_length=254, blank=True)
    action = models.CharField(_("handeling"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=100, db_index=True)
    object_id = models.CharField(_("gegeven-id"), max_length=64, blank=True, db_index=True)
    purpose = models.CharField(_("doel"), max_length=200, blank=True)
    request_id = models.CharField(_("verzoek-id"), max_length=64, blank=True)
    client_ip = models.CharField(_("adres"), max_length=45, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, editable=False)
    # The entry's HMAC (chain version 2) or, before the keyed chain, its SHA-256 hash (version 1).
    hash = models.CharField(max_length=64, unique=True, editable=False)
    chain_version = models.PositiveSmallIntegerField(default=2, editable=False)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ("-seq",)
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"], name="audit_object_idx")]
        permissions = [("view_audit_log", "Can read the audit log")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditChainHead(models.Model):
    """A single row holding the last sequence number and MAC; locking it serialises the chain.

    The application must be able to update it, so it is no proof of anything: the checkpoints that
    `kansrijk audit checkpoint` writes outside the database are (a shortened tail shows against them)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # The last entry written before the keyed chain (0: none), sealed with an HMAC of the key over its
    # number and hash by migration core.0004: no unkeyed entry past it verifies (docs/adr/0008).
    unkeyed_up_to = models.BigIntegerField(default=0)
    unkeyed_seal = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("begin van de auditketen")

    def __str__(self) -> str:
        return f"audit chain head #{self.seq}"


class WorkerHeartbeat(models.Model):
    """Written by a scheduled job every minute; /healthz reads its age to tell whether the worker runs."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    beat_at = models.DateTimeField()

    class Meta:
        verbose_name = _("hartslag van de achtergrondtaken")

    def __str__(self) -> str:
        return f"heartbeat {self.beat_at.isoformat()}"
