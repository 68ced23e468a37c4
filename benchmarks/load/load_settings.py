"""Settings of the load drill: production's (DEBUG off, kept connections with health checks), served over
plain HTTP on 127.0.0.1 (no TLS proxy in front), static files from the apps, email to files."""

import os

from kansrijk.config.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
# Every email as a file in LOAD_MAIL_DIR, so the drill can count what was sent.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["LOAD_MAIL_DIR"]
