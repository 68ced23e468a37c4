"""Pages of the Kaart: public search and detail pages, flyers, and the editors' pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from kansrijk.accounts.base_views import Page
from kansrijk.accounts.permissions import organisation_ids_of
from kansrijk.core import clock
from kansrijk.core.audited import NO_PERSONAL_DATA
from kansrijk.geo.selectors import stadsdeel_list
from kansrijk.kaart import selectors, services
from kansrijk.kaart.flyers import FlyerRequest, flyer_pdf
from kansrijk.kaart.forms import B1CheckForm, SearchForm, ServiceEditForm
from kansrijk.kaart.models import Service
from kansrijk.kaart.presenters import ServiceCard, service_card
from kansrijk.kaart.readability import check_text
from kansrijk.kaart.search import kaart_search
from kansrijk.kaart.understanding import Chip

RESULTS_PER_PAGE = 20


def _public(response: HttpResponse) -> HttpResponse:
    """Public service information: may be cached by browsers for anonymous visitors."""
    response.kansrijk_public = True  # type: ignore[attr-defined]
    return response


def _removed(request: HttpRequest) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in request.GET.getlist("zonder"):
        kind, _sep, value = item.partition(":")
        if kind and value:
            pairs.append((kind, value))
    return tuple(pairs)


def _chip_links(request: HttpRequest, chips: tuple[Chip, ...]) -> list[dict[str, str]]:
    """Each understood chip with the address of the same search without it."""
    links = []
    for chip in chips:
        params = request.GET.copy()
        params.setlist("zonder", [*params.getlist("zonder"), f"{chip.kind}:{chip.value}"])
        links.append({"label": chip.label, "kind": chip.kind, "url": f"?{params.urlencode()}"})
    return links


def _cards(services: Iterable[Service]) -> list[ServiceCard]:
    """The cards of the services on an organisation's or a location's page, as of now."""
    now, language = clock.now(), get_language() or "nl"
    return [service_card(service, at=now, language=language) for service in services]


class SearchView(View):
    """The public search: a question in plain words plus filters; HTMX swaps only the results."""

    audit_policy = NO_PERSONAL_DATA

    def get(self, request: HttpRequest) -> HttpResponse:
        form = SearchForm(request.GET or None)
        context: dict[str, Any] = {"form": form, "asked": False}
        if form.is_bound and form.is_valid() and form.asked:
            now = clock.now()
            result = kaart_search(
                query=form.cleaned_data.get("q") or "",
                filters=form.filters(_removed(request)),
                limit=RESULTS_PER_PAGE,
                at=now,
            )
            language = get_language() or "nl"
            context.update(
                asked=True,
                chips=_chip_links(request, result.understood.chips),
                cards=[service_card(r.service, at=now, why=r.why, language=language) for r in result.results],
            )
        template = "kaart/partials/_results.html" if getattr(request, "htmx", False) else "kaart/search.html"
        return _public(render(request, template, context))


class ServiceView(View):
    audit_policy = NO_PERSONAL_DATA

    def get(self, request: HttpRequest, pk: str) -> HttpResponse:
        service = selectors.service_detail(service_id=pk)
        if service is None:
            raise Http404
        now = clock.now()
        card = service_card(service, at=now, language=get_language() or "nl")
        can_edit = request.user.has_perm("kaart.change_service", service)
        return _public(render(request, "kaart/service.html", {"card": card, "service": service, "can_edit": can_edit}))


class OrganizationView(View):
    audit_policy = NO_PERSONAL_DATA

    def get(self, request: HttpRequest, pk: str) -> HttpResponse:
        organization = selectors.organization_detail(organization_id=pk)
        if organization is None:
            raise Http404
        cards = _cards(organization.services.all())
        return _public(render(request, "kaart/organization.html", {"organization": organization, "cards": cards}))


class LocationView(View):
    audit_policy = NO_PERSONAL_DATA

    def get(self, request: HttpRequest, pk: str) -> HttpResponse:
        location = selectors.location_detail(location_id=pk)
        if location is None:
            raise Http404
        cards = _cards(location.services.all())
        return _public(render(request, "kaart/location.html", {"location": location, "cards": cards}))


class FlyerView(View):
    """A printable A4 flyer (PDF) of the help in one stadsdeel, with QR codes to the pages."""

    audit_policy = NO_PERSONAL_DATA

    def get(self, request: HttpRequest) -> HttpResponse:
        stadsdeel = request.GET.get("stadsdeel", "")
        if not stadsdeel:
            form = SearchForm()
            context = {"form": form, "stadsdelen": stadsdeel_list()}
            return _public(render(request, "kaart/flyer.html", context))
        language = request.GET.get("taal", get_language() or "nl")
        try:
            pdf = flyer_pdf(
                FlyerRequest(
                    stadsdeel=stadsdeel,
                    hulpvraag=request.GET.get("hulpvraag") or None,
                    language="en" if language == "en" else "nl",
                )
            )
        except ValueError as exc:
            messages.error(request, str(exc))
            return redirect("kaart:flyer")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="kansrijk-kaart-{stadsdeel}.pdf"'
        return _public(response)


# --- editors --------------------------------------------------------------------------------------


class EditorHomeView(Page):
    """The services an editor keeps current, the ones to check first at the top."""

    audit_policy = NO_PERSONAL_DATA
    audit_reason = "services of the map and their editors' organisations"
    permission_required = "kaart.edit_map"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        worklist = selectors.editor_worklist(organisation_ids=organisation_ids_of(self.person))
        return render(request, "kaart/editor_home.html", {"stale": worklist.stale, "current": worklist.current})


class ServiceEditView(Page):
    audit_policy = NO_PERSONAL_DATA
    audit_reason = "a service of the map (its change history names editors, who are professionals at work)"
    permission_required = "kaart.edit_map"

    def _service(self, pk: str) -> Service:
        service = selectors.editable_service(service_id=pk)
        if service is None:
            raise Http404
        services.require_service_editor(self.person, service)
        return service

    def _render(self, request: HttpRequest, service: Service, form: ServiceEditForm) -> HttpResponse:
        history = service.history.select_related("history_user").order_by("-history_date")[:20]
        report = check_text(form["description"].value() or "")
        return render(
            request,
            "kaart/editor_service.html",
            {"service": service, "form": form, "history": history, "report": report},
        )

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        service = self._service(kwargs["pk"])
        return self._render(request, service, ServiceEditForm(instance=service))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        pk = kwargs["pk"]
        service = self._service(pk)
        if "only_verify" in request.POST:
            services.service_verify(service=service, by=self.person)
            messages.success(request, _("Gecontroleerd. Dank je wel!"))
            return redirect("kaart:editor")
        form = ServiceEditForm(request.POST, instance=service)
        if form.is_valid():
            try:
                services.service_update(
                    service=service, change=form.change(), by=self.person, verified=form.cleaned_data["verified"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Opgeslagen. De Kaart laat de wijziging meteen zien."))
                return redirect("kaart:editor_service", pk=service.pk)
        # A bound ModelForm has already written the refused values onto `service`; show what is stored.
        return self._render(request, self._service(pk), form)


class B1CheckView(Page):
    """Called by HTMX while an editor types: the B1 report of the description."""

    audit_policy = NO_PERSONAL_DATA
    audit_reason = "a B1 report of text being typed"
    permission_required = "kaart.edit_map"
    http_method_names = ["post", "options"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = B1CheckForm(request.POST)
        text = form.cleaned_data["description"] if form.is_valid() else ""
        return render(request, "kaart/partials/_b1_check.html", {"report": check_text(text)})
