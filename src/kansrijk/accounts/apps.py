from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kansrijk.accounts"
    label = "accounts"
    verbose_name = _("Accounts en organisaties")

    def ready(self) -> None:
        from kansrijk.accounts import permissions  # noqa: F401  (registers the rules)
        from kansrijk.accounts.models import User

        post_save.connect(_end_api_tokens_after_password_change, sender=User, dispatch_uid="kansrijk_password_tokens")


def _end_api_tokens_after_password_change(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """A changed password ends the account's API tokens.

    The one signal of this kind: Django's `changepassword` command (and any other `set_password` +
    `save` outside the services) passes no service, and Django has no password-changed signal. A
    pending `_password` during the save means `set_password` was called; it is cleared right after
    this signal. The password reset also ends the tokens explicitly (`services.password_reset_completed`)."""
    if created or getattr(instance, "_password", None) is None:
        return
    from kansrijk.accounts import services

    services.tokens_revoke_all(user=instance, reason=services.TokenEndReason.PASSWORD_CHANGED)
