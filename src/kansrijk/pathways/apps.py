from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathwaysConfig(AppConfig):
    name = "kansrijk.pathways"
    label = "pathways"
    verbose_name = _("Zo werken wij: route en taken")

    def ready(self) -> None:
        from kansrijk.pathways import permissions  # noqa: F401  (registers rules)
