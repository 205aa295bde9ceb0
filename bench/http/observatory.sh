#!/usr/bin/env bash
# Side by side with the MDN HTTP Observatory (issue 18; not a test): serves one header case per path (targets.py, over
# HTTPS with a throw-away certificate and a plain-HTTP port redirecting to it), scans every path with
# @mdn/mdn-http-observatory 1.4.8 and with Readiness, and compares grade, score and each test result (compare.py).
# The Observatory is installed in bench/results/http/ (npm, --ignore-scripts); two things are set up for it:
#   - its conf/hsts-preload.json, generated from Readiness's own snapshot, so both judge preloading alike;
#   - 1.4.8's scan() does not pass its options (ports, path) on to retrieve(); one line is patched so it does.
# Usage: bench/http/observatory.sh   Environment: READINESS_BIN (default ./readiness).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
out=$repo/bench/results/http; mkdir -p "$out"
readiness=${READINESS_BIN:-$repo/readiness}
obs=$out/node_modules/@mdn/mdn-http-observatory
if [ ! -d "$obs" ]; then npm install --prefix "$out" --ignore-scripts --no-audit --no-fund --silent @mdn/mdn-http-observatory@1.4.8 >/dev/null; fi
sed -i 's/let r = await retrieve(hostname);/let r = await retrieve(hostname, options);/' "$obs/src/scanner/index.js"
python3 - "$repo/src/Readiness.Rules/Catalog/Http/hsts-preload.txt" "$obs/conf/hsts-preload.json" <<'PY'
import json, sys
entries = {}
for line in open(sys.argv[1]):
    line = line.rstrip("\n")
    if line and not line.startswith("#"):
        host, *rest = line.split("\t")
        entries[host] = {"includeSubDomains": rest == ["subdomains"], "mode": "force-https"}
json.dump(entries, open(sys.argv[2], "w"))
PY
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$out/key.pem" -out "$out/cert.pem" -days 90 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"; }
https_port=$(port); http_port=$(port)
python3 bench/http/targets.py "$https_port" "$http_port" "$out/cert.pem" "$out/key.pem" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sk "https://127.0.0.1:$https_port/hardened/" >/dev/null && break; sleep 0.2; done
paths=${PATHS:-$(grep -o '^ "/[a-z0-9-]*/"' bench/http/targets.py | tr -d ' "' | tr '\n' ' ')}
project=$out/project; rm -rf "$project"; mkdir -p "$project/.readiness"
{ echo "name: observatory-comparison"; echo "extends: launch-readiness"; echo "targets:"; echo "  http:"; echo "    urls:"
  for p in $paths; do echo "      - { url: 'https://127.0.0.1:$https_port$p', http_url: 'http://127.0.0.1:$http_port$p', insecure: true }"; done; } >"$project/.readiness/ruleset.yaml"
# Beside its node_modules, so the import resolves.
cp bench/http/observatory-scan.mjs "$out/"
(cd "$out" && NODE_EXTRA_CA_CERTS="$out/cert.pem" node observatory-scan.mjs 127.0.0.1 "$http_port" "$https_port" $paths) >"$out/observatory.json"
"$readiness" scan "$project" --format json --output-dir "$out/readiness" --fail-on none --allow-incomplete -q >/dev/null
python3 bench/http/compare.py "$out/observatory.json" "$out/readiness/results.json" | tee "$out/summary.txt"
