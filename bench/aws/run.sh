#!/usr/bin/env bash
# Benchmark of the live AWS collector against an emulated account (moto) with 5,000+ resources across IAM, EC2,
# Secrets Manager, RDS and CloudFront. Prints wall time and API calls per operation; docs/aws.md records the figures.
# moto has no CloudFront response headers policies, so the seeded custom policy is one expected coverage gap.
# Usage: bench/aws/run.sh [SCALE]   (SCALE bulk resources on top of the seeded mistakes; default 5200)
set -euo pipefail
cd "$(dirname "$0")/../.."
scale="${1:-5200}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
MOTO_IAM_LOAD_MANAGED_POLICIES=true python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.1; done
echo "seeding $scale bulk resources..."
python3 tests/Readiness.Tests/Fixtures/Aws/seed_moto.py "http://127.0.0.1:$port" --scale "$scale" >/dev/null
python3 tests/Readiness.Tests/Fixtures/Aws/seed_operations.py "http://127.0.0.1:$port" >/dev/null
dotnet build src/Readiness.Runner -c Release -v quiet -nologo >/dev/null
out=$(mktemp -d)
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KB max RSS" src/Readiness.Runner/bin/Release/net10.0/readiness collect aws \
    --endpoint-url "http://127.0.0.1:$port" --regions us-east-1 -o "$out/inventory.json" --allow-incomplete
done
python3 - "$out/inventory.json" <<'PY'
import collections, json, sys
inv = json.load(open(sys.argv[1]))
kinds = collections.Counter(r["kind"] for r in inv["resources"])
print("resources:", sum(kinds.values()), dict(kinds))
print("api calls:", inv["apiCalls"])
for op, n in inv["apiCallsByOperation"].items():
    print(f"  {op}: {n}")
PY
