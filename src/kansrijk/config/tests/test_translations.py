"""English is the second language: every Dutch string in the code and templates has a translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale") / "en" / "LC_MESSAGES" / "django.po"


def _gettext(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="GNU gettext is not installed")
def test_every_string_has_an_english_translation(tmp_path: Path) -> None:
    # makemessages rewrites the catalogue in place: run it on a copy of the package.
    copy = tmp_path / "kansrijk"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("vendor", "__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete", "--ignore=static", "-v", "0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
    )
    untranslated = _gettext("msgattrib", "--untranslated", "--no-wrap", str(copy / CATALOGUE))
    fuzzy = _gettext("msgattrib", "--only-fuzzy", "--no-wrap", str(copy / CATALOGUE))
    missing = [line for line in untranslated.splitlines() if line.startswith("msgid ") and line != 'msgid ""']
    assert missing == [], "untranslated (run makemessages and fill in locale/en): " + "\n".join(missing)
    assert "msgid " not in fuzzy, "fuzzy translations: " + fuzzy
