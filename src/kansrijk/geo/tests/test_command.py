"""`kansrijk geo load` and `kansrijk geo lookup`."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.utils import translation


def _run(*args: str) -> str:
    out = io.StringIO()
    with translation.override("nl"):
        call_command("geo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_prints_counts() -> None:
    output = _run("load")
    assert "Gebiedsindeling 2026-11 geladen." in output
    assert "stadsdelen: 8 in het bestand (0 nieuw, 0 gewijzigd, 8 ongewijzigd), 0 verwijderd" in output
    assert "gebieden: 25 in het bestand" in output
    assert "wijken: 108 in het bestand" in output
    assert "postcodes: 81 in het bestand" in output


@pytest.mark.django_db
def test_load_of_an_invalid_file_fails_with_the_problems(tmp_path: Path) -> None:
    path = tmp_path / "leeg.json"
    path.write_text(json.dumps({"header": {}}), encoding="utf-8")
    with pytest.raises(CommandError, match=r"header\.version: missing") as excinfo:
        _run("load", "--file", str(path))
    assert "stadsdelen: missing or not a list" in str(excinfo.value)


@pytest.mark.django_db
@pytest.mark.parametrize("args", [("1102",), ("1102 AB",), ("1102", "AB"), ("1102ab",)])
def test_lookup_prints_stadsdeel_and_gebied(args: tuple[str, ...]) -> None:
    assert _run("lookup", *args) == "1102: stadsdeel Zuidoost (T), gebied Bijlmer-Centrum (GT22)\n"


@pytest.mark.django_db
def test_lookup_says_when_a_postcode_straddles() -> None:
    output = _run("lookup", "1061")
    assert output.startswith("1061: stadsdeel West (E), gebied Bos en Lommer (GE04)")
    assert "ook voor een deel in andere gebieden" in output


@pytest.mark.django_db
def test_lookup_of_an_unknown_postcode_fails_with_exit_code_1() -> None:
    with pytest.raises(CommandError, match="3511 staat niet in de Amsterdamse gebiedsindeling") as excinfo:
        _run("lookup", "3511")
    assert excinfo.value.returncode == 1


@pytest.mark.django_db
def test_lookup_from_the_command_line_exits_1_for_unknown_and_junk(capsys: pytest.CaptureFixture[str]) -> None:
    for postcode, message in (("3511", "staat niet in de Amsterdamse"), ("abc", "geen geldige postcode")):
        with translation.override("nl"), pytest.raises(SystemExit) as excinfo:
            ManagementUtility(["kansrijk", "geo", "lookup", postcode]).execute()
        assert excinfo.value.code == 1
        assert message in capsys.readouterr().err
