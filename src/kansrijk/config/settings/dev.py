"""Local development and the demo (`make run`): DEBUG on, embedded SQLite, console email."""

from kansrijk.config.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
# `kansrijk demo` and the other demo commands run only here (not because DEBUG is on).
KANSRIJK_DEMO_ALLOWED = True
# Not a secret: a fixed key so the demo's audit chain stays verifiable (production requires its own).
KANSRIJK_AUDIT_KEY = KANSRIJK_AUDIT_KEY or "dev-only-audit-key-not-secret-do-not-use-in-production"  # noqa: F405

# Serve static files straight from the apps (no collectstatic needed outside production).
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
