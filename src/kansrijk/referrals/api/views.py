"""API of referrals and consent (`/api/v1/verwijzingen/...`, `/api/v1/gezinnen/<id>/verwijzingen/`,
`/api/v1/gezinnen/<id>/toestemmingen/`, `/api/v1/toestemmingen/<id>/intrekken/`): the closed loop for
other systems, through the same selectors and services as the pages.

Reads are audited (`ApiView`), and so is every refusal. A referral that a person may not
see answers 403, whether or not it exists. The receiving side never gets family data from the referral
itself; what the parents consented to share comes from `gedeeld/`, which checks the consent on every
request: after a revocation it answers 403 at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.base_views import ApiView
from kansrijk.accounts.models import Organisation, User
from kansrijk.consent import selectors as consent_selectors
from kansrijk.consent import services as consent_services
from kansrijk.consent.models import Consent
from kansrijk.core import clock
from kansrijk.core.audit import Target
from kansrijk.families.api.views import FamilyAPIMixin
from kansrijk.families.models import Caregiver, Family
from kansrijk.kaart.models import Service
from kansrijk.referrals import selectors, services
from kansrijk.referrals.api import serializers as s
from kansrijk.referrals.models import ENDED, Handover, Referral, ReferralStatus
from kansrijk.referrals.service_levels import Lateness

TAGS = ["verwijzingen"]
S = ReferralStatus
OBJECT_TYPE = "referrals.referral"

# The body fields each step reads (GET stappen/ lists them with the steps a person may take).
STEP_FIELDS: dict[str, list[str]] = {
    S.WAITING_CONSENT: ["toelichting"],
    S.SENT: [],
    S.ACCEPTED: [],
    S.DECLINED: ["reden", "toelichting", "voorgesteld_aanbod", "voorstel"],
    S.HANDOVER_PLANNED: [
        "mode",
        "planned_at",
        "place",
        "home_visit",
        "participants",
        "summary",
        "interpreter",
        "cultuurbemiddelaar",
    ],
    S.HANDOVER_DONE: ["done_mode", "parents_present", "toelichting"],
    S.HELP_STARTED: [],
    S.COMPLETED: ["toelichting"],
    S.STOPPED: ["reden", "toelichting"],
}
# A service names its fields in English; the step's body is Dutch. Errors are told under the body's names.
STEP_ERROR_FIELDS = {"reason": "reden", "note": "toelichting", "status": "naar", "consent": "toestemming"}
LATENESS_FILTER = [Lateness.LATE.value, Lateness.VERY_LATE.value]
INBOX_STATUSES = [v for v in ReferralStatus.values if v not in (S.CONCEPT, S.WAITING_CONSENT)]


def _referring_families(user: Any, referrals: Iterable[Referral]) -> set[int]:
    """The families of `referrals` in whose care team `user` is: there, the user is the referring side."""
    ids = {r.family_id for r in referrals}
    return set(Family.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def _detail_queryset() -> QuerySet[Referral]:
    return Referral.objects.select_related(
        "service__organization",
        "receiving_organisation",
        "referrer",
        "professional",
        "consent",
        "handover",
        "suggested_service",
    ).prefetch_related("events")


def _detail(user: Any, referral: Referral) -> dict[str, Any]:
    shown = _detail_queryset().get(pk=referral.pk)
    context = {"referring_families": _referring_families(user, [shown])}
    return dict(s.ReferralSerializer(shown, context=context).data)


def _service(value: UUID | None, field: str) -> Service | None:
    if value is None:
        return None
    found = Service.objects.select_related("organization").filter(pk=value).first()
    if found is None:
        raise ValidationError({field: [_("Dit hulpaanbod staat niet op de Kaart.")]})
    return found


class ReferralAPIMixin(ApiView):
    """One referral, seen by its referring or receiving side (`referrals.view_referral`). The receiving
    side sees a referral only once it was sent."""

    permission_required = "referrals.view_referral"
    audit_object_type = OBJECT_TYPE
    referral: Referral

    def get_permission_object(self) -> Referral:
        found = (
            selectors.visible_referrals(user=self.request.user)
            .select_related("family", "consent", "service", "handover")
            .get(pk=self.kwargs["pk"])
        )
        self.referral = found
        # A referral is about one family (its question in the family's words, the handover): every
        # read of it is recorded against the family too, so the family's access log lists it.
        self._audited_objects = [found, Target("families.family", str(found.family_id))]
        return found


# --- a family's loop and consents ---------------------------------------------------------------------


@extend_schema(tags=TAGS)
class FamilyReferralsView(FamilyAPIMixin, APIView):
    """The family's referrals with their history, newest first (GET); start a referral as a concept, to
    one Kaart service or one professional (POST). Nothing is shared until the parents consent and the
    referral is sent."""

    audit_purpose = "verwijzingen van het gezin"

    @extend_schema(responses=s.ReferralSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        referrals = selectors.family_referrals(family=self.family)
        context = {"referring_families": {self.family.pk}}
        return Response(s.ReferralSerializer(referrals, many=True, context=context).data)

    @extend_schema(request=s.ReferralDraftSerializer, responses={201: s.ReferralSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.ReferralDraftSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        professional = None
        if values["professional"] is not None:
            professional = User.objects.filter(pk=values["professional"], is_active=True).first()
            if professional is None:
                raise ValidationError({"professional": [_("Deze professional bestaat niet (meer).")]})
        referral = services.referral_draft(
            family=self.family,
            by=self.person,
            reason=values["reason"],
            urgency=values["urgency"],
            handover_preference=values["handover_preference"],
            service=_service(values["service"], "service"),
            professional=professional,
        )
        return Response(_detail(request.user, referral), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS)
class FamilyConsentsView(FamilyAPIMixin, APIView):
    """The family's consents, newest first (GET); record what a parent agreed may be shared (POST). With
    `referral`, the consent is asked as a step of that referral."""

    audit_purpose = "toestemming van het gezin"

    @extend_schema(responses=s.ConsentSerializer(many=True))
    def get(self, request: Request, pk: int) -> Response:
        return Response(s.ConsentSerializer(consent_selectors.consents(family=self.family), many=True).data)

    @extend_schema(request=s.ConsentInputSerializer, responses={201: s.ConsentSerializer})
    def post(self, request: Request, pk: int) -> Response:
        data = s.ConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        by = self.person
        given_by = Caregiver.objects.filter(pk=values["given_by"], family=self.family).first()
        if given_by is None:
            raise ValidationError({"given_by": [_("Kies de ouder die toestemming geeft.")]})
        if values["referral"] is not None:
            referral = Referral.objects.select_related("family").filter(pk=values["referral"]).first()
            if referral is None or referral.family_id != self.family.pk:
                raise ValidationError({"referral": [_("Kies een verwijzing van dit gezin.")]})
            consent = services.referral_consent(
                referral=referral,
                by=by,
                given_by=given_by,
                categories=values["categories"],
                method=values["method"],
                valid_until=values["valid_until"],
                purpose=values["purpose"],
            )
        else:
            service = _service(values["service"], "service")
            organisation = None
            if values["organisation"] is not None:
                organisation = Organisation.objects.filter(pk=values["organisation"]).first()
                if organisation is None:
                    raise ValidationError({"organisation": [_("Deze organisatie bestaat niet.")]})
            label = values["recipient_label"] or (
                f"{service.name} ({service.organization.name})"
                if service
                else organisation.name
                if organisation
                else ""
            )
            consent = consent_services.consent_record(
                family=self.family,
                by=by,
                given_by=given_by,
                categories=values["categories"],
                purpose=values["purpose"],
                method=values["method"],
                valid_until=values["valid_until"],
                recipient_label=label,
                service=service,
                organisation=organisation,
            )
        shown = Consent.objects.select_related("given_by", "recorded_by", "revoked_by").get(pk=consent.pk)
        return Response(s.ConsentSerializer(shown).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, request=s.ConsentRevokeSerializer, responses=s.ConsentSerializer)
class ConsentRevokeView(ApiView, APIView):
    """A parent withdraws a consent (a member of the family's care team records it). Sharing stops at
    once, and the receiving side of every open referral under it is told."""

    audit_purpose = "toestemming intrekken"
    audit_object_type = "consent.consent"

    def post(self, request: Request, pk: int) -> Response:
        consent = Consent.objects.visible_to(request.user).select_related("family").filter(pk=pk).first()
        if consent is None or not request.user.has_perm("families.change_family", consent.family):
            self.permission_denied(request)
            raise PermissionDenied  # permission_denied raises; this line tells the type checker
        data = s.ConsentRevokeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        revoked = services.consent_withdraw(consent=consent, by=self.person, note=data.validated_data["toelichting"])
        shown = Consent.objects.select_related("given_by", "recorded_by", "revoked_by").get(pk=revoked.pk)
        return Response(s.ConsentSerializer(shown).data)


# --- referrals --------------------------------------------------------------------------------------------


@extend_schema(
    tags=TAGS,
    parameters=[
        OpenApiParameter("status", OpenApiTypes.STR, enum=ReferralStatus.values, description="Only this status."),
        OpenApiParameter(
            "te_laat", OpenApiTypes.STR, enum=LATENESS_FILTER, description="Only late (laat) or very late ones."
        ),
    ],
)
class ReferralListView(ApiView, generics.ListAPIView):  # type: ignore[type-arg]
    """The referrals the person may see: of families in their care team, and those sent to them or their
    organisation. Rows of the receiving side carry no family."""

    serializer_class = s.ReferralSummarySerializer
    permission_required = "referrals.use_inbox"
    audit_purpose = "verwijzingen bekijken"
    audit_object_type = OBJECT_TYPE

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Referral.objects.none()
        request = self.request
        wanted = request.query_params.get("status", "")
        late = request.query_params.get("te_laat", "")
        if wanted and wanted not in ReferralStatus.values:
            raise ValidationError({"status": [_("Kies een status uit de lijst.")]})
        if late and late not in LATENESS_FILTER:
            raise ValidationError({"te_laat": [_("Kies 'laat' of 'zeer_laat'.")]})
        rows = selectors.visible_referrals(user=request.user).select_related("referrer", "consent")
        if wanted:
            rows = rows.filter(status=wanted)
        if late:
            running = rows.filter(sent_at__isnull=False).exclude(status__in=ENDED)
            return [r for r, _clock in selectors.with_clocks(list(running), lateness=late)]
        return rows.order_by("-created_at", "-pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = self.get_queryset()
        page = self.paginate_queryset(rows)
        shown = list(rows) if page is None else page
        context = {**self.get_serializer_context(), "referring_families": _referring_families(request.user, shown)}
        body = s.ReferralSummarySerializer(shown, many=True, context=context).data
        return Response(body) if page is None else self.get_paginated_response(body)


@extend_schema(tags=TAGS)
class InboxView(ApiView, APIView):
    """Incoming referrals for the person and their organisations, the longest waiting first (at most 50).
    No family data: what the parents agreed to share is read per referral (`gedeeld/`)."""

    permission_required = "referrals.use_inbox"
    audit_purpose = "inbox verwijzingen"
    audit_object_type = OBJECT_TYPE

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                OpenApiTypes.STR,
                enum=INBOX_STATUSES,
                description="Only this status (default: sent and in progress).",
            )
        ],
        responses=s.ReferralSummarySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status", "")
        if wanted and wanted not in INBOX_STATUSES:
            # A referral that was not sent yet is never in anyone's inbox.
            raise ValidationError({"status": [_("Kies een status van een verstuurde verwijzing.")]})
        rows = selectors.inbox(user=request.user, status=wanted)
        self._audited_objects = list(rows)
        return Response(s.ReferralSummarySerializer(rows, many=True, context={"referring_families": set()}).data)


@extend_schema(tags=TAGS, responses=s.ReferralSerializer)
class ReferralDetailView(ReferralAPIMixin, APIView):
    """One referral: status, its FHIR Task status, history, handover and the service-level clock. For the
    receiving side without family data."""

    audit_purpose = "verwijzing bekijken"

    def get(self, request: Request, pk: int) -> Response:
        return Response(_detail(request.user, self.referral))


@extend_schema(tags=TAGS, responses=s.SharedSerializer)
class SharedView(ReferralAPIMixin, APIView):
    """What the receiving side may see of the family: only what the parents consented to share for this
    referral, at this moment. A revoked or expired consent answers 403 at once. The receiving side's
    first read marks the referral received (FHIR: received)."""

    audit_purpose = "gedeelde gegevens bij verwijzing"

    def get(self, request: Request, pk: int) -> Response:
        referral = self.referral
        shared = selectors.shared_with_receiver(referral)
        if not shared.allowed:
            self.permission_denied(request, message=self._refusal(referral.consent))
        if request.user.has_perm("referrals.answer", referral):
            services.referral_mark_received(referral=referral, by=self.person)
        self._audited_objects = [referral, Target("families.family", str(referral.family_id))]
        handover = Handover.objects.filter(referral=referral).first()
        return Response(s.SharedSerializer(shared, context={"handover": handover}).data)

    @staticmethod
    def _refusal(consent: Consent | None) -> str:
        if consent is not None and consent.revoked_at is not None:
            return _("De ouders hebben hun toestemming ingetrokken. Je kunt de gegevens van dit gezin niet meer zien.")
        if consent is not None and not consent.is_active(clock.local_date()):
            return _(
                "De toestemming van de ouders is verlopen. Je kunt de gegevens van dit gezin niet meer zien. "
                "Vraag de verwijzer om opnieuw toestemming te vragen."
            )
        return _("De ouders hebben (nog) geen toestemming gegeven om gegevens te delen.")


def _steps(referral: Referral, user: Any) -> list[dict[str, Any]]:
    """The steps `user` may take now (the service checks again when one is taken)."""
    return [
        {"naar": target.value, "titel": str(target.label), "velden": STEP_FIELDS[target]}
        for target in services.referral_steps(referral=referral, user=user)
    ]


def _step_input(values: dict[str, Any]) -> services.StepInput:
    """The API's body as the one typed input of `services.referral_step` (the page builds the same)."""
    handover = None
    if values["naar"] == S.HANDOVER_PLANNED:
        handover = services.HandoverData(
            mode=values["mode"],
            planned_at=values["planned_at"],
            participants=values["participants"],
            summary=values["summary"],
            place=values["place"],
            home_visit=values["home_visit"],
            interpreter=values["interpreter"],
            cultuurbemiddelaar=values["cultuurbemiddelaar"],
        )
    return services.StepInput(
        to=values["naar"],
        note=values["toelichting"],
        reason=values["reden"],
        suggested_service=_service(values["voorgesteld_aanbod"], "voorgesteld_aanbod"),
        suggestion=values["voorstel"],
        handover=handover,
        done_mode=values["done_mode"],
        parents_present=values["parents_present"],
    )


@extend_schema(tags=TAGS)
class StepsView(ReferralAPIMixin, APIView):
    """The steps the person may take now (GET); take one (POST). A step the state table does not allow
    answers 400 and changes nothing; a step that is not yours (for example accepting your own referral)
    answers 403."""

    audit_purpose = "stap in verwijzing"

    @extend_schema(responses=s.StepsSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response({"status": self.referral.status, "steps": _steps(self.referral, request.user)})

    @extend_schema(request=s.StepInputSerializer, responses=s.ReferralSerializer)
    def post(self, request: Request, pk: int) -> Response:
        data = s.StepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            moved = services.referral_step(
                referral=self.referral, by=self.person, step=_step_input(data.validated_data)
            )
        except DjangoValidationError as refused:
            if not hasattr(refused, "error_dict"):
                raise
            raise ValidationError(
                {STEP_ERROR_FIELDS.get(field, field): messages for field, messages in refused.message_dict.items()}
            ) from refused
        return Response(_detail(request.user, moved))
