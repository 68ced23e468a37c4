"""Read and apply the versioned taxonomy file (hulpvraag, fase, doelgroep and languages).

Shared by the data migration and `kansrijk kaart taxonomy`; like the geography loader, it takes the
model classes as arguments so the migration can pass its historical models.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models, transaction

TAXONOMY_PATH = Path(__file__).resolve().parent / "data" / "taxonomie.json"


@dataclass(frozen=True)
class TaxonomyModels:
    taxonomy: type[models.Model]
    term: type[models.Model]
    language: type[models.Model]


@dataclass(frozen=True)
class TaxonomyLoadResult:
    version: str
    terms: int
    languages: int
    retired: int  # terms no longer in the file: kept (services may use them) but marked inactive


def read_taxonomy(path: Path | None = None) -> dict[str, Any]:
    path = path or TAXONOMY_PATH
    try:
        with path.open(encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the taxonomy ({exc})") from exc
    return data


def validate_taxonomy(data: Any) -> list[str]:
    """Every problem in the file (empty: it can be loaded)."""
    if not isinstance(data, Mapping):
        return ["the file must contain a JSON object"]
    problems: list[str] = []
    header = data.get("header")
    version = header.get("version") if isinstance(header, Mapping) else None
    if not isinstance(version, str) or not version:
        problems.append("header.version: missing")
    for t_index, taxonomy in enumerate(data.get("taxonomies") or []):
        label = f"taxonomies[{t_index}]"
        if not isinstance(taxonomy, Mapping) or not taxonomy.get("id") or not taxonomy.get("name"):
            problems.append(f"{label}: id and name are required")
            continue
        seen: set[str] = set()
        for term in taxonomy.get("terms") or []:
            code = term.get("code") if isinstance(term, Mapping) else None
            if not isinstance(code, str) or not code:
                problems.append(f"{label}: a term without a code")
                continue
            if code in seen:
                problems.append(f"{taxonomy['id']}:{code}: code occurs more than once")
            seen.add(code)
            for key in ("label_nl", "label_en"):
                if not isinstance(term.get(key), str) or not term[key].strip():
                    problems.append(f"{taxonomy['id']}:{code}: {key} missing")
    codes = [lang.get("code") for lang in data.get("languages") or [] if isinstance(lang, Mapping)]
    if len(codes) != len(set(codes)) or not all(isinstance(code, str) and code for code in codes):
        problems.append("languages: every language needs a unique code")
    return problems


def apply_taxonomy(data: Any, target: TaxonomyModels) -> TaxonomyLoadResult:
    """Upsert taxonomies, terms and languages in one transaction; terms that left the file are
    marked inactive (never deleted: services and history may refer to them)."""
    problems = validate_taxonomy(data)
    if problems:
        raise ValueError("The taxonomy file is invalid:\n- " + "\n- ".join(problems))
    version = data["header"]["version"]
    term_ids: set[str] = set()
    with transaction.atomic():
        for taxonomy in data["taxonomies"]:
            target.taxonomy._default_manager.update_or_create(
                id=taxonomy["id"],
                defaults={
                    "name": taxonomy["name"],
                    "description": taxonomy.get("description", ""),
                    "version": version,
                },
            )
            for position, term in enumerate(taxonomy["terms"]):
                term_id = f"{taxonomy['id']}:{term['code']}"
                term_ids.add(term_id)
                target.term._default_manager.update_or_create(
                    id=term_id,
                    defaults={
                        "taxonomy_id": taxonomy["id"],
                        "code": term["code"],
                        "label_nl": term["label_nl"],
                        "label_en": term["label_en"],
                        "description_nl": term.get("description_nl", ""),
                        "synonyms_nl": list(term.get("synonyms_nl", [])),
                        "synonyms_en": list(term.get("synonyms_en", [])),
                        "position": position,
                        "active": True,
                    },
                )
        retired = target.term._default_manager.exclude(id__in=term_ids).update(active=False)
        for position, language in enumerate(data.get("languages", [])):
            target.language._default_manager.update_or_create(
                code=language["code"],
                defaults={
                    "name_nl": language["name_nl"],
                    "name_en": language["name_en"],
                    "synonyms": list(language.get("synonyms", [])),
                    "position": position,
                },
            )
    return TaxonomyLoadResult(
        version=version, terms=len(term_ids), languages=len(data.get("languages", [])), retired=retired
    )
