#!/usr/bin/env bash
# Lints the Jenkinsfiles users copy: the root Jenkinsfile and every ```groovy block in docs/*.md, with
# npm-groovy-lint (CodeNarc, its Groovy parser included): a pasted example must at least parse. Errors fail;
# warnings and style notes are printed. npm-groovy-lint is installed from the npm registry into a cache
# directory on first use. 16.2.0 is the newest release that runs on Node.js 20 (17 and later need Node 22).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=16.2.0
prefix="${XDG_CACHE_HOME:-$HOME/.cache}/datapipelines/npm-groovy-lint-$version"
lint="$prefix/node_modules/.bin/npm-groovy-lint"
if [[ ! -x "$lint" ]]; then
  command -v npm >/dev/null || { echo "groovy-lint: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
  npm install --no-audit --no-fund --silent --prefix "$prefix" "npm-groovy-lint@$version" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp Jenkinsfile "$work/Jenkinsfile"
files=(Jenkinsfile)
# Each ```groovy block of the docs as a file of its own, named after where it is (docs-jenkins.md-L95.groovy).
for doc in docs/*.md; do
  awk -v out="$work" -v name="docs-$(basename "$doc")" '
    /^```groovy[[:space:]]*$/ { file = out "/" name "-L" NR ".groovy"; printf "" > file; inside = 1; next }
    /^```/ && inside { close(file); inside = 0; next }
    inside { print >> file }
  ' "$doc"
done
for block in "$work"/docs-*.groovy; do
  [[ -e "$block" ]] && files+=("$(basename "$block")")
done
echo "groovy-lint: ${files[*]}"
cd "$work"
"$lint" --failon error --output txt --noserver "${files[@]}"
