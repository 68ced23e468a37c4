from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VraagbaakConfig(AppConfig):
    name = "kansrijk.vraagbaak"
    label = "vraagbaak"
    verbose_name = _("GKS Vraagbaak")

    def ready(self) -> None:
        from kansrijk.vraagbaak import jobs, permissions  # noqa: F401  (registers rules and jobs)
