"""The IT / OT lens: a switch in the header, kept across pages, settable by ?lens=."""
import pytest

TERM = "glossary/patch/index.html"
OTHER = "glossary/availability/index.html"


def top_left(browser, selector):
    return browser.js("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                      "return [Math.round(r.top), Math.round(r.left)];", selector)


def pressed(browser):
    return [b.get_attribute("data-lens-choice") for b in browser.find_all(".lens-button[aria-pressed='true']")]


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_switch_brings_the_chosen_side_forward_and_is_kept(browser, scheme):
    browser.open(TERM, scheme)
    assert browser.lens() == "both"
    assert pressed(browser) == ["both"]
    assert top_left(browser, ".meaning-it") < top_left(browser, ".meaning-ot")

    browser.find(".lens-button[data-lens-choice='ot']").click()
    assert browser.lens() == "ot"
    assert pressed(browser) == ["ot"]
    assert top_left(browser, ".meaning-ot") < top_left(browser, ".meaning-it")
    it_style = browser.js("return getComputedStyle(document.querySelector('.meaning-it')).borderTopStyle")
    assert it_style == "dashed"

    browser.open(OTHER, scheme)
    assert browser.lens() == "ot"
    assert pressed(browser) == ["ot"]


def test_url_parameter_sets_the_lens_for_the_next_pages(browser):
    browser.open(TERM + "?lens=it")
    assert browser.lens() == "it"
    assert pressed(browser) == ["it"]
    browser.open(OTHER)
    assert browser.lens() == "it"
    browser.open(OTHER + "?lens=nonsense")
    assert browser.lens() == "it"


def test_switching_keeps_a_lens_parameter_in_step(browser):
    browser.open(TERM + "?lens=it")
    browser.find(".lens-button[data-lens-choice='both']").click()
    assert "lens=both" in browser.driver.current_url
    browser.driver.refresh()
    assert browser.lens() == "both"


def test_workflow_lanes_and_scenario_questions_follow_the_lens(browser):
    browser.open("workflows/ot-change/index.html?lens=ot")
    it_card = browser.js("return getComputedStyle(document.querySelector('.step-it .step-card')).borderTopStyle")
    ot_card = browser.js("return getComputedStyle(document.querySelector('.step-ot .step-card')).borderRightStyle")
    assert it_card == "solid"  # the lane colour bar stays; the other sides turn dashed
    assert browser.js("return getComputedStyle(document.querySelector('.step-it .step-card')).borderRightStyle") == "dashed"
    assert ot_card == "solid"
    browser.open("scenarios/ransomware-downstream/index.html")
    assert top_left(browser, ".questions-ot")[1] < top_left(browser, ".questions-it")[1]


def test_callouts_follow_the_lens(browser):
    """Callouts arrive as <aside class="callout callout-it" data-callout="it" data-lens="it">."""
    browser.open(TERM + "?lens=ot")
    browser.js("""
        var body = document.querySelector('.body');
        ['it', 'ot'].forEach(function (side) {
          var aside = document.createElement('aside');
          aside.className = 'callout callout-' + side;
          aside.setAttribute('data-callout', side);
          aside.setAttribute('data-lens', side);
          aside.id = 'test-callout-' + side;
          aside.textContent = side + ' callout';
          body.appendChild(aside);
        });""")
    style = "return getComputedStyle(document.getElementById(arguments[0])).borderTopStyle"
    assert browser.js(style, "test-callout-it") == "dashed"
    assert browser.js(style, "test-callout-ot") == "solid"
    shadow = "return getComputedStyle(document.getElementById(arguments[0])).boxShadow"
    assert browser.js(shadow, "test-callout-ot") != "none"
    browser.find(".lens-button[data-lens-choice='it']").click()
    assert browser.js(style, "test-callout-it") == "solid"
    assert browser.js(style, "test-callout-ot") == "dashed"


def test_without_javascript_both_sides_show_and_the_switch_is_hidden(browser):
    browser.open(TERM + "?lens=ot")
    browser.cdp("Emulation.setScriptExecutionDisabled", {"value": True})
    browser.driver.refresh()
    assert browser.lens() is None
    assert top_left(browser, ".meaning-it") < top_left(browser, ".meaning-ot")
    assert not browser.find(".lens-switch").is_displayed()
    assert browser.find(".meaning-it").is_displayed() and browser.find(".meaning-ot").is_displayed()
