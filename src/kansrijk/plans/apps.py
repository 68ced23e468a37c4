from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kansrijk.plans"
    label = "plans"
    verbose_name = _("Eén gezin, één plan")

    def ready(self) -> None:
        from kansrijk.plans import permissions  # noqa: F401  (registers rules)
