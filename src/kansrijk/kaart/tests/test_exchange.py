"""Import and export of the map: every bad row reported, nothing half-imported, round trips."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kansrijk.kaart import exchange
from kansrijk.kaart.models import KaartOrganization, KaartVersion, Location, Schedule, Service
from kansrijk.kaart.services import kaart_import_apply

pytestmark = pytest.mark.django_db

ORG = str(uuid.uuid4())
LOC = str(uuid.uuid4())
SVC = str(uuid.uuid4())


def document() -> dict[str, Any]:
    return {
        "hsds_version": "3.0",
        "organizations": [
            {
                "id": ORG,
                "name": "Babybank Nieuw-West (test)",
                "email": "info@example.org",
                "x_gks": {"kind": "informeel"},
            }
        ],
        "locations": [
            {
                "id": LOC,
                "organization_id": ORG,
                "name": "Buurthuis De Meeuw (test)",
                "addresses": [{"address_1": "Testweg 1", "postal_code": "1064 AB", "city": "Amsterdam"}],
                "accessibility": [{"description": "Rolstoeltoegankelijk"}],
            }
        ],
        "services": [
            {
                "id": SVC,
                "organization_id": ORG,
                "name": "Gratis babyspullen",
                "description": "Heb je weinig geld? Haal gratis kleding en een kinderwagen.",
                "status": "active",
                "languages": [{"code": "nl"}, {"code": "ar"}],
                "phones": [{"number": "020 555 01 23", "type": "voice"}],
                "schedules": [
                    {"freq": "WEEKLY", "byday": "TU,TH", "opens_at": "10:00", "closes_at": "13:00"},
                    {"byday": "MO", "opens_at": "09:00", "closes_at": "11:00", "attending_type": "phone"},
                ],
                "service_at_locations": [{"location_id": LOC}],
                "x_gks": {
                    "categories": ["babyspullen"],
                    "phases": ["zwangerschap-en-bevalling", "na-de-geboorte"],
                    "target_groups": ["ouders"],
                    "free": True,
                    "formal": False,
                    "stadsdelen": ["F"],
                    "closures": [{"start": "2026-07-20", "end": "2026-08-14", "reason": "Zomerstop"}],
                    "media": [
                        {
                            "kind": "video",
                            "url": "https://example.org/v",
                            "caption": "Een moeder vertelt",
                            "alt_text": "Video",
                        }
                    ],
                    "last_verified_at": "2026-10-01",
                },
            }
        ],
    }


def write(tmp_path: Path, data: Any, name: str = "kaart.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_valid_document_is_imported_with_everything(tmp_path):
    batch = exchange.read_file(write(tmp_path, document()))
    assert batch.problems == []
    version = KaartVersion.objects.get().version
    result = kaart_import_apply(batch=batch)
    assert (result.created, result.updated, result.organizations, result.locations) == (1, 0, 1, 1)
    service = Service.objects.get(pk=SVC)
    assert service.free and not service.formal
    assert [t.code for t in service.categories.all()] == ["babyspullen"]
    assert sorted(lang.code for lang in service.languages.all()) == ["ar", "nl"]
    assert [s.code for s in service.stadsdelen.all()] == ["F"]
    assert Schedule.objects.filter(service=service, attending_type="phone").count() == 1
    assert service.closures.get().reason == "Zomerstop"
    location = Location.objects.get(pk=LOC)
    assert location.stadsdeel is not None and location.gebied is not None
    assert (location.stadsdeel.code, location.gebied.code) == ("F", "GF07")  # from the postcode
    assert KaartVersion.objects.get().version == version + 1


def test_importing_the_same_file_again_updates_in_place(tmp_path):
    path = write(tmp_path, document())
    kaart_import_apply(batch=exchange.read_file(path))
    changed = document()
    changed["services"][0]["name"] = "Gratis babyspullen en kleding"
    result = kaart_import_apply(batch=exchange.read_file(write(tmp_path, changed)))
    assert (result.created, result.updated) == (0, 1)
    assert Service.objects.get().name == "Gratis babyspullen en kleding"
    assert Schedule.objects.filter(service_id=SVC).count() == 2  # replaced, not doubled


def test_every_problem_is_reported_and_nothing_changes(tmp_path):
    bad = document()
    second = copy.deepcopy(bad["services"][0])
    second["id"] = str(uuid.uuid4())
    second["x_gks"]["categories"] = ["bestaat-niet"]
    second["x_gks"]["stadsdelen"] = ["Q"]
    second["schedules"] = [{"byday": "MA", "opens_at": "25:00", "closes_at": "12:00"}]
    second["url"] = "geen url"
    third = copy.deepcopy(bad["services"][0])
    third["id"] = "not-a-uuid"
    third["name"] = ""
    bad["services"] += [second, third]
    batch = exchange.read_file(write(tmp_path, bad))
    messages = [str(p) for p in batch.problems]
    assert any("x_gks.categories: unknown code 'bestaat-niet'" in m for m in messages)
    assert any("x_gks.stadsdelen: unknown code 'Q'" in m for m in messages)
    assert any("schedules.byday" in m for m in messages)
    assert any("url" in m and "web address" in m for m in messages)
    assert any("id: 'not-a-uuid' is not a UUID" in m for m in messages)
    assert any("name: is required" in m for m in messages)
    with pytest.raises(Exception, match="niets veranderd"):
        kaart_import_apply(batch=batch)
    assert not Service.objects.exists() and not KaartOrganization.objects.exists()


def test_partial_imports_exactly_the_valid_services(tmp_path):
    bad = document()
    broken = copy.deepcopy(bad["services"][0])
    broken["id"] = str(uuid.uuid4())
    broken["x_gks"]["phases"] = []
    bad["services"].append(broken)
    batch = exchange.read_file(write(tmp_path, bad))
    result = kaart_import_apply(batch=batch, partial=True)
    assert result.created == 1
    assert result.skipped == [f"service {broken['id']}"]
    assert list(Service.objects.values_list("pk", flat=True)) == [uuid.UUID(SVC)]


def test_references_must_exist(tmp_path):
    bad = document()
    bad["services"][0]["organization_id"] = str(uuid.uuid4())
    bad["services"][0]["service_at_locations"] = [{"location_id": str(uuid.uuid4())}]
    messages = [str(p) for p in exchange.read_file(write(tmp_path, bad)).problems]
    assert any("organization_id: no such organisation" in m for m in messages)
    assert any("service_at_locations: no such location" in m for m in messages)


def test_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "kaart.json"
    path.write_text('{"services": [', encoding="utf-8")
    batch = exchange.read_file(path)
    assert "not valid JSON: line 1" in str(batch.problems[0])


def test_export_round_trips(tmp_path):
    kaart_import_apply(batch=exchange.read_file(write(tmp_path, document())))
    exported = exchange.export_document()
    assert exported["hsds_version"] == "3.0"
    service = exported["services"][0]
    assert service["id"] == SVC
    assert service["x_gks"]["categories"] == ["babyspullen"]
    assert service["cost_options"] == [{"option": "Gratis", "amount": 0, "currency": "EUR"}]
    assert {"taxonomy_term_id": "gks-hulpvraag:babyspullen"} in service["attributes"]
    assert exported["locations"][0]["addresses"][0]["postal_code"] == "1064 AB"
    assert any(t["id"] == "gks-hulpvraag:babyspullen" for t in exported["taxonomy_terms"])
    # Export, wipe the changes, import the export: the same map comes back.
    path = write(tmp_path, exported, "export.json")
    Service.objects.filter(pk=SVC).update(name="veranderd")
    batch = exchange.read_file(path)
    assert batch.problems == []
    kaart_import_apply(batch=batch)
    assert Service.objects.get(pk=SVC).name == "Gratis babyspullen"


CSV_HEADER = (
    "id,organization,organization_kind,name,description,categories,phases,target_groups,areas,free,fees,"
    "referral_required,languages,wait_time_days,phone,email,url,address,postal_code,city,location_name,"
    "opening_hours,phone_hours,formal,last_verified_at\n"
)


def test_csv_import_with_hours_and_areas(tmp_path):
    rows = CSV_HEADER + (
        ",Taalcafé Noord (test),informeel,Taalcafé voor moeders,Oefen Nederlands met andere moeders.,"
        "taal-en-lezen;contact-met-andere-ouders,na-de-geboorte,ouders,Noord,ja,,nee,nl;Arabisch;Turks,,"
        "020 555 01 99,,,Buikslotermeerplein 1,1025 XL,Amsterdam,Bibliotheek (test),"
        "ma-vr 09:00-12:00; za 10.00-12.00,,,2026-10-01\n"
        ",Schuldhulp (test),,Budgetcoach,Samen je geld op orde.,geldzorgen-en-schulden,"
        "na-de-geboorte;zwangerschap-en-bevalling,,"
        "heel Amsterdam,nee,Gratis voor Stadspashouders,ja,nl,14,,,,,,,,,di t/m do 13:00-17:00,,\n"
    )
    path = tmp_path / "kaart.csv"
    path.write_text(rows, encoding="utf-8")
    batch = exchange.read_file(path)
    assert batch.problems == []
    kaart_import_apply(batch=batch)
    taalcafe = Service.objects.get(name="Taalcafé voor moeders")
    assert sorted(lang.code for lang in taalcafe.languages.all()) == ["ar", "nl", "tr"]
    assert [s.code for s in taalcafe.stadsdelen.all()] == ["N"] and not taalcafe.formal
    assert sorted(s.byday for s in taalcafe.schedules.all()) == ["MO,TU,WE,TH,FR", "SA"]
    located = taalcafe.locations.get().stadsdeel
    assert located is not None and located.code == "N"
    coach = Service.objects.get(name="Budgetcoach")
    assert coach.whole_city and coach.referral_required and coach.wait_time_days == 14
    assert coach.schedules.get(attending_type="phone").byday == "TU,WE,TH"
    # The same sheet again: the same services (stable ids), nothing doubled.
    kaart_import_apply(batch=exchange.read_file(path))
    assert Service.objects.count() == 2 and KaartOrganization.objects.count() == 2


def test_csv_reports_each_bad_row_by_number(tmp_path):
    rows = CSV_HEADER + (
        ",Org (test),,Goed,Tekst.,babyspullen,na-de-geboorte,,F,ja,,,,,,,,,,,,,,,\n"
        ",Org (test),,,Tekst.,onbekend,na-de-geboorte,,Nergensland,misschien,,,,twee,,geen-mail,,,,,,zondag 9-5,,,\n"
    )
    path = tmp_path / "kaart.csv"
    path.write_text(rows, encoding="utf-8")
    batch = exchange.read_file(path)
    messages = [str(p) for p in batch.problems]
    assert all(m.startswith("rij 3") for m in messages), messages
    for expected in (
        "name: is required",
        "unknown code 'onbekend'",
        "'Nergensland'",
        "'misschien'",
        "'twee'",
        "'geen-mail' is not an email",
        "'zondag 9-5'",
    ):
        assert any(expected in m for m in messages), expected
    assert batch.rejected == {"rij 3"}


def test_csv_with_unknown_columns_is_refused(tmp_path):
    path = tmp_path / "kaart.csv"
    path.write_text("organization,name,description,categories,phases,areas,kleur\n", encoding="utf-8")
    assert "unknown columns: kleur" in str(exchange.read_file(path).problems[0])


def test_command_refuses_a_bad_file_and_changes_nothing(tmp_path, capsys):
    bad = document()
    bad["services"][0]["x_gks"]["categories"] = ["nope"]
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("kaart", "import", str(write(tmp_path, bad)))
    assert "unknown code 'nope'" in capsys.readouterr().out
    assert not Service.objects.exists()


def test_command_dry_run_and_export(tmp_path, capsys):
    path = write(tmp_path, document())
    call_command("kaart", "import", str(path), "--dry-run")
    assert not Service.objects.exists()
    call_command("kaart", "import", str(path))
    assert Service.objects.count() == 1
    out = tmp_path / "out.json"
    call_command("kaart", "export", str(out))
    assert json.loads(out.read_text())["services"][0]["id"] == SVC


def test_csv_row_for_an_organisation_on_the_map_leaves_its_details_alone(tmp_path):
    data = document()
    data["organizations"][0]["description"] = "Tweedehands babyspullen voor ouders."
    data["organizations"][0]["phones"] = [{"number": "020 555 01 00"}]
    kaart_import_apply(batch=exchange.read_file(write(tmp_path, data)))
    path = tmp_path / "kaart.csv"
    path.write_text(
        CSV_HEADER + ",babybank nieuw-west (test),,Kinderwagens,Haal een kinderwagen.,babyspullen,na-de-geboorte,,F,"
        "ja,,,,,,,,,,,,,,,\n",
        encoding="utf-8",
    )
    batch = exchange.read_file(path)
    assert batch.problems == []
    kaart_import_apply(batch=batch)
    organization = KaartOrganization.objects.get(pk=ORG)
    assert organization.name == "Babybank Nieuw-West (test)"
    assert organization.email == "info@example.org"
    assert organization.description == "Tweedehands babyspullen voor ouders."
    assert organization.kind == "informeel"
    assert [phone.number for phone in organization.phones.all()] == ["020 555 01 00"]
    assert Service.objects.get(name="Kinderwagens").organization_id == uuid.UUID(ORG)
    assert batch.organizations == []  # only referred to, not written


def test_a_json_organisation_replaces_its_phones_like_locations_and_services(tmp_path):
    data = document()
    data["organizations"][0]["phones"] = [{"number": "020 555 01 00"}, {"number": "06 555 01 01"}]
    kaart_import_apply(batch=exchange.read_file(write(tmp_path, data)))
    assert KaartOrganization.objects.get(pk=ORG).phones.count() == 2
    data["organizations"][0]["phones"] = [{"number": "020 555 01 02"}]
    kaart_import_apply(batch=exchange.read_file(write(tmp_path, data)))
    assert [p.number for p in KaartOrganization.objects.get(pk=ORG).phones.all()] == ["020 555 01 02"]
    del data["organizations"][0]["phones"]
    kaart_import_apply(batch=exchange.read_file(write(tmp_path, data)))
    assert not KaartOrganization.objects.get(pk=ORG).phones.exists()


def test_partial_skips_a_location_of_an_unknown_organisation_and_the_services_there(tmp_path):
    data = document()
    orphan, stranded = str(uuid.uuid4()), str(uuid.uuid4())
    orphan_location = copy.deepcopy(data["locations"][0])
    orphan_location.update(id=orphan, organization_id=str(uuid.uuid4()))
    data["locations"].append(orphan_location)
    service = copy.deepcopy(data["services"][0])
    service.update(id=stranded, service_at_locations=[{"location_id": orphan}])
    data["services"].append(service)
    batch = exchange.read_file(write(tmp_path, data))
    messages = [str(p) for p in batch.problems]
    assert f"location {orphan}: organization_id: no such organisation in the file or the map" in messages
    assert f"service {stranded}: service_at_locations: no such location {orphan}" in messages
    result = kaart_import_apply(batch=batch, partial=True)
    assert result.skipped == sorted([f"location {orphan}", f"service {stranded}"])
    assert (result.created, result.organizations, result.locations) == (1, 1, 1)
    assert list(Location.objects.values_list("pk", flat=True)) == [uuid.UUID(LOC)]
    assert list(Service.objects.values_list("pk", flat=True)) == [uuid.UUID(SVC)]


def test_partial_writes_no_copy_of_a_duplicated_id(tmp_path):
    data = document()
    other = str(uuid.uuid4())
    data["services"][0]["service_at_locations"] = []
    second = copy.deepcopy(data["services"][0])
    second["name"] = "Gratis babyspullen (tweede)"
    third = copy.deepcopy(data["services"][0])
    third.update(id=other, name="Babyspullen op afspraak")
    data["services"] += [second, third]
    data["locations"].append(copy.deepcopy(data["locations"][0]))
    batch = exchange.read_file(write(tmp_path, data))
    messages = [str(p) for p in batch.problems]
    assert f"service {SVC}: id: occurs more than once in the file" in messages
    assert f"location {LOC}: id: occurs more than once in the file" in messages
    result = kaart_import_apply(batch=batch, partial=True)
    assert result.skipped == sorted([f"location {LOC}", f"service {SVC}"])
    assert list(Service.objects.values_list("pk", flat=True)) == [uuid.UUID(other)]
    assert not Location.objects.exists()


def test_csv_partial_writes_no_location_of_a_rejected_row(tmp_path):
    path = tmp_path / "kaart.csv"
    path.write_text(
        CSV_HEADER + ",Org (test),,Goed,Tekst.,babyspullen,na-de-geboorte,,F,ja,,,,,,,,,,,,,,,\n"
        ",Org (test),,Fout,Tekst.,onbekend,na-de-geboorte,,F,ja,,,,,,,,Teststraat 9,1064 AB,,,,,,\n",
        encoding="utf-8",
    )
    batch = exchange.read_file(path)
    assert batch.rejected == {"rij 3"} and batch.locations == []
    result = kaart_import_apply(batch=batch, partial=True)
    assert (result.created, result.locations, result.skipped) == (1, 0, ["rij 3"])
    assert not Location.objects.exists()


def test_csv_names_the_column_of_a_wrong_time(tmp_path):
    path = tmp_path / "kaart.csv"
    path.write_text(
        CSV_HEADER + ",Org (test),,Goed,Tekst.,babyspullen,na-de-geboorte,,F,ja,,,,,,,,,,,,ma 09:00-12:00,"
        "di 25:00-26:00,,\n",
        encoding="utf-8",
    )
    messages = [str(p) for p in exchange.read_file(path).problems]
    assert "rij 2: phone_hours: '25:00' is not a time (HH:MM)" in messages, messages
    assert "rij 2: phone_hours: '26:00' is not a time (HH:MM)" in messages, messages


def test_a_demo_mark_must_be_true_or_false_not_a_text(tmp_path):
    data = document()
    data["organizations"][0]["x_gks"]["is_demo"] = "false"
    data["services"][0]["x_gks"]["is_demo"] = "false"
    messages = [str(p) for p in exchange.read_file(write(tmp_path, data)).problems]
    assert f"organization {ORG}: is_demo: must be true or false" in messages, messages
    assert f"service {SVC}: is_demo: must be true or false" in messages, messages


@pytest.mark.parametrize("x_gks", [["informeel"], "informeel", 1])
def test_an_x_gks_that_is_no_object_is_a_problem_not_a_crash(tmp_path, x_gks):
    data = document()
    data["organizations"][0]["x_gks"] = x_gks
    data["services"][0]["x_gks"] = x_gks
    messages = [str(p) for p in exchange.read_file(write(tmp_path, data)).problems]
    assert f"organization {ORG}: x_gks: must be an object" in messages
    assert f"service {SVC}: x_gks: must be an object" in messages


def test_csv_values_get_the_same_length_and_postcode_checks_as_json(tmp_path):
    path = tmp_path / "kaart.csv"
    path.write_text(
        CSV_HEADER + f",Org (test),,{'Lang' * 60},Tekst.,babyspullen,na-de-geboorte,,F,ja,{'x' * 301},,,,"
        f"{'0' * 31},,,Teststraat 1,ABCD 12,,,,,,\n",
        encoding="utf-8",
    )
    batch = exchange.read_file(path)
    messages = [str(p) for p in batch.problems]
    for expected in (
        "rij 2: name: is longer than 200 characters",
        "rij 2: fees: is longer than 300 characters",
        "rij 2: phone: is longer than 30 characters",
        "rij 2: postal_code: 'ABCD 12' is not a Dutch postcode (1234 AB)",
    ):
        assert expected in messages, (expected, messages)
    assert batch.rejected == {"rij 2"}
    with pytest.raises(Exception, match="niets veranderd"):
        kaart_import_apply(batch=batch)
    assert not Service.objects.exists() and not KaartOrganization.objects.exists()


def test_an_import_places_its_locations_without_a_query_per_location(tmp_path):
    data = document()
    second = copy.deepcopy(data["locations"][0])
    second.update(id=str(uuid.uuid4()), name="Tweede locatie (test)")
    data["locations"].append(second)
    batch = exchange.read_file(write(tmp_path, data))
    with CaptureQueriesContext(connection) as queries:
        kaart_import_apply(batch=batch)
    by_code = [q["sql"] for q in queries if any(f'"{t}"."code" =' in q["sql"] for t in ("geo_stadsdeel", "geo_gebied"))]
    assert by_code == []  # the areas come from the import's lookups
    placed = Location.objects.filter(stadsdeel__code="F", gebied__code="GF07")
    assert placed.count() == 2
