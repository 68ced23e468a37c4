"""Fixtures for the API tests: the project's WSGI application, as a server runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


def _keep_connection_open() -> None:
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)


@pytest.fixture(scope="module")
def wsgi_app() -> Iterator[Callable[..., Iterable[bytes]]]:
    """The project's WSGI application. Like Django's test client, it leaves the database connection open
    after each request (closing it would end the test's transaction); asked before every request, because
    the test client connects the signal again when it is done."""
    handler = WSGIHandler()

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        _keep_connection_open()
        return handler(environ, start_response)

    try:
        yield app
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
