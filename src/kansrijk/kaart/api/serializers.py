"""HSDS 3.0 shapes of the Kaart (GKS profile, docs/kaart-hsds.md), for the API and the export."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kansrijk.kaart.models import (
    KaartOrganization,
    Language,
    Location,
    Phone,
    Schedule,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from kansrijk.kaart.search import KaartResult


class LanguageSerializer(serializers.ModelSerializer[Language]):
    name = serializers.CharField(source="name_nl")

    class Meta:
        model = Language
        fields = ("code", "name", "name_en")


class PhoneSerializer(serializers.ModelSerializer[Phone]):
    type = serializers.CharField(source="kind")
    languages = LanguageSerializer(many=True, read_only=True)

    class Meta:
        model = Phone
        fields = ("id", "number", "type", "description", "languages")


# Not OpenAPI's format "time": that is RFC 3339's full time, with seconds and an offset from UTC.
@extend_schema_field({"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "09:00"})
class ClockTimeField(serializers.TimeField):
    """A time of day as HH:MM in the schedule's `timezone`, as HSDS writes opening hours."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class ScheduleSerializer(serializers.ModelSerializer[Schedule]):
    freq = serializers.SerializerMethodField()
    opens_at = ClockTimeField()
    closes_at = ClockTimeField()
    timezone = serializers.SerializerMethodField()

    class Meta:
        model = Schedule
        fields = (
            "id",
            "freq",
            "byday",
            "opens_at",
            "closes_at",
            "attending_type",
            "valid_from",
            "valid_to",
            "description",
            "timezone",
        )

    def get_freq(self, obj: Schedule) -> str:
        return "WEEKLY"

    def get_timezone(self, obj: Schedule) -> str:
        return "Europe/Amsterdam"


class TaxonomySerializer(serializers.ModelSerializer[Taxonomy]):
    class Meta:
        model = Taxonomy
        fields = ("id", "name", "description", "version")


class TaxonomyTermSerializer(serializers.ModelSerializer[TaxonomyTerm]):
    taxonomy_id = serializers.CharField()
    name = serializers.CharField(source="label_nl")
    description = serializers.CharField(source="description_nl")
    language = serializers.SerializerMethodField()
    x_gks = serializers.SerializerMethodField()

    class Meta:
        model = TaxonomyTerm
        fields = ("id", "taxonomy_id", "code", "name", "description", "language", "x_gks")

    def get_language(self, obj: TaxonomyTerm) -> str:
        return "nl"

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "label_en": {"type": "string"},
                "synonyms_nl": {"type": "array", "items": {"type": "string"}},
                "active": {"type": "boolean"},
            },
        }
    )
    def get_x_gks(self, obj: TaxonomyTerm) -> dict[str, Any]:
        return {"label_en": obj.label_en, "synonyms_nl": obj.synonyms_nl, "active": obj.active}


class OrganizationSerializer(serializers.ModelSerializer[KaartOrganization]):
    phones = PhoneSerializer(many=True, read_only=True)
    x_gks = serializers.SerializerMethodField()

    class Meta:
        model = KaartOrganization
        fields = ("id", "name", "alternate_name", "description", "email", "website", "phones", "x_gks")

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "kind": {"type": "string", "enum": ["formeel", "informeel"]},
                "is_demo": {"type": "boolean"},
            },
        }
    )
    def get_x_gks(self, obj: KaartOrganization) -> dict[str, Any]:
        return {"kind": obj.kind, "is_demo": obj.is_demo}


class AddressSerializer(serializers.Serializer[Location]):
    address_1 = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    country = serializers.SerializerMethodField()
    address_type = serializers.SerializerMethodField()

    def get_country(self, obj: Location) -> str:
        return "NL"

    def get_address_type(self, obj: Location) -> str:
        return "physical"


