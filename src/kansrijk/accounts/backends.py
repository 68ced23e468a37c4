"""Authentication backend: checks email and password, grants no permissions.

Django's `ModelBackend` also answers permission questions from its permission tables, and gives a
superuser every permission. Kansrijk's permissions are the rules in `accounts.permissions` only
(served by `rules.permissions.ObjectPermissionBackend`), so this backend keeps the password check
and answers every permission question with "no".
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class PasswordOnlyBackend(ModelBackend):
    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return False
