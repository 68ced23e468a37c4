"""Serializers of the Vraagbaak API. They shape what the selectors return and check the input; the
services decide. Component names start with "Vraagbaak" so they never collide with other apps' ones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kansrijk.vraagbaak import tags
from kansrijk.vraagbaak.models import GUARD_MAX_CHARS, Question, QuestionState, SolutionFeedback
from kansrijk.vraagbaak.selectors import AnswerView, QuestionView

STATUS_FILTERS = ("open", "opgelost")
# Every text is capped here, before the anonymity guard reads it (the guard's time grows with the text).
TITLE_MAX = 160  # as Question.title
TEXT_MAX = 5000  # as Question.text and Answer.text
NOTE_MAX = 500
TOO_LONG: Any = {"max_length": gettext_lazy("Deze tekst is te lang: maximaal {max_length} tekens.")}
QUESTION_STATES = "gepubliceerd (online), beoordeling (waits for a moderator), gesloten or afgewezen."


def _tags(keys: list[str], context: Mapping[str, Any]) -> list[dict[str, Any]]:
    index: dict[str, tags.Tag] | None = context.get("tag_index")
    found = [index[key] for key in keys if key in index] if index is not None else tags.labels(keys)
    return list(VraagbaakTagSerializer(found, many=True).data)


# --- reading --------------------------------------------------------------------------------------------


class VraagbaakTagSerializer(serializers.Serializer[Any]):  # also for many Tags
    key = serializers.CharField(help_text='"kind:code", e.g. "hulpvraag:geldzorgen-en-schulden".')
    kind = serializers.CharField(help_text="risk, hulpvraag, fase or stadsdeel.")
    label = serializers.CharField()  # type: ignore[assignment]  # the JSON says "label" (shadows Field.label)


class VraagbaakQuestionSummarySerializer(serializers.Serializer[Any]):  # also for many Questions
    """A question in a list. `snippet` (a search only): a piece of the question or its answers around the
    words that matched."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    state = serializers.CharField(help_text=QUESTION_STATES)
    state_label = serializers.CharField(source="get_state_display")
    tags = serializers.SerializerMethodField()
    answer_count = serializers.IntegerField(help_text="Visible answers by colleagues.")
    solved = serializers.SerializerMethodField(help_text="The asker marked an answer as the solution.")
    created_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)
    snippet = serializers.SerializerMethodField()

    @extend_schema_field(VraagbaakTagSerializer(many=True))
    def get_tags(self, question: Question) -> list[dict[str, Any]]:
        return _tags([t.tag for t in question.tags.all()], self.context)

    def get_solved(self, question: Question) -> bool:
        return question.solution_id is not None

    def get_snippet(self, question: Question) -> str | None:
        snippets: Mapping[int, str] = self.context.get("snippets", {})
        return snippets.get(question.pk)


class VraagbaakCommentSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    text = serializers.CharField()
    author = serializers.CharField(source="author.full_name")
    created_at = serializers.DateTimeField()


class VraagbaakAnswerSerializer(serializers.Serializer[Any]):  # also for many AnswerViews
    """A colleague's answer. Only moderators see answers that are not visible (`state`)."""

    id = serializers.IntegerField(source="answer.pk")
    author = serializers.CharField(source="answer.author.full_name", allow_null=True, default=None)
    text = serializers.CharField(source="answer.text")
    state = serializers.CharField(source="answer.state", help_text="zichtbaar, wacht or verborgen.")
    score = serializers.IntegerField(help_text="Votes up minus votes down.")
    my_vote = serializers.IntegerField(help_text="1, -1 or 0 (no vote).")
    is_solution = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="answer.created_at")
    edited_at = serializers.DateTimeField(source="answer.edited_at", allow_null=True, help_text="By a moderator.")
    comments = VraagbaakCommentSerializer(many=True)

    def get_is_solution(self, view: AnswerView) -> bool:
        return bool(view.answer.pk == self.context.get("solution_id"))


class VraagbaakSourceSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(help_text="service (a Kaart service) or question (a solved Vraagbaak question).")
    id = serializers.CharField()
    title = serializers.CharField()


