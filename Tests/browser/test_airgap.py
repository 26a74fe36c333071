"""Air-gap ready: nothing outside the site is requested, no inline script runs, a strict
Content-Security-Policy holds, and the pages work under it without console errors."""
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from conftest import SITE_DIR

PAGES = [
    "index.html", "glossary/index.html", "glossary/patch/index.html", "constraints/no-active-scanning/index.html",
    "tools/edr-agent/index.html", "workflows/ot-change/index.html", "scenarios/ransomware-downstream/index.html",
    "matrix/index.html", "404.html",
]


def html_files():
    return sorted(SITE_DIR.rglob("*.html"))


def test_html_has_no_inline_script_handler_or_remote_resource():
    files = html_files()
    assert len(files) > 100
    for path in files:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(SITE_DIR)
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert re.search(r'\ssrc="[^"]+"', tag), f"inline script in {name}: {tag}"
        assert not re.search(r"<script\b[^>]*>[^<]+</script>", html), f"script with a body in {name}"
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), f"inline event handler in {name}"
        assert not re.search(r'\s(?:src|srcset)="(?:https?:)?//', html), f"remote resource in {name}"
        assert not re.search(r'<link\b[^>]*href="(?:https?:)?//[^"]*"[^>]*rel="(?:stylesheet|icon|preload)', html)
        assert 'http-equiv="Content-Security-Policy"' in html, f"no policy in {name}"
        assert "script-src &#39;self&#39;" in html, f"policy without script-src 'self' in {name}"


def test_assets_name_nothing_outside_the_site():
    for path in list((SITE_DIR / "assets").iterdir()) + [SITE_DIR / "search-index.js", SITE_DIR / "card-data.js"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), f"remote url() in {path.name}"
        assert not re.search(r"@import|fonts\.googleapis|cdn\.", text), f"remote import in {path.name}"


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_pages_run_under_the_policy_without_errors_or_outside_requests(browser, scheme):
    # The fixture fails the test on any console error (a CSP violation is one) or outside request.
    for page in PAGES:
        if scheme == "file" and page == "404.html":
            continue  # 404.html links from the server root, which file:// does not have
        browser.open(page, scheme)
        assert browser.js("return document.documentElement.classList.contains('js')"), page
        assert browser.js("return document.querySelectorAll('script:not([src])').length") == 0
        links = browser.find_all("a.term-link")
        if links:
            ActionChains(browser.driver).move_to_element(links[0]).perform()
            browser.wait(lambda: browser.js("return !document.getElementById('term-card').hidden"))
        browser.find("#search-input").send_keys("control")
        browser.wait(lambda: len(browser.find_all(".search-list a")) > 0)


@pytest.mark.console_errors_expected
def test_the_policy_blocks_an_injected_inline_script(browser):
    browser.open("glossary/patch/index.html")
    browser.js("""
        var script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.appendChild(script);""")
    assert browser.js("return window.injected === true") is False
    errors = browser.console_errors()
    assert any("Content Security Policy" in error for error in errors), errors


def test_favicon_is_the_site_s_own(browser):
    browser.open("index.html")
    icon = browser.find("link[rel='icon']").get_attribute("href")
    assert icon.startswith(browser.driver.current_url.rsplit("/", 1)[0]) and icon.endswith("assets/favicon.svg")
