"""The referral pages: refer from the family file or from a Kaart service (consent as a step, then
send), the loop on the family's timeline, the receiving side's inbox and capacity, the referral itself
(answer, warm handover, help started and ended), "Mijn verwijzingen", "Kwijt?" and the personal answer
link for partners without an account.

The receiving side sees a referral and only what the parents consented to share with it, read anew on
every request (a revocation counts at once); never the family file.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kansrijk.accounts import selectors as account_selectors
from kansrijk.accounts.base_views import Page
from kansrijk.accounts.permissions import organisation_ids_of
from kansrijk.consent.models import Consent
from kansrijk.consent.selectors import category_labels, consents, shareable
from kansrijk.core import clock
from kansrijk.core.audit import Actor, Target, actor_for, audit_denied
from kansrijk.core.forms import apply_errors
from kansrijk.families import selectors as families
from kansrijk.families.models import Family
from kansrijk.families.services import NO_COLLEAGUE
from kansrijk.families.views import FamilyPage
from kansrijk.kaart.models import Service, ServiceStatus
from kansrijk.kaart.services import service_capacity_set
from kansrijk.notify import selectors as notify_selectors
from kansrijk.notify import services as notify_services
from kansrijk.notify.models import Frequency
from kansrijk.referrals import forms, services
from kansrijk.referrals import selectors as referrals
from kansrijk.referrals.models import ENDED, AnswerLink, HandoverMode, Referral, ReferralStatus
from kansrijk.referrals.permissions import is_receiving_side, is_referring_side
from kansrijk.referrals.service_levels import Lateness, running_clock

S = ReferralStatus


def _service_choices() -> list[tuple[str, str]]:
    """Active services that can receive a referral: run by an organisation in Kansrijk, or with an email."""
    rows = (
        Service.objects.filter(status=ServiceStatus.ACTIVE)
        .exclude(organization__managed_by__isnull=True, email="")
        .select_related("organization")
        .order_by("name")
    )
    return [(str(s.pk), f"{s.name} ({s.organization.name})") for s in rows]


def _service(value: str | None) -> Service | None:
    if not value:
        return None
    try:
        return Service.objects.select_related("organization").get(pk=value)
    except (Service.DoesNotExist, ValidationError, ValueError):
        return None


class FamilyReferralsView(FamilyPage):
    """The loop on the family's timeline: each referral's state, who answered, the handover and the
    service-level clock; and the consents, each revocable."""

    template_name = "referrals/family.html"
    audit_purpose = "verwijzingen volgen"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        rows = referrals.family_referrals(family=self.family)
        today = clock.local_date()
        context.update(
            rows=[(r, running_clock(r, today)) for r in rows],
            consents=[(c, c.is_active(today), category_labels(c.categories)) for c in consents(family=self.family)],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        value = request.POST.get("consent", "")
        if not value.isdigit():
            raise BadRequest(_("Kies welke toestemming je wilt intrekken."))
        consent = Consent.objects.visible_to(request.user).filter(family=self.family, pk=value).first()
        if consent is None:  # a consent of another family: an attempt at someone else's data
            audit_denied(
                actor=actor_for(request.user), attempted="consent.withdraw", targets=[Target("consent.consent", value)]
            )
            raise Http404
        try:
            services.consent_withdraw(consent=consent, by=self.person, note=request.POST.get("note", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De toestemming is ingetrokken. Er wordt vanaf nu niets meer gedeeld."))
        return redirect("referrals:family_referrals", pk=self.family.pk)


class ReferralStartView(FamilyPage):
    """Step 1: to whom and why, in the family's words."""

    template_name = "referrals/start.html"
    permission_required = "families.change_family"
    audit_purpose = "verwijzen"

    def _form(self, data: Any = None) -> forms.ReferralStartForm:
        initial = {"service": self.request.GET.get("dienst", "")}
        return forms.ReferralStartForm(data, initial=initial, services=_service_choices())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or self._form()
        context.update(form=form, chosen=_service(form["service"].value()))
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            professional = None
            if data["professional_email"]:
                professional = account_selectors.working_professional_by_email(email=data["professional_email"])
                if professional is None:
                    form.add_error("professional_email", NO_COLLEAGUE)
            if not form.errors:
                try:
                    referral = services.referral_draft(
                        family=self.family,
                        by=self.person,
                        reason=data["reason"],
                        urgency=data["urgency"],
                        handover_preference=data["handover_preference"],
                        service=_service(data["service"]) if not professional else None,
                        professional=professional,
                    )
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    return redirect("referrals:referral", pk=referral.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)


