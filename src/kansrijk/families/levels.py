"""The care levels a family can be in: the Amsterdam three (seed 000) and the national four (seeds
003/004). Triage (signalling) proposes them; pathways and regie act on them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AmsterdamLevel(models.TextChoices):
    BASISZORG = "basiszorg", _("Basiszorg")
    STEUNTJE = "steuntje", _("Steuntje in de rug")
    EXTRA_STEUN = "extra_steun", _("Extra steun")


class NationalLevel(models.TextChoices):
    ZELFREDZAAM = "zelfredzaam", _("Zelfredzaam")
    POTENTIEEL_KWETSBAAR = "potentieel_kwetsbaar", _("Potentieel kwetsbaar")
    KWETSBAAR = "kwetsbaar", _("Kwetsbaar")
    ZEER_KWETSBAAR = "zeer_kwetsbaar", _("Zeer kwetsbaar")
