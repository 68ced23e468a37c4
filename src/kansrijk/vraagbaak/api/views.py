"""API of the Vraagbaak (`/api/v1/vraagbaak/...`): questions (list, search, ask, read), answers and the
anonymity guard as a service, for members only (`vraagbaak.use`), through the same selectors, search and
services as the pages.

Questions and answers are anonymous case texts (the guard saw to that), so these endpoints show no
personal data (`NO_PERSONAL_DATA`); the services audit every write. A question a member may not see
answers 404, whether or not it exists. When the guard finds personal data the answer is 400 with
`findings` per field, and nothing is stored; posting too much answers 429.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from kansrijk.accounts.base_views import ApiView
from kansrijk.core.api import error_body
from kansrijk.core.audited import NO_PERSONAL_DATA, audit_read
from kansrijk.vraagbaak import selectors, services, tags
from kansrijk.vraagbaak.api import serializers as s
from kansrijk.vraagbaak.models import Question
from kansrijk.vraagbaak.search import question_search

TAGS = ["vraagbaak"]
# A search returns the best matches only (the semantic side ranks every question, however far).
SEARCH_LIMIT = 50
MAX_QUERY_CHARS = 300
PERSONAL_DATA_CODE = "personal_data"
PERSONAL_DATA_NL = "Er staan gegevens in die een gezin herkenbaar kunnen maken. Pas de tekst aan."
PERSONAL_DATA_EN = "The text contains details that could identify a family. Please rewrite it."

# Not a member: 403; not signed in: 401. All errors share the API's one shape (`kansrijk.core.api`).
ERRORS = {401: s.VraagbaakErrorBodySerializer, 403: s.VraagbaakErrorBodySerializer}


class IsVraagbaakMember(BasePermission):
    """Approved members of the Vraagbaak, and moderators (`vraagbaak.use`)."""

    message = gettext_lazy("Alleen leden van de Vraagbaak kunnen dit. Word eerst lid op /vraagbaak/lid-worden/.")

    def has_permission(self, request: Request, view: APIView) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.has_perm("vraagbaak.use"))


class VraagbaakAPIView(ApiView):
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "anonymous case questions and answers; the services audit every write"
    permission_classes = (IsAuthenticated, IsVraagbaakMember)


def _visible_question(request: Request, pk: int) -> Question:
    """The question, if this person may see it (`vraagbaak.view_question`); otherwise 404, as on the page."""
    question = Question.objects.visible_to(request.user).filter(pk=pk).select_related("author", "solution").first()
    if question is None:
        raise NotFound
    return question


def _detail(request: Request, question: Question) -> dict[str, Any]:
    moderator = request.user.has_perm("vraagbaak.moderate")
    view = selectors.question_view(question=question, user=request.user, moderator=moderator)
    held = selectors.held_back(view, reader_id=request.user.pk)
    if held:  # as on the page: a moderator's read of texts held back is audited
        audit_read(request=request, targets=held, purpose="vraagbaak: moderatie")
    context = {"tag_index": tags.tag_index(), "user_id": request.user.pk}
    return dict(s.VraagbaakQuestionSerializer(view, context=context).data)


def _personal_data(found: services.PersonalDataFoundError) -> Response:
    """400 in the API's error shape, with what the guard found per field (labels and hints in Dutch)."""
    with translation.override("nl"):
        findings = {
            field: list(s.VraagbaakFindingSerializer(items, many=True).data) for field, items in found.findings.items()
        }
    body = error_body(
        status=400,
        code=PERSONAL_DATA_CODE,
        nl=PERSONAL_DATA_NL,
        en=PERSONAL_DATA_EN,
        details={field: [PERSONAL_DATA_NL] for field in found.findings},
    )
    return Response({**body, "findings": findings}, status=status.HTTP_400_BAD_REQUEST)


def _rate_limited(limited: services.RateLimitedError) -> Throttled:
    return Throttled(detail=" ".join(limited.messages))


