"""Reading demo data files: entries become the services' input types, and every mistake names the file
and the entry; dates are relative to the day of loading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.db import models

from kansrijk.core.demo_data import DemoDataError, build, build_all, read, relative_date, section

TODAY = date(2026, 3, 31)


class Colour(models.TextChoices):
    RED = "rood", "Rood"
    BLUE = "blauw", "Blauw"


@dataclass(frozen=True)
class Inner:
    name: str
    born: date


@dataclass(frozen=True)
class Entry:
    name: str
    colour: Colour | str
    count: int = 0
    tags: tuple[str, ...] = ()
    weights: dict[str, float] | None = None
    inner: Inner | None = None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "example.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_entries_become_the_dataclass_with_typed_values() -> None:
    entry = build(
        Entry,
        {
            "name": "a",
            "colour": "blauw",
            "count": 3,
            "tags": ["x", "y"],
            "weights": {"N": 1, "T": 1.5},
            "inner": {"name": "b", "born": "today - 1 year 1 month"},
        },
        where="example.yaml: entries[0]",
        today=TODAY,
    )
    assert entry == Entry("a", Colour.BLUE, 3, ("x", "y"), {"N": 1, "T": 1.5}, Inner("b", date(2025, 2, 28)))
    assert entry.colour is Colour.BLUE


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"name": "a", "colour": "groen"},
            r"example.yaml: entries\[1\] \(a\).colour: 'groen' is not one of rood, blauw",
        ),
        ({"name": "a"}, r"entries\[1\] \(a\): missing key\(s\) colour"),
        ({"name": "a", "colour": "rood", "size": 2}, r"entries\[1\] \(a\): unknown key\(s\) size; allowed: name"),
        ({"name": "a", "colour": "rood", "count": "3"}, r"entries\[1\] \(a\).count: expected a whole number, got '3'"),
        ({"name": "a", "colour": "rood", "count": True}, r"\.count: expected a whole number"),
        ({"name": "a", "colour": "rood", "tags": "x"}, r"\.tags: expected a list"),
        (
            {"name": "a", "colour": "rood", "inner": {"name": "b", "born": "yesterday"}},
            r"entries\[1\] \(a\).inner.born: 'yesterday' is not a date relative to today",
        ),
        (
            {"name": "a", "colour": "rood", "inner": {"name": "b", "born": date(2020, 1, 1)}},
            r"\.inner.born: write dates relative to today",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_entry(raw: dict[str, object], message: str) -> None:
    good = {"name": "ok", "colour": "rood"}
    with pytest.raises(DemoDataError, match=message):
        build_all(Entry, [good, raw], where="example.yaml: entries", today=TODAY, label="name")


def test_dates_are_relative_to_today() -> None:
    where = "x.yaml: e"
    assert relative_date("today", today=TODAY, where=where) == TODAY
    assert relative_date("today - 14 days", today=TODAY, where=where) == date(2026, 3, 17)
    assert relative_date("today + 10 weeks", today=TODAY, where=where) == date(2026, 6, 9)
    # Calendar months, as the family file counts ages: 31 March minus one month is 28 February.
    assert relative_date("today - 1 month", today=TODAY, where=where) == date(2026, 2, 28)
    assert relative_date("today - 31 years 5 months", today=TODAY, where=where) == date(1994, 10, 31)
    with pytest.raises(DemoDataError, match=r"x.yaml: e: unknown unit"):
        relative_date("today - 3 fortnights", today=TODAY, where=where)


def test_files_name_themselves_in_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "version: 1\nentries: []\n")
    assert section(path, "entries") == []
    with pytest.raises(DemoDataError, match=r"example.yaml: the top-level key 'families' is missing"):
        section(path, "families")
    broken = tmp_path / "broken.yaml"
    broken.write_text("entries: [a, b\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"broken.yaml: not valid YAML"):
        read(broken)
    with pytest.raises(DemoDataError, match=r"missing.yaml: cannot read"):
        read(tmp_path / "missing.yaml")
