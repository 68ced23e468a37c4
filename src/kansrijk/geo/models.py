"""Amsterdam's areas (reference data loaded from a versioned fixture file).

The rows are written only by `kansrijk.geo.services.geo_load_fixture` (and the data migration that
calls the same loader); see `data/amsterdam_gebiedsindeling.json` for the source of every value.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GeoDataVersion(models.Model):
    """Which version of the gebiedsindeling file was loaded, from which source, and when."""

    version = models.CharField(_("versie"), max_length=50)
    source = models.TextField(_("bron"))
    source_date = models.CharField(_("datum van de bron"), max_length=50)
    loaded_at = models.DateTimeField(_("geladen op"), auto_now=True)

    class Meta:
        verbose_name = _("versie van de gebiedsindeling")
        verbose_name_plural = _("versies van de gebiedsindeling")
        ordering = ("-loaded_at",)

    def __str__(self) -> str:
        return self.version


class Stadsdeel(models.Model):
    """A stadsdeel (or Weesp, formally a stadsgebied) with its one-letter code, e.g. T Zuidoost."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("stadsdeel")
        verbose_name_plural = _("stadsdelen")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class Gebied(models.Model):
    """One of the 25 gebieden (GGW-gebieden), e.g. GT22 Bijlmer-Centrum."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    stadsdeel = models.ForeignKey(
        Stadsdeel, on_delete=models.PROTECT, related_name="gebieden", verbose_name=_("stadsdeel")
    )

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class Wijk(models.Model):
    """A wijk of the 2022 division with its two-letter code, e.g. TB Venserpolder."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="wijken", verbose_name=_("gebied"))

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class PostcodeArea(models.Model):
    """A four-digit postcode and the stadsdeel and gebied where most of its inhabitants live.

    PC4 boundaries do not follow area boundaries: `straddles` marks a postcode that also covers
    other gebieden, for which the stored gebied is only the main one.
    """

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    stadsdeel = models.ForeignKey(
        Stadsdeel, on_delete=models.PROTECT, related_name="postcodes", verbose_name=_("stadsdeel")
    )
    gebied = models.ForeignKey(
        Gebied,
        on_delete=models.PROTECT,
        related_name="postcodes",
        null=True,
        blank=True,
        verbose_name=_("gebied"),
    )
    straddles = models.BooleanField(_("ligt in meer gebieden"), default=False)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ("pc4",)

    def __str__(self) -> str:
        return self.pc4
