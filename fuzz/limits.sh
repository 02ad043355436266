#!/usr/bin/env bash
# Times the release binary on the inputs that bound factcheck's resources
# (README.md, "Limits and errors"): a generated 50 MB article and a 5 MB line without spaces.
# The debug-build test of the 50 MB article is #[ignore]d for its duration;
# this is its release-mode check. Fails when a run exceeds LIMIT_SECONDS
# (default 60) or exits with an error.
#
#   fuzz/limits.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
limit="${LIMIT_SECONDS:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
bin="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/factcheck"

# The same paragraph as the #[ignore]d test (tests/catalogue.rs, big_article).
awk 'BEGIN {
    size = 0; i = 0
    while (size < 50 * 1024 * 1024) {
        i++
        p = sprintf("The council met in Brussels on %d April %d. The Eiffel Tower was completed in %d, and it is located in Paris. Do you like towers? NASA was founded in %d; the Colosseum hosted %d spectators.\n\n", i % 28 + 1, 1900 + i % 120, 1800 + i % 200, 1900 + i % 100, (i * 7) % 90000)
        printf "%s", p
        size += length(p)
    }
}' >"$work/article-50mb.txt"
head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' a >"$work/line-5mb.txt"
echo " is a word." >>"$work/line-5mb.txt"

status=0
measure() {
    local name="$1"
    shift
    local start end code=0
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >/dev/null || code=$?
    else
        "$@" >/dev/null || code=$?
        echo "? ? ?" >"$work/rss"
    fi
    # The last line: GNU time puts "Command exited with non-zero status" before it.
    local rss user sys
    read -r rss user sys < <(tail -n 1 "$work/rss")
    end=$(date +%s.%N)
    local secs
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    printf '%-38s %7ss wall  %6ss user  %5ss sys  max RSS %s KiB  exit %s\n' "$name" "$secs" "$user" "$sys" "$rss" "$code"
    if [ "$code" -gt 1 ] || awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
        status=1
    fi
}

refs="$root/tests/fixtures/refs"
measure "extract, 50 MB article" "$bin" extract "$work/article-50mb.txt" -o "$work/claims.csv"
measure "check --format json, 50 MB article" "$bin" check "$work/article-50mb.txt" --refs "$refs" --format json -o "$work/report.json"
measure "extract, 5 MB line without spaces" "$bin" extract "$work/line-5mb.txt"
measure "check, 5 MB line without spaces" "$bin" check "$work/line-5mb.txt" --refs "$refs" --format json
exit $status
