"""Read, validate and apply the gebiedsindeling fixture.

This module is shared by the service (`geo_load_fixture`) and the data migration
`0002_load_gebiedsindeling`. It never imports the geo models at run time: callers pass the model
classes in, so the migration can hand over its historical models from `apps.get_model`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import models, transaction

if TYPE_CHECKING:
    from kansrijk.geo.models import Gebied, GeoDataVersion, PostcodeArea, Stadsdeel, Wijk

DEFAULT_FIXTURE_PATH = Path(__file__).resolve().parent / "data" / "amsterdam_gebiedsindeling.json"

M = TypeVar("M", bound=models.Model)

_PC4 = re.compile(r"[1-9][0-9]{3}")
_CODE_MAX = 10
_NAAM_MAX = 100
_VERSION_MAX = 50


@dataclass(frozen=True)
class GeoModels:
    """The model classes the loader writes to (the real ones, or historical ones in a migration)."""

    version: type[GeoDataVersion]
    stadsdeel: type[Stadsdeel]
    gebied: type[Gebied]
    wijk: type[Wijk]
    postcode: type[PostcodeArea]


@dataclass(frozen=True)
class AreaCounts:
    """What a load did to one kind of area."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    kept_referenced: int = 0  # no longer in the file, but still referenced elsewhere, so not deleted

    @property
    def in_file(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class GeoLoadResult:
    """The outcome of loading the fixture file."""

    version: str
    stadsdelen: AreaCounts
    gebieden: AreaCounts
    wijken: AreaCounts
    postcodes: AreaCounts


def read_fixture(path: Path | None = None) -> Any:
    """Parse the fixture file; a file that is missing or not JSON raises ValueError."""
    path = path or DEFAULT_FIXTURE_PATH
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from exc


def validate_fixture(data: Any) -> list[str]:
    """Return every problem in the fixture (an empty list means it can be loaded)."""
    if not isinstance(data, Mapping):
        return ["the file must contain a JSON object"]
    problems: list[str] = []

    header = data.get("header")
    if not isinstance(header, Mapping):
        problems.append("header: missing or not an object")
    else:
        for key, max_length in (("version", _VERSION_MAX), ("source", None), ("source_date", _VERSION_MAX)):
            value = header.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"header.{key}: missing or empty")
            elif max_length is not None and len(value) > max_length:
                problems.append(f"header.{key}: longer than {max_length} characters")

    stadsdelen = _validate_areas(data, "stadsdelen", parent_key=None, parents=set(), problems=problems)
    gebieden = _validate_areas(data, "gebieden", parent_key="stadsdeel", parents=stadsdelen, problems=problems)
    _validate_areas(data, "wijken", parent_key="gebied", parents=gebieden, problems=problems)
    _validate_postcodes(data, stadsdelen=stadsdelen, gebieden=gebieden, problems=problems)
    return problems


def _entries(data: Mapping[str, Any], key: str, problems: list[str]) -> list[tuple[str, Mapping[str, Any]]]:
    """The objects in list `key`, each with a label for messages; non-objects are reported."""
    items = data.get(key)
    if not isinstance(items, list):
        problems.append(f"{key}: missing or not a list")
        return []
    entries = []
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            entries.append((f"{key}[{index}]", item))
        else:
            problems.append(f"{key}[{index}]: not an object")
    return entries


def _validate_areas(
    data: Mapping[str, Any],
    key: str,
    *,
    parent_key: str | None,
    parents: Collection[str],
    problems: list[str],
) -> dict[str, str]:
    """Check a list of areas; return code -> parent code (empty string for stadsdelen)."""
    seen: dict[str, str] = {}
    for label, item in _entries(data, key, problems):
        code, naam = item.get("code"), item.get("naam")
        if not isinstance(code, str) or not code.strip() or len(code) > _CODE_MAX:
            problems.append(f"{label}: code missing, empty or longer than {_CODE_MAX} characters")
            continue
        label = f"{key} {code}"
        if not isinstance(naam, str) or not naam.strip() or len(naam) > _NAAM_MAX:
            problems.append(f"{label}: naam missing, empty or longer than {_NAAM_MAX} characters")
        if code in seen:
            problems.append(f"{label}: code occurs more than once")
        parent = ""
        if parent_key is not None:
            value = item.get(parent_key)
            if not isinstance(value, str) or value not in parents:
                problems.append(f"{label}: {parent_key} {value!r} does not exist in the file")
            else:
                parent = value
        seen[code] = parent
    return seen


def _validate_postcodes(
    data: Mapping[str, Any],
    *,
    stadsdelen: Mapping[str, str],
    gebieden: Mapping[str, str],
    problems: list[str],
) -> None:
    seen: set[str] = set()
    for label, item in _entries(data, "postcodes", problems):
        pc4 = item.get("pc4")
        if not isinstance(pc4, str) or not _PC4.fullmatch(pc4):
            problems.append(f"{label}: pc4 {pc4!r} is not four digits (1000-9999)")
            continue
        label = f"postcode {pc4}"
        if pc4 in seen:
            problems.append(f"{label}: occurs more than once")
        seen.add(pc4)
        stadsdeel, gebied = item.get("stadsdeel"), item.get("gebied")
        if not isinstance(stadsdeel, str) or stadsdeel not in stadsdelen:
            problems.append(f"{label}: stadsdeel {stadsdeel!r} does not exist in the file")
        if gebied is not None:
            if not isinstance(gebied, str) or gebied not in gebieden:
                problems.append(f"{label}: gebied {gebied!r} does not exist in the file")
            elif gebieden[gebied] != stadsdeel:
                problems.append(f"{label}: gebied {gebied} lies in stadsdeel {gebieden[gebied]}, not {stadsdeel!r}")
        if not isinstance(item.get("straddles", False), bool):
            problems.append(f"{label}: straddles must be true or false")
        others = item.get("other_areas", [])
        if not isinstance(others, list):
            problems.append(f"{label}: other_areas must be a list")
            continue
        for other in others:
            other_gebied = other.get("gebied") if isinstance(other, Mapping) else None
            if not isinstance(other_gebied, str) or other_gebied not in gebieden:
                problems.append(f"{label}: other_areas gebied {other_gebied!r} does not exist in the file")


