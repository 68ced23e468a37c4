"""The Vraagbaak's pages: questions (ask, read, answer, solve, feedback), the members' directory, a
member's profile and notices, the moderators' queue, and the Zorgoverleg alarm.

Questions and answers are anonymous case texts (the guard saw to that); the directory and the
moderation queue show professionals' details and are audited as personal data.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kansrijk.accounts import ratelimit
from kansrijk.accounts.base_views import Page as BasePage
from kansrijk.accounts.base_views import person_of
from kansrijk.accounts.models import User
from kansrijk.core.audit import Target
from kansrijk.core.audited import NO_PERSONAL_DATA, PERSONAL_DATA, audit_read
from kansrijk.core.forms import apply_errors
from kansrijk.vraagbaak import forms, notify, selectors, services, tags
from kansrijk.vraagbaak.models import (
    Answer,
    ApprovedDomain,
    Flag,
    FlagReason,
    Member,
    MemberState,
    Question,
    QuestionState,
    RatingReason,
    Room,
    RoomSession,
)
from kansrijk.vraagbaak.search import question_search, similar_questions


def _profile(data: dict[str, Any]) -> services.Profile:
    return services.Profile(
        organisation=data["organisation"],
        function=data["function"],
        expertise=data.get("expertise") or [],
        stadsdelen=list(data.get("stadsdelen") or []),
        about=data.get("about") or "",
    )


def marked(text: str, findings: list[Any]) -> list[tuple[str, Any]]:
    """The text in pieces: (plain text, None) and (found text, finding), for highlighting."""
    pieces: list[tuple[str, Any]] = []
    at = 0
    for finding in findings:
        if finding.start < at:
            continue
        pieces.append((text[at : finding.start], None))
        pieces.append((text[finding.start : finding.end], finding))
        at = finding.end
    pieces.append((text[at:], None))
    return [p for p in pieces if p[0]]


class Page(BasePage):
    """A page for members (and moderators). Someone signed in who is not a member is sent to join."""

    audit_policy = NO_PERSONAL_DATA
    audit_reason = "anonymous case questions and answers"
    permission_required = "vraagbaak.use"
    send_to_join = True  # a signed-in non-member is shown the way to join instead of a refusal

    def handle_no_permission(self) -> HttpResponseRedirect:
        if self.request.user.is_authenticated and self.send_to_join and self.permission_required == "vraagbaak.use":
            return redirect("vraagbaak:join")
        return super().handle_no_permission()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["is_moderator"] = self.request.user.has_perm("vraagbaak.moderate")
        return context


# --- joining --------------------------------------------------------------------------------------


# Sign-ups (each sends an email): so many per client address, and per email address.
SIGNUP_PER_ADDRESS = ratelimit.Limit("vraagbaak_signup.client", 10, timedelta(hours=1))
SIGNUP_PER_EMAIL = ratelimit.Limit("vraagbaak_signup.email", 3, timedelta(hours=1))


class SignupView(TemplateView):
    """Free sign-up for professionals (anonymous visitors)."""

    template_name = "vraagbaak/signup.html"
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "a sign-up form; the account it creates is audited by the service"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect("vraagbaak:join")
        return self.render_to_response(self.get_context_data(form=forms.SignupForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.SignupForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:  # each sign-up sends an email
                ratelimit.consume(
                    (SIGNUP_PER_ADDRESS, ratelimit.client_address(request)),
                    (SIGNUP_PER_EMAIL, ratelimit.email_key(data["email"])),
                )
            except ratelimit.RateLimitedError as error:
                return ratelimit.too_many_requests(request, error)
            try:
                services.member_signup(
                    email=data["email"], full_name=data["full_name"], password=data["password"], profile=_profile(data)
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:  # the same page whether or not the address had an account
                return self.render_to_response(self.get_context_data(done=True, email=data["email"]))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ConfirmView(TemplateView):
    """The link in the sign-up email."""

    template_name = "vraagbaak/confirm.html"
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "confirms an email address; the service audits it"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(token=kwargs["token"]))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            member = services.member_confirm_email(token=kwargs["token"])
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(error=error.messages[0]), status=400)
        return self.render_to_response(self.get_context_data(member=member, confirmed=True))


class JoinView(LoginRequiredMixin, TemplateView):
    """Someone with a Kansrijk account becomes a member (or sees that they wait for approval)."""

    template_name = "vraagbaak/join.html"
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "the signed-in person's own membership form"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = selectors.member_of(request.user)
        if request.user.has_perm("vraagbaak.use"):
            return redirect("vraagbaak:index")
        return self.render_to_response(self.get_context_data(form=forms.ProfileForm(), member=member))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.member_join(user=person_of(request), profile=_profile(form.cleaned_data))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Welkom in de Vraagbaak."))
                return redirect("vraagbaak:index")
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- questions ------------------------------------------------------------------------------------


class IndexView(Page):
    template_name = "vraagbaak/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:300]
        tag = self.request.GET.get("onderwerp", "")
        status = self.request.GET.get("status", "")
        if query:
            hits = question_search(query=query, limit=20, tags=[tag] if tag else (), solved_only=status == "opgelost")
            context.update(hits=hits)
        index = tags.tag_index()
        if not query:
            rows = list(selectors.questions(tag=tag, status=status)[:50])
            for question in rows:
                question.tag_labels = [index[t.tag].label for t in question.tags.all() if t.tag in index]  # type: ignore[attr-defined]
            context.update(questions=rows)
        context.update(
            query=query,
            tag=index.get(tag),
            status=status,
            groups=[(tags.KINDS[kind], items) for kind, items in tags.all_tags().items()],
            tag_index=index,
        )
        return context


class AskView(Page):
    template_name = "vraagbaak/ask.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=forms.QuestionForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = forms.QuestionForm(request.POST)
        context: dict[str, Any] = {}
        if form.is_valid():
            draft = services.QuestionDraft(
                title=form.cleaned_data["title"], text=form.cleaned_data["text"], tags=form.tag_keys()
            )
            try:
                question = services.question_ask(
                    by=self.person,
                    draft=draft,
                    to_moderator=request.POST.get("naar_moderator") == "1",
                    note=request.POST.get("toelichting", ""),
                )
            except services.PersonalDataFoundError as found:
                texts = {"title": draft.title, "text": draft.text, "note": request.POST.get("toelichting", "")}
                labels = {"note": _("Toelichting voor de moderator")}
                context["findings"] = [
                    (
                        form.fields[name].label if name in form.fields else labels.get(name, name),
                        marked(texts[name], items),
                        items,
                    )
                    for name, items in found.findings.items()
                    if name in texts
                ]
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if question.state == QuestionState.PUBLISHED:
                    messages.success(request, _("Je vraag staat online."))
                else:
                    messages.success(
                        request, _("Je vraag is naar de moderator gestuurd. Je krijgt bericht als hij online staat.")
                    )
                return redirect("vraagbaak:question", pk=question.pk)
        return self.render_to_response(self.get_context_data(form=form, **context), status=400)


class SimilarView(Page):
    """While typing: similar earlier questions (HTMX partial)."""

    template_name = "vraagbaak/partials/_similar.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        hits = similar_questions(title=request.POST.get("title", "")[:160], text=request.POST.get("text", "")[:5000])
        return self.render_to_response(self.get_context_data(hits=hits))


def _question(request: HttpRequest, pk: int) -> Question:
    question = Question.objects.visible_to(request.user).filter(pk=pk).select_related("author", "solution").first()
    if question is None:
        raise Http404
    return question


class QuestionView(Page):
    template_name = "vraagbaak/question.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        question = _question(self.request, self.kwargs["pk"])
        view = selectors.question_view(question=question, user=self.request.user, moderator=context["is_moderator"])
        held = selectors.held_back(view, reader_id=self.request.user.pk)
        if held:  # a moderator reads texts held back, often for what the guard found: audited
            audit_read(request=self.request, targets=held, purpose="vraagbaak: moderatie")
        context.update(
            view=view,
            question=question,
            is_author=question.author_id == self.request.user.pk,
            tags=tags.labels(view.tag_keys),
            answer_form=kwargs.get("answer_form") or forms.AnswerForm(),
            rating_reasons=RatingReason.choices,
            flag_reasons=FlagReason.choices,
            open=question.state == QuestionState.PUBLISHED,
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question = _question(request, self.kwargs["pk"])
        user = self.person
        action = request.POST.get("actie", "")
        answer = self._answer(question, request.POST.get("antwoord"))
        try:
            if action == "antwoord":
                form = forms.AnswerForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(answer_form=form), status=400)
                try:
                    services.answer_post(question=question, by=user, text=form.cleaned_data["text"])
                except services.PersonalDataFoundError as found:
                    return self.render_to_response(
                        self.get_context_data(
                            answer_form=form,
                            answer_findings=marked(form.cleaned_data["text"], found.findings["text"]),
                        ),
                        status=400,
                    )
                messages.success(request, _("Je antwoord staat bij de vraag."))
            elif action == "reactie" and answer is not None:
                services.comment_post(answer=answer, by=user, text=request.POST.get("tekst", ""))
            elif action in ("omhoog", "omlaag") and answer is not None:
                services.vote(answer=answer, by=user, value=1 if action == "omhoog" else -1)
            elif action == "oplossing" and answer is not None:
                services.solution_mark(question=question, answer=answer, by=user)
                messages.success(request, _("Fijn dat het je hielp. Over een week vragen we wat er werkte."))
            elif action == "beoordeel" and answer is not None:
                services.auto_answer_rate(
                    answer=answer,
                    by=user,
                    helpful=request.POST.get("nuttig") == "ja",
                    reason=request.POST.get("reden", ""),
                )
                messages.success(request, _("Dank je voor je beoordeling."))
            elif action == "melden":
                services.flag_create(
                    question=question,
                    answer=answer,
                    by=user,
                    reason=request.POST.get("reden", ""),
                    note=request.POST.get("toelichting", ""),
                )
                messages.success(request, _("Dank je. Een moderator kijkt ernaar."))
            elif action in ("publiceer", "sluit", "terugsturen", "toon", "verberg"):
                self._moderate(question, answer, user, action, request.POST.get("reden", ""))
            else:
                raise ValidationError(_("Deze handeling ken ik niet."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        if not Question.objects.visible_to(request.user).filter(pk=question.pk).exists():
            return redirect("vraagbaak:index")
        return redirect("vraagbaak:question", pk=question.pk)

    @staticmethod
    def _answer(question: Question, value: str | None) -> Answer | None:
        if not value or not value.isdigit():
            return None
        return Answer.objects.filter(pk=int(value), question=question).select_related("question").first()

    @staticmethod
    def _moderate(question: Question, answer: Answer | None, user: User, action: str, reason: str) -> None:
        if action == "publiceer":
            services.question_publish(question=question, by=user)
        elif action == "sluit":
            services.question_close(question=question, by=user)
        elif action == "terugsturen":
            services.question_reject(question=question, by=user, reason=reason)
        elif answer is not None:
            services.answer_moderate(answer=answer, by=user, show=action == "toon", reason=reason)


class FeedbackView(Page):
    template_name = "vraagbaak/feedback.html"

    def _question(self) -> Question:
        question = _question(self.request, self.kwargs["pk"])
        if not self.request.user.has_perm("vraagbaak.mark_solution", question):
            raise PermissionDenied
        return question

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question = self._question()
        existing = getattr(question, "feedback", None)
        initial = {"worked": existing.worked, "text": existing.text} if existing else None
        return self.render_to_response(
            self.get_context_data(question=question, form=forms.FeedbackForm(initial=initial))
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question = self._question()
        form = forms.FeedbackForm(request.POST)
        findings = None
        if form.is_valid():
            try:
                services.feedback_give(question=question, by=self.person, **form.cleaned_data)
            except services.PersonalDataFoundError as found:
                findings = marked(form.cleaned_data["text"], found.findings["text"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Dank je. Je ervaring staat bij de vraag."))
                return redirect("vraagbaak:question", pk=question.pk)
        return self.render_to_response(
            self.get_context_data(question=question, form=form, findings=findings), status=400
        )


class MineView(Page):
    template_name = "vraagbaak/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["questions"] = selectors.my_questions(user=self.request.user)
        return context


# --- the member -----------------------------------------------------------------------------------


class ProfileView(Page):
    """My profile, how often I hear from the Vraagbaak, and what I follow."""

    template_name = "vraagbaak/profile.html"

    def _member(self) -> Member:
        member = selectors.member_of(self.request.user)
        if member is None:
            raise Http404
        return member

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = self._member()
        form = forms.PreferencesForm(
            initial={
                "organisation": member.organisation,
                "function": member.function,
                "stadsdelen": list(member.stadsdelen.all()),
                "expertise": member.expertise,
                "about": member.about,
                "frequency": member.frequency,
                "follows": list(member.follows.values_list("tag", flat=True)),
            }
        )
        return self.render_to_response(self.get_context_data(form=form, member=member))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        member = self._member()
        form = forms.PreferencesForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.member_update(
                    member=member,
                    by=self.person,
                    profile=_profile(data),
                    frequency=data["frequency"],
                    follows=data["follows"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Je keuzes zijn opgeslagen."))
                return redirect("vraagbaak:profile")
        return self.render_to_response(self.get_context_data(form=form, member=member), status=400)


class NoticesView(Page):
    template_name = "vraagbaak/notices.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        member = selectors.member_of(self.request.user)
        rows = notify.notices_seen(member=member) if member is not None else []
        context["notices"] = rows
        return context


class MembersView(Page):
    """The directory: find a contact person inside an organisation, or someone who knows a topic."""

    template_name = "vraagbaak/members.html"
    audit_policy = PERSONAL_DATA
    permission_required = "vraagbaak.use"
    send_to_join = False  # the directory names people: a non-member is refused (and that is audited)
    audit_purpose = "vraagbaak: contactpersoon zoeken"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        organisation = self.request.GET.get("organisatie", "")
        rows = selectors.members(
            organisation_id=int(organisation) if organisation.isdigit() else None,
            tag=self.request.GET.get("onderwerp", ""),
            stadsdeel=self.request.GET.get("stadsdeel", "")[:10],
            text=self.request.GET.get("q", "").strip()[:100],
        )[:100]
        index = tags.tag_index()
        found = list(rows)
        for member in found:
            member.expertise_labels = [index[key].label for key in member.expertise or [] if key in index]  # type: ignore[attr-defined]
        context.update(
            object_list=found,
            organisations=Member.objects.filter(state=MemberState.APPROVED)
            .values_list("organisation_id", "organisation__name")
            .distinct()
            .order_by("organisation__name"),
            topic_choices=[*tags.choices("risk"), *tags.choices("hulpvraag")],
            stadsdeel_choices=[(tag.code, tag.label) for tag in tags.all_tags()["stadsdeel"]],
            filters=self.request.GET,
        )
        return context

    def get_audit_targets(self, context: dict[str, Any]) -> list[Any]:
        return [Target("vraagbaak.member")]


# --- moderation -----------------------------------------------------------------------------------


class ModerationView(Page):
    template_name = "vraagbaak/moderation.html"
    audit_policy = PERSONAL_DATA
    permission_required = "vraagbaak.moderate"
    audit_purpose = "vraagbaak: moderatie"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(queue=selectors.moderation_queue(), settings=services.current_settings())
        return context

    def get_audit_targets(self, context: dict[str, Any]) -> list[Any]:
        return [Target("vraagbaak.moderation")]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = self.person
        action = request.POST.get("actie", "")
        try:
            if action in ("lid_goed", "lid_af"):
                member = get_object_or_404(Member, pk=request.POST.get("lid", "0") or 0)
                services.member_decide(
                    member=member, by=user, approve=action == "lid_goed", reason=request.POST.get("reden", "")
                )
            elif action == "melding_afwijzen":
                flag = get_object_or_404(Flag, pk=request.POST.get("melding", "0") or 0)
                services.flag_dismiss(flag=flag, by=user, reason=request.POST.get("reden", ""))
            elif action == "instellingen":
                services.settings_update(by=user, auto_answers_need_approval=request.POST.get("goedkeuring") == "1")
            else:
                raise ValidationError(_("Deze handeling ken ik niet."))
            messages.success(request, _("Gedaan."))
        except (ValidationError, ValueError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        return redirect("vraagbaak:moderation")


class ModeratorEditView(Page):
    """A moderator rewrites a question (or one answer) for anonymity, with a reason."""

    template_name = "vraagbaak/edit.html"
    permission_required = "vraagbaak.moderate"

    def _objects(self) -> tuple[Question, Answer | None]:
        question = get_object_or_404(Question, pk=self.kwargs["pk"])
        answer_id = self.request.GET.get("antwoord") or self.request.POST.get("antwoord")
        answer = None
        if answer_id:
            answer = get_object_or_404(Answer, pk=answer_id if str(answer_id).isdigit() else 0, question=question)
        return question, answer

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question, answer = self._objects()
        # The moderator reads the text as written, findings and all: recorded like any read held back.
        audit_read(request=request, targets=[answer or question], purpose="vraagbaak: moderatie")
        initial = {"text": answer.text} if answer else {"title": question.title, "text": question.text}
        findings = services.guard(**initial)
        return self.render_to_response(
            self.get_context_data(
                form=forms.ModeratorEditForm(initial=initial),
                question=question,
                answer=answer,
                findings=[(name, marked(initial[name], items)) for name, items in findings.items()],
            )
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        question, answer = self._objects()
        form = forms.ModeratorEditForm(request.POST)
        found: list[Any] = []
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.moderator_edit(
                    by=self.person,
                    reason=data["reason"],
                    question=None if answer else question,
                    answer=answer,
                    title=data["title"] or None,
                    text=data["text"],
                )
            except services.PersonalDataFoundError as error:
                texts = {"title": data["title"], "text": data["text"]}
                found = [(name, marked(texts[name], items)) for name, items in error.findings.items()]
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Aangepast. De reden staat in het moderatielog."))
                return redirect("vraagbaak:question", pk=question.pk)
        return self.render_to_response(
            self.get_context_data(form=form, question=question, answer=answer, findings=found), status=400
        )


class DomainsView(Page):
    """The beheerder's list of organisation email domains whose sign-ups are approved at once."""

    template_name = "vraagbaak/domains.html"
    permission_required = "vraagbaak.manage_domains"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.setdefault("form", forms.DomainForm())
        context["domains"] = ApprovedDomain.objects.select_related("organisation")
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = self.person
        remove = request.POST.get("verwijder", "")
        if remove:
            domain = get_object_or_404(ApprovedDomain, pk=remove if remove.isdigit() else 0)
            services.domain_remove(domain=domain, by=user)
            messages.success(request, _("Het domein is van de lijst gehaald."))
            return redirect("vraagbaak:domains")
        form = forms.DomainForm(request.POST)
        if form.is_valid():
            try:
                services.domain_add(by=user, **form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Het domein staat op de lijst."))
                return redirect("vraagbaak:domains")
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- Zorgoverleg alarm ----------------------------------------------------------------------------


class RoomsView(Page):
    template_name = "vraagbaak/rooms.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        member = selectors.member_of(self.request.user)
        context["rooms"] = [selectors.room_view(room=room, member=member, count=1) for room in selectors.rooms()]
        return context


class RoomView(Page):
    template_name = "vraagbaak/room.html"

    def _room(self) -> Room:
        return get_object_or_404(Room, slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        room = self._room()
        context.update(
            view=selectors.room_view(room=room, member=selectors.member_of(self.request.user)),
            room=room,
            notes_form=kwargs.get("notes_form") or forms.SessionNotesForm(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        room = self._room()
        user = self.person
        action = request.POST.get("actie", "")
        try:
            if action in ("aanmelden", "afmelden"):
                starts = datetime.fromisoformat(request.POST.get("moment", ""))
                session = services.session_for(room=room, starts_at=starts)
                if action == "aanmelden":
                    services.session_signup(session=session, by=user, question=request.POST.get("vraag", ""))
                    messages.success(request, _("Je bent aangemeld."))
                else:
                    services.session_signoff(session=session, by=user)
                    messages.success(request, _("Je bent afgemeld."))
            elif action == "kamer":
                services.room_update(room=room, by=user, video_url=request.POST.get("video", ""))
                messages.success(request, _("Opgeslagen."))
            elif action == "verslag":
                session = get_object_or_404(RoomSession, pk=request.POST.get("bijeenkomst", "0") or 0, room=room)
                form = forms.SessionNotesForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(notes_form=form), status=400)
                draft = services.QuestionDraft(title=form.cleaned_data["title"], text=form.cleaned_data["text"])
                question = services.session_notes(
                    session=session, by=user, draft=draft, notes=form.cleaned_data["notes"]
                )
                return redirect("vraagbaak:question", pk=question.pk)
            else:
                raise ValidationError(_("Deze handeling ken ik niet."))
        except services.PersonalDataFoundError as found:
            kinds = sorted({f.label for items in found.findings.values() for f in items})
            messages.error(
                request,
                _("%(message)s Gevonden: %(kinds)s.") % {"message": found.messages[0], "kinds": ", ".join(kinds)},
            )
        except (ValidationError, ValueError) as error:
            for message in getattr(error, "messages", [str(error)]):
                messages.error(request, message)
        return redirect(reverse("vraagbaak:room", kwargs={"slug": room.slug}))
