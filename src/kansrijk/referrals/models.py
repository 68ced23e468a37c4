"""Closed-loop referrals: a referral (verwijzing / toeleiding) to a Kaart service or a named
professional, its history, the warm handover, service-level alerts, answer links for partners without
an account. The notices that keep the referrer informed are in `kansrijk.notify`.

The states and their allowed transitions are declared once, on `Referral` (django-fsm-2); the services
in `kansrijk.referrals.services` are the only callers. History is appended (`ReferralEvent`), never
edited.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, FSMModelMixin, transition

from kansrijk.accounts.models import Organisation
from kansrijk.accounts.permissions import organisation_ids_of
from kansrijk.consent.models import Consent
from kansrijk.families.models import Family
from kansrijk.kaart.models import Service


class ReferralStatus(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    WAITING_CONSENT = "wacht_op_toestemming", _("Wacht op toestemming")
    SENT = "verstuurd", _("Verstuurd")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    DECLINED = "afgewezen", pgettext_lazy("verwijzing", "Afgewezen")
    HANDOVER_PLANNED = "overdracht_gepland", _("Overdracht gepland")
    HANDOVER_DONE = "overdracht_gedaan", _("Overdracht gedaan")
    HELP_STARTED = "hulp_gestart", _("Hulp gestart")
    COMPLETED = "afgerond", _("Afgerond")
    STOPPED = "gestopt", _("Gestopt")


S = ReferralStatus
# Before the receiving side has answered: the referrer's part of the loop.
BEFORE_ANSWER = (S.CONCEPT, S.WAITING_CONSENT, S.SENT)
# Accepted and not ended: the family is getting (or about to get) help.
ACTIVE_HELP = (S.ACCEPTED, S.HANDOVER_PLANNED, S.HANDOVER_DONE, S.HELP_STARTED)
OPEN = (*BEFORE_ANSWER, *ACTIVE_HELP)
ENDED = (S.DECLINED, S.COMPLETED, S.STOPPED)


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("Normaal")
    URGENT = "spoed", _("Met spoed")


class HandoverMode(models.TextChoices):
    IN_PERSON = "fysiek", _("Samen op één plek")
    VIDEO = "video", _("Via video")
    HYBRID = "hybride", _("Hybride (deels op één plek, deels via video)")
    NONE = "geen", _("Geen gezamenlijk moment nodig")


class ClosingReason(models.TextChoices):
    """Why a referral was declined or stopped: a short list, so the loop's outcome can be counted."""

    NO_CAPACITY = "geen_capaciteit", _("Geen plek (capaciteit)")
    NOT_SUITABLE = "past_niet", _("Past niet bij de vraag")
    NO_CONTACT = "geen_contact", _("Geen contact gekregen met de ouders")
    PARENT_WITHDREW = "ouder_wil_niet", _("Ouder wil het niet meer")
    HELPED_ELSEWHERE = "elders_geholpen", _("Elders geholpen")
    OTHER = "anders", _("Anders")


