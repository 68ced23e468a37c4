"""Referrals and consent in the API, and how a referral maps onto FHIR (`fhir_task_status`).

The referring side (the family's care team) sees the whole referral. The receiving side sees the
referral without any family data: no family, no question in the family's words, no free text written
by the care team. What the parents consented to share is read from its own endpoint (`gedeeld/`), and
only while the consent is valid.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kansrijk.consent.models import Consent, ConsentMethod, DataCategory
from kansrijk.consent.selectors import category_labels, shareable
from kansrijk.families.models import CareTeamMember
from kansrijk.referrals.models import (
    OPEN,
    ClosingReason,
    Handover,
    HandoverMode,
    Referral,
    ReferralEvent,
    ReferralStatus,
    Urgency,
)
from kansrijk.referrals.selectors import Shared
from kansrijk.referrals.service_levels import Clock, Lateness, running_clock

S = ReferralStatus

# --- FHIR ---------------------------------------------------------------------------------------------

# FHIR R4 Task.status codes (http://hl7.org/fhir/task-status).
DRAFT, REQUESTED, RECEIVED, ACCEPTED, REJECTED = "draft", "requested", "received", "accepted", "rejected"
IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED, FAILED = "in-progress", "on-hold", "completed", "cancelled", "failed"

# Task.businessStatus.text: the finer Kansrijk step. These are stable values for other systems (the same
# in every interface language), not texts shown to people as they are.
CONSENT_REVOKED = "toestemming ingetrokken"
BUSINESS_STATUS: dict[str, str] = {
    S.CONCEPT: "concept",
    S.WAITING_CONSENT: "wacht op toestemming",
    S.SENT: "verstuurd",
    S.ACCEPTED: "geaccepteerd",
    S.DECLINED: "afgewezen",
    S.HANDOVER_PLANNED: "overdracht gepland",
    S.HANDOVER_DONE: "overdracht gedaan",
    S.HELP_STARTED: "hulp gestart",
    S.COMPLETED: "afgerond",
    S.STOPPED: "gestopt",
}
RECEIVED_BUSINESS_STATUS = "ontvangen"
TASK_STATUS: dict[str, str] = {
    S.CONCEPT: DRAFT,
    S.WAITING_CONSENT: DRAFT,
    S.SENT: REQUESTED,
    S.ACCEPTED: ACCEPTED,
    S.DECLINED: REJECTED,
    S.HANDOVER_PLANNED: ACCEPTED,
    S.HANDOVER_DONE: IN_PROGRESS,
    S.HELP_STARTED: IN_PROGRESS,
    S.COMPLETED: COMPLETED,
    S.STOPPED: CANCELLED,
}


class FhirTaskStatus(NamedTuple):
    status: str  # Task.status
    business_status: str  # Task.businessStatus.text


def fhir_task_status(
    status: str, *, received: bool = False, help_started: bool = False, consent_revoked: bool = False
) -> FhirTaskStatus:
    """The FHIR Task.status and businessStatus of a referral in `status` (see docs/referrals-fhir.md).

    `received`: the receiving side opened it; `help_started`: help had started before it ended;
    `consent_revoked`: the parents withdrew the consent this referral is shared under."""
    if status not in TASK_STATUS:
        raise ValueError(f"unknown referral status {status!r}")
    if consent_revoked and status in OPEN:
        return FhirTaskStatus(ON_HOLD, CONSENT_REVOKED)
    if status == S.SENT and received:
        return FhirTaskStatus(RECEIVED, RECEIVED_BUSINESS_STATUS)
    if status == S.STOPPED and help_started:
        return FhirTaskStatus(FAILED, BUSINESS_STATUS[status])
    return FhirTaskStatus(TASK_STATUS[status], BUSINESS_STATUS[status])


def fhir_of(referral: Referral) -> FhirTaskStatus:
    consent = referral.consent
    return fhir_task_status(
        referral.status,
        received=referral.received_at is not None,
        help_started=referral.help_started_at is not None,
        consent_revoked=consent is not None and consent.revoked_at is not None,
    )


# --- fields ---------------------------------------------------------------------------------------------
# These choice sets appear under several field names, or their field name is used elsewhere for another
# choice set: each is one named schema component, so the schema has no clashing enum names.


@extend_schema_field({"type": "string", "enum": ReferralStatus.values}, component_name="ReferralStatus")
class ReferralStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=ReferralStatus.choices, **kwargs)


@extend_schema_field({"type": "string", "enum": [v for v in S.values if v != S.CONCEPT]}, component_name="ReferralStep")
class StepTargetField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=[(v, label) for v, label in ReferralStatus.choices if v != S.CONCEPT], **kwargs)


@extend_schema_field({"type": "string", "enum": HandoverMode.values}, component_name="HandoverMode")
class HandoverModeField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=HandoverMode.choices, **kwargs)


@extend_schema_field({"type": "string", "enum": [*HandoverMode.values, ""]}, component_name="HandoverModeOrBlank")
class OptionalHandoverModeField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=HandoverMode.choices, required=False, default="", allow_blank=True, **kwargs)


# --- reading --------------------------------------------------------------------------------------------

SIDE_REFERRING, SIDE_RECEIVING = "verwijzer", "ontvanger"


class ClockSerializer(serializers.Serializer[Clock]):
    """The service-level clock that runs now: until the answer, or until the first contact."""

    kind = serializers.CharField(help_text="antwoord (until accepted or declined) or contact (until first contact).")
    started_on = serializers.DateField()
    due_on = serializers.DateField(help_text="Late after this working day.")
    very_late_on = serializers.DateField(help_text="Very late after this working day.")
    lateness = serializers.CharField(help_text="op_tijd, laat or zeer_laat.")


class EventSerializer(serializers.Serializer[Any]):  # also for many ReferralEvents
    from_status = serializers.CharField()
    to_status = serializers.CharField()
    to_status_label = serializers.CharField(source="get_to_status_display")
    at = serializers.DateTimeField()
    by = serializers.CharField(source="by_label")
    reason = serializers.CharField()
    note = serializers.CharField(allow_null=True, help_text="Null on the receiving side for notes of the care team.")

    def to_representation(self, instance: ReferralEvent) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        hidden: Collection[int] = self.context.get("hidden_note_authors", ())
        if instance.by_id is not None and instance.by_id in hidden:
            data["note"] = None
        return data


class HandoverSerializer(serializers.Serializer[Handover]):
    mode = serializers.CharField()
    planned_at = serializers.DateTimeField()
    home_visit = serializers.BooleanField()
    interpreter = serializers.BooleanField()
    cultuurbemiddelaar = serializers.BooleanField()
    place = serializers.CharField(allow_null=True, help_text="Null on the receiving side (see gedeeld/).")
    participants = serializers.CharField(allow_null=True, help_text="Null on the receiving side (see gedeeld/).")
    summary = serializers.CharField(allow_null=True, help_text="Null on the receiving side (see gedeeld/).")
    done_at = serializers.DateTimeField(allow_null=True)
    done_mode = serializers.CharField()
    parents_present = serializers.BooleanField()
    done_note = serializers.CharField(allow_null=True, help_text="Null on the receiving side (see gedeeld/).")

    FAMILY_TEXT = ("place", "participants", "summary", "done_note")

    def to_representation(self, instance: Handover) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if not self.context.get("referring", False):
            data.update(dict.fromkeys(self.FAMILY_TEXT))
        return data


def _referring(serializer: serializers.Serializer[Any], referral: Referral) -> bool:
    ids: Collection[int] = serializer.context.get("referring_families", ())
    return referral.family_id in ids


class ReferralSummarySerializer(serializers.Serializer[Any]):  # also for many Referrals
    """A referral in a list. `family` is null for the receiving side."""

    id = serializers.IntegerField()
    status = ReferralStatusField()
    status_label = serializers.CharField(source="get_status_display")
    fhir_status = serializers.SerializerMethodField(help_text="FHIR Task.status.")
    business_status = serializers.SerializerMethodField(help_text="FHIR Task.businessStatus (text).")
    side = serializers.SerializerMethodField(help_text="verwijzer (care team) or ontvanger (receiving side).")
    family = serializers.SerializerMethodField()
    recipient_label = serializers.CharField()
    referrer = serializers.CharField(source="referrer.full_name")
    urgency = serializers.ChoiceField(choices=Urgency.choices)
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)
    received_at = serializers.DateTimeField(allow_null=True)
    answered_at = serializers.DateTimeField(allow_null=True)
    lateness = serializers.SerializerMethodField(help_text="op_tijd, laat or zeer_laat (of the running clock).")
    clock = serializers.SerializerMethodField()

    def get_fhir_status(self, referral: Referral) -> str:
        return fhir_of(referral).status

    def get_business_status(self, referral: Referral) -> str:
        return fhir_of(referral).business_status

    def get_side(self, referral: Referral) -> str:
        return SIDE_REFERRING if _referring(self, referral) else SIDE_RECEIVING

    def get_family(self, referral: Referral) -> int | None:
        return referral.family_id if _referring(self, referral) else None

    def get_lateness(self, referral: Referral) -> str:
        running = running_clock(referral)
        return str(running.lateness) if running else str(Lateness.ON_TIME)

    @extend_schema_field(ClockSerializer(allow_null=True))
    def get_clock(self, referral: Referral) -> dict[str, Any] | None:
        running = running_clock(referral)
        return dict(ClockSerializer(running).data) if running else None


class ReferralSerializer(ReferralSummarySerializer):
    """One referral with its history, handover and service-level clock. On the receiving side, the
    family data (`reason`, `closing_note`, the care team's notes and the handover texts) is null."""

    service = serializers.UUIDField(source="service_id", allow_null=True)
    service_name = serializers.CharField(source="service.name", allow_null=True, default=None)
    professional = serializers.IntegerField(source="professional_id", allow_null=True)
    receiving_organisation = serializers.CharField(source="receiving_organisation.name", allow_null=True, default=None)
    handover_preference = HandoverModeField()
    reason = serializers.SerializerMethodField(
        help_text="The question in the family's words; null on the receiving side."
    )
    consent = serializers.IntegerField(source="consent_id", allow_null=True)
    consent_active = serializers.SerializerMethodField(help_text="The consent allows sharing now.")
    first_contact_at = serializers.DateTimeField(allow_null=True)
    help_started_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    closing_reason = serializers.CharField()
    closing_note = serializers.SerializerMethodField()
    suggested_service = serializers.UUIDField(source="suggested_service_id", allow_null=True)
    suggestion = serializers.CharField()
    follows = serializers.IntegerField(source="follows_id", allow_null=True)
    is_demo = serializers.BooleanField()
    events = serializers.SerializerMethodField()
    handover = serializers.SerializerMethodField()

    def get_reason(self, referral: Referral) -> str | None:
        return referral.reason if _referring(self, referral) else None

    def get_closing_note(self, referral: Referral) -> str | None:
        return referral.closing_note if _referring(self, referral) else None

    def get_consent_active(self, referral: Referral) -> bool:
        return bool(shareable(referral.consent))

    @extend_schema_field(EventSerializer(many=True))
    def get_events(self, referral: Referral) -> list[dict[str, Any]]:
        # On the receiving side, the notes the care team wrote stay with the care team.
        hidden: Collection[int] = (
            ()
            if _referring(self, referral)
            else set(CareTeamMember.objects.filter(family_id=referral.family_id).values_list("user_id", flat=True))
        )
        events = EventSerializer(referral.events.all(), many=True, context={"hidden_note_authors": hidden})
        return list(events.data)

    @extend_schema_field(HandoverSerializer(allow_null=True))
    def get_handover(self, referral: Referral) -> dict[str, Any] | None:
        try:
            handover = referral.handover
        except Handover.DoesNotExist:
            return None
        return dict(HandoverSerializer(handover, context={"referring": _referring(self, referral)}).data)


class StepSerializer(serializers.Serializer[Any]):
    naar = serializers.CharField(help_text="The status to move to.")
    titel = serializers.CharField()
    velden = serializers.ListField(child=serializers.CharField(), help_text="Body fields this step reads.")


class StepsSerializer(serializers.Serializer[Any]):
    status = serializers.CharField()
    steps = StepSerializer(many=True)


class ContactSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    role = serializers.CharField()
    phone = serializers.CharField()
    address = serializers.CharField()


class SharedHandoverSerializer(serializers.Serializer[Handover]):
    place = serializers.CharField()
    participants = serializers.CharField()
    summary = serializers.CharField()
    done_note = serializers.CharField()


class SharedSerializer(serializers.Serializer[Shared]):
    """What the parents consented to share with the receiving side, now. Empty: not consented."""

    categories = serializers.SerializerMethodField()
    category_labels = serializers.SerializerMethodField()
    contact = ContactSerializer(many=True)
    household = serializers.ListField(child=serializers.CharField())
    question = serializers.CharField()
    plan = serializers.ListField(child=serializers.CharField())
    topics = serializers.ListField(child=serializers.CharField())
    handover = serializers.SerializerMethodField()

    def get_categories(self, shared: Shared) -> list[str]:
        return [c for c in DataCategory.values if c in shared.categories]

    def get_category_labels(self, shared: Shared) -> list[str]:
        return category_labels(shared.categories)

    @extend_schema_field(SharedHandoverSerializer(allow_null=True))
    def get_handover(self, shared: Shared) -> dict[str, Any] | None:
        handover: Handover | None = self.context.get("handover")
        return dict(SharedHandoverSerializer(handover).data) if handover else None


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    given_by_name = serializers.CharField(source="given_by.__str__")
    category_labels = serializers.SerializerMethodField()
    recorded_by = serializers.CharField(source="recorded_by.full_name")
    revoked_by = serializers.CharField(source="revoked_by.full_name", allow_null=True, default=None)
    active = serializers.SerializerMethodField(help_text="Sharing is allowed now: not revoked and not expired.")

    class Meta:
        model = Consent
        fields = ["id", "family", "given_by", "given_by_name", "categories", "category_labels", "recipient_label",
                  "service", "organisation", "purpose", "method", "recorded_by", "recorded_at", "valid_until",
                  "revoked_at", "revoked_by", "revoked_note", "active"]  # fmt: skip

    def get_category_labels(self, consent: Consent) -> list[str]:
        return category_labels(list(consent.categories))

    def get_active(self, consent: Consent) -> bool:
        return bool(shareable(consent))


# --- writing ---------------------------------------------------------------------------------------------


class ReferralDraftSerializer(serializers.Serializer[Any]):
    """A new referral (concept): to one Kaart service (`service`) or one professional (`professional`)."""

    service = serializers.UUIDField(required=False, allow_null=True, default=None, help_text="A Kaart service.")
    professional = serializers.IntegerField(required=False, allow_null=True, default=None, help_text="A user id.")
    reason = serializers.CharField(allow_blank=True, help_text="The question, in the family's own words.")
    urgency = serializers.ChoiceField(choices=Urgency.choices, required=False, default=Urgency.NORMAL)
    handover_preference = HandoverModeField(required=False, default=HandoverMode.IN_PERSON)


class ConsentInputSerializer(serializers.Serializer[Any]):
    """A parent's consent. With `referral`: asked as a step of that referral (recipient and purpose follow
    from it). Without: for a Kaart `service` or an `organisation`."""

    given_by = serializers.IntegerField(help_text="The caregiver who gives consent.")
    categories = serializers.ListField(child=serializers.ChoiceField(choices=DataCategory.choices))
    method = serializers.ChoiceField(choices=ConsentMethod.choices)
    valid_until = serializers.DateField()
    purpose = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    referral = serializers.IntegerField(required=False, allow_null=True, default=None)
    service = serializers.UUIDField(required=False, allow_null=True, default=None)
    organisation = serializers.IntegerField(required=False, allow_null=True, default=None)
    recipient_label = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class ConsentRevokeSerializer(serializers.Serializer[Any]):
    toelichting = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)


