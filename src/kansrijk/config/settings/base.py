"""Settings shared by every environment. Values that differ per deployment come from `env.py`."""

from datetime import timedelta

import django_stubs_ext
from django.utils.translation import gettext_lazy as _

from kansrijk.config import env

django_stubs_ext.monkeypatch()  # generic views subscriptable at run time, for precise types

BASE_DIR = env.BASE_DIR
SECRET_KEY = env.SECRET_KEY
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rules.apps.AutodiscoverRulesConfig",
    "django_htmx",
    "django_q",
    "csp",
    "simple_history",
    "django_filters",
    "kansrijk.core",
    "kansrijk.geo",
    "kansrijk.accounts",
    "kansrijk.search",
    "kansrijk.kaart",
    "kansrijk.families",
    "kansrijk.notify",
    "kansrijk.pathways",
    "kansrijk.signalling",
    "kansrijk.regie",
    "kansrijk.plans",
    "kansrijk.consent",
    "kansrijk.referrals",
    "kansrijk.privacy",
    "kansrijk.vraagbaak",
    "kansrijk.dossier",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kansrijk.core.middleware.RequestIdMiddleware",
    "kansrijk.core.audited.AuditPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kansrijk.core.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kansrijk.accounts.middleware.SessionLifetimeMiddleware",
    "kansrijk.accounts.middleware.SecondFactorRequiredMiddleware",
    "kansrijk.accounts.middleware.ActiveOrganisationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "kansrijk.core.middleware.NoStoreMiddleware",
    # Last, so that it sees lockouts after authentication has run.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kansrijk.config.urls"
WSGI_APPLICATION = "kansrijk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (the admin's base_site.html); app templates live in each app.
        "DIRS": [env.PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "kansrijk.core.context_processors.shell",
                "kansrijk.accounts.navigation.navigation",
            ],
        },
    },
]

DATABASES = {"default": env.database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "kansrijk.accounts.backends.PasswordOnlyBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions: stored in the database so that all sessions of an account can be ended at once.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.SESSION_ABSOLUTE_HOURS * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
KANSRIJK_SESSION_IDLE = timedelta(minutes=env.SESSION_IDLE_MINUTES)
KANSRIJK_SESSION_ABSOLUTE = timedelta(hours=env.SESSION_ABSOLUTE_HOURS)
KANSRIJK_SESSION_WARNING_BEFORE = timedelta(minutes=2)

# Lockout after repeated failures (django-axes), per account (every spelling of the address counts
# against the same account) and, with a higher limit over all accounts, per client address
# (accounts.lockout).
AXES_FAILURE_LIMIT = env.LOGIN_FAILURE_LIMIT
KANSRIJK_LOGIN_ADDRESS_FAILURE_LIMIT = env.LOGIN_ADDRESS_FAILURE_LIMIT  # accounts failed on from one address
# The address lock does not hold against an account that completed a login from that address this recently.
KANSRIJK_LOGIN_TRUSTED_ADDRESS_DAYS = env.LOGIN_TRUSTED_ADDRESS_DAYS
AXES_COOLOFF_TIME = timedelta(minutes=env.LOGIN_LOCKOUT_MINUTES)
AXES_HANDLER = "kansrijk.accounts.lockout.AccountOrAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "kansrijk.accounts.lockout.username_for_lockout"
# The client address as the audit trail sees it: X-Forwarded-For only through TRUSTED_PROXY_COUNT proxies.
AXES_CLIENT_IP_CALLABLE = "kansrijk.core.request_context.client_ip_of"
# A correct password alone must not wipe earlier wrong codes: the count is reset only when the whole
# login (password and, where needed, the code) succeeds (accounts.services.login_completed).
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "kansrijk.accounts.views.lockout_response"
AXES_VERBOSE = False

# Two-factor login (django-otp)
OTP_TOTP_ISSUER = "Kansrijk"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [env.PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Front-end packages from npm (Amsterdam Design System, htmx), copied here by `make setup`.
STATICFILES_DIRS = [env.PACKAGE_DIR / "static"]
STATIC_ROOT = env.STATIC_ROOT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.EMAIL_URL
EMAIL_BACKEND: str = EMAIL_CONFIG["EMAIL_BACKEND"]
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
SERVER_EMAIL = env.DEFAULT_FROM_EMAIL

# Content Security Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so that an unauthenticated request gets 401 with a WWW-Authenticate header.
        "kansrijk.core.api_auth.ExpiringTokenAuthentication",
        "kansrijk.core.api_auth.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kansrijk.core.api_schema.AutoSchema",  # documents the errors of every operation
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "kansrijk.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kansrijk API",
    "DESCRIPTION": "API of Kansrijk, the chain-of-care platform of Gezonde en Kansrijke Start Amsterdam.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "AmsterdamLevelEnum": "kansrijk.families.levels.AmsterdamLevel",
        "NationalLevelEnum": "kansrijk.families.levels.NationalLevel",
    },
}

