/* crosswalk: hover cards for auto-linked glossary terms. Hovering or keyboard-focusing a term
   shows its summary and its meaning for the current lens; Escape dismisses the card. On touch,
   the first tap shows the card and a second tap on the same term follows the link. The card's
   text comes from card-data.js, written by the build and loaded the first time a card is
   needed (a script tag: it works from file:// too); each link names its term in data-card. */
(function () {
  "use strict";
  var links = document.querySelectorAll("a.term-link");
  if (!links.length) return;

  var card = document.createElement("div");
  card.id = "term-card";
  card.className = "term-card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);

  var current = null;      // the link whose card is showing
  var showTimer = 0;
  var hideTimer = 0;
  var touchLink = null;    // a link just touched: its focus must not count as a first tap

  function lens() { return document.documentElement.getAttribute("data-lens-view") || "both"; }

  var loading = false;
  var waiting = [];
  function load(then) {
    if (window.crosswalkCards) { then(); return; }
    waiting.push(then);
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = (document.documentElement.getAttribute("data-root") || "") + "card-data.js";
    script.onload = function () {
      var callbacks = waiting;
      waiting = [];
      callbacks.forEach(function (callback) { callback(); });
    };
    script.onerror = function () { loading = false; waiting = []; };
    document.head.appendChild(script);
  }

  // [summary, it, ot] of the link's term; empty until card-data.js has loaded.
  function text(link) {
    var cards = window.crosswalkCards || {};
    return cards[link.getAttribute("data-card")] || ["", "", ""];
  }

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function fill(link, byTouch) {
    card.textContent = "";
    card.appendChild(paragraph("term-card-title", link.textContent));
    var data = text(link);
    if (data[0]) card.appendChild(paragraph("term-card-summary", data[0]));
    var view = lens();
    var sides = view === "both" ? ["it", "ot"] : [view];
    sides.forEach(function (side) {
      var meaning = data[side === "it" ? 1 : 2];
      if (!meaning) return;
      var p = paragraph("term-card-meaning", " " + meaning);
      var tag = document.createElement("span");
      tag.className = "side-tag side-tag-" + side;
      tag.textContent = side.toUpperCase();
      p.insertBefore(tag, p.firstChild);
      card.appendChild(p);
    });
    if (byTouch) card.appendChild(paragraph("term-card-hint", "Tap the term again to open its page."));
  }

  function place(link) {
    var box = link.getBoundingClientRect();
    var width = card.offsetWidth;
    var height = card.offsetHeight;
    var margin = 8;
    var left = Math.min(box.left, window.innerWidth - width - margin);
    left = Math.max(margin, left);
    var top = box.bottom + 6;
    if (top + height > window.innerHeight - margin && box.top - height - 6 > margin) top = box.top - height - 6;
    card.style.left = left + window.scrollX + "px";
    card.style.top = top + window.scrollY + "px";
  }

  function show(link, byTouch) {
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    load(function () {
      if (current !== link) return; // another term, or none, by the time the text came
      fill(link, byTouch);
      card.hidden = false;
      place(link);
      link.setAttribute("aria-describedby", card.id);
    });
  }

  function hide() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    card.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }

  Array.prototype.forEach.call(links, function (link) {
    // The card replaces the browser's tooltip; both at once would cover each other.
    link.removeAttribute("title");
    link.addEventListener("pointerenter", function (event) {
      if (event.pointerType === "touch") return;
      load(function () {}); // start now: the card shows after a short delay anyway
      window.clearTimeout(hideTimer);
      window.clearTimeout(showTimer);
      showTimer = window.setTimeout(function () { show(link, false); }, 120);
    });
    link.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "touch") return;
      window.clearTimeout(showTimer);
      if (current === link) hideSoon();
    });
    link.addEventListener("pointerdown", function (event) {
      touchLink = event.pointerType === "touch" ? link : null;
    });
    link.addEventListener("focus", function () {
      if (touchLink !== link) show(link, false);
    });
    link.addEventListener("blur", function () {
      if (current === link && touchLink !== link) hideSoon();
    });
    link.addEventListener("click", function (event) {
      if (touchLink !== link) return;
      if (current === link && !card.hidden) {
        touchLink = null;
        return; // second tap: follow the link
      }
      event.preventDefault();
      show(link, true);
    });
  });

  card.addEventListener("pointerenter", function () { window.clearTimeout(hideTimer); });
  card.addEventListener("pointerleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !card.hidden) hide();
  });
  // A tap or click anywhere else closes a card opened by touch.
  document.addEventListener("pointerdown", function (event) {
    if (card.hidden || card.contains(event.target)) return;
    var target = event.target.closest ? event.target.closest("a.term-link") : null;
    if (target !== current) {
      hide();
      if (!target) touchLink = null;
    }
  });
  window.addEventListener("resize", hide);
  document.addEventListener("crosswalk:lens", function () {
    if (current && !card.hidden) fill(current, false);
  });
})();
