"""Browser tests for the default theme: one headless Chromium for the whole run.

run.sh builds the shipped site, serves it with `python3 -m http.server` on loopback and passes
CROSSWALK_SITE_DIR and CROSSWALK_SITE_URL. Every test starts from a clean state (no stored
lens or theme, no emulation) and ends with two checks of everything the page did meanwhile:
no console error, and no request to anything but the site itself. Chromium runs with
--proxy-server=127.0.0.1:9, so a request that would leave the machine also fails loudly.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SITE_DIR = Path(os.environ.get("CROSSWALK_SITE_DIR", "public")).resolve()
SITE_URL = os.environ.get("CROSSWALK_SITE_URL", "http://127.0.0.1:8000/")
FILE_URL = SITE_DIR.as_uri() + "/"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def base(scheme: str) -> str:
    return SITE_URL if scheme == "http" else FILE_URL


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--proxy-server=127.0.0.1:9",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # Driver profiles go to the run's temporary folder, removed by run.sh.
    os.environ.setdefault("TMPDIR", tempfile.gettempdir())
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    chrome.set_script_timeout(30)
    yield chrome
    chrome.quit()


class Browser:
    """The shared driver plus the few moves every test makes."""

    def __init__(self, driver):
        self.driver = driver

    def open(self, path: str, scheme: str = "http"):
        self.driver.get(base(scheme) + path)
        WebDriverWait(self.driver, 10).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def find(self, selector: str):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def find_all(self, selector: str):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def wait(self, condition, timeout: float = 5):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition())

    def lens(self) -> str | None:
        return self.js("return document.documentElement.getAttribute('data-lens-view')")

    def cdp(self, command: str, params: dict | None = None):
        return self.driver.execute_cdp_cmd(command, params or {})

    def width(self, pixels: int, height: int = 800):
        self.cdp("Emulation.setDeviceMetricsOverride",
                 {"width": pixels, "height": height, "deviceScaleFactor": 1, "mobile": pixels < 600})

    def color_scheme(self, scheme: str):
        self.cdp("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def console_errors(self) -> list[str]:
        return [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]

    def requested_urls(self) -> list[str]:
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls


def reset(driver):
    for command, params in (
        ("Emulation.clearDeviceMetricsOverride", {}),
        ("Emulation.setEmulatedMedia", {"media": "", "features": []}),
        ("Emulation.setScriptExecutionDisabled", {"value": False}),
        ("Emulation.setTouchEmulationEnabled", {"enabled": False}),
    ):
        driver.execute_cdp_cmd(command, params)
    # Stored lens and theme live per origin: clear both the server's and file://'s.
    for scheme in ("http", "file"):
        driver.get(base(scheme) + "index.html")
        driver.execute_script("window.localStorage.clear()")
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")


def is_local(url: str) -> bool:
    return (url.startswith(SITE_URL) or url.startswith(FILE_URL) or url.startswith("data:")
            or url.startswith("about:") or url.startswith("blob:"))


@pytest.fixture
def browser(driver, request):
    reset(driver)
    page = Browser(driver)
    yield page
    errors = page.console_errors()
    outside = [url for url in page.requested_urls() if not is_local(url)]
    if request.node.get_closest_marker("console_errors_expected") is None:
        assert errors == [], f"console errors: {errors}"
    assert outside == [], f"requests outside the site: {outside}"
