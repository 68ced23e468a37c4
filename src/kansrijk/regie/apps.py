from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegieConfig(AppConfig):
    name = "kansrijk.regie"
    label = "regie"
    verbose_name = _("Regiehouders")

    def ready(self) -> None:
        from kansrijk.regie import jobs, permissions  # noqa: F401  (registers rules and scheduled jobs)
