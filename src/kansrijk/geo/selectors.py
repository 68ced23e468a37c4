"""Read-side queries about Amsterdam's areas."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from kansrijk.geo.models import Gebied, GeoDataVersion, PostcodeArea, Stadsdeel, Wijk

# A Dutch postcode: four digits (not starting with 0), optionally followed by two letters.
_POSTCODE = re.compile(r"([1-9][0-9]{3})([A-Z]{2})?")


@dataclass(frozen=True)
class PostcodeLookup:
    """Where a four-digit postcode lies: its stadsdeel, and its (main) gebied when known."""

    pc4: str
    stadsdeel_code: str
    stadsdeel_naam: str
    gebied_code: str | None
    gebied_naam: str | None
    straddles: bool


def normalise_postcode(postcode: str) -> str:
    """Return the four digits of a Dutch postcode ("1102", "1102 AB", "1102ab" all give "1102").

    Raises ValueError when the text is not a Dutch postcode.
    """
    compact = "".join(postcode.split()).upper()
    match = _POSTCODE.fullmatch(compact)
    if match is None:
        raise ValueError(
            _(
                "'%(postcode)s' is geen geldige postcode. Geef vier cijfers, eventueel met twee letters, "
                "zoals 1102 of 1102 AB."
            )
            % {"postcode": postcode.strip()}
        )
    return match.group(1)


def area_for_postcode(*, postcode: str) -> PostcodeLookup | None:
    """The stadsdeel and gebied of a postcode, or None when it is not an Amsterdam postcode we know.

    Accepts "1102", "1102 AB" and "1102ab"; raises ValueError for text that is not a postcode.
    """
    pc4 = normalise_postcode(postcode)
    area = PostcodeArea.objects.select_related("stadsdeel", "gebied").filter(pc4=pc4).first()
    if area is None:
        return None
    return PostcodeLookup(
        pc4=area.pc4,
        stadsdeel_code=area.stadsdeel.code,
        stadsdeel_naam=area.stadsdeel.naam,
        gebied_code=area.gebied.code if area.gebied is not None else None,
        gebied_naam=area.gebied.naam if area.gebied is not None else None,
        straddles=area.straddles,
    )


def stadsdeel_list() -> QuerySet[Stadsdeel]:
    """All stadsdelen, by name, with their gebieden by code."""
    return Stadsdeel.objects.order_by("naam").prefetch_related(
        Prefetch("gebieden", queryset=Gebied.objects.order_by("code"))
    )


def gebied_list(*, stadsdeel_code: str | None = None) -> QuerySet[Gebied]:
    """All gebieden by code (GA01 … GS25), or only those of one stadsdeel, with their wijken by code."""
    gebieden = (
        Gebied.objects.select_related("stadsdeel")
        .prefetch_related(Prefetch("wijken", queryset=Wijk.objects.order_by("code")))
        .order_by("code")
    )
    if stadsdeel_code is not None:
        gebieden = gebieden.filter(stadsdeel__code=stadsdeel_code)
    return gebieden


def current_geo_version() -> GeoDataVersion | None:
    """The most recently loaded version of the gebiedsindeling, if any was loaded."""
    return GeoDataVersion.objects.order_by("-loaded_at", "-pk").first()