class LocationSerializer(serializers.ModelSerializer[Location]):
    organization_id = serializers.UUIDField(read_only=True)
    location_type = serializers.SerializerMethodField()
    addresses = serializers.SerializerMethodField()
    accessibility = serializers.SerializerMethodField()
    phones = PhoneSerializer(many=True, read_only=True)
    schedules = ScheduleSerializer(many=True, read_only=True)
    x_gks = serializers.SerializerMethodField()

    class Meta:
        model = Location
        fields = (
            "id",
            "organization_id",
            "location_type",
            "name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "addresses",
            "accessibility",
            "phones",
            "schedules",
            "x_gks",
        )

    def get_location_type(self, obj: Location) -> str:
        return "physical"

    @extend_schema_field(AddressSerializer(many=True))
    def get_addresses(self, obj: Location) -> list[dict[str, Any]]:
        return [AddressSerializer(obj).data] if obj.address_1 or obj.postal_code else []

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"description": {"type": "string"}, "details": {"type": "string"}},
            },
        }
    )
    def get_accessibility(self, obj: Location) -> list[dict[str, str]]:
        if not obj.accessibility and not obj.accessibility_details:
            return []
        return [{"description": obj.accessibility, "details": obj.accessibility_details}]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "stadsdeel": {"type": "string", "nullable": True},
                "gebied": {"type": "string", "nullable": True},
            },
        }
    )
    def get_x_gks(self, obj: Location) -> dict[str, Any]:
        return {
            "stadsdeel": obj.stadsdeel.code if obj.stadsdeel else None,
            "gebied": obj.gebied.code if obj.gebied else None,
        }


GKS_SERVICE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "What GKS needs beyond HSDS (docs/kaart-hsds.md)",
    "properties": {
        "categories": {"type": "array", "items": {"type": "string"}},
        "phases": {"type": "array", "items": {"type": "string"}},
        "target_groups": {"type": "array", "items": {"type": "string"}},
        "formal": {"type": "boolean"},
        "free": {"type": "boolean"},
        "referral_required": {"type": "boolean"},
        "wait_time_days": {"type": "integer", "nullable": True},
        "whole_city": {"type": "boolean"},
        "stadsdelen": {"type": "array", "items": {"type": "string"}},
        "gebieden": {"type": "array", "items": {"type": "string"}},
        "closed_on_public_holidays": {"type": "boolean"},
        "closures": {"type": "array", "items": {"type": "object"}},
        "media": {"type": "array", "items": {"type": "object"}},
        "last_verified_at": {"type": "string", "format": "date", "nullable": True},
        "last_verified_by": {"type": "string"},
        "is_demo": {"type": "boolean"},
    },
}


