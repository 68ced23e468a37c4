"""Production settings pass Django's deployment checks; the OpenAPI schema generates without warnings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _kansrijk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "kansrijk", *args], capture_output=True, text=True, env=environment, check=False
    )


def test_production_settings_pass_check_deploy():
    result = _kansrijk(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="kansrijk.config.settings.production",
        SECRET_KEY="x" * 20 + "-production-like-secret-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="kansrijk.example",
        EMAIL_URL="smtp+tls://kansrijk:secret@smtp.kansrijk.example:587",
        KANSRIJK_AUDIT_KEY="a-production-like-audit-key-0123456789-abcdef",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_an_email_server():
    result = _kansrijk(
        "check",
        DJANGO_SETTINGS_MODULE="kansrijk.config.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="kansrijk.example",
    )
    assert result.returncode != 0
    assert "EMAIL_URL must be set" in result.stderr


@pytest.mark.parametrize("key", ["", "too-short-0123456789"])
def test_production_refuses_to_start_without_an_audit_key(key):
    result = _kansrijk(
        "check",
        DJANGO_SETTINGS_MODULE="kansrijk.config.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="kansrijk.example",
        EMAIL_URL="smtp+tls://kansrijk:secret@smtp.kansrijk.example:587",
        KANSRIJK_AUDIT_KEY=key,
    )
    assert result.returncode != 0
    assert "KANSRIJK_AUDIT_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _kansrijk("check", DJANGO_SETTINGS_MODULE="kansrijk.config.settings.production", ALLOWED_HOSTS="x")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_openapi_schema_validates_without_warnings(tmp_path):
    result = _kansrijk(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "schema.yaml"),
        DJANGO_SETTINGS_MODULE="kansrijk.config.settings.test",
    )
    assert result.returncode == 0, result.stdout + result.stderr