class ReferralNewView(Page):
    """From a Kaart service page: pick which of your families to refer there."""

    template_name = "referrals/new.html"
    permission_required = "families.list_families"
    audit_purpose = "verwijzen"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        service = _service(self.request.GET.get("dienst"))
        context.update(service=service, object_list=list(families.family_list(user=self.request.user)))
        return context


class ReferralView(Page):
    """One referral, for both sides. The referring side asks consent and sends; the receiving side
    answers; both plan and record the warm handover; the receiving side starts and ends help."""

    template_name = "referrals/detail.html"
    permission_required = "referrals.view_referral"
    audit_purpose = "verwijzing"
    audit_object_type = "referrals.referral"
    referral: Referral

    def get_permission_object(self) -> Referral:
        pk = str(self.kwargs["pk"])
        if not pk.isdigit():
            raise Referral.DoesNotExist
        self.referral = referrals.visible_referrals(user=self.request.user).get(pk=int(pk))
        return self.referral

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Referral | Family]:
        # The page names the family to the referring side, and shows the receiving side what the parents
        # shared: both are reads of the family's data, recorded against the family too.
        shared = context.get("shared")
        shows_family = context.get("family") is not None or bool(shared and shared.categories)
        return [self.referral, self.referral.family] if shows_family else [self.referral]

    def get_audit_detail(self, context: dict[str, Any]) -> dict[str, Any] | None:
        return {"family": self.referral.family_id}

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.receiving and not self.referring:
            services.referral_mark_received(referral=self.referral, by=self.person)
        return super().get(request, *args, **kwargs)

    @property
    def referring(self) -> bool:
        return bool(is_referring_side(self.request.user, self.referral))

    @property
    def receiving(self) -> bool:
        return bool(is_receiving_side(self.request.user, self.referral))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        r = self.referral
        handover = getattr(r, "handover", None)
        status = r.status
        steps = services.referral_steps(referral=r, user=self.request.user)
        context.update(
            referral=r,
            family=r.family if self.referring else None,
            referring=self.referring,
            receiving=self.receiving,
            events=list(r.events.select_related("by")),
            # The receiving side sees the care team's notes and the handover texts only while consent holds.
            show_notes=self.referring or bool(shareable(r.consent)),
            handover=handover,
            clock=running_clock(r),
            shared=referrals.shared_with_receiver(r) if self.receiving and r.sent_at else None,
            shared_labels=category_labels(shareable(r.consent)),
            consent_active=bool(shareable(r.consent)),
            # The consent step shows while the referral is the referring side's; the other actions are the
            # steps this person may take now (`referral_steps`), the same list the API offers.
            can_send=self.referring and status in (S.CONCEPT, S.WAITING_CONSENT),
            can_answer=S.ACCEPTED in steps,
            can_plan=S.HANDOVER_PLANNED in steps and r.handover_preference != HandoverMode.NONE,
            can_record_handover=S.HANDOVER_DONE in steps,
            can_start=S.HELP_STARTED in steps,
            can_complete=S.COMPLETED in steps,
            can_stop=S.STOPPED in steps,
            can_follow_up=self.referring and status == S.DECLINED and r.suggested_service_id is not None,
            links=list(r.answer_links.order_by("-created_at")) if self.referring else [],
            now=clock.now(),
            consent_form=kwargs.get("consent_form")
            or (forms.ConsentForm(caregivers=list(r.family.caregivers.all())) if self.referring else None),
            decision_form=kwargs.get("decision_form") or forms.DecisionForm(services=_service_choices()),
            plan_form=kwargs.get("plan_form") or self._plan_form(),
            done_form=kwargs.get("done_form")
            or forms.HandoverDoneForm(initial={"done_mode": handover.mode if handover else ""}),
            stop_form=kwargs.get("stop_form") or forms.StopForm(),
        )
        return context

    def _plan_form(self, data: Any = None) -> forms.HandoverPlanForm:
        r = self.referral
        handover = getattr(r, "handover", None)
        # The receiving side sees nothing the consent covered once it no longer holds: not in the
        # read-only block and not in the initial values of a form either.
        may_see = self.referring or bool(shareable(r.consent))
        if not may_see:
            initial: dict[str, Any] = {"mode": handover.mode if handover else r.handover_preference}
        elif handover is not None:
            initial = {
                f: getattr(handover, f)
                for f in (
                    "mode",
                    "planned_at",
                    "place",
                    "home_visit",
                    "participants",
                    "interpreter",
                    "cultuurbemiddelaar",
                    "summary",
                )
            }
        else:
            caregivers = list(r.family.caregivers.all()) if shareable(r.consent) else []
            initial = {
                "mode": r.handover_preference if r.handover_preference != HandoverMode.NONE else HandoverMode.IN_PERSON,
                "summary": referrals.handover_summary_draft(r),
                "interpreter": any(c.needs_interpreter for c in caregivers),
                "cultuurbemiddelaar": any(c.needs_cultuurbemiddelaar for c in caregivers),
            }
        return forms.HandoverPlanForm(data, initial=initial)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        by = self.person
        action = request.POST.get("action", "")
        r = self.referral
        form: Any = None
        key = ""
        try:
            if action == "consent":
                key, form = "consent_form", forms.ConsentForm(request.POST, caregivers=list(r.family.caregivers.all()))
                if form.is_valid():
                    d = form.cleaned_data
                    caregiver = r.family.caregivers.filter(pk=d["given_by"]).first()
                    if caregiver is None:
                        raise ValidationError({"given_by": _("Kies de ouder die toestemming geeft.")})
                    services.referral_consent(
                        referral=r,
                        by=by,
                        given_by=caregiver,
                        categories=d["categories"],
                        method=d["method"],
                        valid_until=d["valid_until"],
                    )
                    messages.success(request, _("De toestemming is vastgelegd. Je kunt de verwijzing nu versturen."))
            elif action == "wait":
                services.referral_step(referral=r, by=by, step=services.StepInput(to=S.WAITING_CONSENT))
                messages.success(request, _("De verwijzing wacht tot de ouders hebben besloten. Er is niets gedeeld."))
            elif action == "send":
                services.referral_step(referral=r, by=by, step=services.StepInput(to=S.SENT))
                messages.success(request, _("De verwijzing is verstuurd. Je hoort het als er antwoord is."))
            elif action == "answer":
                key, form = "decision_form", forms.DecisionForm(request.POST, services=_service_choices())
                if form.is_valid():
                    d = form.cleaned_data
                    if d["decision"] == forms.DecisionForm.ACCEPT:
                        services.referral_step(referral=r, by=by, step=services.StepInput(to=S.ACCEPTED))
                        messages.success(request, _("Geaccepteerd. Plan nu samen de warme overdracht."))
                    else:
                        declined = services.StepInput(
                            to=S.DECLINED,
                            reason=d["reason"],
                            note=d["note"],
                            suggested_service=_service(d["suggested_service"]),
                        )
                        services.referral_step(referral=r, by=by, step=declined)
                        messages.success(request, _("Afgewezen. De verwijzer krijgt bericht, met je voorstel."))
            elif action == "plan":
                key, form = "plan_form", self._plan_form(request.POST)
                if form.is_valid():
                    d = form.cleaned_data
                    planned = services.StepInput(to=S.HANDOVER_PLANNED, handover=services.HandoverData(**d))
                    services.referral_step(referral=r, by=by, step=planned)
                    messages.success(request, _("De warme overdracht is gepland."))
            elif action == "handover_done":
                key, form = "done_form", forms.HandoverDoneForm(request.POST)
                if form.is_valid():
                    d = form.cleaned_data
                    done = services.StepInput(
                        to=S.HANDOVER_DONE,
                        done_mode=d["done_mode"],
                        parents_present=d["parents_present"],
                        note=d["note"],
                    )
                    services.referral_step(referral=r, by=by, step=done)
                    messages.success(request, _("Vastgelegd: de warme overdracht is gedaan."))
            elif action == "start":
                services.referral_step(referral=r, by=by, step=services.StepInput(to=S.HELP_STARTED))
                messages.success(request, _("Vastgelegd: de hulp is gestart. De verwijzer krijgt bericht."))
            elif action == "complete":
                completed = services.StepInput(to=S.COMPLETED, note=request.POST.get("note", ""))
                services.referral_step(referral=r, by=by, step=completed)
                messages.success(request, _("De hulp is afgerond. Over zes weken vraagt de regiehouder hoe het gaat."))
            elif action == "stop":
                key, form = "stop_form", forms.StopForm(request.POST)
                if form.is_valid():
                    stopped = services.StepInput(
                        to=S.STOPPED, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"]
                    )
                    services.referral_step(referral=r, by=by, step=stopped)
                    messages.success(request, _("De verwijzing is gestopt."))
            elif action == "revoke_link":
                value = request.POST.get("link", "")
                link = r.answer_links.filter(pk=value).first() if value.isdigit() else None
                if link is None:
                    raise BadRequest(_("Deze link hoort niet bij deze verwijzing."))
                services.answer_link_revoke(link=link, by=by)
                messages.success(request, _("De link is ingetrokken. Wie hem heeft, kan er niets meer mee."))
            elif action == "follow_up":
                new = services.referral_follow_up(declined=r, by=by)
                return redirect("referrals:referral", pk=new.pk)
            else:
                raise BadRequest(_("Deze handeling ken ik niet."))
        except ValidationError as error:
            # A refused step (the state table, or consent that no longer holds) is not about the form's
            # fields, and its form may no longer be shown: say it above the page.
            if form is None or "status" in getattr(error, "error_dict", {}):
                messages.error(request, " ".join(error.messages))
                return redirect("referrals:referral", pk=r.pk)
            apply_errors(form, error)
        if form is not None and form.errors:
            return self.render_to_response(self.get_context_data(**{key: form}), status=422)
        return redirect("referrals:referral", pk=r.pk)


