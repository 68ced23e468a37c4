"""`kansrijk vraagbaak check-anonymity FILE [--json]`: output shapes and exit statuses 0, 1 and 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

KANSRIJK = Path(sys.executable).with_name("kansrijk")
DIRTY = "Moeder Fatima woont in Slotervaart. Bel haar op 06-12345678.\n"
PHONE = DIRTY.index("06-")
CLEAN = "Een moeder van 24 uit Eritrea in Geuzenveld zoekt een taalmaatje via het Buurtteam Nieuw-West.\n"


def run(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("vraagbaak", "check-anonymity", *args, stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


@pytest.mark.django_db
class TestCheckAnonymity:
    def test_clean_file_exits_0(self, tmp_path: Path) -> None:
        path = tmp_path / "vraag.txt"
        path.write_text(CLEAN, encoding="utf-8")
        assert run(str(path), "--json") == (0, '{"findings": []}\n')
        assert run(str(path)) == (0, "")

    def test_findings_as_json_exit_1(self, tmp_path: Path) -> None:
        path = tmp_path / "vraag.txt"
        path.write_text(DIRTY, encoding="utf-8")
        status, output = run(str(path), "--json")
        assert status == 1
        assert json.loads(output) == {
            "findings": [
                {"kind": "name", "text": "Fatima", "start": 7, "end": 13},
                {"kind": "phone", "text": "06-12345678", "start": PHONE, "end": PHONE + 11},
            ]
        }

    def test_plain_output(self, tmp_path: Path) -> None:
        path = tmp_path / "vraag.txt"
        path.write_text(DIRTY, encoding="utf-8")
        assert run(str(path)) == (1, f"name\t7-13\tFatima\nphone\t{PHONE}-{PHONE + 11}\t06-12345678\n")

    def test_organisation_names_from_the_database_are_allowed(self, tmp_path: Path) -> None:
        from kansrijk.accounts.models import Organisation

        path = tmp_path / "vraag.txt"
        path.write_text("Moeder gaat elke week naar Amina Yusuf Zorg in Noord.", encoding="utf-8")
        assert run(str(path), "--json")[0] == 1  # unknown: looks like a person's name
        Organisation.objects.create(name="Amina Yusuf Zorg")
        assert run(str(path), "--json") == (0, '{"findings": []}\n')

    def test_missing_and_non_utf8_files_exit_2(self, tmp_path: Path) -> None:
        with pytest.raises(CommandError) as missing:
            run(str(tmp_path / "none.txt"))
        assert missing.value.returncode == 2
        latin = tmp_path / "latin1.txt"
        latin.write_bytes("Caf\xe9 in Zuidoost".encode("latin-1"))
        with pytest.raises(CommandError) as undecodable:
            run(str(latin))
        assert undecodable.value.returncode == 2


def test_console_script_exit_status_and_stderr(tmp_path: Path) -> None:
    """The real console script: exit status 2 and a one-line error for a file that is not UTF-8."""
    latin = tmp_path / "latin1.txt"
    latin.write_bytes(b"\xff\xfe mevrouw")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kansrijk.config.settings.test"}
    result = subprocess.run(  # noqa: S603 - our own console script, fixed arguments
        [str(KANSRIJK), "vraagbaak", "check-anonymity", str(latin), "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "UTF-8" in result.stderr


def test_build_guard_cache_writes_the_guards_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kansrijk.vraagbaak.anonymity import diskcache, lexicon

    monkeypatch.setattr(diskcache, "folder", lambda: tmp_path)
    lexicon._word_counts.cache_clear()  # so that warm() builds the word counts into the folder again
    try:
        out = StringIO()
        call_command("vraagbaak", "build-guard-cache", stdout=out)
    finally:
        lexicon._word_counts.cache_clear()
    assert str(tmp_path) in out.getvalue()
    assert {path.name.split("-")[2] for path in tmp_path.glob("word-counts-*.marshal")} == {"nl", "en"}
