"""Settings for the test suite: fast password hashing, in-memory email, the real databases."""

from kansrijk.config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"  # noqa: S105
ALLOWED_HOSTS = ["*"]
KANSRIJK_AUDIT_KEY = "test-only-audit-key-not-secret-0123456789abcdef"  # not a secret: tests only
KANSRIJK_AUDIT_CHECKPOINT_FILE = ""
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
KANSRIJK_STRICT_AUDIT = True

# Serve static files straight from the apps (no collectstatic needed outside production).
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
