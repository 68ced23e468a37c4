"""Languages parents speak, by ISO 639 code, with their Dutch and English names.

Used to find a regiehouder, interpreter or cultuurbemiddelaar who speaks the family's language. The list
covers the languages most spoken in Amsterdam families; "anders" lets a professional note another one.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LANGUAGE_CHOICES: tuple[tuple[str, object], ...] = (
    ("nl", pgettext_lazy("taal die een ouder spreekt", "Nederlands")),
    ("en", _("Engels")),
    ("ar", _("Arabisch")),
    ("tzm", _("Tamazight (Berbers)")),
    ("tr", _("Turks")),
    ("pap", _("Papiaments")),
    ("srn", _("Sranantongo")),
    ("tw", _("Twi")),
    ("ti", _("Tigrinya")),
    ("so", _("Somalisch")),
    ("fa", _("Farsi")),
    ("prs", _("Dari")),
    ("ur", _("Urdu")),
    ("hi", _("Hindi")),
    ("zh", _("Chinees")),
    ("fr", _("Frans")),
    ("es", _("Spaans")),
    ("pt", _("Portugees")),
    ("pl", _("Pools")),
    ("bg", _("Bulgaars")),
    ("ro", _("Roemeens")),
    ("uk", _("Oekraïens")),
    ("ru", _("Russisch")),
    ("other", _("Andere taal")),
)

LANGUAGE_CODES = frozenset(code for code, _label in LANGUAGE_CHOICES)


def language_name(code: str) -> str:
    return str(dict(LANGUAGE_CHOICES).get(code, code))
