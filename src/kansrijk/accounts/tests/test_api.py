from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from freezegun import freeze_time

from kansrijk.accounts.models import ApiToken
from kansrijk.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_me_with_a_verified_session(verified_client):
    client, user = verified_client(Role.REGIEHOUDER)
    data = client.get("/api/v1/mij/").json()
    assert data["email"] == user.email
    assert data["roles"] == ["regiehouder"]
    assert len(data["memberships"]) == 1


def test_token_from_account_page_works_and_expires(verified_client):
    client, user = verified_client(Role.PROFESSIONAL)
    page = client.post("/account/api-token/", {"name": "rapportage-script"})
    assert page.status_code == 200
    key = page.context["key"]
    assert key in page.content.decode()
    api = Client()
    assert api.get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}").json()["email"] == user.email
    token = ApiToken.objects.get(user=user)
    with freeze_time(token.created + timedelta(days=30, seconds=1)):
        response = api.get("/api/v1/mij/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"
    assert response.json()["error"]["details"] == "Dit API-token is verlopen. Maak een nieuw token aan."


def test_errors_have_one_shape_in_dutch_and_english(db):
    response = Client().get("/api/v1/mij/")
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["status"] == 401
    assert error["message"] == {"nl": "Log eerst in.", "en": "Please sign in first."}
    assert response["WWW-Authenticate"].startswith("Token")


def test_not_found_has_the_same_shape(verified_client):
    client, _user = verified_client(Role.PROFESSIONAL)
    error = client.get("/api/v1/organisaties/999999/").json()["error"]
    assert error["status"] == 404 and error["message"]["en"] == "Not found."


def test_openapi_schema_and_offline_docs(db):
    client = Client()
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    spec = schema.json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/mij/" in spec["paths"] and "/api/v1/organisaties/" in spec["paths"]
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html  # served locally, no CDN
    assert "cdn" not in html.lower()
    assert "<script>" not in html  # CSP: no inline script
