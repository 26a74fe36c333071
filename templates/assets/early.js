/* crosswalk: runs in <head>, before the page is drawn, so a saved theme or lens shows at once
   instead of flashing. Loaded by a plain script tag: the site has no inline script, so a
   Content-Security-Policy of script-src 'self' holds. Without JavaScript none of this runs
   and the page shows both sides in the system's colour scheme. */
(function () {
  "use strict";
  var root = document.documentElement;
  var LENSES = ["it", "ot", "both"];
  function read(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: not kept */ }
  }
  root.classList.add("js");

  var theme = read("crosswalk-theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);

  // ?lens=ot on any page sets the lens, and it is kept for the next pages.
  var lens = null;
  var match = /[?&]lens=([a-z]+)/.exec(window.location.search);
  if (match && LENSES.indexOf(match[1]) >= 0) {
    lens = match[1];
    write("crosswalk-lens", lens);
  } else {
    lens = read("crosswalk-lens");
  }
  root.setAttribute("data-lens-view", LENSES.indexOf(lens) >= 0 ? lens : "both");
})();