@extend_schema(tags=TAGS)
class QuestionListView(VraagbaakAPIView, generics.GenericAPIView):  # type: ignore[type-arg]
    """The visible questions, newest first; with `q` the best matches of a search in plain words (GET).
    Ask a question (POST): a member's first question, and one sent to the moderator, wait for a moderator
    (`state` beoordeling); otherwise it is online at once (`state` gepubliceerd)."""

    serializer_class = s.VraagbaakQuestionSummarySerializer
    filter_backends = ()  # the search and the filters are read by hand (see `get`)

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description=f"Search in plain words (best {SEARCH_LIMIT} first)."),
            OpenApiParameter("onderwerp", OpenApiTypes.STR, description='Only questions with this tag ("kind:code").'),
            OpenApiParameter("status", OpenApiTypes.STR, enum=list(s.STATUS_FILTERS), description="Open or solved."),
        ],
        responses={200: s.VraagbaakQuestionSummarySerializer(many=True), 400: s.VraagbaakErrorBodySerializer, **ERRORS},
    )
    def get(self, request: Request) -> Response:
        params = s.VraagbaakQuestionFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data["q"].strip()[:MAX_QUERY_CHARS]
        tag, wanted = params.validated_data["onderwerp"], params.validated_data["status"]
        listed = selectors.questions(tag=tag, status=wanted)
        rows: QuerySet[Question] | list[Question] = listed
        snippets: dict[int, str] = {}
        if query:
            hits = question_search(
                query=query, limit=SEARCH_LIMIT, tags=[tag] if tag else (), solved_only=wanted == "opgelost"
            )
            snippets = {hit.question.pk: hit.snippet for hit in hits}
            found = {question.pk: question for question in listed.filter(pk__in=list(snippets))}
            rows = [found[pk] for pk in snippets if pk in found]  # in the search's order
        page = self.paginate_queryset(rows)  # a list pages as well
        shown = list(rows) if page is None else page
        context = {"tag_index": tags.tag_index(), "snippets": snippets}
        body = s.VraagbaakQuestionSummarySerializer(shown, many=True, context=context).data
        return Response(body) if page is None else self.get_paginated_response(body)

    @extend_schema(
        request=s.VraagbaakQuestionInputSerializer,
        responses={
            201: s.VraagbaakQuestionSerializer,
            400: s.VraagbaakPersonalDataErrorSerializer,
            **ERRORS,
            429: s.VraagbaakErrorBodySerializer,
        },
    )
    def post(self, request: Request) -> Response:
        data = s.VraagbaakQuestionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        draft = services.QuestionDraft(title=values["title"], text=values["text"], tags=values["tags"])
        try:
            question = services.question_ask(
                by=self.person, draft=draft, to_moderator=values["naar_moderator"], note=values["toelichting"]
            )
        except services.PersonalDataFoundError as found:
            return _personal_data(found)
        except services.RateLimitedError as limited:
            raise _rate_limited(limited) from limited
        return Response(_detail(request, question), status=status.HTTP_201_CREATED)


@extend_schema(tags=TAGS, responses={200: s.VraagbaakQuestionSerializer, **ERRORS, 404: s.VraagbaakErrorBodySerializer})
class QuestionDetailView(VraagbaakAPIView):
    """A question with its tags, the colleagues' answers (the solution first, then by score), the
    automatic answer's statements with their sources, and what the asker said worked. 404 when this
    member may not see it (for example someone else's question that waits for a moderator)."""

    def get(self, request: Request, pk: int) -> Response:
        return Response(_detail(request, _visible_question(request, pk)))


@extend_schema(
    tags=TAGS,
    request=s.VraagbaakAnswerInputSerializer,
    responses={
        201: s.VraagbaakAnswerSerializer,
        400: s.VraagbaakPersonalDataErrorSerializer,
        **ERRORS,
        404: s.VraagbaakErrorBodySerializer,
        429: s.VraagbaakErrorBodySerializer,
    },
)
class AnswersView(VraagbaakAPIView):
    """Answer a published question. With personal data in it: 400 with `findings`, nothing stored."""

    def post(self, request: Request, pk: int) -> Response:
        question = _visible_question(request, pk)
        data = s.VraagbaakAnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            answer = services.answer_post(question=question, by=self.person, text=data.validated_data["text"])
        except services.PersonalDataFoundError as found:
            return _personal_data(found)
        except services.RateLimitedError as limited:
            raise _rate_limited(limited) from limited
        new = selectors.AnswerView(
            answer=answer, score=0, my_vote=0, my_rating=None, comments=[], helpful=0, not_helpful=0
        )
        body = s.VraagbaakAnswerSerializer(new, context={"solution_id": question.solution_id}).data
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=TAGS,
    request=s.VraagbaakAnonymityCheckSerializer,
    responses={200: s.VraagbaakAnonymityResultSerializer, 400: s.VraagbaakErrorBodySerializer, **ERRORS},
)
class AnonymityView(VraagbaakAPIView):
    """The anonymity guard as a service: what in a text could identify someone (names, BSN, dates of
    birth, addresses, phone numbers, ...). Stores nothing. The same JSON as
    `kansrijk vraagbaak check-anonymity --json`; offsets count in the text exactly as sent."""

    def post(self, request: Request) -> Response:
        data = s.VraagbaakAnonymityCheckSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        findings = services.guard(text=data.validated_data["text"]).get("text", [])
        return Response(s.VraagbaakAnonymityResultSerializer({"findings": findings}).data)