class InboxView(Page):
    """The receiving side: incoming referrals (accept, decline, suggest another) and the capacity and
    waiting time of the organisation's services, which the Kaart shows."""

    template_name = "referrals/inbox.html"
    permission_required = "referrals.use_inbox"
    audit_purpose = "verwijzingen ontvangen"
    audit_object_type = "referrals.referral"

    def _services(self) -> list[Service]:
        orgs = organisation_ids_of(self.request.user)
        return list(
            Service.objects.filter(organization__managed_by_id__in=orgs, status=ServiceStatus.ACTIVE).order_by("name")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        rows = referrals.inbox(user=self.request.user, status=status)
        context.update(
            rows=referrals.with_clocks(rows, lateness=self.request.GET.get("te_laat", "")),
            object_list=rows,
            status=status,
            statuses=[
                (s.value, s.label) for s in (S.SENT, S.ACCEPTED, S.HANDOVER_PLANNED, S.HANDOVER_DONE, S.HELP_STARTED)
            ],
            capacity=[
                (
                    s,
                    forms.CapacityForm(
                        initial={"capacity": s.capacity, "wait_time_days": s.wait_time_days}, prefix=str(s.pk)
                    ),
                )
                for s in self._services()
            ],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        value = request.POST.get("service", "")
        if not value:
            raise BadRequest(_("Kies het aanbod dat je wilt bijwerken."))
        service = next((s for s in self._services() if str(s.pk) == value), None)
        if service is None:  # a service of another organisation
            audit_denied(
                actor=actor_for(request.user), attempted="service.capacity", targets=[Target("kaart.service", value)]
            )
            raise PermissionDenied
        form = forms.CapacityForm(request.POST, prefix=str(service.pk))
        if form.is_valid():
            try:
                service_capacity_set(
                    service=service,
                    by=self.person,
                    capacity=form.cleaned_data["capacity"],
                    wait_time_days=form.cleaned_data["wait_time_days"],
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Bijgewerkt. De Kaart laat het nu zien."))
        else:
            messages.error(request, _("Controleer de plek en de wachttijd."))
        return redirect("referrals:referral_inbox")


class MineView(Page):
    """The referrer's view of the loop: every referral they made or follow as regiehouder, with its
    state and clock; filter on late or very late. Also: all messages at once or one digest a day."""

    template_name = "referrals/mine.html"
    permission_required = "referrals.use_inbox"
    audit_purpose = "verwijzingen volgen"
    audit_object_type = "referrals.referral"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        late = self.request.GET.get("te_laat", "")
        rows = list(referrals.made_by_me(user=self.request.user)[:200])
        context.update(
            rows=referrals.with_clocks(rows, lateness=late),
            object_list=rows,
            late=late,
            lateness=Lateness,
            digest=notify_selectors.preference_of(self.person, "referrals") == Frequency.DAILY,
            notices=notify_selectors.notices_of(self.person, namespace="referrals", limit=10),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        frequency = Frequency.DAILY if request.POST.get("digest") else Frequency.IMMEDIATELY
        notify_services.preference_set(self.person, kind="referrals", frequency=frequency)
        messages.success(request, _("Je voorkeur voor e-mails is opgeslagen."))
        return redirect("referrals:referrals_mine")


class LostView(Page):
    """Kwijt? Referrals nobody answered in time, and families whose level asks for help while nobody is
    helping them now."""

    template_name = "referrals/lost.html"
    permission_required = "families.list_families"
    audit_purpose = "verwijzingen volgen"
    audit_object_type = "families.family"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = referrals.lost(user=self.request.user)
        context.update(lost=found, object_list=[*found.without_help, *(r.family for r, _c in found.unanswered)])
        return context


class LinkView(Page):
    """A partner without an account answers through a personal, expiring link: they see only what the
    parents consented to share, and can accept or decline, and later say help started or ended."""

    template_name = "referrals/link.html"
    audit_purpose = "verwijzing ontvangen via link"
    audit_object_type = "referrals.referral"
    link: AnswerLink | None = None

    def has_permission(self) -> bool:
        self.link = services.answer_link_use(token=self.kwargs["token"])
        return self.link is not None

    def kwargs_id(self) -> str:
        return ""

    def handle_no_permission(self) -> Any:
        raise PermissionDenied(_("Deze link werkt niet meer. Vraag de verwijzer om een nieuwe."))

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target | Referral | Family]:
        assert self.link is not None  # noqa: S101  (has_permission set it)
        shared = context.get("shared")
        referral = self.link.referral
        return [referral, referral.family] if shared and shared.categories else [referral]

    def get_audit_detail(self, context: dict[str, Any]) -> dict[str, Any] | None:
        assert self.link is not None  # noqa: S101
        return {"family": self.link.referral.family_id, "answer_link": self.link.pk}

    def get_audit_actor(self) -> Actor | None:
        assert self.link is not None  # noqa: S101
        # Whoever opened it (signed in or not), recorded with the link that let them read.
        return actor_for(self.request.user, on_behalf_of=self.link.email)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assert self.link is not None  # noqa: S101
        referral = Referral.objects.select_related("consent", "family", "service").get(pk=self.link.referral_id)
        if referral.status == S.SENT:
            services.referral_mark_received(referral=referral, by=None)
        context.update(
            referral=referral,
            # Once the loop has ended, the link shows nothing more about the family.
            shared=referrals.shared_with_receiver(referral) if referral.status not in ENDED else None,
            decision_form=kwargs.get("decision_form") or forms.DecisionForm(services=_service_choices()),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assert self.link is not None  # noqa: S101
        r = self.link.referral
        action = request.POST.get("action", "")
        try:
            if action == "answer":
                form = forms.DecisionForm(request.POST, services=_service_choices())
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(decision_form=form), status=422)
                d = form.cleaned_data
                if d["decision"] == forms.DecisionForm.ACCEPT:
                    services.referral_accept(referral=r, link=self.link)
                else:
                    services.referral_decline(
                        referral=r,
                        link=self.link,
                        reason=d["reason"],
                        note=d["note"],
                        suggested_service=_service(d["suggested_service"]),
                    )
            elif action == "start":
                services.referral_help_start(referral=r, link=self.link)
            elif action == "complete":
                services.referral_complete(referral=r, link=self.link)
            else:
                raise BadRequest(_("Deze handeling ken ik niet."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Dank u. De verwijzer krijgt bericht."))
        return redirect(request.path)
