"""The one guard of every demo command (`kansrijk demo`, `kaart demo`, `dossier demo`, `vraagbaak demo`).

The demo resets accounts to a published password. It runs only with settings that allow it on purpose
(`KANSRIJK_DEMO_ALLOWED`, set only by the development settings), never because DEBUG happens to be on.
"""

from django.conf import settings
from django.core.management.base import CommandError

REFUSAL = (
    "Refusing to load demo data: these settings do not allow the demo (KANSRIJK_DEMO_ALLOWED is off). "
    "The demo gives accounts a published password; use it only with "
    "DJANGO_SETTINGS_MODULE=kansrijk.config.settings.dev (as `make run` does)."
)


def require_demo_allowed() -> None:
    if getattr(settings, "KANSRIJK_DEMO_ALLOWED", False) is not True:
        raise CommandError(REFUSAL)