class VraagbaakStatementSerializer(serializers.Serializer[Any]):
    """One statement of an automatic answer, with the source it comes from."""

    text = serializers.CharField()
    source = VraagbaakSourceSerializer()  # type: ignore[assignment]  # the JSON says "source" (shadows Field.source)


class VraagbaakAutomaticAnswerSerializer(serializers.Serializer[Any]):  # also for many AnswerViews
    """An automatic answer: only statements with a source (the Kaart or solved questions)."""

    id = serializers.IntegerField(source="answer.pk")
    text = serializers.CharField(source="answer.text")
    state = serializers.CharField(source="answer.state", help_text="zichtbaar, wacht or verborgen.")
    statements = VraagbaakStatementSerializer(many=True)
    helpful = serializers.IntegerField(help_text="Readers who found it helpful.")
    not_helpful = serializers.IntegerField(help_text="Readers who did not.")
    my_rating = serializers.SerializerMethodField(help_text="My rating: helpful (true), not (false), none (null).")
    created_at = serializers.DateTimeField(source="answer.created_at")

    def get_my_rating(self, view: AnswerView) -> bool | None:
        return None if view.my_rating is None else view.my_rating.helpful


class VraagbaakFeedbackSerializer(serializers.Serializer[SolutionFeedback]):
    """What the asker found worked in practice."""

    worked = serializers.CharField(help_text="ja, deels or nee.")
    worked_label = serializers.CharField(source="get_worked_display")
    text = serializers.CharField()
    created_at = serializers.DateTimeField()


class VraagbaakQuestionSerializer(serializers.Serializer[QuestionView]):
    """A question with its tags, its answers (the solution first, then by score), its automatic answer
    and what the asker said worked."""

    id = serializers.IntegerField(source="question.pk")
    title = serializers.CharField(source="question.title")
    text = serializers.CharField(source="question.text")
    author = serializers.CharField(source="question.author.full_name")
    is_author = serializers.SerializerMethodField(help_text="I asked this question.")
    state = serializers.CharField(source="question.state", help_text=QUESTION_STATES)
    state_label = serializers.CharField(source="question.get_state_display")
    review_reason = serializers.CharField(
        source="question.review_reason", help_text="Why it waits: eerste_vraag, anonimiteit or gemeld (or empty)."
    )
    source = serializers.CharField(source="question.source", help_text="gevraagd or zorgoverleg.")  # type: ignore[assignment]  # as above
    open = serializers.SerializerMethodField(help_text="Answers can be added (published, not closed).")
    created_at = serializers.DateTimeField(source="question.created_at")
    published_at = serializers.DateTimeField(source="question.published_at", allow_null=True)
    solved_at = serializers.DateTimeField(source="question.solved_at", allow_null=True)
    closed_at = serializers.DateTimeField(source="question.closed_at", allow_null=True)
    tags = serializers.SerializerMethodField()
    solution = serializers.IntegerField(source="question.solution_id", allow_null=True, help_text="An answer id.")
    answers = serializers.SerializerMethodField()
    automatic_answers = serializers.SerializerMethodField()
    feedback = VraagbaakFeedbackSerializer(allow_null=True)

    def get_is_author(self, view: QuestionView) -> bool:
        return bool(view.question.author_id == self.context.get("user_id"))

    def get_open(self, view: QuestionView) -> bool:
        return bool(view.question.state == QuestionState.PUBLISHED)

    @extend_schema_field(VraagbaakTagSerializer(many=True))
    def get_tags(self, view: QuestionView) -> list[dict[str, Any]]:
        return _tags(list(view.tag_keys), self.context)

    @extend_schema_field(VraagbaakAnswerSerializer(many=True))
    def get_answers(self, view: QuestionView) -> list[dict[str, Any]]:
        context = {**self.context, "solution_id": view.question.solution_id}
        return list(VraagbaakAnswerSerializer(view.answers, many=True, context=context).data)

    @extend_schema_field(VraagbaakAutomaticAnswerSerializer(many=True))
    def get_automatic_answers(self, view: QuestionView) -> list[dict[str, Any]]:
        return list(VraagbaakAutomaticAnswerSerializer(view.automatic, many=True).data)


