#!/usr/bin/env bash
# crosswalk benchmark: `make bench` runs this after `swift build -c release --product crosswalk`.
# See bench/README.md. Never part of the unit tests: timings only mean something here.
#
# Environment:
#   CROSSWALK=PATH           binary to measure (default .build/release/crosswalk)
#   BENCH_LARGE=1            also the 100k-page corpus
#   BENCH_SIZES="1000 5000"  corpus sizes to run instead of the defaults
#   BENCH_HUGO=0             skip the Hugo comparison
#   BENCH_HUGO_INSTALL=1     apt-get install hugo when it is missing
#   BENCH_HUGO_RELREF=1      Hugo resolves and checks .md links too (bench/hugo-relref/)
#   BENCH_SAME_LAYOUT=0      skip crosswalk's build with Hugo's layout (bench/hugo-layout/)
#   BENCH_ROUNDS=N           time the full builds N times each (default 3 up to 10k pages, else 1)
#   BENCH_AUTOLINK_MB=M      MB of text per auto-linker run (default 20)
#   BENCH_AUTOLINK_ROUNDS=R  scans per auto-linker run, the fastest counts (default 9)
#   BENCH_SERVE=0            skip the serve edit-latency run (bench/serve_latency.py)
#   BENCH_SERVE_EDITS=N      edits of each kind in that run (default 5)
#   BENCH_COLD=0             skip the full builds after dropping the page cache (root only)
#   BENCH_OUT=DIR            where corpora and outputs go (default bench/out, gitignored)
#   BENCH_SETTLE_SECONDS=N   wait after the last run's delete of its outputs (default 370)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
BENCH="$ROOT/bench"
OUT=${BENCH_OUT:-$BENCH/out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
CROSSWALK=${CROSSWALK:-.build/release/crosswalk}
[[ $CROSSWALK == /* ]] || CROSSWALK="$ROOT/$CROSSWALK"
SIZES=${BENCH_SIZES:-"1000 10000"}
if [[ -z ${BENCH_SIZES:-} && ${BENCH_LARGE:-0} == 1 ]]; then SIZES="$SIZES 100000"; fi
AUTOLINK_MB=${BENCH_AUTOLINK_MB:-20}
AUTOLINK_ROUNDS=${BENCH_AUTOLINK_ROUNDS:-9}

say() { printf '%s\n' "$*" >&2; }

if [[ ! -x $CROSSWALK ]]; then
    say "bench: no crosswalk binary at $CROSSWALK"
    say "       build it with: swift build -c release --product crosswalk   (or set CROSSWALK=PATH)"
    exit 1
fi

# GNU time, for peak RSS (bash's `time` keyword cannot report memory).
TIME=/usr/bin/time
if [[ ! -x $TIME ]]; then
    say "bench: installing GNU time (/usr/bin/time) for peak-memory figures"
    SUDO=$([[ $(id -u) == 0 ]] || echo sudo)
    $SUDO apt-get install -y time >/dev/null 2>&1 ||
        { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y time >/dev/null 2>&1; } ||
        { say "bench: could not install GNU time; run: apt-get install -y time"; exit 1; }
fi

# Hugo, for the comparison (Debian package `hugo`).
HUGO=""
if [[ ${BENCH_HUGO:-1} != 0 ]]; then
    if ! command -v hugo >/dev/null 2>&1 && [[ ${BENCH_HUGO_INSTALL:-0} == 1 ]]; then
        say "bench: installing hugo (apt-get install -y hugo)"
        SUDO=$([[ $(id -u) == 0 ]] || echo sudo)
        $SUDO apt-get install -y hugo >/dev/null 2>&1 ||
            { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y hugo >/dev/null 2>&1; } ||
            say "bench: could not install hugo; the comparison is skipped"
    fi
    if command -v hugo >/dev/null 2>&1; then HUGO=$(command -v hugo); fi
fi

# measure NAME LOG CMD... : runs CMD under GNU time, output to LOG; sets M_RC, M_WALL, M_CPU, M_SYS, M_RSS
# (seconds, seconds user+sys, MiB). Never fails the script.
measure() {
    local log=$2 tfile user sys rss
    shift 2
    tfile=$(mktemp)
    M_RC=0
    "$TIME" -f '%e %U %S %M' -o "$tfile" "$@" >"$log" 2>&1 || M_RC=$?
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    read -r M_WALL user sys rss < <(tail -n 1 "$tfile") || true
    rm -f "$tfile"
    M_CPU=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.2f", u + s }')
    M_SYS=$(awk -v s="${sys:-0}" 'BEGIN { printf "%.2f", s }')
    M_RSS=$(awk -v k="${rss:-0}" 'BEGIN { printf "%.0f", k / 1024 }')
    M_WALL=${M_WALL:-0}
}

# settle : writes the page cache's dirty pages to disk before a timed build, so that no build
# pays for writing back what came before it (the corpus just generated, the other tool's
# output): at 100k pages that was several seconds of kernel time, landing on whichever build
# ran next.
settle() { sync; }

ROWS=()   # table rows, tab separated
ROUNDS=() # each round's wall times, when the full builds are timed more than once
SERVE=()  # serve edit-latency lines
row() { ROWS+=("$(printf '%s\t' "$@")"); }

# add_row CORPUS TOOL RUN PAGES : one table line from the last measure
add_row() {
    local pps par
    pps=$(awk -v n="$4" -v w="$M_WALL" 'BEGIN { if (w > 0) printf "%.0f", n / w; else print "-" }')
    par=$(awk -v c="$M_CPU" -v w="$M_WALL" 'BEGIN { if (w > 0) printf "%.2f", c / w; else print "-" }')
    row "$1" "$2" "$3" "$(printf '%.2f' "$M_WALL")" "$M_CPU" "$M_SYS" "$par" "$M_RSS" "$pps"
}

# ratio_row CORPUS RUN CW_WALL CW_RSS HUGO_WALL HUGO_RSS : the crosswalk/hugo line under a pair
ratio_row() {
    local wall rss
    wall=$(awk -v a="$3" -v b="$5" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
    rss=$(awk -v a="$4" -v b="$6" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
    row "$1" "crosswalk/hugo" "$2" "$wall" "" "" "" "$rss" ""
}

# saved_measure : the last measure as one word list (wall, CPU, sys, RSS), for median_measure
saved_measure() { printf '%s %s %s %s' "$M_WALL" "$M_CPU" "$M_SYS" "$M_RSS"; }

# median_measure SAVED... : sets M_WALL, M_CPU, M_SYS and M_RSS from the run with the median
# wall time (of an even count, the faster of the middle two)
median_measure() {
    local chosen
    chosen=$(printf '%s\n' "$@" | sort -n -k1,1 | awk '{ lines[NR] = $0 } END { print lines[int((NR + 1) / 2)] }')
    read -r M_WALL M_CPU M_SYS M_RSS <<<"$chosen"
}

# round_pairs : each round's crosswalk and hugo wall times and their ratio, "1.36/2.86 (0.48x)  …"
round_pairs() {
    local i cw hugo out=""
    for i in "${!CW_RUNS[@]}"; do
        cw=${CW_RUNS[$i]%% *}
        hugo=${HUGO_RUNS[$i]:-}
        hugo=${hugo%% *}
        out+="${out:+  }$cw/${hugo:--}"
        [[ -n $hugo ]] && out+=$(awk -v a="$cw" -v b="$hugo" 'BEGIN { if (b > 0) printf " (%.2fx)", a / b }')
    done
    printf '%s' "$out"
}

# rounds_for PAGES : how many times the full builds are timed (BENCH_ROUNDS, else 3 up to
# 10,000 pages and 1 above: a 100k round writes about 8 GB)
rounds_for() {
    if [[ -n ${BENCH_ROUNDS:-} ]]; then echo "$BENCH_ROUNDS"; elif (( $1 <= 10000 )); then echo 3; else echo 1; fi
}

human_size() {
    awk -v b="$1" 'BEGIN {
        if (b >= 1000000) printf "%.1f MB", b / 1000000
        else if (b >= 1000) printf "%.1f KB", b / 1000
        else printf "%d B", b }'
}

# show_failure WHAT LOG [TOOL] : the last 20 lines of a failed build's LOG
show_failure() {
    say "  ${3:-crosswalk} $1 failed (exit $M_RC); last 20 lines of its output:"
    tail -n 20 "$2" | sed 's/^/    | /' >&2
}

# rebuild_row WHAT LOG RUN : crosswalk builds the corpus again over its output, timed, and the
# table gets the row RUN (FAILED, with LOG's end shown, when the build fails); M_RC says which.
rebuild_row() {
    measure "$3" "$2" "$CROSSWALK" build --source "$dir" --output "$public"
    if [[ $M_RC != 0 ]]; then
        show_failure "$1" "$2"
        row "$label" crosswalk "$3" FAILED "-" "-" "-" "-" "-"
    else
        add_row "$label" crosswalk "$3" "$n"
    fi
}

# round_build OK RUNS TOOL WHAT LOG CMD... : one timed build of a round. Its figures are added
# to the array named RUNS; when it fails, the variable named OK is set to 0 and LOG's end shown.
round_build() {
    local -n ok=$1 runs=$2
    local tool=$3 what=$4 log=$5
    shift 5
    settle
    measure round "$log" "$@"
    if [[ $M_RC != 0 ]]; then
        show_failure "$what" "$log" "$tool"
        ok=0
    else
        runs+=("$(saved_measure)")
    fi
}

NOTES=()
CORES=$(nproc 2>/dev/null || echo "?")
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
CW_VERSION=$("$CROSSWALK" --version 2>/dev/null || echo "?")
# Release builds link jemalloc (Package.swift); say which allocator the measured binary uses.
# (ldd's output captured first: `grep -q` closing the pipe early made the pipeline fail under
# pipefail, and a binary that does link jemalloc was reported as using glibc's malloc.)
CW_LIBRARIES=$(ldd "$CROSSWALK" 2>/dev/null || true)
CW_ALLOCATOR=$([[ $CW_LIBRARIES == *libjemalloc* ]] && echo jemalloc || echo "glibc malloc")
HUGO_VERSION=""
[[ -n $HUGO ]] && HUGO_VERSION=$("$HUGO" version 2>/dev/null | awk '{ sub(/^v/, "", $2); sub(/\+.*/, "", $2); print $2 }')

# A run's last step deletes the outputs it moved aside (below). On a file system without a
# journal (these VMs' ext4), the kernel skips inodes freed in the last minute when it looks for
# a free one, and in the last six minutes when their inode table block is unwritten, which every
# new file in that block makes it again. A run started within those minutes paid seconds of
# system time for the delete in every build (4.3 s instead of 0.8 s at 10k pages), so it waits.
DELETED_AT="$OUT/.outputs-deleted-at"
SETTLE_SECONDS=${BENCH_SETTLE_SECONDS:-370}
deleted_at=$([[ -f $DELETED_AT ]] && tr -cd 0-9 <"$DELETED_AT" || true)
if [[ -n $deleted_at ]]; then
    wait_s=$(( deleted_at + SETTLE_SECONDS - $(date +%s) ))
    if (( wait_s > 0 )); then
        say "bench: waiting ${wait_s}s: the last run deleted its outputs minutes ago, and new files are slow to place until six minutes after that (BENCH_SETTLE_SECONDS=0 skips the wait)"
        sleep "$wait_s"
    fi
fi

say "bench: crosswalk $CW_VERSION ($CROSSWALK)"
say "bench: hugo ${HUGO_VERSION:-not installed}; corpora: $SIZES pages; $CORES cores"

for n in $SIZES; do
    dir="$OUT/pages-$n"
    say ""
    say "== $n pages =="
    gen_start=$(date +%s.%N)
    python3 "$BENCH/generate.py" --pages "$n" --out "$dir" --reuse | sed 's/^/  /' >&2
    gen_end=$(date +%s.%N)
    bytes=$(find "$dir/content" -type f -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    say "  corpus: $(human_size "$bytes") markdown ($(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }') s to generate or reuse)"
    # Read the corpus once so the first timed build does not pay for a cold page cache.
    find "$dir/content" -type f -exec cat {} + >/dev/null

    label="${n}"
    public="$dir/public"
    same="$dir/hugo-layout"
    rounds=$(rounds_for "$n")
    CW_RUNS=()
    HUGO_RUNS=()
    SAME_RUNS=()
    cw_ok=1
    hugo_ok=$([[ -n $HUGO ]] && echo 1 || echo 0)
    same_ok=$([[ ${BENCH_SAME_LAYOUT:-1} != 0 ]] && echo 1 || echo 0)
    for round in $(seq "$rounds"); do
        # Old outputs are moved aside, and deleted only once every timing is taken: on a file
        # system without a journal (these VMs' ext4), files created right after a large delete
        # are slow to place, which would charge the next timed build for the cleanup.
        trash="$OUT/.trash/$n-$$-$round"
        mkdir -p "$trash"
        for old in "$public" "$dir"/.public.* "$dir/hugo" "$dir/hugo-public" "$dir/hugo-layout-public" "$dir"/.hugo-layout-public.*; do
            [[ -e $old ]] && mv "$old" "$trash/"
        done
        of_rounds=$([[ $rounds -gt 1 ]] && echo " ($round of $rounds)" || true)

        # 1. full build into an absent output folder
        if [[ $cw_ok == 1 ]]; then
            say "  crosswalk: full build$of_rounds"
            round_build cw_ok CW_RUNS crosswalk "build" "$dir/crosswalk-build.log" \
                "$CROSSWALK" build --source "$dir" --output "$public"
        fi

        # 2. Hugo over the same content/, minimal layout (bench/hugo), right after crosswalk's
        # full build, so both build from nothing in the same conditions.
        if [[ $hugo_ok == 1 ]]; then
            say "  hugo: full build$of_rounds"
            cp -r "$BENCH/hugo" "$dir/hugo"
            if [[ ${BENCH_HUGO_RELREF:-0} == 1 ]]; then
                mkdir -p "$dir/hugo/layouts/_default/_markup"
                cp "$BENCH/hugo-relref/render-link.html" "$dir/hugo/layouts/_default/_markup/"
            fi
            round_build hugo_ok HUGO_RUNS hugo "build" "$dir/hugo-build.log" "$HUGO" --source "$dir/hugo" --quiet
        fi

        # 2b. crosswalk again with Hugo's layout as templates (bench/hugo-layout/): the same
        # pages drawn the same way, so the tools are also compared on the same output. The
        # content is linked, not copied; the default theme's build above stays the headline.
        if [[ $cw_ok == 1 && $same_ok == 1 ]]; then
            say "  crosswalk: full build with hugo's layout$of_rounds"
            mkdir -p "$same"
            ln -sfn ../content "$same/content"
            [[ -f $dir/crosswalk.yml ]] && cp "$dir/crosswalk.yml" "$same/"
            rm -rf "$same/templates"
            cp -r "$BENCH/hugo-layout" "$same/templates"
            round_build same_ok SAME_RUNS crosswalk "build with hugo's layout" "$dir/crosswalk-hugo-layout.log" \
                "$CROSSWALK" build --source "$same" --output "$dir/hugo-layout-public"
        fi
    done

    # Each tool's round with the median wall time stands for it; each ratio is of medians.
    hugo_run=$([[ ${BENCH_HUGO_RELREF:-0} == 1 ]] && echo "build+relref" || echo "full build")
    if [[ $cw_ok == 1 ]]; then
        median_measure "${CW_RUNS[@]}"
        add_row "$label" crosswalk "full build" "$n"
        cw_wall=$M_WALL
        cw_rss=$M_RSS
    else
        row "$label" crosswalk "full build" FAILED "-" "-" "-" "-" "-"
    fi
    if [[ -n $HUGO ]]; then
        if [[ $hugo_ok == 1 ]]; then
            median_measure "${HUGO_RUNS[@]}"
            add_row "$label" hugo "$hugo_run" "$n"
            hugo_wall=$M_WALL
            hugo_rss=$M_RSS
            [[ $cw_ok == 1 ]] && ratio_row "$label" "full build" "$cw_wall" "$cw_rss" "$hugo_wall" "$hugo_rss"
        else
            row "$label" hugo "$hugo_run" FAILED "-" "-" "-" "-" "-"
        fi
    fi
    if [[ $cw_ok == 1 && ${BENCH_SAME_LAYOUT:-1} != 0 ]]; then
        if [[ $same_ok == 1 ]]; then
            median_measure "${SAME_RUNS[@]}"
            add_row "$label" crosswalk "hugo layout" "$n"
            [[ $hugo_ok == 1 ]] && ratio_row "$label" "same layout" "$M_WALL" "$M_RSS" "$hugo_wall" "$hugo_rss"
        else
            row "$label" crosswalk "hugo layout" FAILED "-" "-" "-" "-" "-"
        fi
    fi
    if (( rounds > 1 )) && [[ $cw_ok == 1 ]]; then
        ROUNDS+=("$label pages, wall s of each round (crosswalk/hugo): $(round_pairs); the table shows each tool's median")
    fi
    if [[ $cw_ok == 1 ]]; then
        index_size="n/a"
        for index_file in search-index.json search-index.js; do
            if [[ -f $public/$index_file ]]; then
                index_size="$(human_size "$(stat -c %s "$public/$index_file")") ($index_file)"
                break
            fi
        done
        out_size=$(du -sb "$public" | awk '{ print $1 }')
        out_files=$(find "$public" -type f | wc -l)
        NOTES+=("$label pages: $(human_size "$bytes") markdown -> $(human_size "$out_size") in $out_files files; search index: $index_size")

        # 3. no-op rebuild: the same command over the existing output
        say "  crosswalk: no-op rebuild"
        rebuild_row "no-op rebuild" "$dir/crosswalk-noop.log" "no-op rebuild"

        # 4. one-file edit: append a line to one term, rebuild, put the file back.
        edited="$dir/content/glossary/term-1.md"
        if [[ -f $edited ]]; then
            say "  crosswalk: rebuild after a one-file edit"
            cp -p "$edited" "$dir/.edited.bak"
            # Until the file is back, the corpus differs from what its stamp says.
            [[ -f $dir/.corpus-stamp ]] && mv "$dir/.corpus-stamp" "$dir/.corpus-stamp.saved"
            printf '\nEdited for the benchmark: one more line mentioning the process historian.\n' >>"$edited"
            rebuild_row "one-file-edit rebuild" "$dir/crosswalk-edit.log" "1-file edit"
            if [[ $M_RC == 0 ]]; then
                # 4b. the same file edited again: this rebuild has the output the first one
                # replaced as its spare staging tree, as every later rebuild does.
                say "  crosswalk: rebuild after a second edit"
                printf 'And a second line, for the second edit.\n' >>"$edited"
                rebuild_row "second-edit rebuild" "$dir/crosswalk-edit2.log" "2nd edit"
            fi
            mv "$dir/.edited.bak" "$edited"
            [[ -f $dir/.corpus-stamp.saved ]] && mv "$dir/.corpus-stamp.saved" "$dir/.corpus-stamp"
        fi

        # 5. `crosswalk serve` on the same corpus (it starts from the build's cache, as after a
        # `crosswalk build`): save a file, time until the browser's live-reload poll answers.
        if [[ ${BENCH_SERVE:-1} != 0 ]]; then
            say "  crosswalk serve: edit to reload"
            [[ -f $dir/.corpus-stamp ]] && mv "$dir/.corpus-stamp" "$dir/.corpus-stamp.saved"
            if python3 "$BENCH/serve_latency.py" "$CROSSWALK" "$dir" --edits "${BENCH_SERVE_EDITS:-5}" \
                >"$dir/serve-latency.log" 2>&1; then
                while IFS= read -r line; do SERVE+=("$(printf '%6s pages  %s' "$n" "$line")"); done <"$dir/serve-latency.log"
            else
                SERVE+=("$(printf '%6s pages  failed: %s' "$n" "$(tail -n 1 "$dir/serve-latency.log")")")
            fi
            [[ -f $dir/.corpus-stamp.saved ]] && mv "$dir/.corpus-stamp.saved" "$dir/.corpus-stamp"
        fi

        # 6. a full build with nothing cached: each tool once more into an absent output, after
        # the kernel's page cache is dropped (the first build after a reboot). Needs root.
        if [[ ${BENCH_COLD:-1} != 0 ]]; then
            if [[ -w /proc/sys/vm/drop_caches ]]; then
                trash="$OUT/.trash/$n-$$-cold"
                mkdir -p "$trash"
                for old in "$public" "$dir"/.public.* "$dir/hugo-public"; do
                    [[ -e $old ]] && mv "$old" "$trash/"
                done
                say "  crosswalk: full build, page cache dropped"
                settle
                echo 3 >/proc/sys/vm/drop_caches
                measure cold "$dir/crosswalk-cold.log" "$CROSSWALK" build --source "$dir" --output "$public"
                if [[ $M_RC != 0 ]]; then
                    show_failure "cold full build" "$dir/crosswalk-cold.log"
                    row "$label" crosswalk "cold build" FAILED "-" "-" "-" "-" "-"
                else
                    add_row "$label" crosswalk "cold build" "$n"
                    cold_wall=$M_WALL
                    cold_rss=$M_RSS
                    if [[ $hugo_ok == 1 ]]; then
                        say "  hugo: full build, page cache dropped"
                        settle
                        echo 3 >/proc/sys/vm/drop_caches
                        measure cold "$dir/hugo-cold.log" "$HUGO" --source "$dir/hugo" --quiet
                        if [[ $M_RC != 0 ]]; then
                            show_failure "cold full build" "$dir/hugo-cold.log" hugo
                        else
                            add_row "$label" hugo "cold build" "$n"
                            ratio_row "$label" "cold build" "$cold_wall" "$cold_rss" "$M_WALL" "$M_RSS"
                        fi
                    fi
                fi
                # What later steps and sizes run from is read again, so only this step ran cold.
                cat "$CROSSWALK" ${HUGO:+"$HUGO"} >/dev/null
            else
                NOTES+=("$label pages: cold build skipped (dropping the page cache needs root; BENCH_COLD=0 hides this)")
            fi
        fi
    fi

done

# Auto-linker throughput, when the binary has the subcommand.
AUTOLINK=()
# (captured first: `grep -q` closing the pipe early would fail the pipeline under pipefail)
HELP=$("$CROSSWALK" --help 2>&1 || true)
if [[ $HELP == *bench-autolink* ]]; then
    for terms in 10 1000 20000; do
        say "  auto-linker: $terms terms, $AUTOLINK_MB MB"
        log="$OUT/autolink-$terms.log"
        rc=0
        "$CROSSWALK" bench-autolink --terms "$terms" --mb "$AUTOLINK_MB" --rounds "$AUTOLINK_ROUNDS" >"$log" 2>&1 || rc=$?
        if [[ $rc != 0 ]]; then
            AUTOLINK+=("$(printf '%6s terms  failed (exit %s): %s' "$terms" "$rc" "$(tail -n 1 "$log")")")
        else
            line=$(grep -i 'MB/s' "$log" | tail -n 1 || true)
            [[ -n $line ]] || line=$(tail -n 1 "$log")
            [[ $terms == 10 ]] && MBPS_10=$(awk '{ print $1 }' <<<"$line")
            [[ $terms == 20000 ]] && MBPS_20000=$(awk '{ print $1 }' <<<"$line")
            AUTOLINK+=("$(printf '%6s terms  %s' "$terms" "$line")")
        fi
    done
else
    AUTOLINK+=("n/a (crosswalk has no bench-autolink yet)")
fi

# Every timing is taken: the outputs moved aside can go now; the next run waits until the
# kernel no longer skips their inodes (see DELETED_AT above).
rm -rf "$OUT/.trash"
sync
date +%s >"$DELETED_AT"

# ---- report ----------------------------------------------------------------------------------
printf '\ncrosswalk benchmark — %s, %s cores%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$CORES" "${CPU_MODEL:+ ($CPU_MODEL)}"
printf 'crosswalk %s (%s)%s\n\n' "$CW_VERSION" "$CW_ALLOCATOR" "${HUGO_VERSION:+, hugo $HUGO_VERSION}"
{
    printf 'pages\ttool\trun\twall s\tCPU s\tof it sys\tCPU/wall\tpeak RSS MiB\tpages/s\t\n'
    for r in "${ROWS[@]}"; do printf '%s\n' "$r"; done
} | awk -F'\t' '
    { for (i = 1; i <= 9; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
    END {
        for (r = 1; r <= NR; r++) {
            line = ""
            for (i = 1; i <= 9; i++) {
                # text columns left-aligned, numbers right-aligned
                fmt = (i <= 3) ? "%-" w[i] "s" : "%" w[i] "s"
                line = line sprintf(fmt, cell[r, i]) (i < 9 ? "  " : "")
            }
            print line
            if (r == 1) {
                sep = ""
                for (i = 1; i <= 9; i++) { s = sprintf("%" w[i] "s", ""); gsub(/ /, "-", s); sep = sep s (i < 9 ? "  " : "") }
                print sep
            }
        }
    }'
printf '\n'
for note in "${NOTES[@]}"; do printf '%s\n' "$note"; done
for note in "${ROUNDS[@]}"; do printf '%s\n' "$note"; done
if [[ ${#SERVE[@]} -gt 0 ]]; then
    printf '\ncrosswalk serve, file saved to live-reload answer (bench/serve_latency.py):\n'
    for line in "${SERVE[@]}"; do printf '  %s\n' "$line"; done
fi
printf '\nauto-linker throughput (crosswalk bench-autolink, %s MB of text):\n' "$AUTOLINK_MB"
for line in "${AUTOLINK[@]}"; do printf '  %s\n' "$line"; done
if [[ -n ${MBPS_10:-} && -n ${MBPS_20000:-} ]]; then
    awk -v a="$MBPS_10" -v b="$MBPS_20000" 'BEGIN { if (b > 0) printf "  cost per MB with 20,000 terms: %.2fx that with 10\n", a / b }'
fi
if [[ ${BENCH_HUGO:-1} == 0 ]]; then
    printf '\nhugo: skipped (BENCH_HUGO=0)\n'
elif [[ -z $HUGO ]]; then
    printf '\nhugo: not installed (apt-get install -y hugo, or BENCH_HUGO_INSTALL=1) — no comparison\n'
fi
printf '\nlogs and outputs: %s\n' "${OUT#"$ROOT"/}"
