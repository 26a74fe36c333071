"""axe-core on every kind of page, light and dark, both lenses: no serious or critical
violation (contrast included)."""
import pytest
from selenium_axe_python import Axe

PAGES = [
    "index.html", "glossary/index.html", "glossary/patch/index.html", "constraints/no-active-scanning/index.html",
    "tools/edr-agent/index.html", "workflows/ot-change/index.html", "scenarios/ransomware-downstream/index.html",
    "matrix/index.html", "guides/index.html", "404.html",
]


def serious(browser, options):
    axe = Axe(browser.driver)
    axe.inject()
    # Options go straight to axe.run: the wrapper's run() mangles Python values (DESIGN.md).
    result = browser.driver.execute_async_script(
        "axe.run(document, arguments[0]).then(arguments[1])", options)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"] if violation["impact"] in ("serious", "critical")
    ]


# Every page in the two schemes; the lens-dependent pages again with the other lenses.
LENS_PAGES = ["glossary/index.html", "glossary/patch/index.html", "workflows/ot-change/index.html",
              "scenarios/ransomware-downstream/index.html"]


@pytest.mark.parametrize("color_scheme,lens,pages", [
    ("light", "both", PAGES), ("dark", "both", PAGES), ("light", "it", LENS_PAGES), ("dark", "ot", LENS_PAGES),
])
def test_no_serious_violations(browser, color_scheme, lens, pages):
    browser.color_scheme(color_scheme)
    problems = []
    for page in pages:
        browser.open(f"{page}?lens={lens}")
        problems += [f"{page}: {problem}" for problem in serious(browser, {"resultTypes": ["violations"]})]
    assert problems == []


def test_no_serious_violations_with_the_dark_toggle_over_a_light_system(browser):
    browser.color_scheme("light")
    browser.open("glossary/patch/index.html")
    browser.find(".theme-toggle").click()
    assert serious(browser, {"resultTypes": ["violations"]}) == []


def test_no_serious_violations_on_a_phone_from_file(browser):
    browser.width(360)
    browser.open("workflows/ot-change/index.html", "file")
    assert serious(browser, {"resultTypes": ["violations"], "preload": False}) == []
