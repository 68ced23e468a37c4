"""`kansrijk demo`: load the fictional demo data and print the demo logins (dev settings only).

`kansrijk demo codes` prints the current six-digit code of every demo account, for trying the
two-step login without an authenticator app."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.demo import USERS, demo_load
from kansrijk.core.demo_guard import require_demo_allowed


class Command(BaseCommand):
    help = "Load fictional demo organisations and one account per role, and print the logins (dev settings only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", nargs="?", choices=["load", "codes"], default="load")

    def handle(self, *args: Any, **options: Any) -> None:
        require_demo_allowed()
        if options["action"] == "codes":
            self._codes()
            return
        logins = demo_load()
        self.stdout.write(self.style.SUCCESS("Demo data loaded (all fictional, marked as demo)."))
        self.stdout.write("")
        self.stdout.write("Demo logins — password for all: " + logins[0].password)
        for login in logins:
            secret = login.totp_secret or "(no second factor needed for this role)"
            self.stdout.write(f"  {login.role.value:<16} {login.email:<36} TOTP secret: {secret}")
        self.stdout.write("")
        self.stdout.write("Add a secret to any authenticator app, or print the current codes with: kansrijk demo codes")

    def _codes(self) -> None:
        emails = [spec.email for spec in USERS]
        for device in TOTPDevice.objects.filter(user__email__in=emails, confirmed=True).select_related("user"):
            code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
            self.stdout.write(f"  {device.user.email:<36} {code:0{device.digits}d}")
