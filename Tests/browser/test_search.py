"""Search: the index loads on first use, prefix matching, ranking, keyboard."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys


def results(browser):
    return browser.js("""
        return Array.prototype.map.call(document.querySelectorAll('.search-list a'), function (a) {
          return [a.querySelector('.result-title').textContent, a.querySelector('.result-kind').textContent,
                  a.getAttribute('href')];
        });""")


def type_query(browser, text):
    box = browser.find("#search-input")
    box.clear()
    box.send_keys(text)
    browser.wait(lambda: browser.find("#search-results").is_displayed() and
                 "Loading" not in browser.find(".search-status").text)
    return box


def ranked(browser, query):
    browser.js("window.crosswalkSearch.load()")
    browser.wait(lambda: browser.js("return !!window.crosswalkSearchIndex"))
    return browser.js("return window.crosswalkSearch.query(arguments[0])", query)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_typing_shows_ranked_results_with_kind_and_summary(browser, scheme):
    browser.open("index.html", scheme)
    type_query(browser, "patch")
    found = results(browser)
    assert found[0][:2] == ["Patch", "Term"]
    assert found[0][2].endswith("glossary/patch/index.html")
    assert browser.find(".search-list .result-summary").text
    assert "match" in browser.find(".search-status").text


def test_prefixes_match_and_titles_rank_above_summaries_and_bodies(browser):
    browser.open("index.html")
    assert ranked(browser, "segm")[0] == "glossary/segmentation/"
    order = ranked(browser, "patch")
    titled = [url for url in order if "patch" in url]
    assert order[:len(titled)] == titled, "pages titled 'patch…' come first"
    assert len(order) > len(titled), "pages that only mention it come after"
    # An alias counts like a title; several words must all match.
    assert ranked(browser, "whitelisting")[0] == "glossary/application-allowlisting/"
    assert ranked(browser, "cmdb")[0] == "glossary/asset-inventory/"
    assert ranked(browser, "planned outage")[0] == "glossary/planned-outage/"
    assert ranked(browser, "zzzz nothing") == []


def test_keyboard_slash_arrows_escape_and_enter(browser):
    browser.open("glossary/index.html")
    browser.find("body").send_keys("/")
    assert browser.js("return document.activeElement.id") == "search-input"
    box = type_query(browser, "scan")
    assert len(results(browser)) >= 2
    box.send_keys(Keys.ARROW_DOWN)
    first = browser.js("return document.activeElement.getAttribute('href')")
    assert first == results(browser)[0][2]
    ActionChains(browser.driver).send_keys(Keys.ARROW_DOWN).perform()
    assert browser.js("return document.activeElement.getAttribute('href')") == results(browser)[1][2]
    ActionChains(browser.driver).send_keys(Keys.ARROW_UP, Keys.ARROW_UP).perform()
    assert browser.js("return document.activeElement.id") == "search-input"
    box.send_keys(Keys.ESCAPE)
    assert not browser.find("#search-results").is_displayed()
    type_query(browser, "historian")
    target = results(browser)[0][2]
    box.send_keys(Keys.ENTER)
    browser.wait(lambda: browser.driver.current_url.endswith(target.replace("../", "")))


def test_no_match_says_so(browser):
    browser.open("index.html")
    type_query(browser, "qqqxyz")
    assert results(browser) == []
    assert "No pages match" in browser.find(".search-status").text


def test_search_works_from_the_404_page(browser):
    browser.open("404.html")
    type_query(browser, "firewall")
    assert results(browser)[0][0] == "Firewall"
    assert results(browser)[0][2] == "/glossary/firewall/index.html"
