/* crosswalk: the lens switch (IT / both / OT) and the light/dark toggle in the site header.
   early.js has already applied the saved choices; this wires up the buttons. */
(function () {
  "use strict";
  var root = document.documentElement;
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* not kept */ }
  }

  // Lens
  var lensButtons = document.querySelectorAll("[data-lens-choice]");
  function currentLens() { return root.getAttribute("data-lens-view") || "both"; }
  function showLens() {
    var lens = currentLens();
    Array.prototype.forEach.call(lensButtons, function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-lens-choice") === lens ? "true" : "false");
    });
  }
  function setLens(lens) {
    root.setAttribute("data-lens-view", lens);
    write("crosswalk-lens", lens);
    // A ?lens= in the address would win on reload: keep it in step with the choice.
    if (/[?&]lens=/.test(window.location.search) && window.history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.set("lens", lens);
      window.history.replaceState(null, "", url.href);
    }
    showLens();
    document.dispatchEvent(new CustomEvent("crosswalk:lens", { detail: lens }));
  }
  Array.prototype.forEach.call(lensButtons, function (button) {
    button.addEventListener("click", function () { setLens(button.getAttribute("data-lens-choice")); });
  });
  window.addEventListener("storage", function (event) {
    if (event.key === "crosswalk-lens" && event.newValue) {
      root.setAttribute("data-lens-view", event.newValue);
      showLens();
    }
  });
  showLens();

  // Theme: follows the system until the reader picks one.
  var toggle = document.querySelector(".theme-toggle");
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effectiveTheme() {
    return root.getAttribute("data-theme") || (system && system.matches ? "dark" : "light");
  }
  function showTheme() {
    if (toggle) toggle.setAttribute("aria-pressed", effectiveTheme() === "dark" ? "true" : "false");
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = effectiveTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      write("crosswalk-theme", next);
      showTheme();
    });
  }
  if (system && system.addEventListener) system.addEventListener("change", showTheme);
  showTheme();
})();
