#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml): pre-commit passes the staged files' names; only those are copied to a
# temporary folder and scanned, with the project's .readiness/ ruleset and suppressions. Exit 1 blocks the commit.
set -euo pipefail
staged="$(mktemp -d)"
trap 'rm -rf "$staged"' EXIT
for file in "$@"; do
  mkdir -p "$staged/$(dirname -- "$file")"
  cp -p -- "$file" "$staged/$file"
done
args=(scan "$staged")
if [ -f .readiness/ruleset.yaml ]; then args+=(--ruleset .readiness/ruleset.yaml); fi
if [ -d .readiness/suppressions ]; then args+=(--suppressions .readiness/suppressions); fi
exec readiness "${args[@]}"
