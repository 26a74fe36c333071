#!/usr/bin/env bash
# Fuzzes crosswalk's page pipeline with libFuzzer under AddressSanitizer.
#
#   scripts/fuzz.sh                 # 60 seconds
#   FUZZ_SECONDS=600 scripts/fuzz.sh
#
# Builds the `crosswalk-fuzz` product (`--sanitize=fuzzer --sanitize=address`, its own scratch
# folder), then fuzzes from a copy of the seed corpus in Tests/FuzzCorpus (so the repository's
# seeds stay as they are) with a 10 s per-input timeout and a 2 GB memory limit. Exits non-zero
# when libFuzzer reports a crash, a leak, a timeout or an out-of-memory, and prints the path of
# the input that caused it; reproduce with `.build-fuzz/debug/crosswalk-fuzz <input>`.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
SCRATCH="${FUZZ_SCRATCH:-.build-fuzz}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/crosswalk-fuzz.XXXXXX")"
mkdir -p "$WORK/corpus" "$WORK/artifacts"
cp Tests/FuzzCorpus/* "$WORK/corpus/"

echo "building crosswalk-fuzz (log: $WORK/build.log)"
# swiftc keeps only the last `-sanitize=` it is given, and SwiftPM passes `--sanitize` options as
# separate flags: without the -Xswiftc below the Swift code gets AddressSanitizer but no coverage
# instrumentation, and libFuzzer would see only the C code (CYaml). The gold linker's
# "Cannot export local symbol" warnings (one per ASan helper) are kept out of the console.
if ! swift build --product crosswalk-fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=address,fuzzer --scratch-path "$SCRATCH" >"$WORK/build.log" 2>&1; then
    grep -v "Cannot export local symbol" "$WORK/build.log" | tail -40
    echo "fuzz: the build failed" >&2
    exit 1
fi

echo "fuzzing for ${FUZZ_SECONDS}s from $(ls "$WORK/corpus" | wc -l) seeds (work folder: $WORK)"
# libFuzzer's per-input leak check scans the whole heap whenever an input allocates more than
# it frees, which Swift's runtime caches do all the time: it costs ~85% of the run. Leaks are
# checked by scripts/test-asan.sh instead; FUZZ_DETECT_LEAKS=1 turns the check back on here.
set +e
"$SCRATCH/debug/crosswalk-fuzz" "$WORK/corpus" \
    -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -detect_leaks="${FUZZ_DETECT_LEAKS:-0}" \
    -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 2>&1 | tee "$WORK/fuzz.log" \
    | grep -v -E "^#[0-9]+\s+(NEW|REDUCE|pulse)"
status=${PIPESTATUS[0]}
set -e

if [ "$status" -ne 0 ] || [ -n "$(ls -A "$WORK/artifacts")" ]; then
    echo "fuzz: libFuzzer exited with $status; full log: $WORK/fuzz.log" >&2
    for input in "$WORK"/artifacts/*; do
        [ -e "$input" ] && echo "fuzz: crashing input: $input" >&2
    done
    exit "$(( status == 0 ? 1 : status ))"
fi
runs=$(grep -o "stat::number_of_executed_units: *[0-9]*" "$WORK/fuzz.log" | grep -o "[0-9]*$" || echo "?")
echo "fuzz: no crash in ${FUZZ_SECONDS}s, $runs inputs; the grown corpus is in $WORK/corpus"
