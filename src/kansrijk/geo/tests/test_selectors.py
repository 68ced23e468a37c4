"""Postcode lookups and the lists of areas."""

from __future__ import annotations

import pytest

from kansrijk.geo.selectors import (
    PostcodeLookup,
    area_for_postcode,
    current_geo_version,
    gebied_list,
    normalise_postcode,
    stadsdeel_list,
)

KNOWN = {
    "1011": "A",
    "1012": "A",
    "1021": "N",
    "1022": "N",
    "1023": "N",
    "1024": "N",
    "1025": "N",
    "1031": "N",
    "1032": "N",
    "1033": "N",
    "1034": "N",
    "1035": "N",
    "1062": "F",
    "1063": "F",
    "1064": "F",
    "1065": "F",
    "1066": "F",
    "1067": "F",
    "1068": "F",
    "1069": "F",
    "1102": "T",
    "1381": "S",
    "1382": "S",
    "1383": "S",
    "1384": "S",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("pc4", "stadsdeel_code"), sorted(KNOWN.items()))
def test_known_postcodes_lie_in_their_stadsdeel(pc4: str, stadsdeel_code: str) -> None:
    area = area_for_postcode(postcode=pc4)
    assert area is not None
    assert area.stadsdeel_code == stadsdeel_code


@pytest.mark.django_db
def test_a_postcode_lookup_gives_stadsdeel_and_gebied() -> None:
    assert area_for_postcode(postcode="1102") == PostcodeLookup(
        pc4="1102",
        stadsdeel_code="T",
        stadsdeel_naam="Zuidoost",
        gebied_code="GT22",
        gebied_naam="Bijlmer-Centrum",
        straddles=False,
    )


@pytest.mark.django_db
def test_a_straddling_postcode_is_marked() -> None:
    # 1061 is mostly De Kolenkit (Bos en Lommer, West), partly Overtoomse Veld (Slotervaart, Nieuw-West).
    area = area_for_postcode(postcode="1061")
    assert area is not None
    assert (area.stadsdeel_code, area.gebied_code, area.straddles) == ("E", "GE04", True)


@pytest.mark.django_db
@pytest.mark.parametrize("postcode", ["1102", "1102 AB", "1102ab", "1102AB", " 1102  ab ", "1102\tAB"])
def test_full_and_partial_postcodes_are_normalised(postcode: str) -> None:
    area = area_for_postcode(postcode=postcode)
    assert area is not None
    assert area.pc4 == "1102"


@pytest.mark.parametrize("junk", ["abc", "", "   ", "110", "11022", "0123", "1102 A", "1102 ABC", "AB 1102", "11O2"])
def test_text_that_is_not_a_postcode_is_refused(junk: str) -> None:
    with pytest.raises(ValueError, match="geen geldige postcode"):
        normalise_postcode(junk)


@pytest.mark.django_db
def test_junk_is_refused_by_the_lookup_too() -> None:
    with pytest.raises(ValueError, match="vier cijfers"):
        area_for_postcode(postcode="abc")


@pytest.mark.django_db
@pytest.mark.parametrize("postcode", ["3511", "9999 ZZ", "1041"])  # Utrecht, Delfzijl area, Westpoort port
def test_a_postcode_outside_the_division_gives_none(postcode: str) -> None:
    assert area_for_postcode(postcode=postcode) is None


@pytest.mark.django_db
def test_stadsdeel_list_is_complete_and_sorted_by_name() -> None:
    names = [s.naam for s in stadsdeel_list()]
    assert names == sorted(names)
    assert len(names) == 8


@pytest.mark.django_db
def test_gebied_list_by_stadsdeel() -> None:
    assert len(gebied_list()) == 25
    assert [g.code for g in gebied_list(stadsdeel_code="T")] == ["GT21", "GT22", "GT23", "GT24"]
    assert [g.naam for g in gebied_list(stadsdeel_code="S")] == ["Weesp, Driemond"]
    assert list(gebied_list(stadsdeel_code="B")) == []


@pytest.mark.django_db
def test_current_version_is_the_loaded_file() -> None:
    version = current_geo_version()
    assert version is not None
    assert version.source_date == "2022-03-24"
