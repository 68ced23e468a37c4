"""The risk and protective factors (versioned data, `data/factoren.json`), with B1 labels and
strength-first conversation prompts in Dutch and English."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data" / "factoren.json"


@dataclass(frozen=True)
class Factor:
    code: str
    kind: str  # "risk" or "protective"
    label_nl: str
    label_en: str
    prompt_nl: str
    prompt_en: str

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "nl").startswith("en") else self.label_nl

    @property
    def prompt(self) -> str:
        return self.prompt_en if (get_language() or "nl").startswith("en") else self.prompt_nl


@dataclass(frozen=True)
class Catalogue:
    version: str
    risk: tuple[Factor, ...]
    protective: tuple[Factor, ...]

    def get(self, code: str) -> Factor | None:
        return next((f for f in (*self.risk, *self.protective) if f.code == code), None)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(f.code for f in (*self.risk, *self.protective))


@cache
def catalogue() -> Catalogue:
    raw = json.loads(DATA.read_text(encoding="utf-8"))

    def factors(kind: str) -> tuple[Factor, ...]:
        return tuple(
            Factor(
                code=item["code"],
                kind=kind,
                label_nl=item["nl"],
                label_en=item["en"],
                prompt_nl=item["prompt_nl"],
                prompt_en=item["prompt_en"],
            )
            for item in raw[kind]
        )

    return Catalogue(version=raw["version"], risk=factors("risk"), protective=factors("protective"))
