from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KaartConfig(AppConfig):
    name = "kansrijk.kaart"
    label = "kaart"
    verbose_name = _("Gezonde en Kansrijke Kaart")

    def ready(self) -> None:
        from kansrijk.kaart import jobs, permissions  # noqa: F401  (registers rules and scheduled jobs)
