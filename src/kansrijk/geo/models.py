"""Amsterdam's areas (reference data loaded from a versioned fixture file)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GeoDataVersion(models.Model):
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
    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)

    class Meta:
        verbose_name = _("stadsdeel")
        verbose_name_plural = _("stadsdelen")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class Gebied(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, related_name="gebieden")

    class Meta:
        verbose_name = _("gebied")
        verbose_name_plural = _("gebieden")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class Wijk(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="wijken")

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ("naam",)

    def __str__(self) -> str:
        return self.naam


class PostcodeArea(models.Model):
    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    stadsdeel = models.ForeignKey(Stadsdeel, on_delete=models.PROTECT, related_name="postcodes")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="postcodes", null=True, blank=True)
    straddles = models.BooleanField(_("ligt in meer gebieden"), default=False)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ("pc4",)

    def __str__(self) -> str:
        return self.pc4
