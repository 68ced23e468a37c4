"""The tags of a Vraagbaak question: risk factors, hulpvraag categories, phases and stadsdelen.

A tag is a key "kind:code" that points into versioned data owned elsewhere: the risk factors of
`signalling/data/factoren.json`, the Kaart's hulpvraag and fase taxonomies, and the stadsdelen.
The Vraagbaak stores only the keys; labels are read from the source in the interface language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kansrijk.geo.models import Stadsdeel
from kansrijk.kaart import selectors as kaart_selectors
from kansrijk.kaart.models import Taxonomy
from kansrijk.signalling.catalogue import catalogue

KINDS: dict[str, Promise] = {
    "risk": _("Risicofactor"),
    "hulpvraag": _("Hulpvraag"),
    "fase": _("Fase"),
    "stadsdeel": _("Stadsdeel"),
}


@dataclass(frozen=True)
class Tag:
    key: str  # "kind:code"
    kind: str
    code: str
    label: str


def _english() -> bool:
    return (get_language() or "nl").startswith("en")


def all_tags() -> dict[str, list[Tag]]:
    """Every tag one can choose, grouped by kind, in the interface language."""
    english = _english()
    risk = [Tag(f"risk:{f.code}", "risk", f.code, f.label) for f in catalogue().risk]
    hulpvraag = [
        Tag(f"hulpvraag:{t.code}", "hulpvraag", t.code, t.label_en if english and t.label_en else t.label_nl)
        for t in kaart_selectors.terms(Taxonomy.HULPVRAAG)
    ]
    fase = [
        Tag(f"fase:{t.code}", "fase", t.code, t.label_en if english and t.label_en else t.label_nl)
        for t in kaart_selectors.terms(Taxonomy.FASE)
    ]
    stadsdeel = [Tag(f"stadsdeel:{s.code}", "stadsdeel", s.code, s.naam) for s in Stadsdeel.objects.order_by("naam")]
    return {"risk": risk, "hulpvraag": hulpvraag, "fase": fase, "stadsdeel": stadsdeel}


def tag_index() -> dict[str, Tag]:
    return {tag.key: tag for tags in all_tags().values() for tag in tags}


def labels(keys: Iterable[str]) -> list[Tag]:
    """The tags behind `keys`, in their given order; unknown keys (a retired code) are left out."""
    index = tag_index()
    return [index[key] for key in keys if key in index]


def choices(kind: str) -> list[tuple[str, str]]:
    return [(tag.key, tag.label) for tag in all_tags()[kind]]


def valid(keys: Iterable[str]) -> list[str]:
    """The known keys among `keys`, without duplicates, in order."""
    index = tag_index()
    return list(dict.fromkeys(key for key in keys if key in index))
