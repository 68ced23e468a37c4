"""The packaged gebiedsindeling file itself: valid, complete where it claims to be, and honest in its header."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from typing import Any

from kansrijk.geo.loader import DEFAULT_FIXTURE_PATH, read_fixture, validate_fixture

STADSDELEN = {
    "A": "Centrum",
    "E": "West",
    "F": "Nieuw-West",
    "K": "Zuid",
    "M": "Oost",
    "N": "Noord",
    "T": "Zuidoost",
    "S": "Weesp",
}


def test_the_packaged_file_validates() -> None:
    assert validate_fixture(read_fixture()) == []


def test_header_states_version_source_and_dates(fixture_data: dict[str, Any]) -> None:
    header = fixture_data["header"]
    assert header["version"]
    assert header["source_date"] == "2022-03-24"
    assert header["compiled_on"] == "2026-11-22"
    # The sources are cited precisely (repository, path and commit) and the compiled part is marked.
    assert "linguistcrg/safepath-project" in header["source"]
    assert "fc63e1d0d3f65d9b1fac44431593b046ebda11e3" in header["source"]
    assert "bpais88/cityscan" in header["source"]
    assert "066ec65831bdf69ef7fe870be33cca3ce1ca45e1" in header["source"]
    assert any("COMPILED" in note for note in header["notes"])
    assert any("Westpoort" in note for note in header["notes"])


def test_stadsdelen_are_the_eight_of_the_2022_division(fixture_data: dict[str, Any]) -> None:
    assert {s["code"]: s["naam"] for s in fixture_data["stadsdelen"]} == STADSDELEN


def test_gebieden_have_official_codes_and_known_examples(fixture_data: dict[str, Any]) -> None:
    gebieden = {g["code"]: (g["naam"], g["stadsdeel"]) for g in fixture_data["gebieden"]}
    assert len(gebieden) == 25
    assert all(re.fullmatch(r"G[AEFKMNTS][0-9]{2}", code) for code in gebieden)
    # The letter in a gebied code is its stadsdeel's code.
    assert all(code[1] == stadsdeel for code, (_naam, stadsdeel) in gebieden.items())
    assert gebieden["GF07"] == ("Geuzenveld, Slotermeer", "F")
    assert gebieden["GF08"] == ("Osdorp", "F")
    assert gebieden["GF09"] == ("De Aker, Sloten, Nieuw-Sloten", "F")
    assert gebieden["GF10"] == ("Slotervaart", "F")
    assert gebieden["GT22"] == ("Bijlmer-Centrum", "T")
    assert gebieden["GT23"] == ("Bijlmer-Oost", "T")
    assert gebieden["GT24"] == ("Gaasperdam", "T")
    assert gebieden["GN19"] == ("Oud-Noord", "N")
    assert gebieden["GN18"] == ("Noord-West", "N")
    assert gebieden["GN20"] == ("Noord-Oost", "N")
    assert gebieden["GS25"] == ("Weesp, Driemond", "S")


def test_wijken_have_two_letter_codes_of_their_stadsdeel(fixture_data: dict[str, Any]) -> None:
    gebied_stadsdeel = {g["code"]: g["stadsdeel"] for g in fixture_data["gebieden"]}
    wijken = fixture_data["wijken"]
    assert len(wijken) == 108
    for wijk in wijken:
        assert re.fullmatch(r"[AEFKMNTS][A-Z]", wijk["code"]), wijk
        assert wijk["code"][0] == gebied_stadsdeel[wijk["gebied"]], wijk
    by_code = {w["code"]: (w["naam"], w["gebied"]) for w in wijken}
    assert by_code["TB"] == ("Venserpolder", "GT22")
    assert by_code["ED"] == ("De Kolenkit", "GE04")
    assert by_code["SA"] == ("Driemond", "GS25")


def test_every_stadsdeel_has_a_gebied_and_every_gebied_a_wijk_and_a_postcode(fixture_data: dict[str, Any]) -> None:
    gebieden_per_stadsdeel = Counter(g["stadsdeel"] for g in fixture_data["gebieden"])
    wijken_per_gebied = Counter(w["gebied"] for w in fixture_data["wijken"])
    postcodes_per_gebied = Counter(p["gebied"] for p in fixture_data["postcodes"])
    for stadsdeel in fixture_data["stadsdelen"]:
        assert gebieden_per_stadsdeel[stadsdeel["code"]] >= 1, stadsdeel
    for gebied in fixture_data["gebieden"]:
        assert wijken_per_gebied[gebied["code"]] >= 1, gebied
        assert postcodes_per_gebied[gebied["code"]] >= 1, gebied


def test_postcodes_cover_amsterdam_and_mark_what_straddles(fixture_data: dict[str, Any]) -> None:
    postcodes = {p["pc4"]: p for p in fixture_data["postcodes"]}
    assert len(postcodes) >= 80
    assert all(re.fullmatch(r"1[0-9]{3}", pc4) for pc4 in postcodes)
    assert all(1011 <= int(pc4) <= 1109 or 1381 <= int(pc4) <= 1384 for pc4 in postcodes)
    for entry in postcodes.values():
        if entry["straddles"]:
            assert 0 < entry["main_share"] < 1, entry
            assert entry.get("other_areas") or entry.get("also_westpoort_share"), entry
        else:
            assert "other_areas" not in entry, entry
    # 1061 is split between De Kolenkit (Bos en Lommer, West) and Overtoomse Veld (Slotervaart, Nieuw-West).
    assert postcodes["1061"]["gebied"] == "GE04"
    assert postcodes["1061"]["other_areas"] == [{"stadsdeel": "F", "gebied": "GF10", "share": 0.415}]


def test_the_packaged_file_is_what_the_build_script_produces() -> None:
    script = DEFAULT_FIXTURE_PATH.parent / "sources" / "build.py"
    spec = importlib.util.spec_from_file_location("geo_fixture_build", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert DEFAULT_FIXTURE_PATH.read_text(encoding="utf-8") == build.render()
