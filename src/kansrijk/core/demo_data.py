"""Demo content as data: the versioned YAML files under an app's `data/demo/` and their reading.

Every app's demo module is a small loader: it reads its files here and turns each entry into the input
type its services take (a dataclass such as `CaregiverData`, or the demo's own spec dataclass), so the
same rules apply as to anything a person enters. A mistake in a file stops the load with a message that
names the file and the entry (`families.yaml: families[0] (Meriam en Micha (demo)).caregivers[1].role:
'oom' is not one of moeder, vader, ...`).

Dates in the files are relative to the day the demo is loaded (the demo always looks current):
"today", "today - 14 days", "today + 10 weeks", "today - 31 years 5 months". Months and years count
calendar months (the 31st becomes the month's last day), as the family file counts a child's age.
"""

from __future__ import annotations

import calendar
import dataclasses
import enum
import re
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RELATIVE = re.compile(r"^today(?:\s*([+-])\s*(.+))?$")
_PART = re.compile(r"^(\d+)\s+(day|days|week|weeks|month|months|year|years)$")


class DemoDataError(ValueError):
    """A demo data file is missing, unreadable or has an entry the services would not accept."""


@cache
def read(path: Path) -> Any:
    """The parsed YAML document (read once per process)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DemoDataError(f"{path.name}: cannot read the demo data file ({error.strerror}).") from error
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506  (a safe loader: plain data only)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: not valid YAML: {error}") from error


def section(path: Path, key: str) -> Any:
    """One top-level key of a demo data file; an error naming the file when it is missing."""
    document = read(path)
    if not isinstance(document, dict) or key not in document:
        raise DemoDataError(f"{path.name}: the top-level key {key!r} is missing.")
    return document[key]


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months; the 31st (or 29 February) becomes the month's last day."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def relative_date(text: str, *, today: date, where: str) -> date:
    """'today - 31 years 5 months' -> a date; DemoDataError (naming `where`) on anything else."""
    match = _RELATIVE.match(text.strip())
    if match is None:
        raise DemoDataError(f"{where}: {text!r} is not a date relative to today (e.g. 'today - 14 days').")
    sign, rest = match.groups()
    if sign is None:
        return today
    factor = -1 if sign == "-" else 1
    months = days = 0
    for part in re.findall(r"\d+\s+[a-z]+", rest):
        found = _PART.match(part)
        if found is None:
            raise DemoDataError(f"{where}: unknown unit in {text!r} (days, weeks, months or years).")
        number, unit = int(found.group(1)), found.group(2).rstrip("s")
        months += {"month": number, "year": 12 * number}.get(unit, 0)
        days += {"day": number, "week": 7 * number}.get(unit, 0)
    if re.sub(r"\d+\s+[a-z]+", "", rest).strip():
        raise DemoDataError(f"{where}: cannot read {text!r} (e.g. 'today - 31 years 5 months').")
    return add_months(today, factor * months) + timedelta(days=factor * days)


def build(cls: type[T], raw: Any, *, where: str, today: date | None = None) -> T:
    """The dataclass `cls` from one entry of a file, each value checked against the field's type:
    unknown and missing keys, wrong types and values outside an enum's choices are errors naming `where`.
    Dates are relative to `today` (required when `cls` has date fields)."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    if not isinstance(raw, Mapping):
        raise DemoDataError(f"{where}: expected a mapping with the keys of {cls.__name__}, got {raw!r}.")
    hints, fields = _fields(cls)
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(fields)}.")
    missing = [
        name
        for name, f in fields.items()
        if name not in raw and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    if missing:
        raise DemoDataError(f"{where}: missing key(s) {', '.join(missing)}.")
    values = {name: _coerce(value, hints[name], where=f"{where}.{name}", today=today) for name, value in raw.items()}
    return cls(**values)


@cache
def _fields(cls: type[Any]) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    return typing.get_type_hints(cls), {f.name: f for f in dataclasses.fields(cls) if f.init}


def build_all(cls: type[T], raw: Any, *, where: str, today: date | None = None, label: str = "") -> list[T]:
    """Every entry of a list, each built as `build` does; an entry's `label` key names it in errors."""
    if not isinstance(raw, list):
        raise DemoDataError(f"{where}: expected a list, got {type(raw).__name__}.")
    built = []
    for index, entry in enumerate(raw):
        name = entry.get(label) if label and isinstance(entry, Mapping) else None
        built.append(build(cls, entry, where=f"{where}[{index}]" + (f" ({name})" if name else ""), today=today))
    return built


def _coerce(value: Any, hint: Any, *, where: str, today: date | None) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if any(isinstance(a, type) and issubclass(a, enum.Enum) for a in options):
            options = [a for a in options if a is not str]  # `Role | str`: a demo file names a choice
        errors = []
        for option in options:
            try:
                return _coerce(value, option, where=where, today=today)
            except DemoDataError as error:
                errors.append(str(error))
        raise DemoDataError(errors[-1] if errors else f"{where}: {value!r} is not allowed.")
    if origin is typing.Literal:
        if value not in args:
            raise DemoDataError(f"{where}: {value!r} is not one of {', '.join(map(str, args))}.")
        return value
    if origin in (tuple, list) or origin in (Sequence, typing.Sequence):
        if not isinstance(value, list):
            raise DemoDataError(f"{where}: expected a list, got {value!r}.")
        if origin is tuple and args and args[-1] is not Ellipsis:
            if len(args) != len(value):
                raise DemoDataError(f"{where}: expected {len(args)} values, got {len(value)}.")
            return tuple(
                _coerce(v, a, where=f"{where}[{i}]", today=today)
                for i, (v, a) in enumerate(zip(value, args, strict=True))
            )
        item = args[0] if args else Any
        items = [_coerce(v, item, where=f"{where}[{i}]", today=today) for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if origin in (dict, Mapping) or origin is typing.Mapping:
        if not isinstance(value, dict):
            raise DemoDataError(f"{where}: expected a mapping, got {value!r}.")
        key_hint, value_hint = args or (Any, Any)
        return {
            _coerce(k, key_hint, where=where, today=today): _coerce(v, value_hint, where=f"{where}.{k}", today=today)
            for k, v in value.items()
        }
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            choices = ", ".join(str(member.value) for member in hint)
            raise DemoDataError(f"{where}: {value!r} is not one of {choices}.") from None
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return build(hint, value, where=where, today=today)
    if hint is date:
        if isinstance(value, date):
            raise DemoDataError(f"{where}: write dates relative to today (e.g. 'today - 14 days'), not {value}.")
        if not isinstance(value, str):
            raise DemoDataError(f"{where}: expected a date relative to today, got {value!r}.")
        if today is None:
            raise TypeError(f"{where}: a date field needs `today`")
        return relative_date(value, today=today, where=where)
    if hint is bool:
        if not isinstance(value, bool):
            raise DemoDataError(f"{where}: expected true or false, got {value!r}.")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DemoDataError(f"{where}: expected a number, got {value!r}.")
        return value
    if hint in (int, str):
        if isinstance(value, bool) or not isinstance(value, hint):
            raise DemoDataError(f"{where}: expected {'a whole number' if hint is int else 'text'}, got {value!r}.")
        return value
    raise TypeError(f"{where}: unsupported field type {hint!r}")
