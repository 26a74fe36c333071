#!/usr/bin/env bash
# Browser tests of the default theme in headless Chromium (Selenium + pytest + axe-core).
#
# Installs what is missing (chromium and chromium-driver with apt-get; selenium, pytest and
# selenium-axe-python at pinned versions in a venv under .build/browser-venv), builds the
# shipped site with the crosswalk binary into a temporary folder, serves it with
# `python3 -m http.server` on a free loopback port, and runs pytest. Exits non-zero on failure.
#
#   CROSSWALK=PATH     the binary to build with (default .build/debug/crosswalk)
#   BROWSER_VENV=DIR   the venv (default .build/browser-venv)
#   extra arguments go to pytest:  Tests/browser/run.sh -k search -x
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
CROSSWALK=${CROSSWALK:-.build/debug/crosswalk}
[[ $CROSSWALK == /* ]] || CROSSWALK="$ROOT/$CROSSWALK"
VENV=${BROWSER_VENV:-$ROOT/.build/browser-venv}
REQUIREMENTS="$ROOT/Tests/browser/requirements.txt"
SUDO=$([[ $(id -u) == 0 ]] || echo sudo)

say() { printf 'browser tests: %s\n' "$*" >&2; }

# apt_install PACKAGE... : install, running `apt-get update` first only if the install fails.
apt_install() {
    say "installing $* with apt-get"
    $SUDO apt-get install -y "$@" >/dev/null 2>&1 ||
        { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y "$@" >/dev/null 2>&1; } ||
        { say "could not install $*; run: apt-get update && apt-get install -y $*"; exit 1; }
}

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    apt_install chromium chromium-driver
fi

# The venv is rebuilt when requirements.txt changes (its copy inside the venv is the stamp).
if [[ ! -x $VENV/bin/python ]] || ! cmp -s "$REQUIREMENTS" "$VENV/requirements.txt"; then
    say "creating $VENV"
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        apt_install python3-venv
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS" ||
        { say "pip install failed"; rm -rf "$VENV"; exit 1; }
    cp "$REQUIREMENTS" "$VENV/requirements.txt"
fi

if [[ ! -x $CROSSWALK ]]; then
    say "no crosswalk binary at $CROSSWALK; build it with: swift build --product crosswalk (or set CROSSWALK)"
    exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-browser.XXXXXX")
SERVER=""
cleanup() {
    if [[ -n $SERVER ]]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/tmp"

# The base URL only shapes sitemap.xml, canonical links and 404.html's root path ("/").
"$CROSSWALK" build --source "$ROOT" --output "$WORK/site" --base-url https://kb.example.org/ >"$WORK/build.log" 2>&1 ||
    { cat "$WORK/build.log" >&2; say "the site did not build"; exit 1; }

# Port 0: the server picks a free port and says which (unbuffered, so it can be read now).
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$WORK/site" >"$WORK/server.log" 2>&1 &
SERVER=$!
PORT=""
for _ in $(seq 1 100); do
    PORT=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$WORK/server.log" | head -n 1)
    [[ -n $PORT ]] && break
    sleep 0.1
done
[[ -n $PORT ]] || { cat "$WORK/server.log" >&2; say "the HTTP server did not start"; exit 1; }

export CROSSWALK_SITE_DIR="$WORK/site"
export CROSSWALK_SITE_URL="http://127.0.0.1:$PORT/"
export TMPDIR="$WORK/tmp"
export SE_OFFLINE=true
cd "$ROOT/Tests/browser"
"$VENV/bin/python" -m pytest -q "$@"
