from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "kansrijk.referrals"
    label = "referrals"
    verbose_name = _("Verwijzen en warme overdracht")

    def ready(self) -> None:
        from kansrijk.referrals import jobs, permissions  # noqa: F401  (registers rules and jobs)
