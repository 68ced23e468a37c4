"""Template context for the page shell."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def shell(request: HttpRequest) -> dict[str, Any]:
    idle = settings.KANSRIJK_SESSION_IDLE
    warn = settings.KANSRIJK_SESSION_WARNING_BEFORE
    return {
        "session_idle_seconds": int(idle.total_seconds()),
        "session_warning_seconds": int(max(idle - warn, idle / 2).total_seconds()),
        "debug_banner": settings.DEBUG,
    }
