from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "kansrijk.notify"
    label = "notify"
    verbose_name = _("Berichten")

    def ready(self) -> None:
        from kansrijk.notify import jobs  # noqa: F401  (registers the digest job)
