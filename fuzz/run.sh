#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60), one after the other, at
# nice 10, seeding empty corpora from the test fixtures. Crashers land in
# fuzz/artifacts/<target>/; keep each as tests/fixtures/fuzz/<target>/crash-*
# (replayed by tests/catalogue.rs) once fixed.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). libFuzzer needs nightly
# flags; on a stable toolchain RUSTC_BOOTSTRAP=1 unlocks them.
#
# With FACTCHECK_LIMITS=1 it also times the release binary on a generated
# 50 MB article and a 5 MB line without spaces (the bounds in README.md, "Limits and errors").
set -euo pipefail

seconds="${1:-60}"
shift || true
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(article reference_csv check_pipeline)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz/run.sh: cargo-fuzz is not installed (cargo install cargo-fuzz); skipping fuzzing"
    exit 0
fi
export RUSTC_BOOTSTRAP=1

seed() {
    local target="$1" dir="$here/corpus/$1"
    mkdir -p "$dir"
    [ -n "$(ls -A "$dir")" ] && return 0
    local f i=0
    case "$target" in
    article)
        for f in "$root"/tests/fixtures/articles/* "$root"/claims/*.txt; do
            [ -f "$f" ] || continue
            i=$((i + 1))
            # First byte odd: Markdown; even: plain text.
            { if [[ "$f" == *.md ]]; then printf '1'; else printf '0'; fi; head -c 4000 "$f"; } >"$dir/seed-$i"
        done
        ;;
    reference_csv)
        for f in "$root"/tests/fixtures/refs/*.csv "$root"/tests/fixtures/bad/*.csv "$root"/claims/*.csv; do
            [ -f "$f" ] || continue
            i=$((i + 1))
            head -c 4000 "$f" >"$dir/seed-$i"
        done
        ;;
    check_pipeline)
        for f in "$root"/tests/fixtures/articles/*; do
            [ -f "$f" ] || continue
            i=$((i + 1))
            { head -c 2000 "$root/tests/fixtures/refs/landmarks.csv"; printf '\377'; head -c 2000 "$f"; } >"$dir/seed-$i"
        done
        ;;
    esac
}

cd "$here"
for target in "${targets[@]}"; do
    seed "$target"
    echo "== $target: ${seconds}s"
    nice -n 10 cargo fuzz run "$target" -- -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20
done

if [ "${FACTCHECK_LIMITS:-0}" = 1 ]; then
    "$here/limits.sh"
fi
