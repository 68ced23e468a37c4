"""Kind codes, their Dutch labels and rewrite hints, and the `Finding` span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from django.utils.translation import gettext as _

# Most specific first: when findings overlap, the merged one takes the kind that comes first here.
KINDS: Final[tuple[str, ...]] = (
    "email",
    "iban",
    "url",
    "bsn",
    "phone",
    "licence_plate",
    "postcode",
    "address",
    "date",
    "case_number",
    "rare_detail",
    "name",
)


_PRIORITY: Final = {kind: rank for rank, kind in enumerate(KINDS)}


def gettext_noop(message: str) -> str:
    """Marks a message for makemessages without touching settings (Django's own one reads USE_I18N)."""
    return message


_LABELS: Final = {
    "name": (
        gettext_noop("Naam"),
        gettext_noop("Schrijf 'de moeder', 'de vader' of 'het kind' in plaats van een naam."),
    ),
    "bsn": (
        gettext_noop("BSN"),
        gettext_noop("Laat het BSN weg. Niemand heeft het nodig om je vraag te beantwoorden."),
    ),
    "date": (
        gettext_noop("Datum"),
        gettext_noop("Schrijf een leeftijd of een periode, zoals 'een moeder van 28' of 'een baby van 3 maanden'."),
    ),
    "address": (
        gettext_noop("Adres"),
        gettext_noop("Noem alleen het stadsdeel of de wijk, zoals 'in Nieuw-West', zonder straat en huisnummer."),
    ),
    "postcode": (gettext_noop("Postcode"), gettext_noop("Noem alleen het stadsdeel of de wijk, zonder postcode.")),
    "phone": (gettext_noop("Telefoonnummer"), gettext_noop("Laat het telefoonnummer weg.")),
    "email": (gettext_noop("E-mailadres"), gettext_noop("Laat het e-mailadres weg.")),
    "iban": (gettext_noop("Rekeningnummer"), gettext_noop("Laat het rekeningnummer weg.")),
    "licence_plate": (gettext_noop("Kenteken"), gettext_noop("Laat het kenteken weg. Schrijf 'de auto van vader'.")),
    "url": (
        gettext_noop("Link of account"),
        gettext_noop("Laat de link of de accountnaam weg. Beschrijf wat je zag, zonder te zeggen waar."),
    ),
    "case_number": (gettext_noop("Dossiernummer"), gettext_noop("Laat het dossier-, cliënt- of patiëntnummer weg.")),
    "rare_detail": (
        gettext_noop("Herkenbaar detail"),
        gettext_noop(
            "Dit detail is zo zeldzaam dat mensen het gezin kunnen herkennen. Schrijf het algemener, "
            "zoals 'een groot gezin' of 'een zeldzame aandoening'."
        ),
    ),
}


@dataclass(frozen=True)
class Finding:
    """One span of the text that could identify someone."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return label(self.kind)

    @property
    def hint(self) -> str:
        return hint(self.kind)


def label(kind: str) -> str:
    """A short Dutch (B1) name for a kind of finding, translated."""
    pair = _LABELS.get(kind)
    return _(pair[0]) if pair else _("Persoonsgegeven")


def hint(kind: str) -> str:
    """A short Dutch (B1) tip on how to rewrite a finding of this kind, translated."""
    pair = _LABELS.get(kind)
    return _(pair[1]) if pair else _("Schrijf dit algemener, zodat niemand de persoon kan herkennen.")