class VraagbaakFindingSerializer(serializers.Serializer[Any]):  # also for many Findings
    """A piece of the text that could identify someone; `start` and `end` are character offsets in the
    text (without its leading and trailing spaces)."""

    kind = serializers.CharField(help_text="name, bsn, phone, email, address, postcode, date, iban, ...")
    text = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    label = serializers.CharField(help_text="What it is, in Dutch.")  # type: ignore[assignment]  # as above
    hint = serializers.CharField(help_text="How to write it without it, in Dutch.")


class VraagbaakAnonymityFindingSerializer(serializers.Serializer[Any]):  # also for many Findings
    kind = serializers.CharField(help_text="name, bsn, phone, email, address, postcode, date, iban, ...")
    text = serializers.CharField()
    start = serializers.IntegerField(help_text="Character offset in the text as sent.")
    end = serializers.IntegerField()


class VraagbaakAnonymityResultSerializer(serializers.Serializer[Any]):
    """The same JSON as `kansrijk vraagbaak check-anonymity --json`."""

    findings = VraagbaakAnonymityFindingSerializer(many=True)


class VraagbaakErrorMessageSerializer(serializers.Serializer[Any]):
    nl = serializers.CharField()
    en = serializers.CharField()


class VraagbaakErrorSerializer(serializers.Serializer[Any]):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = VraagbaakErrorMessageSerializer()
    details = serializers.JSONField(help_text="The reasons per field (400), or a text.")


class VraagbaakErrorBodySerializer(serializers.Serializer[Any]):
    error = VraagbaakErrorSerializer()


class VraagbaakPersonalDataErrorSerializer(VraagbaakErrorBodySerializer):
    """400 with code `personal_data`: the guard found personal data. Nothing was stored."""

    findings = serializers.DictField(  # absent from the other 400s (e.g. an empty field)
        child=VraagbaakFindingSerializer(many=True),
        required=False,
        help_text="Per field (title, text): what the guard found; only with code `personal_data`.",
    )


# --- writing ---------------------------------------------------------------------------------------------


class VraagbaakQuestionFilterSerializer(serializers.Serializer[Any]):
    q = serializers.CharField(required=False, default="", allow_blank=True)
    onderwerp = serializers.CharField(required=False, default="", allow_blank=True, max_length=80)
    status = serializers.ChoiceField(choices=["", *STATUS_FILTERS], required=False, default="")


class VraagbaakQuestionInputSerializer(serializers.Serializer[Any]):
    """A new question. With personal data in it: 400 with `findings`, unless `naar_moderator` is true,
    then a moderator rewrites it before it is published. A member's first question always waits for a
    moderator."""

    title = serializers.CharField(max_length=TITLE_MAX, error_messages=TOO_LONG, help_text="At least 5 characters.")
    text = serializers.CharField(
        max_length=TEXT_MAX, error_messages=TOO_LONG, help_text="At least 20 characters; no names or numbers."
    )
    tags = serializers.ListField(
        child=serializers.CharField(max_length=80), required=False, default=list, help_text='Tag keys ("kind:code").'
    )
    naar_moderator = serializers.BooleanField(
        required=False, default=False, help_text="Send it to a moderator even though the guard found something."
    )
    toelichting = serializers.CharField(
        max_length=NOTE_MAX,
        error_messages=TOO_LONG,
        required=False,
        default="",
        allow_blank=True,
        help_text="A note for the moderator.",
    )

    def validate_tags(self, value: list[str]) -> list[str]:
        known = set(tags.valid(value))
        unknown = [key for key in value if key not in known]
        if unknown:
            raise serializers.ValidationError(
                _("Deze onderwerpen ken ik niet: %(keys)s") % {"keys": ", ".join(unknown)}
            )
        return value


class VraagbaakAnswerInputSerializer(serializers.Serializer[Any]):
    text = serializers.CharField(
        max_length=TEXT_MAX, error_messages=TOO_LONG, help_text="At least 10 characters; no names or numbers."
    )


class VraagbaakAnonymityCheckSerializer(serializers.Serializer[Any]):
    # Not trimmed: the offsets of the findings count in the text exactly as it was sent.
    text = serializers.CharField(
        max_length=GUARD_MAX_CHARS, error_messages=TOO_LONG, allow_blank=True, trim_whitespace=False
    )
