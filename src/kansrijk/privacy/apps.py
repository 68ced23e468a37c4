from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "kansrijk.privacy"
    label = "privacy"
    verbose_name = _("Privacy: verzoeken van gezinnen en bewaartermijn")

    def ready(self) -> None:
        from kansrijk.privacy import jobs, permissions  # noqa: F401  (registers rules and jobs)
