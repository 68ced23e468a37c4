from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django_q.models import Schedule
from freezegun import freeze_time

from kansrijk.accounts.roles import Role
from kansrijk.core import jobs
from kansrijk.core.services import registered_jobs, schedules_sync

pytestmark = pytest.mark.django_db


class TestHealth:
    def test_worker_not_running_is_reported(self):
        body = Client().get("/healthz").json()
        assert body["database"]["ok"] is True
        assert body["worker"] == {"ok": False, "last_heartbeat": None}
        assert body["status"] == "degraded"

    def test_heartbeat_makes_the_worker_healthy_until_it_is_stale(self, settings):
        with freeze_time("2026-11-22 10:00:00") as frozen:
            jobs.heartbeat()
            assert Client().get("/healthz").json()["status"] == "ok"
            frozen.tick(settings.KANSRIJK_WORKER_HEARTBEAT_MAX_AGE + timedelta(seconds=1))
            assert Client().get("/healthz").json()["worker"]["ok"] is False

    def test_schedules_are_synced_idempotently(self):
        schedules_sync()
        schedules_sync()
        schedule = Schedule.objects.get(name="core.heartbeat")
        assert schedule.func == "kansrijk.core.jobs.heartbeat"
        assert schedule.schedule_type == Schedule.MINUTES and schedule.minutes == 1
        assert sorted(Schedule.objects.values_list("name", flat=True)) == [job.name for job in registered_jobs()]

    def test_scheduled_job_runs_through_the_worker(self):
        """django-q2 in sync mode runs the task through the same code path as the worker."""
        from django_q.tasks import async_task, result

        task_id = async_task("kansrijk.core.jobs.heartbeat")
        result(task_id)
        assert Client().get("/healthz").json()["worker"]["ok"] is True


class TestSecurityHeaders:
    def test_pages_with_personal_data_are_never_stored(self, verified_client):
        client, _user = verified_client(Role.PROFESSIONAL)
        for page in ("/", "/account/", "/api/v1/mij/"):
            response = client.get(page)
            assert "no-store" in response["Cache-Control"], page

    def test_login_page_is_not_stored_either(self):
        assert "no-store" in Client().get("/inloggen/")["Cache-Control"]

    def test_content_security_policy_forbids_inline_script(self):
        csp = Client().get("/inloggen/")["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp

    def test_pages_have_no_inline_script_or_style(self, verified_client):
        client, _user = verified_client(Role.BEHEERDER)
        for page in ("/", "/inloggen/", "/account/", "/toezicht/auditlog/", "/api/docs/", "/beheer/"):
            html = client.get(page).content.decode()
            # Every script comes from a file, and no element carries a style of its own.
            assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == [], page
            assert re.findall(r"<style\b|\sstyle=", html) == [], page

    def test_request_id_is_echoed(self):
        response = Client().get("/healthz", HTTP_X_REQUEST_ID="abc-123")
        assert response["X-Request-ID"] == "abc-123"
        assert len(Client().get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]) == 32


class TestLanguage:
    def test_dutch_whatever_the_browser_asks(self, db):
        response = Client().get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
        assert '<html lang="nl">' in response.content.decode()
        assert response["Content-Language"] == "nl"

    def test_the_language_switch_is_remembered(self, db):
        client = Client()
        response = client.post("/taal/", {"language": "en", "next": "/inloggen/"})
        assert response.status_code == 302 and response["Location"] == "/inloggen/"
        page = client.get("/inloggen/").content.decode()
        assert '<html lang="en">' in page and "Log in" in page
        client.post("/taal/", {"language": "nl", "next": "/"})
        assert '<html lang="nl">' in client.get("/inloggen/").content.decode()

    def test_an_unknown_language_falls_back_to_dutch(self, db):
        client = Client()
        client.cookies["django_language"] = "de"
        assert '<html lang="nl">' in client.get("/inloggen/").content.decode()
