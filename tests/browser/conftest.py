"""Browser tests: Playwright driving the Debian chromium (no browser can be downloaded here).

They run against `live_server`, whose transactional test case empties the tables afterwards,
so they are moved to the end of the run where that cannot disturb data other tests share.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# itself are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    browser = [i for i in items if i.get_closest_marker("browser")]
    others = [i for i in items if not i.get_closest_marker("browser")]
    items[:] = others + browser


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium tidak terpasang (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844})
    pg = context.new_page()
    yield pg
    context.close()
