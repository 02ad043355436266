#!/usr/bin/env bash
# Times the release binary on hostile inputs (issue 14; README, "Limits and
# errors"): paragraphs of 200 KB, 400 KB and 10 MB without punctuation (one
# claim each), checked against the bundled references/ table, and a 1 GB CSV
# line (a quoted cell never closed) given as a reference table, a 1 GB
# article line; `compare` on two of the paragraphs; `extract` on a 5 MB word
# and on a 1 MB line of clauses. Prints wall
# time, user time and peak RSS (GNU time) for each; runs stop after
# TIMEOUT_SECONDS (default 120). BIN=path/to/factcheck times another build.
#
#   benches/hostile.sh            # all
#   SKIP_1GB=1 benches/hostile.sh # without the 1 GB file (needs 1 GB in $TMPDIR)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
timeout_s="${TIMEOUT_SECONDS:-120}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    BIN="$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" |
        sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/factcheck"
fi

# Common words, names and years, no punctuation, on one line.
paragraph() {
    awk -v n="$1" 'BEGIN {
        srand(14)
        n_w = split("The council met in Brussels on April and the Eiffel Tower was completed in Paris and NASA was founded in the Colosseum hosted spectators", w, " ")
        s = 0
        while (s < n) {
            x = (rand() < 0.1) ? int(1800 + rand() * 200) : w[int(rand() * n_w) + 1]
            printf "%s ", x
            s += length(x) + 1
        }
        print ""
    }'
}

measure() {
    local name="$1"
    shift
    local code=0
    /usr/bin/time -f "%e %U %M" -o "$work/time" timeout "$timeout_s" "$@" >/dev/null 2>"$work/err" || code=$?
    local wall user rss
    read -r wall user rss < <(tail -n 1 "$work/time")
    if [ "$code" = 124 ]; then
        wall=">$timeout_s"
    fi
    printf '%-44s %8ss wall %8ss user  max RSS %8s KiB  exit %s\n' "$name" "$wall" "$user" "$rss" "$code"
}

cd "$root"
printf 'The Eiffel Tower was completed in 1899.\n' >"$work/a.md"
for kb in 200 400 10240; do
    paragraph $((kb * 1024)) >"$work/p$kb.txt"
    measure "check, ${kb} KB paragraph without punctuation" "$BIN" check "$work/p$kb.txt" --refs references --format json
done
# Lines that were quadratic once (tests/catalogue.rs checks their output; the
# time is measured here, never in a test): one 5 MB word, and 1 MB of clauses.
{ head -c $((5 << 20)) /dev/zero | tr '\0' a; printf ' is a word.\n'; } >"$work/word-5mb.txt"
measure "extract, one 5 MB word" "$BIN" extract "$work/word-5mb.txt"
awk 'BEGIN { for (i = 0; i < 14000; i++) printf "The council met in Brussels in 2024; the council met in Paris in 1999. "; print "" }' >"$work/clauses-1mb.txt"
measure "extract, 1 MB line of clauses" "$BIN" extract "$work/clauses-1mb.txt"
measure "compare, 400 KB and 200 KB paragraphs" "$BIN" compare "$work/p400.txt" "$work/p200.txt" --format json
if [ -z "${SKIP_1GB:-}" ]; then
    { printf 'id,statement\nR1,"'; head -c $((1 << 30)) /dev/zero | tr '\0' x; } >"$work/line-1gb.csv"
    measure "check --refs 1 GB CSV line (unclosed cell)" "$BIN" check "$work/a.md" --refs "$work/line-1gb.csv"
    tail -n 1 "$work/err"
    rm -f "$work/line-1gb.csv"
    { printf '# Title\n\n'; head -c $((1 << 30)) /dev/zero | tr '\0' a; } >"$work/line-1gb.md"
    measure "check, 1 GB article line" "$BIN" check "$work/line-1gb.md" --refs tests/fixtures/refs
    tail -n 1 "$work/err"
fi
