"""Browser tests: Playwright (Python) driving Debian's Chromium against a live test server, with an
axe-core scan (from its npm package) of every page visited."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from kansrijk.core import audit_db_guard

# Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("KANSRIJK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    if not AXE.exists():
        pytest.fail("axe-core not found: run `make setup` (npm packages)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _load_reference_data() -> None:
    """Transactional tests empty every table afterwards, also the reference data the migrations load;
    load it again (idempotent) so each browser test starts from a migrated database."""
    from kansrijk.geo.services import geo_load_fixture
    from kansrijk.kaart.services import taxonomy_load
    from kansrijk.pathways.services import pathway_load_packaged

    geo_load_fixture()
    taxonomy_load()
    pathway_load_packaged()


@pytest.fixture
def app_server(transactional_db: None, live_server: Any) -> Iterator[Any]:
    """The live server, with the audit trail's append-only guard in place during the test. The guard
    is lifted afterwards only so that the transactional test can empty the tables."""
    audit_db_guard.install(connection)
    _load_reference_data()
    yield live_server
    audit_db_guard.lift(connection)


def open_page(browser: Any, *, locale: str) -> Any:
    """A page in a fresh browser context, with axe-core available and console errors collected in
    `page.csp_errors` (a page that breaks its Content Security Policy logs an error)."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE))  # via the DevTools protocol, so the page's CSP stays strict
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
    page.csp_errors = errors
    return page


@pytest.fixture
def page(browser: Any, app_server: Any) -> Iterator[Any]:
    page = open_page(browser, locale="nl-NL")
    yield page
    page.context.close()


@pytest.fixture
def axe_check() -> Callable[[Any, str], list[dict[str, Any]]]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; fail on serious or critical
    violations. Saves a screenshot per page in test-artifacts/ for people to look at."""

    def check(page: Any, name: str) -> list[dict[str, Any]]:
        page.wait_for_load_state("load")
        errors_before = len(page.csp_errors)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
        )
        # axe itself may add a <style> element while it preloads the page's CSS; the CSP refuses that
        # and says so on the console. Those messages are the test tool's, not the page's.
        del page.csp_errors[errors_before:]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        details = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
        assert serious == [], f"axe violations on {name} ({page.url}): {details}"
        return list(result["violations"])

    return check
