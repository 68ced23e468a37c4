"""The Vraagbaak's services: asking behind the guard, moderation and its permissions, answers and
solutions, feedback and digest jobs on a controlled clock, flags, automatic-answer ratings, sign-up
and the Zorgoverleg alarm."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from freezegun import freeze_time

from kansrijk.accounts.models import ApprovalState, User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.core.models import AuditEntry
from kansrijk.geo.models import Stadsdeel
from kansrijk.notify import jobs as notify_jobs
from kansrijk.notify.models import Notice
from kansrijk.notify.selectors import notices_about, preference_of
from kansrijk.vraagbaak import jobs, notify, services, zorgoverleg
from kansrijk.vraagbaak.models import (
    Answer,
    AnswerState,
    ApprovedDomain,
    Follow,
    Frequency,
    Member,
    MemberState,
    ModerationAction,
    NoticeKind,
    Question,
    QuestionState,
    ReviewReason,
    Room,
    RoomSession,
)
from kansrijk.vraagbaak.tests.people import CLEAN_TEXT, CLEAN_TITLE, member, moderator, organisation, published

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")

NAMED_TEXT = "Mevrouw Fatima el Amrani woont op de Burgemeester de Vlugtlaan 125 en is 30 weken zwanger."


def draft(title: str = CLEAN_TITLE, text: str = CLEAN_TEXT, tags: tuple[str, ...] = ()) -> services.QuestionDraft:
    return services.QuestionDraft(title=title, text=text, tags=tags)


class TestAsking:
    def test_personal_data_is_refused_and_nothing_is_stored(self):
        asker = member()
        with pytest.raises(services.PersonalDataFoundError) as found:
            services.question_ask(by=asker, draft=draft(text=NAMED_TEXT))
        kinds = {f.kind for f in found.value.findings["text"]}
        assert {"name", "address"} <= kinds
        assert not Question.objects.exists()

    def test_sent_to_the_moderator_it_waits_and_is_never_published_with_the_data(self):
        asker, mod = member(), moderator()
        question = services.question_ask(
            by=asker, draft=draft(text=NAMED_TEXT), to_moderator=True, note="denk het niet"
        )
        assert (question.state, question.review_reason) == (QuestionState.IN_REVIEW, ReviewReason.GUARD)
        with pytest.raises(services.PersonalDataFoundError):
            services.question_publish(question=question, by=mod)
        assert Question.objects.get(pk=question.pk).state == QuestionState.IN_REVIEW
        services.moderator_edit(by=mod, question=question, reason="naam en adres weggehaald", text=CLEAN_TEXT)
        services.question_publish(question=question, by=mod)
        question.refresh_from_db()
        assert question.state == QuestionState.PUBLISHED and question.text == CLEAN_TEXT
        log = list(ModerationAction.objects.filter(question=question).values_list("action", "reason"))
        assert ("edit_question", "naam en adres weggehaald") in log and ("publish", "") in log
        assert not any("Fatima" in str(entry.detail) for entry in AuditEntry.objects.all())

    def test_a_new_members_questions_wait_until_a_moderator_published_one(self):
        asker = member()
        first = services.question_ask(by=asker, draft=draft())
        second = services.question_ask(by=asker, draft=draft(title="Een tweede vraag over schulden"))
        assert (first.state, first.review_reason) == (QuestionState.IN_REVIEW, ReviewReason.FIRST_QUESTION)
        assert (second.state, second.review_reason) == (QuestionState.IN_REVIEW, ReviewReason.FIRST_QUESTION)
        services.question_publish(question=first, by=moderator())
        third = services.question_ask(by=asker, draft=draft(title="Een derde vraag over schulden"))
        assert third.state == QuestionState.PUBLISHED

    def test_a_question_in_review_is_seen_by_its_author_and_moderators_only(self):
        asker, other, mod = member(), member(), moderator()
        question = services.question_ask(by=asker, draft=draft())
        assert asker.has_perm("vraagbaak.view_question", question)
        assert mod.has_perm("vraagbaak.view_question", question)
        assert not other.has_perm("vraagbaak.view_question", question)

    def test_someone_who_is_not_a_member_cannot_ask(self):
        outsider = UserFactory.create()
        with pytest.raises(PermissionDenied):
            services.question_ask(by=outsider, draft=draft())

    def test_rate_limit(self):
        asker = member()
        for n in range(services.QUESTIONS_PER_DAY):
            services.question_ask(by=asker, draft=draft(title=f"Vraag nummer {n} over schulden"))
        with pytest.raises(services.RateLimitedError):
            services.question_ask(by=asker, draft=draft(title="Nog een vraag over schulden"))


class TestModerationPermissions:
    def test_only_a_verified_moderator_publishes(self):
        asker = member()
        question = services.question_ask(by=asker, draft=draft())
        unverified = User.objects.get(pk=moderator().pk)  # no second factor in this session
        for person in (asker, member(), unverified):
            with pytest.raises(PermissionDenied):
                services.question_publish(question=question, by=person)
        assert Question.objects.get(pk=question.pk).state == QuestionState.IN_REVIEW
        services.question_publish(question=question, by=moderator())

    def test_closing_needs_a_solution_and_a_moderator(self):
        asker, helper, mod = member(), member(), moderator()
        question = published(asker)
        with pytest.raises(ValidationError):
            services.question_close(question=question, by=mod)
        answer = services.answer_post(question=question, by=helper, text="Bel de schuldhulp van het buurtteam.")
        services.solution_mark(question=question, answer=answer, by=asker)
        with pytest.raises(PermissionDenied):
            services.question_close(question=question, by=asker)
        services.question_close(question=question, by=mod)
        assert Question.objects.get(pk=question.pk).state == QuestionState.CLOSED

    def test_member_approval_is_for_moderators(self):
        signup = services.member_signup(
            email="nieuw@voorbeeld.nl",
            full_name="Nieuwe Collega",
            password="een-lang-en-veilig-wachtwoord",
            profile=services.Profile(organisation=organisation(), function="Kraamverzorgende"),
        )
        assert signup is not None
        assert signup.state == MemberState.PENDING and signup.user.approval_state == ApprovalState.PENDING
        with pytest.raises(PermissionDenied):
            services.member_decide(member=signup, by=member(), approve=True)
        services.member_decide(member=signup, by=moderator(), approve=True)
        signup.refresh_from_db()
        assert signup.state == MemberState.APPROVED
        assert User.objects.get(pk=signup.user_id).approval_state == ApprovalState.APPROVED


class TestSignup:
    def test_a_listed_domain_is_approved_once_the_address_is_confirmed(self, django_capture_on_commit_callbacks):
        ggd = organisation("GGD Test")
        beheerder = UserFactory.create(roles=[Role.BEHEERDER], with_totp=True)
        beheerder.is_verified = lambda: True  # type: ignore[attr-defined]
        services.domain_add(domain="@GGD.example.nl", organisation=ggd, by=beheerder)
        assert ApprovedDomain.objects.get().domain == "ggd.example.nl"
        profile = services.Profile(organisation=ggd, function="Jeugdarts")
        with django_capture_on_commit_callbacks(execute=True):
            signed_up = services.member_signup(
                email="a.arts@ggd.example.nl",
                full_name="A. Arts",
                password="een-lang-en-veilig-wachtwoord",
                profile=profile,
            )
        assert signed_up is not None and signed_up.state == MemberState.PENDING  # not before the address is proven
        link = next(line for line in mail.outbox[-1].body.splitlines() if "/bevestigen/" in line)
        token = link.rstrip("/").rsplit("/", 1)[-1]
        with pytest.raises(ValidationError):
            services.member_confirm_email(token=token + "x")
        approved = services.member_confirm_email(token=token)
        assert approved.state == MemberState.APPROVED and approved.approved_automatically
        assert User.objects.get(pk=approved.user_id).approval_state == ApprovalState.APPROVED
        other = services.member_signup(
            email="b@ggd.example.nl",
            full_name="B",
            password="een-lang-en-veilig-wachtwoord",
            profile=services.Profile(organisation=organisation(), function="Arts"),
        )
        assert other is not None
        other = services.member_confirm_email(token=signing.dumps({"m": other.pk}, salt=services.SIGNUP_SALT))
        assert other.state == MemberState.PENDING  # domain of another organisation than the one chosen

    def test_an_address_with_an_account_gets_a_note_and_the_form_tells_nothing(
        self, django_capture_on_commit_callbacks
    ):
        existing = member()
        with django_capture_on_commit_callbacks(execute=True):
            result = services.member_signup(
                email=existing.email.upper(),
                full_name="Iemand Anders",
                password="een-lang-en-veilig-wachtwoord",
                profile=services.Profile(organisation=organisation(), function="Arts"),
            )
        assert result is None
        assert mail.outbox[-1].to == [existing.email] and "al een account" in mail.outbox[-1].subject

    def test_a_non_beheerder_cannot_list_domains(self):
        with pytest.raises(PermissionDenied):
            services.domain_add(domain="x.nl", organisation=organisation(), by=member())


class TestAnswersAndSolutions:
    def test_answers_pass_the_guard_and_notify_the_asker(self):
        asker, helper = member(), member()
        question = published(asker)
        with pytest.raises(services.PersonalDataFoundError):
            services.answer_post(question=question, by=helper, text="Bel haar op 06-12345678, dan regel ik het.")
        services.answer_post(
            question=question, by=helper, text="Het buurtteam in Nieuw-West heeft een schuldhulpmaatje."
        )
        assert Notice.objects.filter(user=asker, kind=notify.kind_key(NoticeKind.NEW_ANSWER)).count() == 1

    def test_votes_toggle_and_not_on_ones_own_answer(self):
        asker, helper = member(), member()
        question = published(asker)
        answer = services.answer_post(question=question, by=helper, text="Probeer de schuldhulp van de gemeente.")
        with pytest.raises(ValidationError):
            services.vote(answer=answer, by=helper, value=1)
        assert services.vote(answer=answer, by=asker, value=1) is not None
        assert services.vote(answer=answer, by=asker, value=1) is None  # the same vote again takes it back

    def test_only_the_asker_marks_the_solution(self):
        asker, helper = member(), member()
        question = published(asker)
        answer = services.answer_post(question=question, by=helper, text="Probeer de schuldhulp van de gemeente.")
        with pytest.raises(PermissionDenied):
            services.solution_mark(question=question, answer=answer, by=helper)
        services.solution_mark(question=question, answer=answer, by=asker)
        assert Question.objects.get(pk=question.pk).solution_id == answer.pk
        assert Notice.objects.filter(user=helper, kind=notify.kind_key(NoticeKind.SOLVED)).exists()


class TestFeedbackJob:
    def test_the_asker_is_asked_once_after_a_week_and_the_moderator_sees_who_still_owes_it(self):
        asker, helper = member(), member()
        with freeze_time("2026-03-02 10:00:00+01:00"):
            question = published(asker)
            answer = services.answer_post(question=question, by=helper, text="Probeer de schuldhulp van de gemeente.")
            services.solution_mark(question=question, answer=answer, by=asker)
        with freeze_time("2026-03-08 10:00:00+01:00"):
            assert jobs.feedback() == 0  # six days: not yet
        with freeze_time("2026-03-09 11:00:00+01:00"):
            assert jobs.feedback() == 1
            assert jobs.feedback() == 0  # once
        assert Notice.objects.filter(user=asker, kind=notify.kind_key(NoticeKind.FEEDBACK_ASKED)).count() == 1
        from kansrijk.vraagbaak.selectors import moderation_queue

        assert [q.pk for q in moderation_queue().awaiting_feedback] == [question.pk]
        with pytest.raises(services.PersonalDataFoundError):
            services.feedback_give(question=question, by=asker, worked="ja", text="Mevrouw Jansen is nu geholpen.")
        services.feedback_give(
            question=question, by=asker, worked="deels", text="De schuldhulp kwam snel, de wachttijd niet."
        )
        assert moderation_queue().awaiting_feedback == []


class TestDigests:
    def _notice_for(self, user: User, at: str) -> None:
        with freeze_time(at):
            notify.notice(members=[Member.objects.get(user=user)], kind=NoticeKind.NEW_ANSWER, question=None)

    def test_each_member_hears_as_often_as_they_chose(self, django_capture_on_commit_callbacks):
        now_user = member(frequency=Frequency.IMMEDIATELY)
        daily = member(frequency=Frequency.DAILY)
        weekly = member(frequency=Frequency.WEEKLY)
        off = member(frequency=Frequency.OFF)
        with django_capture_on_commit_callbacks(execute=True):
            for user in (now_user, daily, weekly, off):
                self._notice_for(user, "2026-03-02 09:00:00+01:00")
        assert [m.to for m in mail.outbox] == [[now_user.email]]
        mail.outbox.clear()
        with freeze_time("2026-03-02 10:00:00+01:00"):
            assert notify_jobs.digest() == 2  # daily and weekly: their first digest
        assert sorted(m.to[0] for m in mail.outbox) == sorted([daily.email, weekly.email])
        mail.outbox.clear()
        self._notice_for(daily, "2026-03-02 12:00:00+01:00")
        self._notice_for(weekly, "2026-03-02 12:00:00+01:00")
        with freeze_time("2026-03-02 18:00:00+01:00"):
            assert notify_jobs.digest() == 0  # the same day: the daily member waits for tomorrow
        with freeze_time("2026-03-03 07:00:00+01:00"):
            assert notify_jobs.digest() == 1
        assert [m.to for m in mail.outbox] == [[daily.email]]
        with freeze_time("2026-03-09 10:00:00+01:00"):
            assert notify_jobs.digest() == 1  # a week after the last one
        assert mail.outbox[-1].to == [weekly.email]
        assert Notice.objects.filter(user=off, sent_at__isnull=True).count() == 1  # kept, never mailed

    def test_followers_hear_of_new_questions_on_their_tags(self):
        asker, follower, other = member(), member(), member()
        Follow.objects.create(member=Member.objects.get(user=follower), tag="risk:lage_ses")
        question = published(asker, tags=("risk:lage_ses",))
        notified = set(
            notices_about(question).filter(kind=notify.kind_key(NoticeKind.NEW_QUESTION)).values_list("user", flat=True)
        )
        assert notified == {follower.pk}
        assert other.pk not in notified


class TestFlags:
    def test_a_personal_data_flag_takes_a_question_offline_until_a_moderator_looks(self):
        asker, reader, mod = member(), member(), moderator()
        question = published(asker)
        services.flag_create(question=question, by=reader, reason="persoonsgegevens", note="te herkenbaar")
        question.refresh_from_db()
        assert (question.state, question.review_reason) == (QuestionState.IN_REVIEW, ReviewReason.FLAGGED)
        assert not reader.has_perm("vraagbaak.view_question", question)
        flag = question.flags.get()
        services.flag_dismiss(flag=flag, by=mod, reason="niet herkenbaar")
        assert Question.objects.get(pk=question.pk).state == QuestionState.PUBLISHED


class TestAutomaticAnswerRatings:
    def _auto(self, question: Question) -> Answer:
        return Answer.objects.create(
            question=question,
            text="Automatisch",
            is_automatic=True,
            statements=[{"text": "x", "source": {"kind": "question", "id": "1", "title": "t"}}],
            created_at=question.created_at,
        )

    def test_poor_ratings_hide_it_and_not_helpful_needs_a_reason(self):
        question = published(member())
        auto = self._auto(question)
        readers = [member() for _ in range(3)]
        with pytest.raises(ValidationError):
            services.auto_answer_rate(answer=auto, by=readers[0], helpful=False)
        services.auto_answer_rate(answer=auto, by=readers[0], helpful=False, reason="fout")
        services.auto_answer_rate(answer=auto, by=readers[1], helpful=False, reason="onvolledig")
        assert Answer.objects.get(pk=auto.pk).state == AnswerState.VISIBLE
        services.auto_answer_rate(answer=auto, by=readers[2], helpful=False, reason="onduidelijk")
        assert Answer.objects.get(pk=auto.pk).state == AnswerState.HIDDEN

    def test_a_moderator_rating_not_helpful_hides_it_at_once(self):
        question = published(member())
        auto = self._auto(question)
        services.auto_answer_rate(answer=auto, by=moderator(), helpful=False, reason="fout")
        assert Answer.objects.get(pk=auto.pk).state == AnswerState.HIDDEN

    def test_with_the_approval_setting_automatic_answers_wait_for_a_moderator(self, monkeypatch):
        mod = moderator()
        services.settings_update(by=mod, auto_answers_need_approval=True)
        from kansrijk.vraagbaak import autoanswer

        question = published(member())
        answer = Answer.objects.filter(question=question, is_automatic=True).first()
        if answer is None:  # nothing sourced to say on an empty map: make one through the generator's shape
            statement = autoanswer.Statement(text="x", source_kind="question", source_id="1", source_title="t")
            fake = autoanswer.AutoAnswer(intro="Automatisch", statements=(statement,), generator="test")
            monkeypatch.setattr(
                autoanswer, "get_generator", lambda: type("G", (), {"generate": lambda self, **k: fake})()
            )
            Answer.objects.filter(question=question, is_automatic=True).delete()
            answer = services.answer_auto_create(question=question)
        assert answer is not None and answer.state == AnswerState.AWAITING_APPROVAL
        reader = member()
        with pytest.raises(PermissionDenied):
            services.auto_answer_rate(answer=answer, by=reader, helpful=True)
        services.answer_moderate(answer=answer, by=mod, show=True)
        assert Answer.objects.get(pk=answer.pk).state == AnswerState.VISIBLE


class TestZorgoverleg:
    def test_sessions_are_every_first_monday_at_noon(self):
        starts = zorgoverleg.upcoming_starts(datetime(2026, 11, 23, 9, 0, tzinfo=AMS), 3)
        assert [s.date().isoformat() for s in starts] == ["2026-12-07", "2027-01-04", "2027-02-01"]
        assert all((s.hour, s.minute, s.weekday()) == (12, 0, 0) for s in starts)
        during = zorgoverleg.upcoming_starts(datetime(2026, 12, 7, 12, 20, tzinfo=AMS), 1)
        assert during[0].date().isoformat() == "2026-12-07"  # still running: still listed

    def test_signing_up_with_a_question_and_the_notes_become_a_solved_question(self):
        room = Room.objects.get(slug="geldzorgen")
        asker, mod = member(), moderator()
        start = zorgoverleg.upcoming_starts(datetime(2026, 11, 23, 9, 0, tzinfo=AMS), 1)[0]
        with freeze_time("2026-11-23 09:00:00+01:00"):
            session = services.session_for(room=room, starts_at=start)
            with pytest.raises(ValidationError):
                services.session_for(room=room, starts_at=start + timedelta(hours=1))
            with pytest.raises(services.PersonalDataFoundError):
                services.session_signup(session=session, by=asker, question="Gezin Yilmaz, Javastraat 14, huurschuld")
            services.session_signup(session=session, by=asker, question="Huurschuld en een baby op komst: wat eerst?")
        assert RoomSession.objects.get().signups.count() == 1
        question = services.session_notes(
            session=session,
            by=mod,
            draft=draft(title="Huurschuld en een baby op komst: wat eerst?", text=CLEAN_TEXT),
            notes="Meld de achterstand bij Vroegsignalering en vraag een betalingsregeling aan via het buurtteam.",
        )
        assert question.state == QuestionState.CLOSED and question.solution is not None
        assert question.tags.filter(tag="risk:lage_ses").exists()
        with pytest.raises(PermissionDenied):
            services.session_notes(session=session, by=asker, draft=draft(), notes="x" * 30)


def test_profile_update_keeps_only_known_tags():
    user = member()
    m = Member.objects.get(user=user)
    services.member_update(
        member=m,
        by=user,
        profile=services.Profile(
            organisation=m.organisation,
            function="Wijkverpleegkundige",
            expertise=["risk:lage_ses", "risk:bestaat-niet"],
            stadsdelen=list(Stadsdeel.objects.filter(code="F")),
        ),
        frequency=Frequency.WEEKLY,
        follows=["stadsdeel:F", "nonsense"],
    )
    m.refresh_from_db()
    assert m.expertise == ["risk:lage_ses"] and m.frequency == Frequency.WEEKLY
    assert preference_of(user, "vraagbaak.nieuw_antwoord") == Frequency.WEEKLY  # what sending goes by
    assert list(m.follows.values_list("tag", flat=True)) == ["stadsdeel:F"]


def test_an_automatic_answer_never_cites_the_question_it_answers(django_capture_on_commit_callbacks):
    asker, helper = member(), member()
    question = published(asker, title="Babyspullen voor een moeder zonder geld in Noord", text=CLEAN_TEXT)
    answer = services.answer_post(question=question, by=helper, text="De babybank in Noord geeft een pakket.")
    services.solution_mark(question=question, answer=answer, by=asker)
    Answer.objects.filter(question=question, is_automatic=True).delete()
    auto = services.answer_auto_create(question=question)
    cited = [s["source"] for s in auto.statements] if auto is not None else []
    assert {"kind": "question", "id": str(question.pk)} not in [{"kind": c["kind"], "id": c["id"]} for c in cited]
    with django_capture_on_commit_callbacks(execute=True):
        other = published(member(), title="Babyspullen nodig voor een moeder zonder geld", text=CLEAN_TEXT)
    auto_other = Answer.objects.get(question=other, is_automatic=True)
    assert str(question.pk) in [s["source"]["id"] for s in auto_other.statements if s["source"]["kind"] == "question"]


class TestReviewFindings:
    """What the review of the first version found, each now refused or handled."""

    def test_dismissing_a_flag_never_republishes_a_question_sent_back_or_still_reported(self):
        asker, reader, other_reader, mod = member(), member(), member(), moderator()
        question = published(asker)
        first = services.flag_create(question=question, by=reader, reason="persoonsgegevens")
        services.flag_create(question=question, by=other_reader, reason="persoonsgegevens")
        services.flag_dismiss(flag=first, by=mod)
        assert Question.objects.get(pk=question.pk).state == QuestionState.IN_REVIEW  # one report still open
        services.question_reject(question=question, by=mod, reason="Te herkenbaar, graag algemener")
        assert Question.objects.get(pk=question.pk).state == QuestionState.REJECTED
        assert not question.flags.filter(resolved_at=None).exists()  # rejecting closes the reports

    def test_a_closed_question_can_be_reported_and_comes_back_closed(self):
        asker, helper, reader, mod = member(), member(), member(), moderator()
        question = published(asker)
        answer = services.answer_post(question=question, by=helper, text="Bel de schuldhulp van het buurtteam.")
        services.solution_mark(question=question, answer=answer, by=asker)
        services.question_close(question=question, by=mod)
        flag = services.flag_create(question=question, by=reader, reason="persoonsgegevens")
        assert Question.objects.get(pk=question.pk).state == QuestionState.IN_REVIEW
        services.flag_dismiss(flag=flag, by=mod)
        assert Question.objects.get(pk=question.pk).state == QuestionState.CLOSED

    def test_readers_cannot_act_on_a_hidden_answer(self):
        asker, helper, reader, mod = member(), member(), member(), moderator()
        question = published(asker)
        answer = services.answer_post(question=question, by=helper, text="Bel de schuldhulp van het buurtteam.")
        services.answer_moderate(answer=answer, by=mod, show=False, reason="Klopt niet meer")
        answer.refresh_from_db()
        for act in (
            lambda: services.flag_create(question=question, answer=answer, by=reader, reason="persoonsgegevens"),
            lambda: services.vote(answer=answer, by=reader, value=1),
            lambda: services.comment_post(answer=answer, by=reader, text="Klopt"),
        ):
            with pytest.raises(PermissionDenied):
                act()
        assert Answer.objects.get(pk=answer.pk).hidden_reason == "moderator"

    def test_an_automatic_answer_drops_a_source_question_taken_offline(self):
        from kansrijk.vraagbaak.selectors import question_view

        asker, reader, mod = member(), member(), moderator()
        source = published(asker, title="Babyspullen voor een moeder zonder geld")
        question = published(member(), title="Waar vind ik babyspullen?")
        auto = Answer.objects.create(
            question=question,
            text="Automatisch",
            is_automatic=True,
            statements=[
                {
                    "text": "Bij een vergelijkbare vraag ...",
                    "source": {"kind": "question", "id": str(source.pk), "title": "oud"},
                }
            ],
            created_at=question.created_at,
        )
        shown = question_view(question=question, user=reader, moderator=False).automatic[0]
        assert shown.answer.pk == auto.pk and shown.statements[0]["source"]["title"] == source.title  # current title
        services.question_reject(question=source, by=mod, reason="Te herkenbaar, graag algemener")
        assert question_view(question=question, user=reader, moderator=False).automatic[0].statements == []

    def test_profile_texts_pass_the_guard(self):
        user = member()
        m = Member.objects.get(user=user)
        with pytest.raises(services.PersonalDataFoundError):
            services.member_update(
                member=m,
                by=user,
                profile=services.Profile(
                    organisation=m.organisation, function="Jeugdverpleegkundige", about="Ik help nu mevrouw Yilmaz."
                ),
                frequency=Frequency.DAILY,
                follows=[],
            )

    def test_a_notice_shows_no_title_once_the_question_is_offline(self):
        asker, follower, mod = member(), member(), moderator()
        Follow.objects.create(member=Member.objects.get(user=follower), tag="risk:lage_ses")
        question = published(asker, tags=("risk:lage_ses",))
        notice = notices_about(question).get(user=follower)
        assert notify.shown_title(notice) == question.title
        services.question_reject(question=question, by=mod, reason="Te herkenbaar, graag algemener")
        notice.refresh_from_db()
        assert notify.shown_title(notice) == ""
