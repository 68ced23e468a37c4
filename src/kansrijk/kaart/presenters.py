"""What a result card and a service page show, computed once (no logic in templates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from kansrijk.kaart.hours import open_now, opening_hours, opening_status, phone_answered_now, phone_hours, phone_status
from kansrijk.kaart.models import Location, Service
from kansrijk.kaart.opening import format_weekly
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
    stale: bool
    checked: str
    opening_lines: tuple[str, ...]
    phone_lines: tuple[str, ...]


def areas_text(service: Service, language: str = "nl") -> str:
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
    phones = list(service.phones.all())
    hours = opening_hours(service, on=at.date())
    answered = phone_hours(service, on=at.date())
    return ServiceCard(
        service=service,
        why=why,
        areas=areas_text(service, language),
        locations=tuple(service.locations.all()),
        open_now=open_now(service, at),
        open_text=opening_status(service, at),
        phone=phones[0].number if phones else "",
        phone_now=phone_answered_now(service, at),
        phone_text=phone_status(service, at),
        cost=cost_text(service),
        languages=", ".join(lang.name(language) for lang in service.languages.all()),
        needs=tuple(term.label(language) for term in service.categories.all()),
        stale=is_stale(service, at.date()),
        checked=checked_text(service),
        opening_lines=tuple(format_weekly(hours)) if hours else (),
        phone_lines=tuple(format_weekly(answered)) if answered and phones else (),
    )
