"""Production: PostgreSQL via DATABASE_URL, behind TLS, every secret from the environment."""

from django.core.exceptions import ImproperlyConfigured

from kansrijk.config.settings.base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
if EMAIL_BACKEND.endswith(".console.EmailBackend"):  # noqa: F405
    # Password resets and (later) reminders go by email; printing them to a log would lose them.
    raise ImproperlyConfigured("EMAIL_URL must be set in production (e.g. smtp+tls://user:pass@host:587).")
if len(KANSRIJK_AUDIT_KEY) < 32:  # noqa: F405
    # The audit chain's HMAC key: without it, anyone who can write the database can rewrite the trail.
    raise ImproperlyConfigured("KANSRIJK_AUDIT_KEY must be set in production (at least 32 random characters).")

SECURE_SSL_REDIRECT = True
if KANSRIJK_TRUSTED_PROXY_COUNT > 0:  # noqa: F405
    # Only a proxy in front may say the request came over HTTPS; without one, a client could.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
# A kept connection that broke (the database restarted) is replaced at the next request, not used.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
