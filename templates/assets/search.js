/* crosswalk: search in the browser. The index (search-index.js, written by the build) is
   loaded the first time the box is used, as a script so it also works from file://.
   Every word of the query must prefix-match a word of the page; title and alias matches rank
   above headings and the summary, which rank above the body. "/" focuses the box; the arrow
   keys move through the results, Enter opens one, Escape closes them. */
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var panel = document.getElementById("search-results");
  if (!input || !panel) return;
  var list = panel.querySelector(".search-list");
  var status = panel.querySelector(".search-status");
  var root = document.documentElement.getAttribute("data-root") || "";
  var LIMIT = 12;
  // [exact word, prefix] points per field.
  var WEIGHTS = { title: [100, 70], alias: [90, 60], heading: [40, 30], summary: [30, 20], body: [8, 5] };

  var pages = null;      // prepared index
  var loading = false;
  var waiting = [];

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function prepare(data) {
    return data.pages.map(function (row) {
      return {
        url: row[0], kind: data.kinds[row[1]] || "", title: row[2], summary: row[3],
        t: words(row[2]), a: words(row[4].join(" ")), h: words(row[5].join(" ")), s: words(row[3]),
        b: row[6] ? row[6].split(" ") : []
      };
    });
  }

  function load(then) {
    if (pages) { if (then) then(); return; }
    if (then) waiting.push(then);
    if (window.crosswalkSearchIndex) { ready(); return; }
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = ready;
    script.onerror = function () {
      loading = false;
      showStatus("The search index could not be loaded.");
    };
    document.head.appendChild(script);
  }
  function ready() {
    if (!window.crosswalkSearchIndex) return;
    pages = prepare(window.crosswalkSearchIndex);
    var callbacks = waiting;
    waiting = [];
    callbacks.forEach(function (callback) { callback(); });
  }

  // 2 for an exact word, 1 for a prefix, 0 for no match.
  function match(tokens, term) {
    var found = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (tokens[i] === term) return 2;
      if (!found && tokens[i].lastIndexOf(term, 0) === 0) found = 1;
    }
    return found;
  }
  function fieldScore(page, term) {
    var fields = [["title", page.t], ["alias", page.a], ["heading", page.h], ["summary", page.s], ["body", page.b]];
    for (var i = 0; i < fields.length; i++) {
      var hit = match(fields[i][1], term);
      if (hit) return WEIGHTS[fields[i][0]][hit === 2 ? 0 : 1];
    }
    return 0;
  }

  // Ranked pages for a query: [{page, score}], best first.
  function search(query) {
    var terms = words(query);
    if (!terms.length || !pages) return [];
    var folded = terms.join(" ");
    var results = [];
    for (var p = 0; p < pages.length; p++) {
      var page = pages[p];
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var points = fieldScore(page, terms[i]);
        if (!points) { score = 0; break; }
        score += points;
      }
      if (!score) continue;
      var title = page.t.join(" ");
      if (title === folded) score += 200;
      else if (title.lastIndexOf(folded, 0) === 0) score += 50;
      results.push({ page: page, score: score });
    }
    results.sort(function (a, b) {
      return b.score - a.score || a.page.title.length - b.page.title.length ||
        (a.page.title < b.page.title ? -1 : a.page.title > b.page.title ? 1 : 0);
    });
    return results;
  }

  function showStatus(text) {
    status.textContent = text;
    open();
  }
  function open() { panel.hidden = false; }
  function close() { panel.hidden = true; }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render() {
    var query = input.value.trim();
    list.textContent = "";
    if (!query) { close(); return; }
    if (!pages) { showStatus("Loading the search index…"); load(render); return; }
    var results = search(query);
    results.slice(0, LIMIT).forEach(function (result) {
      var page = result.page;
      var link = element("a", "search-result");
      link.href = root + page.url + "index.html";
      link.appendChild(element("span", "result-title", page.title));
      link.appendChild(element("span", "result-kind", page.kind));
      if (page.summary) link.appendChild(element("span", "result-summary", page.summary));
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    var count = results.length;
    showStatus(count === 0 ? "No pages match “" + query + "”." :
      count > LIMIT ? count + " pages match; the first " + LIMIT + " are shown." :
      count === 1 ? "1 page matches." : count + " pages match.");
  }

  function resultLinks() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", function () { load(); if (input.value.trim()) render(); });
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    var links = resultLinks();
    if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      open();
      links[0].focus();
    } else if (event.key === "Enter" && links.length) {
      event.preventDefault();
      links[0].click();
    } else if (event.key === "Escape") {
      if (!panel.hidden) close(); else input.value = "";
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at === 0) input.focus(); else links[at - 1].focus();
    } else if (event.key === "Home") {
      event.preventDefault();
      links[0].focus();
    } else if (event.key === "End") {
      event.preventDefault();
      links[links.length - 1].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.focus();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing goes back to the box
    }
  });
  // "/" anywhere but in a text field jumps to the search box.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  document.addEventListener("pointerdown", function (event) {
    if (!panel.hidden && !panel.contains(event.target) && event.target !== input) close();
  });
  document.addEventListener("focusin", function (event) {
    if (!panel.hidden && !panel.contains(event.target) && event.target !== input) close();
  });

  // For tests and the benchmark: ranked URLs for a query, once the index is loaded.
  window.crosswalkSearch = {
    load: load,
    query: function (text) { return search(text).map(function (result) { return result.page.url; }); }
  };
})();
