"""Loading the gebiedsindeling: idempotent, atomic, all problems at once, and careful with stale rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kansrijk.geo.loader import DEFAULT_FIXTURE_PATH
from kansrijk.geo.models import Gebied, GeoDataVersion, PostcodeArea, Stadsdeel, Wijk
from kansrijk.geo.services import geo_load_fixture


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    return {
        "stadsdelen": list(Stadsdeel.objects.order_by("code").values_list("code", "naam")),
        "gebieden": list(Gebied.objects.order_by("code").values_list("code", "naam", "stadsdeel__code")),
        "wijken": list(Wijk.objects.order_by("code").values_list("code", "naam", "gebied__code")),
        "postcodes": list(
            PostcodeArea.objects.order_by("pc4").values_list("pc4", "stadsdeel__code", "gebied__code", "straddles")
        ),
        "versions": list(GeoDataVersion.objects.order_by("pk").values_list("version", "source", "source_date")),
    }


@pytest.mark.django_db
def test_migrations_loaded_the_packaged_file(fixture_data: dict[str, Any]) -> None:
    assert Stadsdeel.objects.count() == len(fixture_data["stadsdelen"]) == 8
    assert Gebied.objects.count() == len(fixture_data["gebieden"]) == 25
    assert Wijk.objects.count() == len(fixture_data["wijken"]) == 108
    assert PostcodeArea.objects.count() == len(fixture_data["postcodes"])
    version = GeoDataVersion.objects.get()
    assert version.version == fixture_data["header"]["version"]
    assert version.source_date == "2022-03-24"


@pytest.mark.django_db
def test_loading_twice_changes_nothing_the_second_time(fixture_data: dict[str, Any]) -> None:
    first = geo_load_fixture()
    before = _snapshot()
    second = geo_load_fixture(path=DEFAULT_FIXTURE_PATH)
    assert _snapshot() == before
    assert first == second
    for counts in (second.stadsdelen, second.gebieden, second.wijken, second.postcodes):
        assert counts.created == counts.updated == counts.deleted == counts.kept_referenced == 0
    assert second.postcodes.unchanged == second.postcodes.in_file == len(fixture_data["postcodes"])
    assert GeoDataVersion.objects.count() == 1  # reloading a version refreshes its row, it adds none


@pytest.mark.django_db
def test_an_invalid_file_reports_every_problem_and_changes_nothing(write_fixture: Callable[..., Path]) -> None:
    def break_it(data: dict[str, Any]) -> None:
        data["header"]["version"] = ""
        data["stadsdelen"][0]["naam"] = "Centrum (gewijzigd)"  # a valid change that must not be applied
        data["gebieden"][0]["stadsdeel"] = "X"
        data["wijken"][0]["gebied"] = "GX99"
        data["wijken"].append(dict(data["wijken"][1]))
        data["postcodes"][0]["pc4"] = "110"
        data["postcodes"][1]["stadsdeel"] = "Q"
        data["postcodes"][2]["gebied"] = "GT22"  # exists, but not in the postcode's stadsdeel
        data["postcodes"].append({"pc4": "abcd", "stadsdeel": "T", "gebied": None, "straddles": False})

    before = _snapshot()
    with pytest.raises(ValueError, match="invalid") as excinfo:
        geo_load_fixture(path=write_fixture(break_it))
    message = str(excinfo.value)
    for expected in (
        "header.version: missing or empty",
        "gebieden GA01: stadsdeel 'X' does not exist",
        "wijken AA: gebied 'GX99' does not exist",
        "wijken AB: code occurs more than once",
        "pc4 '110' is not four digits",
        "stadsdeel 'Q' does not exist",
        "gebied GT22 lies in stadsdeel T",
        "pc4 'abcd' is not four digits",
    ):
        assert expected in message
    assert _snapshot() == before


@pytest.mark.django_db
def test_a_file_that_is_missing_or_not_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        geo_load_fixture(path=tmp_path / "missing.json")
    not_json = tmp_path / "kapot.json"
    not_json.write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid JSON"):
        geo_load_fixture(path=not_json)
    wrong_shape = tmp_path / "lijst.json"
    wrong_shape.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON object"):
        geo_load_fixture(path=wrong_shape)


@pytest.mark.django_db
def test_changes_are_upserted_and_stale_rows_removed(write_fixture: Callable[..., Path]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["header"]["version"] = "test-2"
        next(g for g in data["gebieden"] if g["code"] == "GT22")["naam"] = "Bijlmer-Centrum (nieuw)"
        data["wijken"] = [w for w in data["wijken"] if w["code"] != "TM"]
        data["postcodes"] = [p for p in data["postcodes"] if p["pc4"] != "1108"]
        data["postcodes"].append({"pc4": "1110", "stadsdeel": "T", "gebied": "GT24", "straddles": True})
        next(p for p in data["postcodes"] if p["pc4"] == "1102")["straddles"] = True

    result = geo_load_fixture(path=write_fixture(change))

    assert result.version == "test-2"
    assert (result.gebieden.updated, result.gebieden.unchanged) == (1, 24)
    assert (result.wijken.deleted, result.wijken.in_file) == (1, 107)
    assert (result.postcodes.created, result.postcodes.updated, result.postcodes.deleted) == (1, 1, 1)
    assert Gebied.objects.get(code="GT22").naam == "Bijlmer-Centrum (nieuw)"
    assert not Wijk.objects.filter(code="TM").exists()
    assert not PostcodeArea.objects.filter(pc4="1108").exists()
    assert PostcodeArea.objects.get(pc4="1102").straddles
    assert list(GeoDataVersion.objects.order_by("pk").values_list("version", flat=True)) == ["2026-11", "test-2"]


@pytest.mark.django_db
def test_a_stale_area_that_is_still_referenced_is_kept(write_fixture: Callable[..., Path]) -> None:
    from kansrijk.accounts.models import Organisation, OrganisationKind

    organisation = Organisation.objects.create(name="Buurtteam Weesp", kind=OrganisationKind.SOCIAAL)
    organisation.stadsdelen.set([Stadsdeel.objects.get(code="S")])

    def drop_weesp(data: dict[str, Any]) -> None:
        data["stadsdelen"] = [s for s in data["stadsdelen"] if s["code"] != "S"]
        data["gebieden"] = [g for g in data["gebieden"] if g["stadsdeel"] != "S"]
        data["wijken"] = [w for w in data["wijken"] if not w["gebied"].startswith("GS")]
        data["postcodes"] = [p for p in data["postcodes"] if p["stadsdeel"] != "S"]

    result = geo_load_fixture(path=write_fixture(drop_weesp))

    assert (result.stadsdelen.deleted, result.stadsdelen.kept_referenced) == (0, 1)
    assert (result.gebieden.deleted, result.wijken.deleted, result.postcodes.deleted) == (1, 5, 5)
    assert Stadsdeel.objects.filter(code="S").exists()
    assert list(organisation.stadsdelen.values_list("code", flat=True)) == ["S"]
    assert not Gebied.objects.filter(stadsdeel__code="S").exists()
