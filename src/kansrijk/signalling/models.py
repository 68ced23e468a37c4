"""Signalling as a conversation aid: dated assessments of risk and protective factors (a snapshot, never a
label; history is kept), the proposed care level with its reasons, the professional's own choice, and the
meldcode's five steps when there is unsafety."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.families.levels import AmsterdamLevel, NationalLevel
from kansrijk.families.models import Family
from kansrijk.signalling.triage import ProtectiveLevel


class Unsafety(models.TextChoices):
    NONE = "", _("Geen zorg over veiligheid")
    STRUCTURAL = "structureel", _("Zorg over structurele onveiligheid")
    ACUTE = "acuut", _("Acute onveiligheid")


class Assessment(models.Model):
    """One conversation's snapshot. Immutable once recorded: a new conversation is a new assessment."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="assessments")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(_("vastgelegd op"))
    conversation_on = models.DateField(_("datum van het gesprek"))
    strengths_note = models.TextField(_("wat gaat goed"), blank=True)
    unsafety = models.CharField(_("veiligheid"), max_length=20, choices=Unsafety.choices, blank=True, default="")
    catalogue_version = models.CharField(max_length=40)
    rules_version = models.CharField(max_length=40)
    risk_count = models.PositiveSmallIntegerField(default=0)
    strengths_count = models.PositiveSmallIntegerField(default=0)
    gaps_count = models.PositiveSmallIntegerField(default=0)
    protective_level = models.CharField(max_length=20, choices=ProtectiveLevel.choices)
    proposed_amsterdam = models.CharField(_("voorgesteld niveau"), max_length=20, choices=AmsterdamLevel.choices)
    proposed_national = models.CharField(
        _("voorgesteld landelijk niveau"), max_length=30, choices=NationalLevel.choices
    )
    rule_ids = models.JSONField(default=list)  # the matching rules: protective, Amsterdam, national
    # The matching rules as they read then ({"id", "level", "why_nl", "why_en"}), so the history keeps its
    # reasons when the rules file changes.
    rule_reasons = models.JSONField(default=list)
    chosen_amsterdam = models.CharField(
        _("gekozen niveau"), max_length=20, choices=AmsterdamLevel.choices, blank=True, default=""
    )
    chosen_national = models.CharField(
        _("gekozen landelijk niveau"), max_length=30, choices=NationalLevel.choices, blank=True, default=""
    )
    override_reason = models.TextField(_("waarom een ander niveau"), blank=True)

    class Meta:
        verbose_name = _("inschatting")
        verbose_name_plural = _("inschattingen")
        ordering = ["-made_at", "-pk"]
        indexes = [models.Index(fields=["family", "-made_at"], name="assessment_family_latest")]

    def __str__(self) -> str:
        return f"{self.family_id} {self.conversation_on}"

    @property
    def amsterdam_level(self) -> str:
        """The level that counts: the professional's choice, else the proposal."""
        return self.chosen_amsterdam or self.proposed_amsterdam

    @property
    def national_level(self) -> str:
        return self.chosen_national or self.proposed_national

    @property
    def overridden(self) -> bool:
        return bool(self.chosen_amsterdam or self.chosen_national)


class Source(models.TextChoices):
    PARENT = "ouder", _("Verteld door de ouder")
    OWN = "eigen", _("Eigen waarneming")
    COLLEAGUE = "professional", _("Van een andere professional")
    RECORD = "dossier", _("Uit het dossier")


class Observation(models.Model):
    """A factor discussed in the conversation. Risk: present or not; protective: a strength or a gap.
    Topics not discussed have no row, so "already discussed" is exactly what has a row."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="observations")
    factor = models.CharField(_("factor"), max_length=40)
    kind = models.CharField(max_length=12, choices=[("risk", _("risicofactor")), ("protective", _("beschermend"))])
    present = models.BooleanField(_("speelt / is sterk"))
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices, default=Source.PARENT)

    class Meta:
        verbose_name = _("besproken factor")
        verbose_name_plural = _("besproken factoren")
        ordering = ["assessment", "kind", "factor"]
        constraints = [models.UniqueConstraint(fields=["assessment", "factor"], name="observation_once_per_assessment")]

    def __str__(self) -> str:
        return self.factor


class MeldcodeStepKind(models.IntegerChoices):
    SIGNALS = 1, _("Signalen in kaart brengen")
    CONSULT = 2, _("Collega raadplegen en/of Veilig Thuis")
    CONVERSATION = 3, _("Gesprek met de ouder(s)")
    WEIGH = 4, _("Wegen met het afwegingskader")
    DECIDE = 5, _("Beslissen: hulp organiseren en/of melden")


class MeldcodeDecision(models.TextChoices):
    HELP = "hulp", _("Hulp organiseren")
    REPORT = "melden", _("Melden bij Veilig Thuis")
    BOTH = "hulp_en_melden", _("Hulp organiseren én melden")


class MeldcodeTrack(models.Model):
    """The KNMG meldcode for one concern about unsafety, started by marking it in an assessment."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="meldcode_tracks")
    assessment = models.ForeignKey(Assessment, on_delete=models.SET_NULL, null=True, related_name="+")
    unsafety = models.CharField(max_length=20, choices=Unsafety.choices)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=20, choices=MeldcodeDecision.choices, blank=True, default="")

    class Meta:
        verbose_name = _("meldcode-traject")
        verbose_name_plural = _("meldcode-trajecten")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["family"], condition=models.Q(closed_at__isnull=True), name="meldcode_one_open_track"
            )
        ]

    def __str__(self) -> str:
        return f"meldcode {self.family_id}"


class MeldcodeStep(models.Model):
    track = models.ForeignKey(MeldcodeTrack, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField(choices=MeldcodeStepKind.choices)
    done_on = models.DateField(_("datum"))
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    notes = models.TextField(_("aantekeningen"))
    consulted = models.CharField(_("geraadpleegd"), max_length=120, blank=True)
    decision = models.CharField(max_length=20, choices=MeldcodeDecision.choices, blank=True, default="")

    class Meta:
        verbose_name = _("meldcode-stap")
        verbose_name_plural = _("meldcode-stappen")
        ordering = ["track", "step"]
        constraints = [models.UniqueConstraint(fields=["track", "step"], name="meldcode_step_once")]

    def __str__(self) -> str:
        return f"{self.track_id} stap {self.step}"
