from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiliesConfig(AppConfig):
    name = "kansrijk.families"
    label = "families"
    verbose_name = _("Gezinsdossier")

    def ready(self) -> None:
        from kansrijk.families import permissions  # noqa: F401  (registers rules)
