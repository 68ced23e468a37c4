"""Shared pytest fixtures: the default language, people with roles, signed-in clients that passed the second factor."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from kansrijk.accounts.models import User
from kansrijk.accounts.roles import Role
from kansrijk.accounts.tests.factories import UserFactory
from kansrijk.accounts.tests.login import PASSWORD, login_verified


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Every test starts in the default interface language: the language a request switched on (the
    LocaleMiddleware activates it for the thread) must not leak into the next test."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(*roles: Role, **kwargs: object) -> User:
        return UserFactory.create(roles=list(roles), password=PASSWORD, **kwargs)

    return make


@pytest.fixture
def verified_client(make_user: Callable[..., User]) -> Callable[..., tuple[Client, User]]:
    def make(*roles: Role, **kwargs: object) -> tuple[Client, User]:
        user = make_user(*roles, with_totp=True, **kwargs)
        client = Client()
        login_verified(client, user)
        return client, user

    return make
