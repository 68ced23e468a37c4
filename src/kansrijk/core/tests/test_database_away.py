"""When the database is away, people get a clear 503 page (Dutch, or English), never a stack trace."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import get_resolver, path

from kansrijk.core import views

handler500 = "kansrijk.core.views.server_error"  # this module is the URLconf of these tests


def _database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def _connection_closed(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


def _bug(request: HttpRequest) -> HttpResponse:
    raise ValueError("a bug")


urlpatterns = [
    path("kapot/db/", _database_gone),
    path("kapot/verbinding/", _connection_closed),
    path("api/v1/kapot/db/", _database_gone),
    path("kapot/fout/", _bug),
]


def test_the_site_uses_this_handler() -> None:
    assert get_resolver().resolve_error_handler(500) is views.server_error


@pytest.fixture
def client(settings: Any, db: None) -> Client:
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/kapot/db/", "/kapot/verbinding/"])
def test_the_database_away_gives_a_plain_503_page_in_dutch(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Kansrijk is even niet bereikbaar" in page and "Probeer het over een minuut opnieuw" in page
    assert "Traceback" not in page and "Connection refused" not in page and "5432" not in page


def test_the_503_page_in_english(client: Client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get("/kapot/db/").content.decode()
    assert "Kansrijk is briefly unavailable" in page and "Try again in a minute" in page


def test_the_api_says_503_in_its_error_shape(client: Client) -> None:
    response = client.get("/api/v1/kapot/db/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json()["error"]["code"] == "unavailable"
    assert response.json()["error"]["message"]["en"].startswith("Kansrijk is briefly unavailable")


def test_other_errors_stay_a_500_without_details(client: Client) -> None:
    response = client.get("/kapot/fout/")
    assert response.status_code == 500
    assert "a bug" not in response.content.decode() and "Traceback" not in response.content.decode()