# Background jobs: django-q2 with the ORM broker, so the same worker runs on SQLite and PostgreSQL.
Q_CLUSTER = {
    "name": "kansrijk",
    "orm": "default",
    "workers": 1,
    "timeout": 60,
    "retry": 120,
    "max_attempts": 3,
    "catch_up": False,
    "poll": 1,
    "label": _("Achtergrondtaken"),
}
KANSRIJK_WORKER_HEARTBEAT_MAX_AGE = timedelta(seconds=env.WORKER_HEARTBEAT_MAX_AGE)

# Audit trail (NEN 7513): entries are never deleted by the application; keep at least five years.
KANSRIJK_AUDIT_RETENTION_YEARS = 5
KANSRIJK_AUDIT_ACTOR_RESOLVER = "kansrijk.accounts.selectors.audit_actor"
# The HMAC key of the audit chain (never stored in the database; the dev and test settings set a fixed,
# non-secret one), and the file the `core.audit_checkpoint` job appends the chain's head to (empty: log only).
KANSRIJK_AUDIT_KEY = env.AUDIT_KEY
KANSRIJK_AUDIT_CHECKPOINT_FILE = env.AUDIT_CHECKPOINT_FILE
# Family data is anonymised this many years after the file was closed, or after the first 1,000 days
# ended with no activity for as long (the `privacy.retention` job, daily).
KANSRIJK_RETENTION_YEARS = env.RETENTION_YEARS
# Asked on every API-token request: may this account still use a token (e.g. it gained a role that
# needs a second factor it never set up)? Core asks; accounts knows.
KANSRIJK_API_ACCOUNT_CHECK = "kansrijk.accounts.selectors.api_token_allowed"
KANSRIJK_TRUSTED_PROXY_COUNT = env.TRUSTED_PROXY_COUNT
# The demo commands give accounts a published password: only the development settings allow them.
KANSRIJK_DEMO_ALLOWED = False
KANSRIJK_API_TOKEN_DAYS = env.API_TOKEN_DAYS
# An API token unused this long stops working (every use counts; kansrijk.core.api_auth).
KANSRIJK_API_TOKEN_IDLE = timedelta(hours=env.API_TOKEN_IDLE_HOURS)
# API tokens (django-rest-knox): only a SHA-512 digest of each key is stored, in our own token model
# (name, last use); sent as `Authorization: Token <key>`. Expiry and the idle limit are checked by
# kansrijk.core.api_auth, not by knox's auto-refresh.
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105  (a model name)
REST_KNOX = {"TOKEN_MODEL": KNOX_TOKEN_MODEL, "AUTH_HEADER_PREFIX": "Token", "AUTO_REFRESH": False}
KANSRIJK_SITE_URL = env.SITE_URL
KANSRIJK_SEARCH_EMBEDDER = env.SEARCH_EMBEDDER
# The Vraagbaak's automatic answers: an OpenAI-compatible language model if a URL is set (empty: offline).
KANSRIJK_VRAAGBAAK_LLM_URL = env.VRAAGBAAK_LLM_URL
KANSRIJK_VRAAGBAAK_LLM_MODEL = env.VRAAGBAAK_LLM_MODEL
KANSRIJK_VRAAGBAAK_LLM_API_KEY = env.VRAAGBAAK_LLM_API_KEY
KANSRIJK_VRAAGBAAK_LLM_TIMEOUT = env.VRAAGBAAK_LLM_TIMEOUT

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "format": "%(asctime)s level=%(levelname)s logger=%(name)s request_id=%(request_id)s %(message)s",
            "defaults": {"request_id": "-"},
        },
    },
    "filters": {"request_id": {"()": "kansrijk.core.logging.RequestIdFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "structured", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env.LOG_LEVEL},
    "loggers": {"axes": {"level": "WARNING"}},
}
