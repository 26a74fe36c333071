"""Hover cards on auto-linked glossary terms: mouse, keyboard focus, Escape, touch. The card's
text is loaded from card-data.js the first time one is needed; it must match the term's file."""
import time
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.keys import Keys

PAGE = "workflows/ot-change/index.html"
TERM = "a.term-link[data-term='patch']"


def front_matter(path):
    """The single-line keys of a content file's front matter (enough for summary, it, ot)."""
    text = (Path(__file__).resolve().parents[2] / "content" / path).read_text()
    head = text.split("---")[1]
    return dict(line.split(": ", 1) for line in head.splitlines() if ": " in line and not line.startswith(" "))


PATCH = front_matter("glossary/patch.md")


def card_visible(browser):
    return browser.js("var c = document.getElementById('term-card'); return !!c && !c.hidden")


def card_text(browser):
    return browser.js("return document.getElementById('term-card').textContent")


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_hover_shows_summary_and_both_meanings_then_leaves(browser, scheme):
    browser.open(PAGE, scheme)
    link = browser.find(TERM)
    assert link.get_dom_attribute("title") is None, "the native tooltip would double the card"
    ActionChains(browser.driver).move_to_element(link).perform()
    browser.wait(lambda: card_visible(browser))
    text = card_text(browser)
    assert PATCH["summary"] in text
    assert PATCH["it"] in text and PATCH["ot"] in text
    assert link.get_attribute("data-summary") is None, "the text is in card-data.js, not in every link"
    assert link.get_attribute("aria-describedby") == "term-card"
    ActionChains(browser.driver).move_to_element(browser.find("h1")).perform()
    browser.wait(lambda: not card_visible(browser))


def test_card_shows_the_meaning_for_the_current_lens(browser):
    browser.open(PAGE + "?lens=ot")
    link = browser.find(TERM)
    ActionChains(browser.driver).move_to_element(link).perform()
    browser.wait(lambda: card_visible(browser))
    text = card_text(browser)
    assert PATCH["ot"] in text
    assert PATCH["it"] not in text


def test_keyboard_focus_shows_the_card_and_escape_dismisses_it(browser):
    browser.open(PAGE)
    link = browser.find(TERM)
    # Focus the element before the link, then Tab onto it, as a keyboard user would.
    browser.js("""
        var links = Array.prototype.slice.call(document.querySelectorAll('a[href]'));
        var at = links.indexOf(arguments[0]);
        links[at - 1].focus();""", link)
    ActionChains(browser.driver).send_keys(Keys.TAB).perform()
    assert browser.js("return document.activeElement") == link
    browser.wait(lambda: card_visible(browser))
    ActionChains(browser.driver).send_keys(Keys.ESCAPE).perform()
    browser.wait(lambda: not card_visible(browser))
    assert browser.js("return document.activeElement") == link
    assert link.get_dom_attribute("aria-describedby") is None


def tap(browser, element):
    actions = ActionBuilder(browser.driver, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    actions.pointer_action.move_to(element).pointer_down().pointer_up()
    actions.perform()


def test_first_tap_shows_the_card_second_tap_follows_the_link(browser):
    browser.width(390)
    browser.open(PAGE)
    link = browser.find(TERM)
    browser.js("arguments[0].scrollIntoView({block: 'center'})", link)
    href = link.get_attribute("href")
    tap(browser, link)
    browser.wait(lambda: card_visible(browser))
    assert "Tap the term again" in card_text(browser)
    assert browser.driver.current_url.endswith(PAGE)
    time.sleep(0.4)  # two quick taps would be a double tap, a different gesture
    tap(browser, browser.find(TERM))
    browser.wait(lambda: browser.driver.current_url == href)
