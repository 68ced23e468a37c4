"""`kansrijk` without DJANGO_SETTINGS_MODULE: the development settings only in a source checkout, the
production settings elsewhere; the demo commands run only where the settings allow them on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk import cli
from kansrijk.accounts.models import User

PACKAGE = Path(cli.__file__).resolve().parent


def _environment(**env: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KANSRIJK_"))}
    for name in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_URL", "TRUSTED_PROXY_COUNT"):
        environment.pop(name, None)
    environment.update(env)
    return environment


def _installed_copy(tmp_path: Path) -> Path:
    """The package as an installed copy would be: site-packages/kansrijk, no repository around it."""
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE, site / "kansrijk", ignore=shutil.ignore_patterns("vendor", "__pycache__", "tests"))
    return site


def _run_installed(site: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    code = "import sys, kansrijk.cli; assert kansrijk.cli.__file__.startswith(sys.argv.pop(1)); kansrijk.cli.main()"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, str(site), *args],
        capture_output=True,
        text=True,
        cwd=home,
        env=_environment(PYTHONPATH=str(site), KANSRIJK_HOME=str(home), **env),
        check=False,
        timeout=300,
    )


def test_the_checkout_defaults_to_the_development_settings():
    assert cli.source_checkout()
    assert cli.default_settings_module() == "kansrijk.config.settings.dev"


def test_an_installed_package_defaults_to_the_production_settings(tmp_path: Path):
    site = tmp_path / "lib" / "python3.11" / "site-packages" / "kansrijk"
    site.mkdir(parents=True)
    assert cli.default_settings_module(site) == "kansrijk.config.settings.production"
    # Not even inside a directory that happens to hold a pyproject.toml and a src/ folder.
    project = tmp_path / "project"
    (project / "src" / "kansrijk").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\nname = 'other'\n")
    assert cli.default_settings_module(project / "venv" / "site-packages" / "kansrijk") == (
        "kansrijk.config.settings.production"
    )
    assert cli.default_settings_module(project / "src" / "kansrijk") == "kansrijk.config.settings.dev"
    assert cli.default_settings_module(Path("/kansrijk")) == "kansrijk.config.settings.production"


def test_an_installed_kansrijk_demo_does_not_run_with_the_development_settings(tmp_path: Path):
    site = _installed_copy(tmp_path)
    home = tmp_path / "srv"
    home.mkdir()
    # A server with nothing set: the production settings refuse to start (no published secret key, no DEBUG).
    result = _run_installed(site, home, "demo")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr
    # With the production variables set, the demo refuses (and touches no database).
    result = _run_installed(
        site,
        home,
        "demo",
        SECRET_KEY="a-production-like-secret-with-enough-entropy-0123456789-abcdefgh",
        ALLOWED_HOSTS="kansrijk.example",
        EMAIL_URL="smtp+tls://kansrijk:secret@smtp.kansrijk.example:587",
        KANSRIJK_AUDIT_KEY="a-production-like-audit-key-0123456789-abcdef",
        DEBUG="true",
    )
    assert result.returncode != 0
    assert "Refusing to load demo data" in result.stderr
    assert not (home / "var").exists()


DEMO_COMMANDS = [("demo",), ("kaart", "demo"), ("dossier", "demo"), ("vraagbaak", "demo")]


@pytest.mark.django_db
@pytest.mark.parametrize("command", DEMO_COMMANDS, ids=" ".join)
def test_demo_commands_refuse_with_debug_on_but_without_the_development_settings(settings, command):
    settings.DEBUG = True
    assert settings.KANSRIJK_DEMO_ALLOWED is False
    with pytest.raises(CommandError, match="Refusing to load demo data"):
        call_command(*command)
    assert not User.objects.exists()


def test_only_the_development_settings_allow_the_demo():
    from kansrijk.config.settings import base, dev, test

    assert dev.KANSRIJK_DEMO_ALLOWED is True
    assert base.KANSRIJK_DEMO_ALLOWED is False
    assert test.KANSRIJK_DEMO_ALLOWED is False
