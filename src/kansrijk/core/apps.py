from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kansrijk.core"
    label = "core"
    verbose_name = _("Basis")

    def ready(self) -> None:
        from kansrijk.core import api_schema  # noqa: F401  (registers the OpenAPI auth extensions)
