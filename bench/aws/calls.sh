#!/usr/bin/env bash
# API calls per resource, per operation, for every service Readiness collects: seeds SMALL and then LARGE resources of
# each service (bench/aws/seed_services.py) into two fresh moto servers, runs `readiness collect aws` on each, and
# prints each operation's calls with both sizes and the growth per added resource. An operation that grows by about one
# call per resource is one AWS offers no batch form of; docs/aws.md records the table.
# Usage: bench/aws/calls.sh [SMALL] [LARGE]   (default 5 and 25)
set -euo pipefail
cd "$(dirname "$0")/../.."
small="${1:-5}"; large="${2:-25}"
out=$(mktemp -d)
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
for n in "$small" "$large"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
  moto=$!
  for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done
  python3 bench/aws/seed_services.py "http://127.0.0.1:$port" "$n" >/dev/null
  ./readiness collect aws --endpoint-url "http://127.0.0.1:$port" --regions us-east-1 -o "$out/$n.json" --allow-incomplete >/dev/null 2>&1 || true
  kill $moto 2>/dev/null || true
done
python3 - "$out/$small.json" "$out/$large.json" "$small" "$large" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
small, large = int(sys.argv[3]), int(sys.argv[4])
ops = sorted(set(a["apiCallsByOperation"]) | set(b["apiCallsByOperation"]))
print(f"| operation | calls, {small} of each | calls, {large} of each | per added resource |")
print("| --- | --- | --- | --- |")
for op in ops:
    x, y = a["apiCallsByOperation"].get(op, 0), b["apiCallsByOperation"].get(op, 0)
    print(f"| {op} | {x} | {y} | {(y - x) / (large - small):.2f} |")
print(f"| total | {a['apiCalls']} | {b['apiCalls']} | {(b['apiCalls'] - a['apiCalls']) / (large - small):.2f} |")
for name, inv in (("small", a), ("large", b)):
    for g in inv.get("gaps", []):
        print(f"gap ({name}): {g.get('scope')}: {g.get('reason')}")
PY
