# Timing helpers shared by benches/run.sh and benches/real_text.sh (sourced;
# they read $BIN and $RUNS).

# median of a list of numbers, one per line
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_check REFS CLAIMS -> "wall user rss_mb" medians over RUNS
time_check() {
  local w=() u=() m=()
  for _ in $(seq "$RUNS"); do
    read -r wall user rss < <( { /usr/bin/time -f "%e %U %M" "$BIN" check "$2" --refs "$1" --format json --fail-on never > /dev/null; } 2>&1 | tail -1)
    w+=("$wall"); u+=("$user"); m+=("$rss")
  done
  printf '%s %s %s\n' "$(printf '%s\n' "${w[@]}" | median)" "$(printf '%s\n' "${u[@]}" | median)" \
    "$(printf '%s\n' "${m[@]}" | median | awk '{printf "%.0f", $1/1024}')"
}
