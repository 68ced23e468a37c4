"""What the question understanding returns: the filters, the words left for ranking, and the chips."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Chips of the same position are shown in this order.
CHIP_KIND_ORDER: Final = ("place", "category", "free", "language", "phase", "target_group")


@dataclass(frozen=True)
class Chip:
    """One understood thing, shown back to the user as a removable filter."""

    kind: str  # "place" | "category" | "free" | "language" | "phase" | "target_group"
    value: str  # a code, or "true" for free
    label: str  # Dutch label for display


@dataclass(frozen=True)
class Understood:
    """What a query asks for, as filters and the words left for text ranking."""

    query: str
    stadsdelen: tuple[str, ...]
    gebieden: tuple[str, ...]
    categories: tuple[str, ...]
    free: bool | None
    languages: tuple[str, ...]
    phase: str | None
    child_age_months: int | None
    pregnancy_weeks: int | None
    target_groups: tuple[str, ...]
    remaining: str
    chips: tuple[Chip, ...]
    # The question without the words that only filter (places, postcodes, "gratis", languages, ages),
    # but with the words of the need: what the text ranking (lexical and semantic) works on.
    ranking_text: str = ""
