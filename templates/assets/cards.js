/* crosswalk: hover cards for auto-linked glossary terms. Hovering or keyboard-focusing a term
   shows its summary and its meaning for the current lens; Escape dismisses the card. On touch,
   the first tap shows the card and a second tap on the same term follows the link. The card's
   text comes from the link's data attributes, written by the build. */
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

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function fill(link, byTouch) {
    card.textContent = "";
    card.appendChild(paragraph("term-card-title", link.textContent));
    var summary = link.getAttribute("data-summary");
    if (summary) card.appendChild(paragraph("term-card-summary", summary));
    var view = lens();
    var sides = view === "both" ? ["it", "ot"] : [view];
    sides.forEach(function (side) {
      var meaning = link.getAttribute("data-" + side);
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
    fill(link, byTouch);
    card.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", card.id);
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
