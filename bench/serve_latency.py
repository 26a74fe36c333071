#!/usr/bin/env python3
"""How long `crosswalk serve` takes from saving a file to telling the browser to reload.

Starts `crosswalk serve --port 0` on a corpus made by generate.py, waits for its first build,
then edits files as a writer would: a note's body, a new wikilink, a term's summary (shown
wherever the term is listed) and a term's title (shown wherever it is linked). For each edit it
holds the live-reload long poll a browser holds (`/__crosswalk/wait`), writes the file, and
times until the poll answers with the new build. Every file is put back; the server is stopped.

    python3 bench/serve_latency.py CROSSWALK CORPUS [--edits N]

Prints one line per kind of edit: the median and the slowest, in milliseconds.
Standard library only; used by bench/run.sh, never by the unit tests.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request


def first_note(corpus):
    notes = os.path.join(corpus, "content", "notes")
    for root, dirs, files in sorted(os.walk(notes)):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md") and name != "index.md":
                return os.path.join(root, name)
    raise SystemExit("serve_latency: no note under " + notes)


def renamable_term(corpus):
    """The first of term-1, term-2, ... with a title and an aliases list (the rename keeps the
    old title as an alias); the generator gives aliases to some terms only, and which ones
    depends on the corpus size."""
    glossary = os.path.join(corpus, "content", "glossary")
    numbers = sorted(int(m.group(1)) for m in (re.fullmatch(r"term-(\d+)\.md", name) for name in os.listdir(glossary)) if m)
    for number in numbers:
        path = os.path.join(glossary, "term-%d.md" % number)
        text = open(path, encoding="utf-8").read()
        if re.search(r"^title: ", text, re.M) and re.search(r"^aliases: \[", text, re.M):
            return path
    raise SystemExit("serve_latency: no term under %s has title: and aliases: [ lines" % glossary)


def edits(corpus):
    """(kind, path, function from the original text and the edit's number to the new text)."""
    term = renamable_term(corpus)
    note = first_note(corpus)

    def front(field, value):
        def edit(text, i):
            new, count = re.subn(r"^%s: .*$" % field, "%s: %s" % (field, json.dumps(value % i)), text, 1, re.M)
            if count != 1:
                raise SystemExit("serve_latency: no %s: line in %s" % (field, term))
            return new
        return edit

    def rename(text, i):
        # The old title stays as an alias, as a careful writer keeps it: wikilinks name it.
        title = re.search(r"^title: (.*)$", text, re.M)
        aliases = re.search(r"^aliases: \[", text, re.M)
        if not title or not aliases:
            raise SystemExit("serve_latency: no title: and aliases: [ lines in %s" % term)
        text = front("title", "Renamed isolator index %d")(text, i)
        return text.replace(aliases.group(0), aliases.group(0) + title.group(1) + ", ", 1)

    return [
        ("body text", note, lambda text, i: text + "\nEdited for the benchmark, pass %d.\n" % i),
        ("new wikilink", note, lambda text, i: text + "\nSee also [[term-%d]].\n" % (i + 2)),
        ("term summary", term, front("summary", "Edited summary, pass %d.")),
        ("term title", term, rename),
    ]


class Server:
    def __init__(self, crosswalk, corpus):
        self.process = subprocess.Popen(
            [crosswalk, "serve", "--source", corpus, "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.base = None
        for line in self.process.stdout:
            match = re.search(r"http://[0-9.]+:[0-9]+", line)
            if match:
                self.base = match.group(0)
                break
        if not self.base:
            raise SystemExit("serve_latency: crosswalk serve printed no address")
        # Keep reading its output so a full pipe never blocks it.
        threading.Thread(target=lambda: [None for _ in self.process.stdout], daemon=True).start()

    def get(self, path, timeout):
        with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
            return json.load(response)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("crosswalk")
    parser.add_argument("corpus")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--first-build-timeout", type=float, default=600)
    args = parser.parse_args()

    server = Server(args.crosswalk, args.corpus)
    try:
        deadline = time.time() + args.first_build_timeout
        status = server.get("/__crosswalk/status", 10)
        while status["generation"] < 1:
            if time.time() > deadline:
                raise SystemExit("serve_latency: no first build in %d s" % args.first_build_timeout)
            time.sleep(0.2)
            status = server.get("/__crosswalk/status", 10)
        if not status["ok"]:
            raise SystemExit("serve_latency: the first build failed")
        # Let the server settle (it reads words for renames once the first build is out).
        time.sleep(2)
        for kind, path, edit in edits(args.corpus):
            original = open(path, encoding="utf-8").read()
            times = []
            try:
                for i in range(args.edits):
                    generation = server.get("/__crosswalk/status", 10)["generation"]
                    answer = {}
                    poll = threading.Thread(
                        target=lambda: answer.update(server.get("/__crosswalk/wait?since=%d" % generation, 120)))
                    poll.start()
                    time.sleep(0.2)  # the poll is waiting before the file changes
                    start = time.perf_counter()
                    with open(path, "w", encoding="utf-8") as handle:
                        handle.write(edit(original, i))
                    poll.join()
                    elapsed = time.perf_counter() - start
                    if answer.get("generation", 0) <= generation or not answer.get("ok"):
                        raise SystemExit("serve_latency: %s: no good build after the edit: %s" % (kind, answer))
                    times.append(elapsed * 1000)
                    time.sleep(0.3)
            finally:
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(original)
            print("%-13s median %4.0f ms, slowest %4.0f ms  (%d edits: %s)" % (
                kind, statistics.median(times), max(times), len(times), " ".join("%.0f" % t for t in times)))
            sys.stdout.flush()
            # The restore is an edit too: let it build before the next kind starts.
            time.sleep(1.5)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
