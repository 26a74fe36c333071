"""Time to first search result in headless Chromium, for the benchmark (not a test).

    python3 Tests/browser/search_bench.py SITE_DIR [QUERY ...]

Opens SITE_DIR/index.html from file:// (the slowest way the index can load), types each query
into the search box as a reader would and reports, in milliseconds: the time from the first
keystroke until results are on screen (index download, parse and preparation included), then
the time per further query once the index is loaded. Prints one line of `key=value` pairs;
needs the venv that Tests/browser/run.sh creates (selenium) and chromium-driver.
"""
import os
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    site = Path(sys.argv[1]).resolve()
    queries = sys.argv[2:] or ["cont", "control system", "patch", "zzzz"]
    index = site / "search-index.js"
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--proxy-server=127.0.0.1:9"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    try:
        driver.get((site / "index.html").as_uri())
        box = driver.find_element("css selector", "#search-input")
        started = time.perf_counter()
        box.send_keys(queries[0])
        WebDriverWait(driver, 60).until(lambda d: d.execute_script(
            "return !!window.crosswalkSearchIndex && !document.getElementById('search-results').hidden"
            " && !/Loading/.test(document.querySelector('.search-status').textContent)"))
        first = (time.perf_counter() - started) * 1000
        timings = driver.execute_script("""
            var out = [];
            arguments[0].forEach(function (q) {
              var t = performance.now();
              var n = window.crosswalkSearch.query(q).length;
              out.push([q, performance.now() - t, n]);
            });
            return out;""", queries)
        pages = driver.execute_script("return window.crosswalkSearchIndex.pages.length")
    finally:
        driver.quit()
    fields = [f"pages={pages}", f"index_bytes={index.stat().st_size}", f"first_result_ms={first:.0f}"]
    fields += [f"query[{q}]_ms={ms:.1f}/{n}" for q, ms, n in timings]
    print(" ".join(fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
