"""Everything that changes the Vraagbaak. Each service checks the permission, runs the anonymity guard
on every text that others will read, writes in one transaction, audits, and schedules notices after
commit. A text in which the guard finds personal data is never stored for publication: the author
rewrites it or sends it to a moderator, who must rewrite it before it can be published.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansrijk.accounts import services as account_services
from kansrijk.accounts.models import Organisation, User
from kansrijk.accounts.permissions import forget
from kansrijk.core import clock
from kansrijk.core.audit import Target, actor_for, audit_record
from kansrijk.core.models import AuditAction
from kansrijk.core.permissions import require_perm
from kansrijk.geo.models import Stadsdeel
from kansrijk.notify import services as notify_services
from kansrijk.vraagbaak import notify, tags, zorgoverleg
from kansrijk.vraagbaak.anonymity import Finding, allowed_names, check
from kansrijk.vraagbaak.models import (
    GUARD_MAX_CHARS,
    Answer,
    AnswerState,
    ApprovedDomain,
    AutoAnswerRating,
    Comment,
    Flag,
    FlagReason,
    Follow,
    Frequency,
    Member,
    MemberState,
    ModerationAction,
    NoticeKind,
    Question,
    QuestionState,
    QuestionTag,
    RatingReason,
    ReviewReason,
    Room,
    RoomSession,
    SessionSignup,
    Settings,
    SolutionFeedback,
    Source,
    Vote,
    Worked,
)
from kansrijk.vraagbaak.permissions import MEMBER_STATE

logger = logging.getLogger(__name__)

PURPOSE = "vraagbaak"

# Against a flood (and a runaway script): how much one member may post.
QUESTIONS_PER_DAY = 5
ANSWERS_PER_HOUR = 20
COMMENTS_PER_HOUR = 30
# Days after the solution was marked before the asker is asked what worked in practice.
FEEDBACK_AFTER_DAYS = 7
# An automatic answer is hidden when at least this many readers found it not helpful, and they outnumber
# those who did; or at once when a moderator finds it not helpful.
HIDE_AFTER_NOT_HELPFUL = 3


class PersonalDataFoundError(ValidationError):
    """The guard found personal data; `findings` per field ("title", "text", ...)."""

    def __init__(self, findings: dict[str, list[Finding]]) -> None:
        super().__init__(_("Er staan gegevens in die een gezin herkenbaar kunnen maken. Pas de tekst aan."))
        self.findings = findings


class RateLimitedError(ValidationError):
    pass


# --- the guard ------------------------------------------------------------------------------------


def guard(**texts: str) -> dict[str, list[Finding]]:
    """The guard's findings per named text (only texts with findings)."""
    allowed = allowed_names()
    found = {name: check(text, allowed=allowed) for name, text in texts.items() if text}
    return {name: items for name, items in found.items() if items}


def _require_clean(**texts: str) -> None:
    too_long = {name: text for name, text in texts.items() if len(text or "") > GUARD_MAX_CHARS}
    if too_long:
        raise ValidationError(
            {
                name: _("Deze tekst is te lang: maximaal %(limit)s tekens.")
                % {"limit": f"{GUARD_MAX_CHARS:,}".replace(",", ".")}
                for name in too_long
            }
        )
    found = guard(**texts)
    if found:
        raise PersonalDataFoundError(found)


def _clean(value: str, field: str, *, min_length: int = 1) -> str:
    value = value.strip()
    if len(value) < min_length:
        raise ValidationError({field: _("Vul dit in.")})
    return value


def _rate_limit(count: int, limit: int, message: str) -> None:
    if count >= limit:
        raise RateLimitedError(message)


def _audit(by: User, action: AuditAction, target: Any, detail: dict[str, Any] | None = None) -> None:
    audit_record(actor=actor_for(by), action=action, targets=[target], purpose=PURPOSE, detail=detail or {})


def _member(user: User) -> Member:
    member = Member.objects.filter(user=user).first()
    if member is None:
        raise PermissionDenied(_("Je bent nog geen lid van de Vraagbaak."))
    return member


def _log(
    by: User,
    action: str,
    *,
    question: Question | None = None,
    answer: Answer | None = None,
    member: Member | None = None,
    reason: str = "",
) -> None:
    """The moderators' own log, and the audit trail, of one moderator action."""
    ModerationAction.objects.create(
        moderator=by,
        action=action,
        question=question,
        answer=answer,
        member=member,
        reason=reason[:500],
        at=clock.now(),
    )
    target: Any = answer or question or member or Target(f"vraagbaak.{action}")
    audit_record(
        actor=actor_for(by),
        action=AuditAction.UPDATE,
        targets=[target],
        purpose="vraagbaak-moderatie",
        detail={"moderation": action},
    )


