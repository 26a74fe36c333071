import Foundation

/// The browser side of serve mode: `live.js`, and the tag that loads it from served HTML.
/// It is an external script so a page with a strict Content-Security-Policy still runs it,
/// and it exists only in serve mode: built sites never contain it.
enum LiveReload {
    static let scriptPath = "/__crosswalk/live.js"

    /// The tag added before `</body>`. `generation` is the build whose files the page came
    /// from, so a build that ends between this response and the script's first request is
    /// not missed.
    static func tag(generation: Int) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>"
    }

    /// `html` with the tag inserted before the last `</body>` (case-insensitive), or at the
    /// end when there is none.
    static func inject(into html: Data, generation: Int) -> Data {
        let tag = Data(tag(generation: generation).utf8)
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        var index = bytes.count - needle.count
        while index >= 0 {
            if zip(bytes[index...], needle).allSatisfy({ lowercase($0) == $1 }) {
                return Data(bytes[..<index]) + tag + Data(bytes[index...])
            }
            index -= 1
        }
        return html + tag
    }

    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    // Computed, not stored: LeakSanitizer reports a `Data` held in a static as a leak.

    /// Shown while the first build runs; the script reloads it when the site is ready.
    static var buildingPage: Data {
        page(
            title: "crosswalk serve", heading: "Building the site",
            text: "This page reloads when the first build is done.")
    }

    /// Shown when no build has succeeded yet; the script shows the errors and reloads once
    /// a build works.
    static var failedPage: Data {
        page(
            title: "crosswalk serve", heading: "No site yet",
            text: "The last build failed; this page reloads when a build succeeds.")
    }

    /// Shown for a missing file when the site has no `404.html`.
    static var notFoundPage: Data {
        page(title: "Not found", heading: "Page not found", text: "There is no page at this address.")
    }

    private static func page(title: String, heading: String, text: String) -> Data {
        Data(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title></head>
            <body><main><h1>\(heading)</h1><p>\(text)</p></main></body></html>

            """.utf8)
    }

    /// Waits for builds with `/__crosswalk/wait`; reloads after a successful one and shows a
    /// failed one's diagnostics in a dismissable overlay over the last good page. The DOM is
    /// built with `textContent` only: messages quote the author's text.
    static let script = #"""
        // crosswalk serve: reloads after a successful rebuild, shows a failed one's errors.
        (function () {
          "use strict";
          var tag = document.currentScript;
          var shown = Number(tag && tag.getAttribute("data-generation")) || 0;
          var seen = -1;
          var overlay = null;
          var returnFocus = null;
          var retry = 500;
          var fresh = true;

          function get(path) {
            return fetch(path, { cache: "no-store" }).then(function (response) {
              if (!response.ok) { throw new Error("HTTP " + response.status); }
              return response.json();
            });
          }

          function place(d) {
            var text = d.file;
            if (d.line > 0) { text += ":" + d.line; if (d.column > 0) { text += ":" + d.column; } }
            return text;
          }

          function element(name, text, style) {
            var node = document.createElement(name);
            if (text) { node.textContent = text; }
            if (style) { Object.assign(node.style, style); }
            return node;
          }

          function hide() {
            if (!overlay) { return; }
            overlay.remove();
            overlay = null;
            if (returnFocus && returnFocus.focus) { returnFocus.focus(); }
          }

          function show(status) {
            hide();
            var errors = status.diagnostics.filter(function (d) { return d.severity === "error"; });
            overlay = element("section", "", {
              position: "fixed", left: "0", right: "0", top: "0", zIndex: "2147483647",
              maxHeight: "70vh", overflow: "auto", margin: "0", padding: "1rem 1.25rem",
              background: "#1d1d1f", color: "#f5f5f7", borderBottom: "4px solid #ff6b6b",
              font: "15px/1.5 system-ui, sans-serif", boxShadow: "0 4px 16px rgba(0,0,0,.4)"
            });
            overlay.id = "crosswalk-build-errors";
            overlay.setAttribute("role", "alertdialog");
            overlay.setAttribute("aria-labelledby", "crosswalk-build-errors-title");
            var count = errors.length + " error" + (errors.length === 1 ? "" : "s");
            var title = element("h2", "Build failed: " + count, { margin: "0 0 .5rem", fontSize: "1.1rem" });
            title.id = "crosswalk-build-errors-title";
            var note = element("p", "The page below is from the last good build.", { margin: "0 0 .75rem" });
            var list = element("ol", "", { margin: "0", paddingLeft: "1.25rem" });
            errors.forEach(function (d) {
              var item = element("li", "", { margin: "0 0 .5rem" });
              item.appendChild(element("code", place(d), { color: "#ffd479", font: "inherit", fontFamily: "monospace" }));
              item.appendChild(document.createTextNode(": " + d.message + " [" + d.code + "]"));
              if (d.hint) { item.appendChild(element("div", "hint: " + d.hint, { color: "#c7c7cc" })); }
              list.appendChild(item);
            });
            var close = element("button", "Dismiss", {
              marginTop: ".5rem", padding: ".25rem .75rem", font: "inherit", cursor: "pointer"
            });
            close.type = "button";
            close.addEventListener("click", hide);
            overlay.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
            [title, note, list, close].forEach(function (node) { overlay.appendChild(node); });
            returnFocus = document.activeElement;
            document.body.appendChild(overlay);
            close.focus();
          }

          function handle(status) {
            if (status.generation === seen) { return; }
            var restarted = status.generation < seen;
            seen = status.generation;
            if (status.generation === 0) { return; } // the first build is still running
            if (status.ok) {
              if (status.generation !== shown || restarted) { location.reload(); }
              else { hide(); }
            } else {
              show(status);
            }
          }

          function next() {
            // After an error the server may have restarted with new generations: ask at once.
            var path = fresh ? "/__crosswalk/status" : "/__crosswalk/wait?since=" + seen;
            get(path).then(function (status) {
              retry = 500;
              fresh = false;
              handle(status);
              next();
            }, function () {
              // The server is gone or restarting: try again, slower each time.
              fresh = true;
              setTimeout(next, retry);
              retry = Math.min(retry * 2, 5000);
            });
          }

          next();
        })();

        """#
}
