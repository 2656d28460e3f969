"""Browser tests in Debian's Chromium, driven by Playwright, against pytest-django's live server.

Map tiles come from a local image instead of the tile server (there is no
internet in tests); everything else is the real site.
"""

import io
import os
import shutil

import pytest

from .site_data import site_data  # noqa: F401  (a fixture: every public page type, for several modules)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}

# Playwright's sync API runs an event loop in this thread; Django's ORM (used by
# the fixtures, not by the page under test) refuses to run next to one.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def tile_png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 236, 226)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def tile_requests():
    return []


@pytest.fixture
def context(browser, tile_png, tile_requests):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="nl-NL")

    def serve_tile(route):
        tile_requests.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile_png)

    context.route("https://tile.openstreetmap.org/**", serve_tile)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def login_browser(context, live_server):
    """Log a user into the browser context by copying a session made with Django's test client."""
    from django.test import Client

    def login(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])

    return login


def open_first_popup(page, attempts=5):
    """Click the first marker until its popup shows.

    The marker-cluster layer redraws its markers once the map has settled; a
    click that lands during that redraw hits the map instead. A person simply
    taps again, and so does this.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _attempt in range(attempts):
        page.locator(".leaflet-marker-icon").first.click()
        try:
            page.wait_for_selector(".leaflet-popup-content a", timeout=2000)
            return page.locator(".leaflet-popup-content")
        except PlaywrightTimeout:
            continue
    raise AssertionError("no popup opened after clicking the marker")
