"""The production settings believe X-Forwarded-Proto only when proxies in front are configured."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kansrijk.config.settings.production",
    "SECRET_KEY": "a-production-like-secret-with-enough-entropy-0123456789-abcdefgh",
    "ALLOWED_HOSTS": "kansrijk.example",
    "EMAIL_URL": "smtp+tls://kansrijk:secret@smtp.kansrijk.example:587",
    "KANSRIJK_AUDIT_KEY": "a-production-like-audit-key-0123456789-abcdef",
}
SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None), settings.SECURE_SSL_REDIRECT)"
)


def _production(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KANSRIJK_"))}
    environment.pop("TRUSTED_PROXY_COUNT", None)
    environment.update(PRODUCTION_ENV, **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SHOW], capture_output=True, text=True, env=environment, check=False, timeout=120
    )


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [
        ({}, "None True"),
        ({"TRUSTED_PROXY_COUNT": "0"}, "None True"),
        ({"TRUSTED_PROXY_COUNT": "1"}, "('HTTP_X_FORWARDED_PROTO', 'https') True"),
    ],
)
def test_forwarded_proto_is_believed_only_behind_a_trusted_proxy(proxies, expected):
    result = _production(**proxies)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.parametrize("proxies", ["0", "1"])
def test_check_deploy_passes_with_and_without_a_proxy(proxies):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "KANSRIJK_"))}
    environment.update(PRODUCTION_ENV, TRUSTED_PROXY_COUNT=proxies)
    result = subprocess.run(
        [sys.executable, "-m", "kansrijk", "check", "--deploy", "--fail-level", "INFO"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
