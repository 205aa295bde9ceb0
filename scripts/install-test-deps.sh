#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine. Idempotent: safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Additional Debian packages the tests need are appended to need_apt by feature (see below).
# Workflows: the nightly email tests send to a real SMTP server (aiosmtpd, run by /usr/bin/python3).
need_apt+=(python3-aiosmtpd)

if [ ${#need_apt[@]} -gt 0 ]; then
  missing=()
  for p in "${need_apt[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

dotnet restore Readiness.sln --verbosity quiet
