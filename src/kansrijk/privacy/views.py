"""Privacy pages: break-the-glass for a professional, the privacy officer's review list, and the
data-subject requests of a family (export as JSON and PDF, erase, anonymise).

Every page is a `PersonalDataViewMixin` view: reads are audited, refusals too (403). The break-the-glass
page shows nothing about the family until access is granted, and answers the same for a family that
does not exist; the privacy officer sees counts of a family's data, not its content, unless exporting
(audited as `export`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kansrijk.accounts.base_views import Page
from kansrijk.core.audit import Target, audit_denied
from kansrijk.core.audited import request_actor
from kansrijk.core.forms import apply_errors
from kansrijk.families import services as family_services
from kansrijk.families.models import BreakGlassAccess, Family
from kansrijk.privacy import selectors, services
from kansrijk.privacy.forms import BreakGlassForm, FindFamilyForm, RemovalForm, ReviewForm
from kansrijk.privacy.models import PrivacyRequest

RECENT = 50


class BreakGlassView(Page):
    """Ask for emergency access to a family outside one's care team. Only a reason is asked; nothing
    about the family is shown, and a family that does not exist looks the same until the reason is sent
    (then it is refused like any family page)."""

    template_name = "privacy/break_glass.html"
    permission_required = "families.break_glass"
    audit_purpose = "noodtoegang vragen"
    audit_object_type = "families.family"

    def get_audit_targets(self, context: dict[str, Any]) -> list[Target]:
        return [Target("families.family", str(self.kwargs["pk"]))]

    def get_audit_detail(self, context: dict[str, Any]) -> dict[str, Any]:
        return {"form": "break_glass"}

    def _visible(self) -> bool:
        return Family.objects.visible_to(self.request.user).filter(pk=self.kwargs["pk"]).exists()

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self._visible():
            return redirect("dossier:family", pk=kwargs["pk"])
        return self.render_to_response(self.get_context_data(form=BreakGlassForm()))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self._visible():
            return redirect("dossier:family", pk=kwargs["pk"])
        form = BreakGlassForm(request.POST)
        if form.is_valid():
            family = Family.objects.filter(pk=kwargs["pk"]).first()
            if family is None:
                audit_denied(
                    actor=request_actor(request),
                    attempted="break_glass.open",
                    targets=[Target("families.family", str(kwargs["pk"]))],
                    purpose=self.audit_purpose,
                )
                raise PermissionDenied
            try:
                access = family_services.break_glass_open(
                    family=family, by=self.person, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                until = date_format(timezone.localtime(access.expires_at), "j F H:i")
                messages.warning(
                    request,
                    _(
                        "Je hebt noodtoegang tot %(until)s, alleen om te lezen. De regiehouder van het gezin "
                        "heeft bericht gekregen en de beheerder kijkt je reden na."
                    )
                    % {"until": until},
                )
                return redirect("dossier:family", pk=family.pk)
        return self.render_to_response(self.get_context_data(form=form), status=422)


class BreakGlassReviewView(Page):
    """The privacy officer's list: every use of break-the-glass (who, which family number, why, when),
    those not yet reviewed first."""

    template_name = "privacy/break_glass_review.html"
    permission_required = "families.review_break_glass"
    audit_purpose = "noodtoegang nakijken"
    audit_object_type = "families.breakglassaccess"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        grants = BreakGlassAccess.objects.select_related("user", "reviewed_by")
        waiting = list(grants.unreviewed().order_by("started_at", "pk"))
        reviewed = list(grants.filter(reviewed_at__isnull=False).order_by("-reviewed_at", "-pk")[:RECENT])
        context.update(
            waiting=[(access, ReviewForm(initial={"access": access.pk}, prefix=f"a{access.pk}")) for access in waiting],
            reviewed=reviewed,
            object_list=[*waiting, *reviewed],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ReviewForm(request.POST, prefix=request.POST.get("prefix", "") or None)
        access = BreakGlassAccess.objects.filter(pk=form.cleaned_data["access"]).first() if form.is_valid() else None
        if access is None:
            messages.error(request, _("Deze noodtoegang bestaat niet (meer)."))
            return redirect("privacy:break_glass_review")
        try:
            family_services.break_glass_review(access=access, by=self.person, note=form.cleaned_data["note"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("De noodtoegang is nagekeken."))
        return redirect("privacy:break_glass_review")


class PrivacyStartView(Page):
    """The privacy officer's start: find a family by its number, the review list, and the requests
    handled lately (family numbers and reasons, no names)."""

    template_name = "privacy/start.html"
    permission_required = "privacy.handle_request"
    audit_purpose = "privacyverzoeken bekijken"
    audit_object_type = "privacy.privacyrequest"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = FindFamilyForm(request.GET if "gezin" in request.GET else None)
        if form.is_valid():
            return redirect("privacy:family", pk=form.cleaned_data["gezin"])
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        handled = list(PrivacyRequest.objects.select_related("handled_by")[:RECENT])
        context.update(
            handled=handled,
            object_list=handled,
            waiting=BreakGlassAccess.objects.unreviewed().count(),
        )
        return context


class PrivacyFamilyPage(Page):
    """A family for the privacy officer: any family, by number (404 when there is none)."""

    permission_required = "privacy.handle_request"
    audit_purpose = "verzoek van het gezin (AVG)"
    audit_object_type = "families.family"
    family: Family
    kwargs: dict[str, Any]

    def has_permission(self) -> bool:
        if not super().has_permission():
            return False
        found = Family.objects.filter(pk=self.kwargs["pk"]).select_related("stadsdeel").first()
        if found is None:
            raise Http404
        self.family = found
        return True


class PrivacyFamilyView(PrivacyFamilyPage):
    """A data-subject request: download everything (JSON) or the summary for the parents (PDF), erase
    the family, or anonymise it. The page shows how much is kept, not what."""

    template_name = "privacy/family.html"

    def get_audit_targets(self, context: dict[str, Any]) -> list[Family]:
        return [self.family]

    def _forms(self, data: Any = None, kind: str = "") -> dict[str, RemovalForm]:
        return {
            "erase_form": RemovalForm(
                data if kind == "verwijderen" else None,
                prefix="verwijderen",
                expected=services.confirmation_text(services.ERASE_WORD, self.family),
            ),
            "anonymise_form": RemovalForm(
                data if kind == "anonimiseren" else None,
                prefix="anonimiseren",
                expected=services.confirmation_text(services.ANONYMISE_WORD, self.family),
            ),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            family=self.family,
            counts=selectors.section_counts(self.family),
            handled=list(PrivacyRequest.objects.filter(family_ref=self.family.pk)),
            erase_text=services.confirmation_text(services.ERASE_WORD, self.family),
            anonymise_text=services.confirmation_text(services.ANONYMISE_WORD, self.family),
        )
        for name, form in self._forms().items():
            context.setdefault(name, form)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kind = request.POST.get("kind", "")
        forms = self._forms(request.POST, kind)
        form = forms["erase_form"] if kind == "verwijderen" else forms["anonymise_form"]
        if kind in ("verwijderen", "anonimiseren") and form.is_valid():
            action = services.family_erase if kind == "verwijderen" else services.family_anonymise
            try:
                action(
                    family=self.family,
                    by=self.person,
                    reason=form.cleaned_data["reason"],
                    confirmation=form.cleaned_data["confirmation"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                if kind == "verwijderen":
                    messages.success(request, _("Het gezin %(number)s is verwijderd.") % {"number": kwargs["pk"]})
                    return redirect("privacy:start")
                messages.success(request, _("Het gezin is geanonimiseerd."))
                return redirect("privacy:family", pk=self.family.pk)
        return self.render_to_response(self.get_context_data(**forms), status=422)


class ExportJsonView(PrivacyFamilyPage):
    """Everything about the family as a JSON file (audited as `export`)."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = services.family_export_json(family=self.family, by=self.person)
        response = HttpResponse(document, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="kansrijk-gezin-{self.family.pk}.json"'
        return response


class SummaryPdfView(PrivacyFamilyPage):
    """The summary for the parents as a PDF file (audited as `export`)."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        document = services.family_export_pdf(family=self.family, by=self.person)
        response = HttpResponse(document, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="kansrijk-gezin-{self.family.pk}.pdf"'
        return response


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page. On a family page, a professional who may use break-the-glass is shown the way to
    ask for emergency access (with a reason, audited, reviewed)."""
    match = getattr(request, "resolver_match", None)
    pk = match.kwargs.get("pk") if match is not None else None
    user = getattr(request, "user", None)
    break_glass = (
        str(pk).isdigit()
        and request.path.startswith("/gezinnen/")
        and user is not None
        and user.has_perm("families.break_glass")
    )
    context = {"break_glass_pk": pk if break_glass else None, "message": str(exception or "")}
    return TemplateResponse(request, "403.html", context, status=403).render()
