#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (and LeakSanitizer), in its own scratch
# folder so it never disturbs the normal build:
#
#   scripts/test-asan.sh                    # everything
#   scripts/test-asan.sh --filter Hostile   # extra arguments go to `swift test`
#
# The only suppressed leaks are the toolchain's own, listed with their reasons in
# scripts/lsan-suppressions.txt; anything crosswalk leaks, overflows or uses after free fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=1${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec swift test --sanitize=address --scratch-path .build-asan "$@"