# --- members --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    organisation: Organisation
    function: str
    expertise: Sequence[str] = ()
    stadsdelen: Sequence[Stadsdeel] = ()
    about: str = ""


def _domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def approved_domain(email: str) -> ApprovedDomain | None:
    return ApprovedDomain.objects.filter(domain=_domain_of(email)).select_related("organisation").first()


def _save_profile(member: Member, profile: Profile) -> None:
    member.organisation = profile.organisation
    member.function = _clean(profile.function, "function")
    member.expertise = tags.valid(profile.expertise)
    member.about = profile.about.strip()
    _require_clean(function=member.function, about=member.about)  # colleagues read both in the directory
    member.full_clean(exclude=["user"])
    member.save()
    member.stadsdelen.set(profile.stadsdelen)


SIGNUP_SALT = "vraagbaak.signup"
SIGNUP_DAYS = 7


def member_signup(*, email: str, full_name: str, password: str, profile: Profile) -> Member | None:
    """Free sign-up for a professional. The account waits until its email address is confirmed through
    the link we send; then it is approved at once when the beheerder listed the address's domain for the
    chosen organisation, else a moderator approves it. Until approved it cannot log in. For an address
    that already has an account nothing is made (None) and the address gets a note instead, so the page
    never tells anyone which addresses have an account."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        transaction.on_commit(lambda: notify.signup_existing(email=email))
        return None
    with transaction.atomic():
        user = account_services.user_create(
            email=email,
            full_name=full_name,
            password=password,
            by=None,
            # No membership of the organisation in Kansrijk itself: that is the beheerder's to grant. The
            # Vraagbaak profile names the organisation the person says they work for.
            organisations=[],
            job_title=profile.function,
            approved=False,
        )
        member = Member(user=user, organisation=profile.organisation, function=profile.function)
        _save_profile(member, profile)
        audit_record(actor=actor_for(None), action=AuditAction.CREATE, targets=[member], purpose=PURPOSE)
        token = signing.dumps({"m": member.pk}, salt=SIGNUP_SALT)
        transaction.on_commit(lambda: notify.signup_confirm(member=member, token=token))
    return member


def member_confirm_email(*, token: str) -> Member:
    """The link in the sign-up email: the address is confirmed; a listed domain approves at once."""
    try:
        data = signing.loads(token, salt=SIGNUP_SALT, max_age=timedelta(days=SIGNUP_DAYS))
        member = Member.objects.select_related("user").get(pk=int(data["m"]))
    except (signing.BadSignature, Member.DoesNotExist, KeyError, TypeError, ValueError) as error:
        raise ValidationError(_("Deze link klopt niet of is verlopen. Meld je opnieuw aan.")) from error
    with transaction.atomic():
        member = Member.objects.select_for_update().select_related("user").get(pk=member.pk)
        if member.email_confirmed_at is None:
            member.email_confirmed_at = clock.now()
            member.save(update_fields=["email_confirmed_at"])
            domain = approved_domain(member.user.email)
            if (
                member.state == MemberState.PENDING
                and domain is not None
                and domain.organisation_id == member.organisation_id
            ):
                member.state, member.approved_at, member.approved_automatically = (
                    MemberState.APPROVED,
                    clock.now(),
                    True,
                )
                member.save(update_fields=["state", "approved_at", "approved_automatically"])
                account_services.user_approve(user=member.user, by=None)
            audit_record(
                actor=actor_for(None),
                action=AuditAction.UPDATE,
                targets=[member],
                purpose=PURPOSE,
                detail={"email_confirmed": True, "state": member.state},
            )
    return member


def member_join(*, user: User, profile: Profile) -> Member:
    """Someone who already has a Kansrijk account (made by a beheerder) joins the Vraagbaak: approved."""
    if user.approval_state != "approved":
        raise PermissionDenied
    with transaction.atomic():
        if Member.objects.filter(user=user).exists():
            raise ValidationError(_("Je hebt je al aangemeld. Een moderator beslist over je aanmelding."))
        member = Member(user=user, organisation=profile.organisation, function=profile.function)
        member.state, member.approved_at, member.approved_automatically = MemberState.APPROVED, clock.now(), True
        member.email_confirmed_at = clock.now()  # the beheerder made this account
        _save_profile(member, profile)
        _audit(user, AuditAction.CREATE, member)
    forget(user, MEMBER_STATE)
    return member


def member_update(*, member: Member, by: User, profile: Profile, frequency: str, follows: Iterable[str]) -> Member:
    if member.user_id != by.pk:
        raise PermissionDenied
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Kies hoe vaak je berichten wilt.")})
    with transaction.atomic():
        member.frequency = frequency
        notify_services.preference_set(member.user, kind=notify.NAMESPACE, frequency=frequency)
        _save_profile(member, profile)
        wanted = set(tags.valid(follows))
        Follow.objects.filter(member=member).exclude(tag__in=wanted).delete()
        Follow.objects.bulk_create([Follow(member=member, tag=t) for t in wanted], ignore_conflicts=True)
        _audit(by, AuditAction.UPDATE, member)
    return member


def member_decide(*, member: Member, by: User, approve: bool, reason: str = "") -> Member:
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.member_decide", target=member)
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        if member.state != MemberState.PENDING:
            raise ValidationError(_("Over dit lid is al besloten."))
        member.state = MemberState.APPROVED if approve else MemberState.REJECTED
        member.approved_by, member.approved_at = by, clock.now()
        member.save(update_fields=["state", "approved_by", "approved_at"])
        if member.user.approval_state == "pending":
            account_services.user_approve(user=member.user, by=by, approve=approve)
        _log(by, "member_approved" if approve else "member_rejected", member=member, reason=reason)
        if approve:
            transaction.on_commit(lambda: notify.member_approved(member=member))
    return member


def domain_add(*, domain: str, organisation: Organisation, by: User) -> ApprovedDomain:
    require_perm(user=by, perm="vraagbaak.manage_domains", attempted="vraagbaak.domain_add")
    domain = domain.strip().lower().lstrip("@")
    if "." not in domain or "@" in domain or " " in domain:
        raise ValidationError({"domain": _("Schrijf een domein, zoals ggd.amsterdam.nl.")})
    with transaction.atomic():
        if ApprovedDomain.objects.filter(domain=domain).exists():
            raise ValidationError({"domain": _("Dit domein staat al op de lijst.")})
        row = ApprovedDomain.objects.create(domain=domain, organisation=organisation, added_by=by)
        _audit(by, AuditAction.CREATE, row, {"organisation": organisation.pk})
    return row


def domain_remove(*, domain: ApprovedDomain, by: User) -> None:
    require_perm(user=by, perm="vraagbaak.manage_domains", attempted="vraagbaak.domain_remove")
    with transaction.atomic():
        _audit(by, AuditAction.DELETE, domain)
        domain.delete()


# --- questions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionDraft:
    title: str
    text: str
    tags: Sequence[str] = ()


def _set_tags(question: Question, keys: Iterable[str]) -> None:
    wanted = tags.valid(keys)
    QuestionTag.objects.filter(question=question).exclude(tag__in=wanted).delete()
    QuestionTag.objects.bulk_create([QuestionTag(question=question, tag=t) for t in wanted], ignore_conflicts=True)


def _published(question: Question, *, by_review: bool) -> None:
    """After commit: the automatic answer, the followers' notices (and the author's, after a review)."""

    def after() -> None:
        try:
            answer_auto_create(question=question)
        except Exception:  # the question stays published; a moderator can ask again
            logger.exception("vraagbaak: automatic answer failed for question %s", question.pk)

    transaction.on_commit(after)
    notify.notice(members=notify.followers(question), kind=NoticeKind.NEW_QUESTION, question=question)
    if by_review:
        notify.notice(members=notify.member_of(question.author_id), kind=NoticeKind.PUBLISHED, question=question)


def question_ask(*, by: User, draft: QuestionDraft, to_moderator: bool = False, note: str = "") -> Question:
    """Ask a question. With personal data in it: refused (`PersonalDataFoundError`), unless the author sends
    it to a moderator (`to_moderator`), who must rewrite it before it is published. A member's first
    question always goes to a moderator."""
    require_perm(user=by, perm="vraagbaak.use", attempted="vraagbaak.ask")
    title, text = _clean(draft.title, "title", min_length=5), _clean(draft.text, "text", min_length=20)
    found = guard(title=title, text=text)
    if found and not to_moderator:
        raise PersonalDataFoundError(found)
    now = clock.now()
    _rate_limit(
        Question.objects.filter(author=by, created_at__gte=now - timedelta(days=1)).count(),
        QUESTIONS_PER_DAY,
        _("Je stelde de afgelopen 24 uur al %(n)d vragen. Probeer het later weer.") % {"n": QUESTIONS_PER_DAY},
    )
    first = not Question.objects.filter(author=by, source=Source.ASKED, published_at__isnull=False).exists()
    with transaction.atomic():
        question = Question(author=by, title=title, text=text, created_at=now)
        if found:
            note = note.strip()[:500]
            _require_clean(note=note)
            question.review_reason, question.review_note = ReviewReason.GUARD, note
        elif first:
            question.review_reason = ReviewReason.FIRST_QUESTION
        else:
            question.state, question.published_at = QuestionState.PUBLISHED, now
        question.full_clean()
        question.save()
        _set_tags(question, draft.tags)
        _audit(by, AuditAction.CREATE, question, {"state": question.state})
        if question.state == QuestionState.PUBLISHED:
            _published(question, by_review=False)
    return question


def _require_moderator(question: Question, by: User, attempted: str) -> None:
    """Before the transaction, so the audit entry of a refusal is not rolled back with it."""
    require_perm(user=by, perm="vraagbaak.moderate", attempted=attempted, target=question)


def _locked(question: Question) -> Question:
    return Question.objects.select_for_update().get(pk=question.pk)


def question_publish(*, question: Question, by: User) -> Question:
    """A moderator publishes a question from the queue; only when the guard finds nothing in it. A question
    that was online before (taken offline by a report) goes back as it was, without new notices."""
    _require_moderator(question, by, "vraagbaak.publish")
    with transaction.atomic():
        question = _locked(question)
        if question.state != QuestionState.IN_REVIEW:
            raise ValidationError(_("Deze vraag wacht niet op de moderator."))
        _require_clean(title=question.title, text=question.text)
        first_time = question.published_at is None
        question.state = QuestionState.CLOSED if question.closed_at else QuestionState.PUBLISHED
        question.published_at = question.published_at or clock.now()
        question.review_reason = ""
        question.save(update_fields=["state", "published_at", "review_reason"])
        Flag.objects.filter(question=question, answer=None, resolved_at=None).update(
            resolved_at=clock.now(), resolved_by=by
        )
        _log(by, "publish", question=question)
        if first_time:
            _published(question, by_review=True)
    return question


def question_reject(*, question: Question, by: User, reason: str) -> Question:
    """A moderator sends a question back to its author, with the reason."""
    reason = _clean(reason, "reason", min_length=5)
    _require_clean(reason=reason)
    _require_moderator(question, by, "vraagbaak.reject")
    with transaction.atomic():
        question = _locked(question)
        if question.state not in (QuestionState.IN_REVIEW, QuestionState.PUBLISHED):
            raise ValidationError(_("Alleen een vraag in beoordeling of online kan teruggestuurd worden."))
        question.state, question.review_reason, question.moderator_note = QuestionState.REJECTED, "", reason
        question.save(update_fields=["state", "review_reason", "moderator_note"])
        Flag.objects.filter(question=question, answer=None, resolved_at=None).update(
            resolved_at=clock.now(), resolved_by=by
        )
        _log(by, "reject", question=question, reason=reason)
        notify.notice(members=notify.member_of(question.author_id), kind=NoticeKind.RETURNED, question=question)
    return question


def moderator_edit(
    *,
    by: User,
    reason: str,
    question: Question | None = None,
    answer: Answer | None = None,
    title: str | None = None,
    text: str,
) -> None:
    """A moderator rewrites a question or an answer for anonymity. The new text must pass the guard; the
    old text is not kept (only that it was edited, by whom and why)."""
    reason = _clean(reason, "reason", min_length=5)
    target_question = question or (answer.question if answer is not None else None)
    if target_question is None:
        raise ValidationError(_("Kies wat je wilt aanpassen."))
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.edit", target=target_question)
    text = _clean(text, "text", min_length=5)
    if answer is not None and answer.is_automatic:
        raise ValidationError(_("Een automatisch antwoord pas je niet aan: verberg het als het niet klopt."))
    with transaction.atomic():
        if answer is not None:
            _require_clean(text=text)
            answer.text, answer.edited_at = text, clock.now()
            answer.save(update_fields=["text", "edited_at"])
            _log(by, "edit_answer", question=target_question, answer=answer, reason=reason)
        else:
            new_title = _clean(title if title is not None else target_question.title, "title", min_length=5)
            _require_clean(title=new_title, text=text)
            target_question.title, target_question.text, target_question.edited_at = new_title, text, clock.now()
            target_question.save(update_fields=["title", "text", "edited_at"])
            _log(by, "edit_question", question=target_question, reason=reason)


def question_close(*, question: Question, by: User) -> Question:
    """A moderator closes a solved question (it stays readable and searchable)."""
    _require_moderator(question, by, "vraagbaak.close")
    with transaction.atomic():
        question = _locked(question)
        if question.state != QuestionState.PUBLISHED:
            raise ValidationError(_("Alleen een gepubliceerde vraag kan gesloten worden."))
        if question.solution_id is None:
            raise ValidationError(_("Sluit een vraag pas als de vrager een oplossing heeft gekozen."))
        question.state, question.closed_at, question.closed_by = QuestionState.CLOSED, clock.now(), by
        question.save(update_fields=["state", "closed_at", "closed_by"])
        _log(by, "close", question=question)
    return question


def settings_update(*, by: User, auto_answers_need_approval: bool) -> Settings:
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.settings")
    with transaction.atomic():
        row, _created = Settings.objects.get_or_create(pk=1)
        row.auto_answers_need_approval, row.updated_by = auto_answers_need_approval, by
        row.save()
        _log(by, f"settings_auto_approval_{'on' if auto_answers_need_approval else 'off'}")
    return row


def current_settings() -> Settings:
    return Settings.objects.filter(pk=1).first() or Settings(pk=1)


# --- answers, comments, votes ---------------------------------------------------------------------


def _open_question(question: Question, by: User, attempted: str) -> None:
    require_perm(user=by, perm="vraagbaak.view_question", obj=question, attempted=attempted, target=question)
    if question.state != QuestionState.PUBLISHED:
        raise ValidationError(_("Op deze vraag kan niet meer gereageerd worden."))


def answer_post(*, question: Question, by: User, text: str) -> Answer:
    _open_question(question, by, "vraagbaak.answer")
    text = _clean(text, "text", min_length=10)
    _require_clean(text=text)
    now = clock.now()
    _rate_limit(
        Answer.objects.filter(author=by, created_at__gte=now - timedelta(hours=1)).count(),
        ANSWERS_PER_HOUR,
        _("Je hebt het afgelopen uur al veel antwoorden gegeven. Probeer het straks weer."),
    )
    with transaction.atomic():
        answer = Answer.objects.create(question=question, author=by, text=text, created_at=now)
        _audit(by, AuditAction.CREATE, answer, {"question": question.pk})
        if question.author_id != by.pk:
            notify.notice(members=notify.member_of(question.author_id), kind=NoticeKind.NEW_ANSWER, question=question)
    return answer


def comment_post(*, answer: Answer, by: User, text: str) -> Comment:
    _open_question(answer.question, by, "vraagbaak.comment")
    _visible_answer(answer, by)
    text = _clean(text, "text", min_length=2)
    _require_clean(text=text)
    now = clock.now()
    _rate_limit(
        Comment.objects.filter(author=by, created_at__gte=now - timedelta(hours=1)).count(),
        COMMENTS_PER_HOUR,
        _("Je hebt het afgelopen uur al veel reacties gegeven. Probeer het straks weer."),
    )
    with transaction.atomic():
        comment = Comment.objects.create(answer=answer, author=by, text=text, created_at=now)
        _audit(by, AuditAction.CREATE, comment, {"answer": answer.pk})
    return comment


def vote(*, answer: Answer, by: User, value: int) -> Vote | None:
    """Vote an answer up (+1) or down (-1); the same vote again takes it back."""
    require_perm(user=by, perm="vraagbaak.view_question", obj=answer.question, attempted="vraagbaak.vote")
    _visible_answer(answer, by)
    if value not in (1, -1):
        raise ValidationError(_("Een stem is omhoog of omlaag."))
    if answer.author_id == by.pk:
        raise ValidationError(_("Op je eigen antwoord kun je niet stemmen."))
    with transaction.atomic():
        existing = Vote.objects.select_for_update().filter(answer=answer, user=by).first()
        if existing is not None and existing.value == value:
            existing.delete()
            return None
        row, _created = Vote.objects.update_or_create(answer=answer, user=by, defaults={"value": value})
    return row


def solution_mark(*, question: Question, answer: Answer, by: User) -> Question:
    """The asker marks the answer that solved it; after some days they are asked what worked."""
    require_perm(user=by, perm="vraagbaak.mark_solution", obj=question, attempted="vraagbaak.solution")
    if answer.question_id != question.pk or answer.state != AnswerState.VISIBLE:
        raise ValidationError(_("Kies een antwoord bij deze vraag."))
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.state != QuestionState.PUBLISHED:
            raise ValidationError(_("Deze vraag is gesloten."))
        question.solution, question.solved_at = answer, clock.now()
        question.save(update_fields=["solution", "solved_at"])
        _audit(by, AuditAction.UPDATE, question, {"solution": answer.pk})
        if answer.author_id is not None and answer.author_id != by.pk:
            notify.notice(members=notify.member_of(answer.author_id), kind=NoticeKind.SOLVED, question=question)
    return question


def feedback_give(*, question: Question, by: User, worked: str, text: str) -> SolutionFeedback:
    """The asker tells what worked in practice; it is shown with the question."""
    require_perm(user=by, perm="vraagbaak.mark_solution", obj=question, attempted="vraagbaak.feedback")
    question = Question.objects.get(pk=question.pk)
    if question.solution_id is None:
        raise ValidationError(_("Kies eerst het antwoord dat je hielp."))
    if worked not in Worked.values:
        raise ValidationError({"worked": _("Kies of de oplossing werkte.")})
    text = _clean(text, "text", min_length=10)
    _require_clean(text=text)
    with transaction.atomic():
        row, _created = SolutionFeedback.objects.update_or_create(
            question=question, defaults={"worked": worked, "text": text, "created_at": clock.now()}
        )
        _audit(by, AuditAction.UPDATE, question, {"feedback": worked})
    return row


def feedback_ask_due() -> int:
    """Ask askers what worked, FEEDBACK_AFTER_DAYS after they marked the solution (once each)."""
    now = clock.now()
    due = Question.objects.online().filter(
        solved_at__lte=now - timedelta(days=FEEDBACK_AFTER_DAYS),
        feedback_requested_at__isnull=True,
        feedback__isnull=True,
        source=Source.ASKED,
    )
    asked = 0
    for question in due.iterator():
        with transaction.atomic():
            if not Question.objects.filter(pk=question.pk, feedback_requested_at__isnull=True).update(
                feedback_requested_at=now
            ):
                continue
            notify.notice(
                members=notify.member_of(question.author_id), kind=NoticeKind.FEEDBACK_ASKED, question=question
            )
            asked += 1
    return asked


# --- automatic answers ----------------------------------------------------------------------------


def answer_auto_create(*, question: Question) -> Answer | None:
    """The automatic answer to a newly published question: only sourced statements (none → no answer)."""
    from kansrijk.vraagbaak.autoanswer import get_generator

    if Answer.objects.filter(question=question, is_automatic=True).exists():
        return None
    keys = list(QuestionTag.objects.filter(question=question).values_list("tag", flat=True))
    draft = get_generator().generate(title=question.title, text=question.text, tags=keys, exclude_id=question.pk)
    if draft is None or not draft.statements:
        return None
    state = AnswerState.AWAITING_APPROVAL if current_settings().auto_answers_need_approval else AnswerState.VISIBLE
    with transaction.atomic():
        return Answer.objects.create(
            question=question,
            text=draft.text,
            is_automatic=True,
            generator=draft.generator,
            statements=draft.statements_json(),
            state=state,
            created_at=clock.now(),
        )


def _judge_auto(answer: Answer) -> None:
    if answer.state == AnswerState.HIDDEN:
        return
    ratings = list(AutoAnswerRating.objects.filter(answer=answer))
    if any(r.by_moderator and not r.helpful for r in ratings):
        answer.state, answer.hidden_reason = AnswerState.HIDDEN, "moderator"
    else:
        readers = [r for r in ratings if not r.by_moderator]
        not_helpful = sum(1 for r in readers if not r.helpful)
        moderator_shown = answer.approved_by_id is not None  # a moderator's decision outweighs readers
        if not moderator_shown and not_helpful >= HIDE_AFTER_NOT_HELPFUL and not_helpful > len(readers) - not_helpful:
            answer.state, answer.hidden_reason = AnswerState.HIDDEN, "lezers"
        elif answer.state == AnswerState.AWAITING_APPROVAL and any(r.by_moderator and r.helpful for r in ratings):
            answer.state = AnswerState.VISIBLE
    answer.save(update_fields=["state", "hidden_reason"])


def auto_answer_rate(*, answer: Answer, by: User, helpful: bool, reason: str = "") -> AutoAnswerRating:
    """A reader (or a moderator) rates an automatic answer; 'not helpful' asks why (wrong, incomplete,
    unclear). Rated poorly, the answer is hidden."""
    if not answer.is_automatic:
        raise ValidationError(_("Alleen een automatisch antwoord krijgt een beoordeling."))
    moderator = by.has_perm("vraagbaak.moderate")
    if not moderator:
        require_perm(user=by, perm="vraagbaak.view_question", obj=answer.question, attempted="vraagbaak.rate")
        if answer.state != AnswerState.VISIBLE:
            raise PermissionDenied
    if not helpful and reason not in RatingReason.values:
        raise ValidationError({"reason": _("Kies wat er niet goed aan is.")})
    with transaction.atomic():
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        row, _created = AutoAnswerRating.objects.update_or_create(
            answer=answer,
            user=by,
            defaults={
                "helpful": helpful,
                "reason": "" if helpful else reason,
                "by_moderator": moderator,
                "created_at": clock.now(),
            },
        )
        _judge_auto(answer)
        if moderator:
            _log(
                by,
                "rate_auto_helpful" if helpful else "rate_auto_not_helpful",
                question=answer.question,
                answer=answer,
                reason=reason,
            )
    return row


def answer_moderate(*, answer: Answer, by: User, show: bool, reason: str = "") -> Answer:
    """A moderator approves (shows) or hides an answer, automatic or not."""
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.answer_moderate", target=answer)
    if not show:
        reason = _clean(reason, "reason", min_length=5)
    with transaction.atomic():
        answer = Answer.objects.select_for_update().get(pk=answer.pk)
        if show:
            if not answer.is_automatic:  # an automatic answer quotes the Kaart's own contact details
                _require_clean(text=answer.text)
            answer.state, answer.hidden_reason, answer.approved_by = AnswerState.VISIBLE, "", by
        else:
            answer.state, answer.hidden_reason = AnswerState.HIDDEN, "moderator"
        answer.save(update_fields=["state", "hidden_reason", "approved_by"])
        Flag.objects.filter(answer=answer, resolved_at=None).update(resolved_at=clock.now(), resolved_by=by)
        _log(by, "show_answer" if show else "hide_answer", question=answer.question, answer=answer, reason=reason)
    return answer


# --- flags ----------------------------------------------------------------------------------------


FLAGS_PER_HOUR = 10  # one member cannot take the whole Vraagbaak offline with reports


def _visible_answer(answer: Answer, by: User) -> None:
    """Readers act only on answers they can see (a hidden or unapproved answer is the moderators')."""
    if answer.state != AnswerState.VISIBLE and not by.has_perm("vraagbaak.moderate"):
        raise PermissionDenied


def flag_create(*, question: Question, by: User, reason: str, note: str = "", answer: Answer | None = None) -> Flag:
    """A reader reports a question or answer. Reported for personal data, it goes offline at once until a
    moderator has looked (better safe: a family's privacy weighs more than a question's visibility); a
    closed question too, which returns closed."""
    require_perm(user=by, perm="vraagbaak.view_question", obj=question, attempted="vraagbaak.flag", target=question)
    if reason not in FlagReason.values:
        raise ValidationError({"reason": _("Kies waarom je dit meldt.")})
    if answer is not None:
        if answer.question_id != question.pk:
            raise ValidationError(_("Dit antwoord hoort niet bij deze vraag."))
        _visible_answer(answer, by)
    note = note.strip()[:500]
    _require_clean(note=note)
    now = clock.now()
    _rate_limit(
        Flag.objects.filter(by=by, created_at__gte=now - timedelta(hours=1)).count(),
        FLAGS_PER_HOUR,
        _("Je hebt het afgelopen uur al veel meldingen gedaan. Een moderator kijkt ernaar."),
    )
    with transaction.atomic():
        flag = Flag.objects.create(question=question, answer=answer, by=by, reason=reason, note=note, created_at=now)
        if reason == FlagReason.PERSONAL_DATA:
            if answer is not None:
                Answer.objects.filter(pk=answer.pk, state=AnswerState.VISIBLE).update(
                    state=AnswerState.HIDDEN, hidden_reason="gemeld"
                )
            elif question.is_visible:
                Question.objects.filter(pk=question.pk).update(
                    state=QuestionState.IN_REVIEW, review_reason=ReviewReason.FLAGGED
                )
        _audit(by, AuditAction.CREATE, flag, {"question": question.pk, "reason": reason})
    return flag


def flag_dismiss(*, flag: Flag, by: User, reason: str = "") -> Flag:
    """A moderator finds nothing wrong: the flag is closed. What it took offline comes back only when no
    other report for personal data is still open, and only from the review it was put in."""
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.flag_dismiss", target=flag)
    with transaction.atomic():
        flag = Flag.objects.select_for_update(of=("self",)).select_related("answer", "question").get(pk=flag.pk)
        if flag.resolved_at is not None:
            raise ValidationError(_("Deze melding is al afgehandeld."))
        flag.resolved_at, flag.resolved_by = clock.now(), by
        flag.save(update_fields=["resolved_at", "resolved_by"])
        if flag.reason == FlagReason.PERSONAL_DATA:
            open_reports = Flag.objects.filter(
                question=flag.question, answer=flag.answer, reason=FlagReason.PERSONAL_DATA, resolved_at=None
            )
            if not open_reports.exists():
                _restore(flag)
        _log(by, "dismiss_flag", question=flag.question, answer=flag.answer, reason=reason)
    return flag


def _restore(flag: Flag) -> None:
    answer = flag.answer
    if answer is not None:
        if answer.state == AnswerState.HIDDEN and answer.hidden_reason == "gemeld":
            if not answer.is_automatic:
                _require_clean(text=answer.text)
            Answer.objects.filter(pk=answer.pk).update(state=AnswerState.VISIBLE, hidden_reason="")
        return
    question = Question.objects.select_for_update().get(pk=flag.question_id)
    if question.state == QuestionState.IN_REVIEW and question.review_reason == ReviewReason.FLAGGED:
        _require_clean(title=question.title, text=question.text)
        question.state = QuestionState.CLOSED if question.closed_at else QuestionState.PUBLISHED
        question.review_reason = ""
        question.save(update_fields=["state", "review_reason"])


# --- Zorgoverleg alarm ----------------------------------------------------------------------------


def session_for(*, room: Room, starts_at: datetime) -> RoomSession:
    if not zorgoverleg.is_session_start(starts_at):
        raise ValidationError(_("Op dit moment is er geen Zorgoverleg alarm."))
    session, _created = RoomSession.objects.get_or_create(
        room=room, starts_at=starts_at, defaults={"minutes": zorgoverleg.MINUTES}
    )
    return session


def session_signup(*, session: RoomSession, by: User, question: str = "") -> SessionSignup:
    """Sign up to bring a question (one anonymous sentence) or to listen in."""
    require_perm(user=by, perm="vraagbaak.use", attempted="vraagbaak.session_signup")
    member = _member(by)
    if session.starts_at + timedelta(minutes=session.minutes) <= clock.now():
        raise ValidationError(_("Deze bijeenkomst is al voorbij."))
    question = question.strip()
    _require_clean(question=question)
    with transaction.atomic():
        row, _created = SessionSignup.objects.update_or_create(
            session=session, member=member, defaults={"question": question, "created_at": clock.now()}
        )
        _audit(by, AuditAction.CREATE, row, {"session": session.pk})
    return row


def session_signoff(*, session: RoomSession, by: User) -> None:
    member = _member(by)
    with transaction.atomic():
        SessionSignup.objects.filter(session=session, member=member).delete()
        _audit(by, AuditAction.DELETE, session, {"signup": "removed"})


def session_notes(*, session: RoomSession, by: User, draft: QuestionDraft, notes: str) -> Question:
    """After a session the moderator writes its question and what was advised: a solved question that
    everyone can find."""
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.session_notes", target=session)
    title, text = _clean(draft.title, "title", min_length=5), _clean(draft.text, "text", min_length=20)
    notes = _clean(notes, "notes", min_length=20)
    _require_clean(title=title, text=text, notes=notes)
    now = clock.now()
    with transaction.atomic():
        session = RoomSession.objects.select_for_update().get(pk=session.pk)
        if session.notes_question_id is not None:
            raise ValidationError(_("De verslagvraag van deze bijeenkomst bestaat al."))
        question = Question.objects.create(
            author=by,
            title=title,
            text=text,
            state=QuestionState.CLOSED,
            source=Source.ZORGOVERLEG,
            created_at=now,
            published_at=now,
            closed_at=now,
            closed_by=by,
        )
        _set_tags(question, [*draft.tags, session.room.tag] if session.room.tag else draft.tags)
        answer = Answer.objects.create(question=question, author=by, text=notes, created_at=now)
        question.solution, question.solved_at = answer, now
        question.save(update_fields=["solution", "solved_at"])
        session.notes_question = question
        session.save(update_fields=["notes_question"])
        _log(by, "session_notes", question=question)
        notify.notice(members=notify.followers(question), kind=NoticeKind.ZORGOVERLEG, question=question)
    return question


def room_update(*, room: Room, by: User, video_url: str, moderator: User | None = None) -> Room:
    """Set the room's video link; a room without a moderator gets the one who sets it up."""
    require_perm(user=by, perm="vraagbaak.moderate", attempted="vraagbaak.room_update", target=room)
    with transaction.atomic():
        room.moderator, room.video_url = moderator or room.moderator or by, video_url.strip()
        room.full_clean()
        room.save(update_fields=["moderator", "video_url"])
        _log(by, "room_update", reason=room.slug)
    return room