class ReferralQuerySet(models.QuerySet["Referral"]):
    def visible_to(self, user: Any) -> ReferralQuerySet:
        """Every referral `user` may see: of families they may see (care team, break-the-glass), or
        addressed to them or their organisation once sent (a concept never reaches the receiving side)."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        received = Q(professional=user) | Q(
            professional__isnull=True, receiving_organisation_id__in=organisation_ids_of(user)
        )
        return self.filter(
            Q(family_id__in=Family.objects.visible_to(user).values("pk")) | (received & Q(sent_at__isnull=False))
        )


class Referral(FSMModelMixin, models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="referrals")
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referrals_made", verbose_name=_("verwijzer")
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("hulpaanbod")
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        verbose_name=_("professional"),
    )
    receiving_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ontvanger")
    )
    recipient_label = models.CharField(_("naar"), max_length=300)
    reason = models.TextField(_("hulpvraag in de woorden van het gezin"))
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    handover_preference = models.CharField(
        _("gewenste overdracht"), max_length=10, choices=HandoverMode.choices, default=HandoverMode.IN_PERSON
    )
    consent = models.ForeignKey(
        Consent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("toestemming"),
    )
    status = FSMField(_("status"), max_length=30, choices=ReferralStatus.choices, default=S.CONCEPT, protected=True)
    created_at = models.DateTimeField(_("gemaakt op"))
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    received_at = models.DateTimeField(_("geopend door ontvanger op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    first_contact_at = models.DateTimeField(_("eerste contact op"), null=True, blank=True)
    help_started_at = models.DateTimeField(_("hulp gestart op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closing_reason = models.CharField(_("reden"), max_length=20, choices=ClosingReason.choices, blank=True)
    closing_note = models.CharField(_("toelichting"), max_length=500, blank=True)
    suggested_service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voorgesteld ander aanbod"),
    )
    suggestion = models.CharField(_("ander voorstel"), max_length=300, blank=True)
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("volgt op")
    )
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ("-created_at", "-pk")
        indexes = [
            models.Index(fields=["receiving_organisation", "status", "sent_at"], name="referral_inbox"),
            models.Index(fields=["professional", "status", "sent_at"], name="referral_inbox_person"),
            models.Index(fields=["family", "created_at"], name="referral_family"),
            models.Index(fields=["referrer", "status"], name="referral_referrer"),
            models.Index(fields=["status", "sent_at"], name="referral_status_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_label} ({self.get_status_display()})"

    # The transition table. Nothing else changes `status` (the field is protected).
    @transition(field=status, source=S.CONCEPT, target=S.WAITING_CONSENT)
    def await_consent(self) -> None:
        """The parents want to think about what to share first."""

    @transition(field=status, source=[S.CONCEPT, S.WAITING_CONSENT], target=S.SENT)
    def send(self) -> None:
        """Sent to the receiving side (the service checks the consent first)."""

    @transition(field=status, source=S.SENT, target=S.ACCEPTED)
    def accept(self) -> None:
        pass

    @transition(field=status, source=S.SENT, target=S.DECLINED)
    def decline(self) -> None:
        pass

    @transition(field=status, source=[S.ACCEPTED, S.HANDOVER_PLANNED], target=S.HANDOVER_PLANNED)
    def plan_handover(self) -> None:
        """Plan (or re-plan) the joint moment."""

    @transition(field=status, source=S.HANDOVER_PLANNED, target=S.HANDOVER_DONE)
    def complete_handover(self) -> None:
        pass

    @transition(field=status, source=[S.ACCEPTED, S.HANDOVER_DONE], target=S.HELP_STARTED)
    def start_help(self) -> None:
        """Help starts; from accepted only when no joint moment was needed (checked by the service)."""

    @transition(field=status, source=S.HELP_STARTED, target=S.COMPLETED)
    def complete(self) -> None:
        pass

    @transition(field=status, source=list(OPEN), target=S.STOPPED)
    def stop(self) -> None:
        pass


class ReferralEvent(models.Model):
    """One step in a referral's history (append-only)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=30, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=ReferralStatus.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    by_label = models.CharField(max_length=200)
    reason = models.CharField(max_length=20, choices=ClosingReason.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ("at", "pk")
        indexes = [models.Index(fields=["referral", "at"], name="referral_event_idx")]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Handover(models.Model):
    """The warm handover: one joint moment with the current and the new professional and the parents."""

    referral = models.OneToOneField(Referral, on_delete=models.CASCADE, related_name="handover")
    mode = models.CharField(_("hoe"), max_length=10, choices=HandoverMode.choices)
    planned_at = models.DateTimeField(_("wanneer"))
    place = models.CharField(_("waar"), max_length=200, blank=True)
    home_visit = models.BooleanField(_("bij het gezin thuis"), default=False)
    participants = models.CharField(_("wie zijn erbij"), max_length=500)
    interpreter = models.BooleanField(_("tolk erbij"), default=False)
    cultuurbemiddelaar = models.BooleanField(_("cultuurbemiddelaar erbij"), default=False)
    summary = models.TextField(_("samenvatting voor de overdracht"))
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    done_mode = models.CharField(_("hoe het ging"), max_length=10, choices=HandoverMode.choices, blank=True)
    parents_present = models.BooleanField(_("ouders waren erbij"), default=True)
    done_note = models.CharField(_("hoe het ging"), max_length=500, blank=True)

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.planned_at:%d-%m-%Y %H:%M}"


class AlertClock(models.TextChoices):
    ANSWER = "antwoord", _("Antwoord")
    CONTACT = "contact", _("Eerste contact")


class AlertStage(models.TextChoices):
    REMINDER = "herinnering", _("Herinnering")
    LATE = "laat", _("Te laat")
    VERY_LATE = "zeer_laat", _("Zeer laat")


class ServiceLevelAlert(models.Model):
    """A reminder or escalation sent once for one referral, clock and stage."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="alerts")
    clock = models.CharField(max_length=10, choices=AlertClock.choices)
    stage = models.CharField(max_length=12, choices=AlertStage.choices)
    at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["referral", "clock", "stage"], name="referral_alert_once"),
        ]

    def __str__(self) -> str:
        return f"{self.clock}/{self.stage}"


class AnswerLink(models.Model):
    """A personal, expiring link for a small partner without an account. Only the hash is stored."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="answer_links")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)  # accept or decline: once per link
    ended_at = models.DateTimeField(null=True, blank=True)  # revoked by the referrer, or the loop ended
    ended_reason = models.CharField(max_length=20, blank=True)  # "ingetrokken" or "afgerond"

    def __str__(self) -> str:
        return f"link {self.pk}"

    def works(self, at: datetime) -> bool:
        return self.ended_at is None and self.expires_at > at


class NoticeKind(models.TextChoices):
    NEW = "nieuw", _("Nieuwe verwijzing")
    STATUS = "status", _("Nieuwe stap")
    REMINDER = "herinnering", _("Herinnering")
    LATE = "laat", _("Te laat")
    VERY_LATE = "zeer_laat", _("Zeer laat")
    CONSENT_REVOKED = "ingetrokken", _("Toestemming ingetrokken")


class FamilyClosing(models.Model):
    """The closing summary of a family leaving the 1,000-day window, written once by the nightly job."""

    family = models.OneToOneField(Family, on_delete=models.CASCADE, related_name="closing")
    created_at = models.DateTimeField()
    summary = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("afsluiting na de 1.000 dagen")
        verbose_name_plural = _("afsluitingen na de 1.000 dagen")

    def __str__(self) -> str:
        return f"closing {self.family_id}"