class ServiceSerializer(serializers.ModelSerializer[Service]):
    """A service in HSDS 3.0 shape. Needs its relations prefetched (selectors)."""

    organization_id = serializers.UUIDField(read_only=True)
    wait_time = serializers.CharField(source="wait_time_description")
    minimum_age = serializers.IntegerField(source="minimum_age_months", allow_null=True)
    maximum_age = serializers.IntegerField(source="maximum_age_months", allow_null=True)
    assured_date = serializers.DateField(source="last_verified_at", allow_null=True)
    phones = PhoneSerializer(many=True, read_only=True)
    schedules = ScheduleSerializer(many=True, read_only=True)
    languages = LanguageSerializer(many=True, read_only=True)
    contacts = serializers.SerializerMethodField()
    cost_options = serializers.SerializerMethodField()
    service_areas = serializers.SerializerMethodField()
    service_at_locations = serializers.SerializerMethodField()
    attributes = serializers.SerializerMethodField()
    x_gks = serializers.SerializerMethodField()

    class Meta:
        model = Service
        fields = (
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "eligibility_description",
            "fees_description",
            "wait_time",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "phones",
            "schedules",
            "contacts",
            "languages",
            "cost_options",
            "service_areas",
            "service_at_locations",
            "attributes",
            "x_gks",
        )

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_contacts(self, obj: Service) -> list[dict[str, Any]]:
        return [
            {"name": c.name, "title": c.title, "email": c.email, "phones": [{"number": c.phone}] if c.phone else []}
            for c in obj.contacts.all()
        ]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_cost_options(self, obj: Service) -> list[dict[str, Any]]:
        return [{"option": "Gratis", "amount": 0, "currency": "EUR"}] if obj.free else []

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_service_areas(self, obj: Service) -> list[dict[str, str]]:
        if obj.whole_city:
            return [{"name": "Amsterdam", "extent_type": "gemeente", "uri": "gks:gemeente:0363"}]
        areas = [
            {"name": s.naam, "extent_type": "stadsdeel", "uri": f"gks:stadsdeel:{s.code}"} for s in obj.stadsdelen.all()
        ]
        return areas + [
            {"name": g.naam, "extent_type": "gebied", "uri": f"gks:gebied:{g.code}"} for g in obj.gebieden.all()
        ]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_service_at_locations(self, obj: Service) -> list[dict[str, str]]:
        return [
            {"id": str(sal.pk), "location_id": str(sal.location_id), "description": sal.description}
            for sal in obj.service_at_locations.all()
        ]

    @extend_schema_field({"type": "array", "items": {"type": "object"}})
    def get_attributes(self, obj: Service) -> list[dict[str, str]]:
        terms = [*obj.categories.all(), *obj.phases.all(), *obj.target_groups.all()]
        return [{"taxonomy_term_id": term.pk} for term in terms]

    @extend_schema_field(GKS_SERVICE_SCHEMA)
    def get_x_gks(self, obj: Service) -> dict[str, Any]:
        return {
            "categories": [t.code for t in obj.categories.all()],
            "phases": [t.code for t in obj.phases.all()],
            "target_groups": [t.code for t in obj.target_groups.all()],
            "formal": obj.formal,
            "free": obj.free,
            "referral_required": obj.referral_required,
            "wait_time_days": obj.wait_time_days,
            "whole_city": obj.whole_city,
            "stadsdelen": [s.code for s in obj.stadsdelen.all()],
            "gebieden": [g.code for g in obj.gebieden.all()],
            "closed_on_public_holidays": obj.closed_on_public_holidays,
            "closures": [
                {"start": c.start.isoformat(), "end": c.end.isoformat(), "reason": c.reason} for c in obj.closures.all()
            ],
            "media": [
                {"kind": m.kind, "url": m.url, "caption": m.caption, "alt_text": m.alt_text} for m in obj.media.all()
            ],
            "last_verified_at": obj.last_verified_at.isoformat() if obj.last_verified_at else None,
            "last_verified_by": obj.last_verified_by_name,
            "is_demo": obj.is_demo,
        }


# --- search (`kansrijk.kaart.search.KaartSearchResult`): the API's answer and `kansrijk kaart search --json` ---


class KaartUnderstoodSerializer(serializers.Serializer[Any]):
    """What the question was understood to ask for."""

    stadsdelen = serializers.ListField(
        child=serializers.CharField(), source="places", read_only=True, help_text="Names of the stadsdelen."
    )
    categories = serializers.ListField(child=serializers.CharField(), source="understood.categories", read_only=True)
    free = serializers.BooleanField(source="understood.free", allow_null=True, read_only=True)
    languages = serializers.ListField(child=serializers.CharField(), source="understood.languages", read_only=True)
    phase = serializers.CharField(source="understood.phase", allow_null=True, read_only=True)


class KaartSearchHitSerializer(serializers.Serializer[Any]):
    """A service found (`kansrijk.kaart.search.KaartResult`), best first."""

    service_id = serializers.UUIDField(source="service.pk", read_only=True)
    name = serializers.CharField(source="service.name", read_only=True)
    organization = serializers.CharField(source="service.organization.name", read_only=True)
    stadsdelen = serializers.ListField(
        child=serializers.CharField(), source="areas", read_only=True, help_text="Names of the stadsdelen served."
    )
    categories = serializers.SerializerMethodField(help_text="Hulpvraag codes.")
    free = serializers.BooleanField(source="service.free", read_only=True)
    score = serializers.FloatField(source="hit.score", read_only=True)
    why = serializers.ListField(child=serializers.CharField(), read_only=True, help_text="Why it was found.")

    def get_categories(self, item: KaartResult) -> list[str]:
        return [term.code for term in item.service.categories.all()]


class KaartSearchSerializer(serializers.Serializer[Any]):
    """The answer of the search: the question, what was understood, and the services found."""

    query = serializers.CharField(read_only=True)
    understood = KaartUnderstoodSerializer(source="*", read_only=True)
    results = KaartSearchHitSerializer(many=True, read_only=True)
