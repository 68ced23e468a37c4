"""The GKS Vraagbaak: a closed question-and-answer place where professionals ask each other about a
case, anonymously.

Members (`Member`) are professionals with an approved profile. A question (`Question`) is published
only when the anonymity guard found nothing in it and, for a member's first question, a moderator
approved it. Answers are human or automatic (`Answer.is_automatic`, each statement linked to a
source). Moderators act through `kansrijk.vraagbaak.services`, which records every action
(`ModerationAction`) and audits it. No text that the guard flagged is ever kept after a moderator
rewrote it: the log keeps the reason, not the removed words.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kansrijk.accounts.models import Organisation
from kansrijk.geo.models import Stadsdeel


class MemberState(models.TextChoices):
    PENDING = "wacht", _("Wacht op goedkeuring")
    APPROVED = "goedgekeurd", _("Goedgekeurd")
    REJECTED = "afgewezen", pgettext_lazy("lid", "Afgewezen")


class Frequency(models.TextChoices):
    """How often a member hears from the Vraagbaak."""

    IMMEDIATELY = "direct", _("Meteen")
    DAILY = "dagelijks", _("Eén keer per dag (overzicht)")
    WEEKLY = "wekelijks", _("Eén keer per week (overzicht)")
    OFF = "uit", _("Nooit")


class Member(models.Model):
    """A professional's Vraagbaak profile: who they are, so others can find "a contact person inside
    that organisation", and how often they want to hear from the Vraagbaak."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vraagbaak_member")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="vraagbaak_members", verbose_name=_("organisatie")
    )
    function = models.CharField(_("functie"), max_length=200)
    expertise = models.JSONField(_("expertise"), default=list, blank=True)  # tag keys "kind:code"
    stadsdelen = models.ManyToManyField(Stadsdeel, verbose_name=_("stadsdelen"), blank=True, related_name="+")
    about = models.TextField(_("over mij"), blank=True, max_length=1000)
    state = models.CharField(_("status"), max_length=20, choices=MemberState.choices, default=MemberState.PENDING)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_automatically = models.BooleanField(default=False)  # by a listed organisation email domain
    # Shown on the profile; what counts for sending is the notify app's preference (kind "vraagbaak"),
    # which `member_update` keeps equal to it.
    frequency = models.CharField(
        _("hoe vaak wil je berichten?"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo-gegevens (verzonnen)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lid van de Vraagbaak")
        verbose_name_plural = _("leden van de Vraagbaak")
        ordering = ("user__full_name",)

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_approved(self) -> bool:
        return self.state == MemberState.APPROVED


class ApprovedDomain(models.Model):
    """An organisation's email domain: a sign-up with an address there is approved at once."""

    domain = models.CharField(_("e-maildomein"), max_length=200, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goedgekeurd e-maildomein")
        verbose_name_plural = _("goedgekeurde e-maildomeinen")
        ordering = ("domain",)

    def __str__(self) -> str:
        return self.domain


class Follow(models.Model):
    """A member follows a tag (a risk factor, a hulpvraag, a phase or a stadsdeel)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="follows")
    tag = models.CharField(max_length=80)  # "kind:code", see kansrijk.vraagbaak.tags

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "tag"], name="vraagbaak_follow_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Settings(models.Model):
    """The moderators' settings (one row)."""

    auto_answers_need_approval = models.BooleanField(
        _("Automatische antwoorden pas tonen na goedkeuring door een moderator"), default=False
    )
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("instellingen Vraagbaak")
        verbose_name_plural = _("instellingen Vraagbaak")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class QuestionState(models.TextChoices):
    IN_REVIEW = "beoordeling", _("Bij de moderator")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    CLOSED = "gesloten", _("Gesloten")
    REJECTED = "afgewezen", pgettext_lazy("vraag", "Afgewezen")


class ReviewReason(models.TextChoices):
    FIRST_QUESTION = "eerste_vraag", _("Eerste vraag van een nieuw lid")
    GUARD = "anonimiteit", _("De schrijver vraagt de moderator de anonimiteit te controleren")
    FLAGGED = "gemeld", _("Gemeld door een lezer")


class Source(models.TextChoices):
    ASKED = "gevraagd", _("Gesteld in de Vraagbaak")
    ZORGOVERLEG = "zorgoverleg", _("Uit het Zorgoverleg alarm")


# The longest text the anonymity guard checks (a question's text, with margin): its time grows with the
# text, so every way in (forms, API, the guard as a service, the CLI, the services) refuses longer texts.
GUARD_MAX_CHARS = 10_000

# The states in which a question is online for every member (one definition for pages, API, search).
VISIBLE_STATES = (QuestionState.PUBLISHED, QuestionState.CLOSED)


class QuestionQuerySet(models.QuerySet["Question"]):
    def online(self) -> QuestionQuerySet:
        """Questions every member may read."""
        return self.filter(state__in=VISIBLE_STATES)

    def visible_to(self, user: Any) -> QuestionQuerySet:
        """The one way pages and API look a question up: a moderator (with the second factor) sees every
        question; an approved member the questions online and their own; anyone else none. The same
        rule as the permission `vraagbaak.view_question`."""
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.has_perm("vraagbaak.moderate"):
            return self.all()
        if not user.has_perm("vraagbaak.use"):
            return self.none()
        return self.filter(Q(state__in=VISIBLE_STATES) | Q(author=user))


class Question(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vraagbaak_questions")
    title = models.CharField(_("titel"), max_length=160)
    text = models.TextField(_("je vraag"), max_length=5000)
    state = models.CharField(max_length=20, choices=QuestionState.choices, default=QuestionState.IN_REVIEW)
    review_reason = models.CharField(max_length=20, choices=ReviewReason.choices, blank=True)
    review_note = models.CharField(_("toelichting voor de moderator"), max_length=500, blank=True)
    moderator_note = models.CharField(_("waarom de moderator de vraag terugstuurde"), max_length=500, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.ASKED)
    created_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    solution = models.OneToOneField(
        "Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="solves", verbose_name=_("oplossing")
    )
    solved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)  # last rewritten by a moderator
    is_demo = models.BooleanField(default=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ("-created_at",)
        indexes = [models.Index(fields=["state", "-created_at"], name="vraagbaak_question_state")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_visible(self) -> bool:
        return self.state in VISIBLE_STATES


class QuestionTag(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=80)  # "kind:code"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "tag"], name="vraagbaak_question_tag_unique")]
        indexes = [models.Index(fields=["tag"], name="vraagbaak_tag")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class AnswerState(models.TextChoices):
    VISIBLE = "zichtbaar", _("Zichtbaar")
    AWAITING_APPROVAL = "wacht", _("Wacht op goedkeuring moderator")
    HIDDEN = "verborgen", _("Verborgen")


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="vraagbaak_answers"
    )  # empty for an automatic answer
    text = models.TextField(_("je antwoord"), max_length=5000)
    is_automatic = models.BooleanField(default=False)
    generator = models.CharField(max_length=100, blank=True)  # which generator wrote an automatic answer
    # For an automatic answer: its statements, each with its source
    # [{"text": ..., "source": {"kind": "service"|"question", "id": ..., "title": ...}}].
    statements = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=20, choices=AnswerState.choices, default=AnswerState.VISIBLE)
    hidden_reason = models.CharField(max_length=200, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Vote(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField()  # +1 or -1

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="vraagbaak_vote_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Comment(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("je reactie"), max_length=1000)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class RatingReason(models.TextChoices):
    WRONG = "fout", _("Het klopt niet")
    INCOMPLETE = "onvolledig", _("Er mist iets")
    UNCLEAR = "onduidelijk", _("Het is niet duidelijk")


class AutoAnswerRating(models.Model):
    """A reader's (or a moderator's) judgement of an automatic answer."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    reason = models.CharField(max_length=20, choices=RatingReason.choices, blank=True)
    by_moderator = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "user"], name="vraagbaak_rating_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class Worked(models.TextChoices):
    YES = "ja", _("Ja, het werkte")
    PARTLY = "deels", _("Deels")
    NO = "nee", _("Nee, het werkte niet")


class SolutionFeedback(models.Model):
    """What the asker found worked in practice, some days after marking the solution."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="feedback")
    worked = models.CharField(_("werkte de oplossing?"), max_length=10, choices=Worked.choices)
    text = models.TextField(_("wat werkte er in de praktijk?"), max_length=2000)
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class FlagReason(models.TextChoices):
    PERSONAL_DATA = "persoonsgegevens", _("Er staan gegevens in die een gezin herkenbaar maken")
    WRONG = "onjuist", _("Het klopt niet")
    DISRESPECTFUL = "respectloos", _("Het is niet respectvol")
    OTHER = "anders", _("Iets anders")


class Flag(models.Model):
    """A reader reports a question or an answer to the moderators."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="flags")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("waarom meld je dit?"), max_length=20, choices=FlagReason.choices)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    created_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("created_at",)

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class ModerationAction(models.Model):
    """Every moderator action, with its reason: the moderators' own log (the audit trail has it too)."""

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=40)
    question = models.ForeignKey(Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    answer = models.ForeignKey(Answer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ("-at", "-pk")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class NoticeKind(models.TextChoices):
    NEW_QUESTION = "nieuwe_vraag", _("Nieuwe vraag over iets dat je volgt")
    NEW_ANSWER = "nieuw_antwoord", _("Nieuw antwoord op je vraag")
    SOLVED = "opgelost", _("Je antwoord hielp")
    FEEDBACK_ASKED = "terugkoppeling", _("Wat werkte er?")
    PUBLISHED = "gepubliceerd", _("Je vraag staat online")
    RETURNED = "teruggestuurd", _("De moderator stuurde je vraag terug")
    ZORGOVERLEG = "zorgoverleg", _("Zorgoverleg alarm")


class Room(models.Model):
    """A Zorgoverleg alarm room for one kind of problem, led by a moderator."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=120)
    description = models.CharField(_("waarover"), max_length=300)
    tag = models.CharField(max_length=80, blank=True)  # the risk factor it is about ("risk:lage_ses")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_url = models.URLField(_("link naar het videogesprek"), blank=True)

    class Meta:
        verbose_name = _("zorgoverleg-kamer")
        verbose_name_plural = _("zorgoverleg-kamers")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class RoomSession(models.Model):
    """One monthly session of a room (every first Monday at 12:00, 30 minutes)."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=30)
    notes_question = models.OneToOneField(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_session"
    )

    class Meta:
        ordering = ("starts_at",)
        constraints = [models.UniqueConstraint(fields=["room", "starts_at"], name="vraagbaak_session_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class SessionSignup(models.Model):
    """A member signs up to bring a question to a session (or to listen in)."""

    session = models.ForeignKey(RoomSession, on_delete=models.CASCADE, related_name="signups")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="signups")
    question = models.CharField(_("je vraag in één zin (zonder namen)"), max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="vraagbaak_signup_unique")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
