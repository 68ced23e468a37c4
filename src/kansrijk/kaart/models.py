"""The Gezonde en Kansrijke Kaart: services for parents, after Open Referral HSDS 3.0.

HSDS entities: Organization (`KaartOrganization`, to keep it apart from the accounts' Organisation),
Service, Location, ServiceAtLocation, Phone, Schedule, Contact, Language, TaxonomyTerm (with its
Taxonomy), cost (`free` and `fees_description`), service areas (stadsdelen and gebieden) and
accessibility (on the location). What GKS needs beyond HSDS — phases, hulpvraag categories, target
groups, formal or informal, referral, waiting time, media and "laatst gecontroleerd" — are fields
here and travel in `x_gks` in the exchange format (docs/kaart-hsds.md).

Rows are written only by `kansrijk.kaart.services`; the taxonomy comes from the versioned file
`data/taxonomie.json` (data migration and `kansrijk kaart taxonomy`).
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kansrijk.accounts.models import Organisation
from kansrijk.geo.models import Gebied, Stadsdeel


class Taxonomy(models.Model):
    """A controlled vocabulary: `gks-hulpvraag`, `gks-fase` or `gks-doelgroep`."""

    HULPVRAAG = "gks-hulpvraag"
    FASE = "gks-fase"
    DOELGROEP = "gks-doelgroep"

    id = models.CharField(primary_key=True, max_length=50)
    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("omschrijving"), blank=True)
    version = models.CharField(_("versie"), max_length=20)

    class Meta:
        verbose_name = _("taxonomie")
        verbose_name_plural = _("taxonomieën")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    """One term of a taxonomy, with a B1 label, an English label and everyday synonyms."""

    id = models.CharField(primary_key=True, max_length=100)  # "<taxonomy>:<code>", stable
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.SlugField(_("code"), max_length=60)
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=100)
    label_en = models.CharField(_("naam (Engels)"), max_length=100)
    description_nl = models.TextField(_("uitleg"), blank=True)
    synonyms_nl = models.JSONField(_("andere woorden (Nederlands)"), default=list, blank=True)
    synonyms_en = models.JSONField(_("andere woorden (Engels)"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        ordering = ("taxonomy", "position")
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="kaart_term_unique_code")]

    def __str__(self) -> str:
        return self.label_nl

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_nl


class Language(models.Model):
    """A language help can be given in (ISO 639 code)."""

    code = models.CharField(primary_key=True, max_length=10)
    name_nl = models.CharField(_("naam"), max_length=60)
    name_en = models.CharField(_("naam (Engels)"), max_length=60)
    synonyms = models.JSONField(default=list, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("talen")
        ordering = ("position", "name_nl")

    def __str__(self) -> str:
        return self.name_nl

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_nl


class OrganizationKind(models.TextChoices):
    FORMEEL = "formeel", _("Formeel (professionele organisatie)")
    INFORMEEL = "informeel", _("Informeel (vrijwilligers, ouders, gemeenschap)")


class KaartOrganization(models.Model):
    """An organisation that offers help on the Kaart (HSDS organization).

    `managed_by` is the Kansrijk organisation whose `kaart_redacteur`s keep this entry current."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("naam"), max_length=200)
    alternate_name = models.CharField(_("andere naam"), max_length=200, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    kind = models.CharField(
        _("soort"), max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.FORMEEL
    )
    managed_by = models.ForeignKey(
        Organisation,
        verbose_name=_("beheerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kaart_organizations",
    )
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisatie op de kaart")
        verbose_name_plural = _("organisaties op de kaart")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A place where help is given (HSDS location with its address and accessibility)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(KaartOrganization, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    address_1 = models.CharField(_("adres"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("plaats"), max_length=100, default="Amsterdam")
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    transportation = models.CharField(_("bereikbaarheid met openbaar vervoer"), max_length=300, blank=True)
    accessibility = models.CharField(_("toegankelijkheid"), max_length=300, blank=True)
    accessibility_details = models.TextField(_("toegankelijkheid: details"), blank=True)
    wheelchair_accessible = models.BooleanField(_("rolstoeltoegankelijk"), null=True, blank=True)
    # Derived from the postcode through the geography fixture when saved by the services.
    stadsdeel = models.ForeignKey(
        Stadsdeel, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("stadsdeel")
    )
    gebied = models.ForeignKey(
        Gebied, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("gebied")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name

    @property
    def address_line(self) -> str:
        return ", ".join(part for part in (self.address_1, f"{self.postal_code} {self.city}".strip()) if part)


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    INACTIVE = "inactive", _("Tijdelijk niet actief")
    DEFUNCT = "defunct", _("Gestopt")
    TEMPORARILY_CLOSED = "temporarily closed", _("Tijdelijk gesloten")


class Capacity(models.TextChoices):
    """Whether a service can take on new families now, kept by the receiving organisation."""

    OPEN = "plek", _("Er is plek")
    WAITING_LIST = "wachtlijst", _("Er is een wachtlijst")
    FULL = "vol", _("Tijdelijk vol")


class Service(models.Model):
    """One kind of help an organisation offers (HSDS service) with GKS's extra fields."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(KaartOrganization, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(_("naam"), max_length=200)
    alternate_name = models.CharField(_("andere naam"), max_length=200, blank=True)
    description = models.TextField(_("omschrijving (B1)"))
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE)
    interpretation_services = models.CharField(_("tolk"), max_length=300, blank=True)
    application_process = models.TextField(_("hoe kom je erbij"), blank=True)
    eligibility_description = models.TextField(_("voor wie"), blank=True)
    fees_description = models.CharField(_("kosten"), max_length=300, blank=True)
    free = models.BooleanField(_("gratis"), default=False)
    formal = models.BooleanField(_("formeel aanbod"), default=True)
    referral_required = models.BooleanField(_("verwijzing nodig"), default=False)
    wait_time_days = models.PositiveSmallIntegerField(_("wachttijd in dagen"), null=True, blank=True)
    wait_time_description = models.CharField(_("wachttijd"), max_length=200, blank=True)
    capacity = models.CharField(_("plek voor nieuwe gezinnen"), max_length=12, choices=Capacity.choices, blank=True)
    capacity_updated_at = models.DateTimeField(_("plek bijgewerkt op"), null=True, blank=True)
    minimum_age_months = models.PositiveSmallIntegerField(_("vanaf leeftijd kind (maanden)"), null=True, blank=True)
    maximum_age_months = models.PositiveSmallIntegerField(_("tot leeftijd kind (maanden)"), null=True, blank=True)
    categories = models.ManyToManyField(
        TaxonomyTerm, related_name="services_as_category", verbose_name=_("hulpvragen"), blank=True
    )
    phases = models.ManyToManyField(TaxonomyTerm, related_name="services_as_phase", verbose_name=_("fases"), blank=True)
    target_groups = models.ManyToManyField(
        TaxonomyTerm, related_name="services_as_target_group", verbose_name=_("doelgroepen"), blank=True
    )
    languages = models.ManyToManyField(Language, related_name="services", verbose_name=_("talen"), blank=True)
    whole_city = models.BooleanField(_("heel Amsterdam"), default=False)
    stadsdelen = models.ManyToManyField(
        Stadsdeel, related_name="kaart_services", verbose_name=_("stadsdelen"), blank=True
    )
    gebieden = models.ManyToManyField(Gebied, related_name="kaart_services", verbose_name=_("gebieden"), blank=True)
    closed_on_public_holidays = models.BooleanField(_("dicht op feestdagen"), default=True)
    last_verified_at = models.DateField(_("laatst gecontroleerd op"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("laatst gecontroleerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_verified_by_name = models.CharField(_("laatst gecontroleerd door (naam)"), max_length=200, blank=True)
    stale_reminder_sent_at = models.DateTimeField(_("herinnering verstuurd op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "stale_reminder_sent_at"])

    locations: models.ManyToManyField[Location, ServiceAtLocation] = models.ManyToManyField(
        Location, through="ServiceAtLocation", related_name="services", verbose_name=_("locaties")
    )

    class Meta:
        verbose_name = _("hulpaanbod")
        verbose_name_plural = _("hulpaanbod")
        ordering = ("name",)
        indexes = [models.Index(fields=["status", "last_verified_at"], name="kaart_service_verified_idx")]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("aanbod op een locatie")
        verbose_name_plural = _("aanbod op locaties")
        constraints = [models.UniqueConstraint(fields=["service", "location"], name="kaart_sal_unique")]

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"


class PhoneKind(models.TextChoices):
    VOICE = "voice", _("Bellen")
    TEXT = "text", _("Sms")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Phone(models.Model):
    """A phone number of an organisation, a service or a location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        KaartOrganization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("nummer"), max_length=30)
    kind = models.CharField(_("soort"), max_length=20, choices=PhoneKind.choices, default=PhoneKind.VOICE)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    languages = models.ManyToManyField(Language, blank=True, related_name="+", verbose_name=_("talen"))

    class Meta:
        verbose_name = _("telefoonnummer")
        verbose_name_plural = _("telefoonnummers")

    def __str__(self) -> str:
        return self.number


class AttendingType(models.TextChoices):
    IN_PERSON = "in_person", _("Open (langskomen)")
    PHONE = "phone", _("Telefonisch bereikbaar")
    ONLINE = "online", _("Online")


class Schedule(models.Model):
    """Weekly hours (HSDS schedule, freq WEEKLY): when a service or location is open, or when the
    phone is answered. `closes_at` before `opens_at` means past midnight."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules")
    attending_type = models.CharField(
        _("soort"), max_length=20, choices=AttendingType.choices, default=AttendingType.IN_PERSON
    )
    byday = models.CharField(_("dagen"), max_length=30, help_text="MO,TU,WE,TH,FR,SA,SU")
    opens_at = models.TimeField(_("van"))
    closes_at = models.TimeField(_("tot"))
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_to = models.DateField(_("geldig tot"), null=True, blank=True)
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("openingstijd")
        verbose_name_plural = _("openingstijden")
        ordering = ("attending_type", "byday", "opens_at")

    def __str__(self) -> str:
        return f"{self.byday} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"


class Closure(models.Model):
    """A period in which a service is closed, such as a summer break (inclusive dates)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="closures")
    start = models.DateField(_("van"))
    end = models.DateField(_("tot en met"))
    reason = models.CharField(_("reden"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sluiting")
        verbose_name_plural = _("sluitingen")
        ordering = ("start",)

    def __str__(self) -> str:
        return f"{self.start} - {self.end}"


class Contact(models.Model):
    """Who to ask for at a service (a team or a function; a person's name only if they want it shown)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("naam"), max_length=200)
    title = models.CharField(_("functie"), max_length=200, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self) -> str:
        return self.name


class MediaKind(models.TextChoices):
    VIDEO = "video", _("Video")
    PHOTO = "photo", _("Foto")


class ServiceMedia(models.Model):
    """A video (e.g. an ervaringsverhaal) or photo about a service, always with a caption and alt text."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="media")
    kind = models.CharField(_("soort"), max_length=10, choices=MediaKind.choices)
    url = models.URLField(_("link"))
    caption = models.CharField(_("onderschrift"), max_length=300)
    alt_text = models.CharField(_("beschrijving voor wie het niet kan zien"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("video of foto")
        verbose_name_plural = _("video's en foto's")
        ordering = ("position",)

    def __str__(self) -> str:
        return self.caption


class KaartVersion(models.Model):
    """A counter raised in the same transaction as every change to the map, so that each web or
    worker process can see cheaply whether its search index is still current."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    version = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[KaartVersion]] = models.Manager()

    class Meta:
        verbose_name = _("versie van de kaart")

    def __str__(self) -> str:
        return f"kaart v{self.version}"