class StepInputSerializer(serializers.Serializer[Any]):
    """One step of the loop. `naar` chooses the step; the other fields are read by the steps that need
    them: `reden` (afgewezen, gestopt), `toelichting` (a note), `voorgesteld_aanbod` and `voorstel`
    (afgewezen), the handover fields (overdracht_gepland) and `done_mode`/`parents_present`
    (overdracht_gedaan)."""

    naar = StepTargetField()
    reden = serializers.ChoiceField(choices=ClosingReason.choices, required=False, default="", allow_blank=True)
    toelichting = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    voorgesteld_aanbod = serializers.UUIDField(required=False, allow_null=True, default=None)
    voorstel = serializers.CharField(max_length=300, required=False, default="", allow_blank=True)
    mode = OptionalHandoverModeField()
    planned_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    place = serializers.CharField(max_length=200, required=False, default="", allow_blank=True)
    home_visit = serializers.BooleanField(required=False, default=False)
    participants = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    summary = serializers.CharField(required=False, default="", allow_blank=True)
    interpreter = serializers.BooleanField(required=False, default=False)
    cultuurbemiddelaar = serializers.BooleanField(required=False, default=False)
    done_mode = OptionalHandoverModeField()
    parents_present = serializers.BooleanField(required=False, default=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["naar"] == S.HANDOVER_PLANNED and attrs.get("planned_at") is None:
            raise serializers.ValidationError({"planned_at": [_("Kies de datum en het tijdstip van de overdracht.")]})
        return attrs
