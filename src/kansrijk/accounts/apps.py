from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kansrijk.accounts"
    label = "accounts"
    verbose_name = _("Accounts en organisaties")

    def ready(self) -> None:
        from kansrijk.accounts import permissions  # noqa: F401  (registers the rules)