def apply_fixture(data: Any, geo: GeoModels) -> GeoLoadResult:
    """Validate, then upsert the whole file in one transaction and remove areas no longer in it.

    Raises ValueError listing every problem (and changes nothing) when the file is invalid.
    Areas that left the file are deleted only when nothing outside the loader still refers to them.
    """
    problems = validate_fixture(data)
    if problems:
        raise ValueError("The gebiedsindeling file is invalid:\n- " + "\n- ".join(problems))

    with transaction.atomic():
        stadsdelen, sd_counts = _upsert(geo.stadsdeel, ((s["code"], {"naam": s["naam"]}) for s in data["stadsdelen"]))
        gebieden, geb_counts = _upsert(
            geo.gebied,
            ((g["code"], {"naam": g["naam"], "stadsdeel": stadsdelen[g["stadsdeel"]]}) for g in data["gebieden"]),
        )
        _wijken, wijk_counts = _upsert(
            geo.wijk, ((w["code"], {"naam": w["naam"], "gebied": gebieden[w["gebied"]]}) for w in data["wijken"])
        )
        _postcodes, pc_counts = _upsert(
            geo.postcode,
            (
                (
                    p["pc4"],
                    {
                        "stadsdeel": stadsdelen[p["stadsdeel"]],
                        "gebied": gebieden[p["gebied"]] if p.get("gebied") is not None else None,
                        "straddles": bool(p.get("straddles", False)),
                    },
                )
                for p in data["postcodes"]
            ),
            key="pc4",
        )
        # Children first, so that PROTECT between geo models never blocks removing a stale parent.
        pc_counts = _remove_stale(geo.postcode, {p["pc4"] for p in data["postcodes"]}, pc_counts, key="pc4")
        wijk_counts = _remove_stale(geo.wijk, {w["code"] for w in data["wijken"]}, wijk_counts)
        geb_counts = _remove_stale(geo.gebied, {g["code"] for g in data["gebieden"]}, geb_counts)
        sd_counts = _remove_stale(geo.stadsdeel, {s["code"] for s in data["stadsdelen"]}, sd_counts)

        header = data["header"]
        version = geo.version._default_manager.filter(version=header["version"]).order_by("pk").first()
        if version is None:
            version = geo.version(version=header["version"])
        version.source = header["source"]
        version.source_date = header["source_date"]
        version.save()  # loaded_at is auto_now: it records this load

    return GeoLoadResult(
        version=header["version"],
        stadsdelen=sd_counts,
        gebieden=geb_counts,
        wijken=wijk_counts,
        postcodes=pc_counts,
    )


def _upsert(
    model: type[M], rows: Iterable[tuple[str, dict[str, Any]]], *, key: str = "code"
) -> tuple[dict[str, M], AreaCounts]:
    """Create or update each (key value, field values) row; return key value -> object and counts."""
    existing: dict[str, M] = {getattr(obj, key): obj for obj in model._default_manager.all()}
    objects: dict[str, M] = {}
    created = updated = unchanged = 0
    for value, fields in rows:
        obj = existing.get(value)
        if obj is None:
            obj = model(**{key: value, **fields})
            obj.save()
            created += 1
        elif any(_differs(obj, name, new) for name, new in fields.items()):
            for name, new in fields.items():
                setattr(obj, name, new)
            obj.save()
            updated += 1
        else:
            unchanged += 1
        objects[value] = obj
    return objects, AreaCounts(created=created, updated=updated, unchanged=unchanged)


def _differs(obj: models.Model, name: str, new: Any) -> bool:
    if isinstance(new, models.Model) or new is None:
        field = obj._meta.get_field(name)
        if isinstance(field, models.ForeignKey):
            current_id = getattr(obj, field.attname)
            return bool(current_id != (new.pk if new is not None else None))
    return bool(getattr(obj, name) != new)


def _remove_stale(model: type[models.Model], keep: set[str], counts: AreaCounts, *, key: str = "code") -> AreaCounts:
    """Delete rows whose key is not in `keep`, unless another row anywhere still refers to them."""
    deleted = kept = 0
    for obj in model._default_manager.exclude(**{f"{key}__in": keep}):
        if _is_referenced(obj):
            kept += 1
        else:
            obj.delete()
            deleted += 1
    return AreaCounts(
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        deleted=deleted,
        kept_referenced=kept,
    )


def _is_referenced(obj: models.Model) -> bool:
    """Whether any reverse relation (foreign key or many-to-many, from any app) points at `obj`."""
    for relation in obj._meta.related_objects:
        related_model = relation.related_model
        if not isinstance(related_model, type):
            continue
        lookup = relation.field.name
        if related_model._default_manager.filter(**{lookup: obj}).exists():
            return True
    return False
