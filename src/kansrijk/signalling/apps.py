from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignallingConfig(AppConfig):
    name = "kansrijk.signalling"
    label = "signalling"
    verbose_name = _("Signalering en triage")

    def ready(self) -> None:
        from kansrijk.signalling import permissions  # noqa: F401  (registers rules)
