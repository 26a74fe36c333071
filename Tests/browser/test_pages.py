"""Layout and the rest of the reader's experience: phone width, JavaScript off, dark mode,
print, landmarks and focus, 404 and sitemap."""
import xml.etree.ElementTree as ElementTree

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import SITE_DIR

PAGES = [
    "index.html", "glossary/index.html", "glossary/patch/index.html", "constraints/no-active-scanning/index.html",
    "tools/edr-agent/index.html", "tools/active-vulnerability-scanner/index.html", "workflows/ot-change/index.html",
    "scenarios/ransomware-downstream/index.html", "matrix/index.html", "404.html",
]


def test_no_horizontal_overflow_at_phone_width(browser):
    browser.width(360)
    for page in PAGES:
        browser.open(page)
        widths = browser.js("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert widths == [360, 360], f"{page} is {widths[0]} px wide at 360"
    # Swimlanes become one column with the lane named on every card.
    browser.open("workflows/ot-change/index.html")
    assert not browser.find(".lane-heads").is_displayed()
    assert browser.find(".step-ot .lane-tag").text.upper() == "OT LANE"


def test_wide_screens_put_the_table_of_contents_beside_the_text(browser):
    browser.width(1400, 900)
    browser.open("scenarios/ransomware-downstream/index.html")
    toc = browser.js("return document.querySelector('.toc').getBoundingClientRect().left")
    content = browser.js("return document.querySelector('.page-content').getBoundingClientRect().right")
    assert toc > content
    ids = browser.js("return Array.prototype.map.call(document.querySelectorAll('.toc a'),"
                     " function (a) { return a.getAttribute('href').slice(1); })")
    for target in ids:
        assert browser.js("return !!document.getElementById(arguments[0])", target), target


def test_without_javascript_everything_is_readable(browser):
    browser.cdp("Emulation.setScriptExecutionDisabled", {"value": True})
    for page in ["glossary/patch/index.html", "workflows/ot-change/index.html",
                 "scenarios/ransomware-downstream/index.html", "matrix/index.html"]:
        browser.open(page)
        assert not browser.js("return document.documentElement.classList.contains('js')")
        assert not browser.find(".search").is_displayed()
        assert not browser.find(".controls").is_displayed()
        assert browser.find("main h1").is_displayed()
        body = browser.find("main").text
        assert len(body) > 500, page
    browser.open("workflows/ot-change/index.html")
    assert len([s for s in browser.find_all(".step-card") if s.is_displayed()]) == 12
    assert browser.find(".connections svg").is_displayed()


def test_dark_mode_follows_the_system_and_the_toggle_wins(browser):
    background = "return getComputedStyle(document.body).backgroundColor"
    browser.color_scheme("dark")
    browser.open("glossary/patch/index.html")
    assert browser.js(background) == "rgb(18, 20, 23)"
    toggle = browser.find(".theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert browser.js(background) == "rgb(255, 255, 255)"
    browser.open("glossary/availability/index.html")
    assert browser.js(background) == "rgb(255, 255, 255)"
    assert browser.find(".theme-toggle").get_attribute("aria-pressed") == "false"


def test_scenario_prints_as_a_facilitator_handout(browser):
    browser.open("scenarios/ransomware-downstream/index.html")
    browser.cdp("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = ["document.querySelector('.site-header')", "document.querySelector('.toc')",
              "document.querySelector('.connections')", "document.querySelector('.site-footer')"]
    for element in hidden:
        assert browser.js(f"return getComputedStyle({element}).display") == "none", element
    assert browser.js("return getComputedStyle(document.querySelector('.notes-box')).display") == "block"
    heading = "return getComputedStyle(document.querySelector('.page-header'), '::before').content"
    assert "Facilitator handout" in browser.js(heading)
    it, ot = browser.js("return ['.questions-it', '.questions-ot'].map(function (s) {"
                        " var r = document.querySelector(s).getBoundingClientRect(); return [r.top, r.left]; })")
    assert it[0] == ot[0] and it[1] < ot[1], "IT and OT questions side by side"


def test_landmarks_skip_link_and_visible_focus(browser):
    browser.open("glossary/patch/index.html")
    assert len(browser.find_all("main#main")) == 1
    assert len(browser.find_all("body > header.site-header")) == 1
    assert len(browser.find_all("body > footer")) == 1
    assert browser.find("nav.breadcrumbs").get_attribute("aria-label") == "Breadcrumb"
    assert browser.find_all("nav.site-nav a[aria-current]")[0].text == "Glossary"
    ActionChains(browser.driver).send_keys(Keys.TAB).perform()
    skip = browser.js("return document.activeElement")
    assert skip.get_attribute("class") == "skip-link" and skip.is_displayed()
    assert browser.js("return getComputedStyle(document.activeElement).outlineStyle") == "solid"
    ActionChains(browser.driver).send_keys(Keys.ENTER).perform()
    assert browser.js("return document.activeElement.id") == "main"
    ActionChains(browser.driver).send_keys(Keys.TAB).perform()
    assert browser.js("return getComputedStyle(document.activeElement).outlineStyle") == "solid"


def test_404_page_and_sitemap(browser):
    browser.open("404.html")
    assert browser.find("h1").text == "Page not found"
    assert browser.js("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle") == "solid"
    browser.find(".section-cards a[href='/glossary/index.html']").click()
    browser.wait(lambda: browser.driver.current_url.endswith("/glossary/index.html"))
    tree = ElementTree.parse(SITE_DIR / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [node.text for node in tree.getroot().findall("s:url/s:loc", namespace)]
    pages = [path for path in SITE_DIR.rglob("index.html")]
    assert len(locations) == len(pages)
    assert "https://kb.example.org/glossary/patch/" in locations
    assert all(location.startswith("https://kb.example.org/") for location in locations)
