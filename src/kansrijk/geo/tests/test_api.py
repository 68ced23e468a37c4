"""The public, read-only geography API (reference data from the migration; no login needed)."""

from __future__ import annotations

import pytest
from django.test import Client

from kansrijk.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_stadsdelen_with_their_gebieden_without_login():
    response = Client().get("/api/v1/stadsdelen/")
    assert response.status_code == 200
    stadsdelen = {s["code"]: s for s in response.json()}
    assert set(stadsdelen) == {"A", "E", "F", "K", "M", "N", "T", "S"}
    assert stadsdelen["T"]["naam"] == "Zuidoost"
    assert stadsdelen["T"]["gebieden"] == ["GT21", "GT22", "GT23", "GT24"]
    assert stadsdelen["S"]["gebieden"] == ["GS25"]


def test_gebieden_of_one_stadsdeel_with_their_wijken():
    gebieden = Client().get("/api/v1/gebieden/", {"stadsdeel": "F"}).json()
    assert [g["code"] for g in gebieden] == ["GF06", "GF07", "GF08", "GF09", "GF10"]
    assert gebieden[1]["naam"] == "Geuzenveld, Slotermeer" and gebieden[1]["stadsdeel"] == "F"
    assert all(g["wijken"] for g in gebieden)
    one = Client().get("/api/v1/gebieden/GT22/").json()
    assert {"code": "TB", "naam": "Venserpolder"} in one["wijken"]


def test_postcode_lookup():
    body = Client().get("/api/v1/postcodes/1102 AB/").json()
    assert (body["pc4"], body["stadsdeel_code"], body["gebied_code"]) == ("1102", "T", "GT22")


def test_postcode_errors_in_the_api_error_shape():
    bad = Client().get("/api/v1/postcodes/abc/")
    assert bad.status_code == 400
    assert "geen geldige postcode" in str(bad.json()["error"]["details"]["postcode"])
    outside = Client().get("/api/v1/postcodes/3011/")  # Rotterdam
    assert outside.status_code == 404
    assert outside.json()["error"]["code"] == "not_found"


def test_reference_data_is_not_audited():
    Client().get("/api/v1/gebieden/")
    assert not AuditEntry.objects.exists()
