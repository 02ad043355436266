#!/usr/bin/env bash
# The logic of the factcheck GitHub Action (action.yml), kept here so that it
# runs, and is tested (tests/action.rs), outside GitHub too.
#
# Checks the articles a pull request changes, restricted to the articles of
# the repository's factcheck.toml (`articles`, minus `exclude`), then:
#   - writes a SARIF log for code scanning, or, when SARIF cannot be uploaded
#     (a pull request from a fork has a read-only token), prints GitHub
#     annotations (::error / ::warning lines) on standard output instead;
#   - appends a Markdown summary to $GITHUB_STEP_SUMMARY;
#   - writes `articles` (count), `status` (0 clean, 1 findings) and `sarif`
#     (the log's path, empty when none) to $GITHUB_OUTPUT.
# It exits with 0 on findings, so that the SARIF log is uploaded first (the
# action fails afterwards, per `fail-on-findings`), and with 2 on an error.
#
# Environment (all optional):
#   FACTCHECK        the factcheck binary                 [factcheck]
#   FACTCHECK_BASE   base commit; empty: every configured article
#   FACTCHECK_HEAD   head commit                          [HEAD]
#   FACTCHECK_SARIF  auto (upload unless from a fork), always, never  [auto]
#   FACTCHECK_FORK   true when the pull request comes from a fork  [false]
#   FACTCHECK_ARGS   more arguments for `factcheck check` (split on spaces)
#   FACTCHECK_SARIF_FILE  where to write the SARIF log    [factcheck.sarif]
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY  as GitHub sets them [/dev/null]
set -euo pipefail

factcheck=${FACTCHECK:-factcheck}
base=${FACTCHECK_BASE:-}
head=${FACTCHECK_HEAD:-HEAD}
sarif_mode=${FACTCHECK_SARIF:-auto}
fork=${FACTCHECK_FORK:-false}
sarif_file=${FACTCHECK_SARIF_FILE:-factcheck.sarif}
github_output=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
read -r -a extra <<<"${FACTCHECK_ARGS:-}"

fail() {
  echo "factcheck action: $*" >&2
  exit 2
}

# Paths in reports are relative to factcheck.toml's folder, and GitHub's to
# the repository root: run from the root, which should hold factcheck.toml.
if root=$(git rev-parse --show-toplevel 2>/dev/null); then
  cd "$root"
fi

case "$sarif_mode" in
  auto) if [ "$fork" = true ]; then upload=false; else upload=true; fi ;;
  always) upload=true ;;
  never) upload=false ;;
  *) fail "FACTCHECK_SARIF must be auto, always or never, not '$sarif_mode'" ;;
esac

# The articles to check: the configured ones among the files the pull
# request adds or changes (paths relative to this directory), or, without a
# base, every configured article.
# `lines TEXT`: the non-empty lines of TEXT into the array `list`.
lines() {
  list=()
  local line
  while IFS= read -r line; do
    [ -n "$line" ] && list+=("$line")
  done <<<"$1"
  return 0
}

if [ -n "$base" ]; then
  git rev-parse --verify --quiet "$base^{commit}" >/dev/null ||
    fail "base commit $base not found (fetch it, e.g. actions/checkout with fetch-depth: 0)"
  git rev-parse --verify --quiet "$head^{commit}" >/dev/null || fail "head commit $head not found"
  changed=()
  while IFS= read -r -d '' file; do
    changed+=("$file")
  done < <(git diff --name-only --relative --diff-filter=d -z "$base...$head" --)
  articles=()
  if [ "${#changed[@]}" -gt 0 ]; then
    selected=$("$factcheck" check --only-configured --show-files "${extra[@]}" -- "${changed[@]}") || exit 2
    lines "$selected"
    articles=("${list[@]}")
  fi
else
  selected=$("$factcheck" check --show-files "${extra[@]}") || exit 2
  lines "$selected"
  articles=("${list[@]}")
fi

echo "articles=${#articles[@]}" >>"$github_output"
if [ "${#articles[@]}" -eq 0 ]; then
  {
    echo "## factcheck"
    echo
    echo "No configured article changed: nothing to check."
  } >>"$summary"
  echo "factcheck action: no configured article changed" >&2
  echo "status=0" >>"$github_output"
  echo "sarif=" >>"$github_output"
  exit 0
fi
printf 'factcheck action: checking %s\n' "${articles[@]}" >&2

# The findings for GitHub: SARIF for code scanning, else annotations.
status=0
if [ "$upload" = true ]; then
  "$factcheck" check --format sarif -o "$sarif_file" "${extra[@]}" -- "${articles[@]}" || status=$?
  sarif_out=$sarif_file
else
  "$factcheck" check --format github "${extra[@]}" -- "${articles[@]}" || status=$?
  sarif_out=
fi
if [ "$status" -ge 2 ]; then
  exit "$status"
fi

# The job summary: which articles, then the Markdown report.
report=$("$factcheck" check --format markdown --exit-zero "${extra[@]}" -- "${articles[@]}") || exit $?
{
  echo "## factcheck"
  echo
  if [ -n "$base" ]; then
    echo "Checked ${#articles[@]} changed article(s):"
  else
    echo "Checked ${#articles[@]} article(s):"
  fi
  echo
  for a in "${articles[@]}"; do
    printf -- '- `%s`\n' "$a"
  done
  echo
  # The report's own heading is replaced by the one above.
  printf '%s\n' "$report" | sed '1{/^## factcheck report$/d}'
} >>"$summary"

echo "status=$status" >>"$github_output"
echo "sarif=$sarif_out" >>"$github_output"
exit 0
