"""The demo map (data/demo/demo_kaart.json) is the versioned source of the demo Kaart: it stays fictional
and marked, every code and reference in it is known, and it loads through the importer without problems."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kansrijk.kaart.demo import DEMO_MAP, load_demo_map
from kansrijk.kaart.models import KaartOrganization, Location, Service

KAART_DATA = DEMO_MAP.parents[1]
GEO_FILE = KAART_DATA.parents[1] / "geo" / "data" / "amsterdam_gebiedsindeling.json"
SLUGS_FILE = DEMO_MAP.parent / "service_slugs.json"
# The fixed namespace of the map's ids: uuid5(NAMESPACE, "svc:<slug>") (see data/demo/README.md).
NAMESPACE = uuid.UUID("5b0c3f6e-2d4a-5c8e-9f17-a1e2d3c4b5a6")
FICTIONAL_PHONE = re.compile(r"(020|0800) 555 \d\d \d\d")


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return _read(DEMO_MAP)  # type: ignore[no-any-return]


def test_every_record_is_fictional_and_marked(doc: dict[str, Any]) -> None:
    for kind in ("organizations", "locations", "services"):
        for item in doc[kind]:
            assert item["x_gks"]["is_demo"] is True, (kind, item["name"])
    for org in doc["organizations"]:
        assert org["name"].endswith(" (demo)"), org["name"]
        assert org["email"].endswith("@example.org") and org["website"].startswith("https://example.org/"), org
        assert org["x_gks"]["kind"] in ("formeel", "informeel"), org["name"]
    for svc in doc["services"]:
        where = svc["name"]
        assert svc["email"].endswith("@example.org") and svc["url"].startswith("https://example.org/"), where
        phones = [p["number"] for p in svc["phones"]] + [p["number"] for c in svc["contacts"] for p in c["phones"]]
        assert all(FICTIONAL_PHONE.fullmatch(number) for number in phones), (where, phones)
        for item in svc["x_gks"]["media"]:
            assert item["caption"] and item["alt_text"] and item["url"].startswith("https://example.org/"), where


def test_every_code_and_reference_is_known(doc: dict[str, Any]) -> None:
    taxonomy, geo = _read(KAART_DATA / "taxonomie.json"), _read(GEO_FILE)
    terms = {t["id"]: {term["code"] for term in t["terms"]} for t in taxonomy["taxonomies"]}
    languages = {lang["code"] for lang in taxonomy["languages"]}
    stadsdelen = {s["code"] for s in geo["stadsdelen"]}
    gebieden = {g["code"]: g["stadsdeel"] for g in geo["gebieden"]}
    pc4 = {p["pc4"]: p["stadsdeel"] for p in geo["postcodes"]}
    ids = Counter(item["id"] for kind in ("organizations", "locations", "services") for item in doc[kind])
    assert not [i for i, n in ids.items() if n > 1]
    orgs = {o["id"] for o in doc["organizations"]}
    locations = {loc["id"]: loc for loc in doc["locations"]}
    used: set[str] = set()
    for loc in doc["locations"]:
        postcode = loc["addresses"][0]["postal_code"]
        assert loc["organization_id"] in orgs, loc["name"]
        assert re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", postcode) and postcode[:4] in pc4, (loc["name"], postcode)
    for svc in doc["services"]:
        where, extra = svc["name"], svc["x_gks"]
        assert svc["organization_id"] in orgs, where
        for field, known in (
            ("categories", terms["gks-hulpvraag"]),
            ("phases", terms["gks-fase"]),
            ("target_groups", terms["gks-doelgroep"]),
            ("stadsdelen", stadsdelen),
            ("gebieden", set(gebieden)),
        ):
            assert set(extra[field]) <= known, (where, field, extra[field])
        assert {lang["code"] for lang in svc["languages"]} <= languages, where
        assert extra["categories"] and extra["phases"], where
        assert extra["whole_city"] != bool(extra["stadsdelen"] or extra["gebieden"]), where
        assert extra["free"] == (svc["cost_options"][0]["amount"] == 0), where
        serves = (
            stadsdelen if extra["whole_city"] else set(extra["stadsdelen"]) | {gebieden[g] for g in extra["gebieden"]}
        )
        for sal in svc["service_at_locations"]:
            loc = locations[sal["location_id"]]
            used.add(loc["id"])
            assert loc["organization_id"] == svc["organization_id"], (where, loc["name"])
            assert pc4[loc["addresses"][0]["postal_code"][:4]] in serves, (where, loc["name"])
    assert set(locations) == used  # every location is used by a service
    # The search benchmark's labelled set names services by slug (benchmarks/kaart.py).
    slugs: dict[str, str] = _read(SLUGS_FILE)
    assert set(slugs.values()) == {s["id"] for s in doc["services"]}
    assert all(str(uuid.uuid5(NAMESPACE, slug)) == ident for slug, ident in slugs.items())


@pytest.mark.django_db
def test_the_demo_map_loads_through_the_importer_and_again_without_changes() -> None:
    first = load_demo_map()
    assert first.created + first.updated == 183 and first.organizations == 78
    counts = (KaartOrganization.objects.count(), Location.objects.count(), Service.objects.count())
    assert counts == (78, 98, 183)
    assert not KaartOrganization.objects.filter(is_demo=False).exists()
    assert not Service.objects.filter(is_demo=False).exists()
    load_demo_map()
    assert (KaartOrganization.objects.count(), Location.objects.count(), Service.objects.count()) == counts
