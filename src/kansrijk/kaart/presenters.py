"""What a result card and a service page show, computed once (no logic in templates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from kansrijk.core import clock
from kansrijk.kaart.hours import opening_hours, phone_hours
from kansrijk.kaart.models import Location, Service
from kansrijk.kaart.opening import format_weekly, is_open, status_text
from kansrijk.kaart.selectors import is_stale


@dataclass(frozen=True)
class ServiceCard:
    service: Service
    why: tuple[str, ...]
    areas: str
    locations: tuple[Location, ...]
    open_now: bool | None
    open_text: str
    phone: str
    phone_now: bool | None
    phone_text: str
    cost: str
    languages: str
    needs: tuple[str, ...]
    for_whom: str
    stale: bool
    checked: str
    opening_lines: tuple[str, ...]
    phone_lines: tuple[str, ...]


def for_whom_text(service: Service, language: str) -> str:
    """Who the service is for: its own words, else its target groups, else parents-to-be and parents."""
    if service.eligibility_description:
        return service.eligibility_description
    groups = [term.label(language) for term in service.target_groups.all()]
    return ", ".join(groups) or _("Voor ouders en aanstaande ouders")


def areas_text(service: Service) -> str:
    if service.whole_city:
        return _("Heel Amsterdam")
    names = [s.naam for s in service.stadsdelen.all()] + [g.naam for g in service.gebieden.all()]
    return ", ".join(names)


def cost_text(service: Service) -> str:
    if service.free:
        return _("Gratis")
    return service.fees_description or _("Niet gratis: vraag naar de kosten")


def checked_text(service: Service) -> str:
    if service.last_verified_at is None:
        return _("Nog niet gecontroleerd")
    day = formats.date_format(service.last_verified_at, "j F Y")
    if service.last_verified_by_name:
        return _("Laatst gecontroleerd op %(day)s door %(who)s") % {"day": day, "who": service.last_verified_by_name}
    return _("Laatst gecontroleerd op %(day)s") % {"day": day}


def service_card(service: Service, *, at: datetime, why: tuple[str, ...] = (), language: str = "nl") -> ServiceCard:
    """The card of a service at moment `at`. A service without published hours is neither called open
    nor closed (we do not guess); its phone counts as answered during the opening hours."""
    phones = list(service.phones.all())
    day = clock.local_date(at)
    hours = opening_hours(service, on=day)
    answered = phone_hours(service, on=day) if phones else None
    return ServiceCard(
        service=service,
        why=why,
        areas=areas_text(service),
        locations=tuple(service.locations.all()),
        open_now=None if hours is None else is_open(hours, at),
        open_text="" if hours is None else status_text(hours, at),
        phone=phones[0].number if phones else "",
        phone_now=None if answered is None else is_open(answered, at),
        phone_text="" if answered is None else status_text(answered, at),
        cost=cost_text(service),
        languages=", ".join(lang.name(language) for lang in service.languages.all()),
        needs=tuple(term.label(language) for term in service.categories.all()),
        for_whom=for_whom_text(service, language),
        stale=is_stale(service, day),
        checked=checked_text(service),
        opening_lines=tuple(format_weekly(hours, on=day)) if hours else (),
        phone_lines=tuple(format_weekly(answered, on=day)) if answered else (),
    )
