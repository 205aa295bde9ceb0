#!/usr/bin/env bash
# The organisation benchmark (issue 22; not a test). On the moto emulator, for each organisation size in SIZES:
#   seed an organisation (tests/Readiness.Tests/Org/seed_org.py: members with an IAM user, an open security group and
#   secrets; one moto process, accounts seeded through moto's x-moto-account-id header), then time one
#   `scan --aws --org` process (wall time and peak RSS), and the same accounts as shards (one `scan --aws --role-arn`
#   process per account, SHARD_JOBS at a time) plus `merge`; API calls come from each result's aws.api-calls count.
# Then the merge at scale: SHARDS synthetic shards of RESOURCES findings each (make_shards.py), merged with wall time
# and peak RSS (/usr/bin/time), at 1/4, 1/2 and all of the shards to show it is linear, and the merged report.html
# loaded in headless Chromium (time to the page's data-rendered mark, minus an empty page's).
# xargs appends each account's "ID ROLE" after the fixed arguments, so the shard script reads them as $5 and $6.
# Usage: bench/org/run.sh   Environment: SIZES (default "5 20 50"), SHARD_JOBS (4), SHARDS (50), RESOURCES (5000),
# SKIP_MOTO=1 to run only the merge part, SKIP_MERGE=1 only the moto part, READINESS_BIN. Run it as `nice -n 10 bench/org/run.sh` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
sizes=(${SIZES:-5 20 50})
jobs=${SHARD_JOBS:-4}
out=$repo/bench/results/org; mkdir -p "$out"
# READINESS_BIN: an already built readiness (e.g. a wrapper around src/Readiness.Runner/bin/Release/net10.0/readiness.dll).
readiness=${READINESS_BIN:-$repo/readiness}
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=us-east-1
empty=$out/empty; mkdir -p "$empty"

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.1f}')" "$1"; }
calls() { python3 -c "import json,sys; print(sum(json.load(open(f))['coverage']['counts'].get('aws.api-calls',0) for f in sys.argv[1:]))" "$@"; }

if [ -z "${SKIP_MOTO:-}" ]; then
  for size in "${sizes[@]}"; do
    port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])")
    python3 -m moto.server -H 127.0.0.1 -p "$port" >"$out/moto-$size.log" 2>&1 &
    moto=$!
    trap 'kill $moto 2>/dev/null || true' EXIT
    for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/moto-api/" >/dev/null && break; sleep 0.2; done
    endpoint="http://127.0.0.1:$port/"
    start=$(date +%s.%N)
    python3 tests/Readiness.Tests/Org/seed_org.py "$endpoint" --accounts "$size" --resources 5 >"$out/seed-$size.json"
    seeded=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")

    rm -rf "$out/org-$size" "$out/run-$size" "$out/merged-$size" "$out/shard-time-$size"; mkdir -p "$out/shard-time-$size"
    /usr/bin/time -f "%e %M" -o "$out/time-org-$size" "$readiness" scan "$empty" --aws --org --endpoint-url "$endpoint" --regions us-east-1 --max-accounts 8 \
      --format json --output-dir "$out/org-$size" -q >/dev/null 2>&1 || true
    read -r single single_rss < <(tail -1 "$out/time-org-$size")

    "$readiness" accounts --org --endpoint-url "$endpoint" --format json >"$out/accounts-$size.json"
    start=$(date +%s.%N)
    python3 -c "import json,sys; [print(a['id'], a['roleArn']) for a in json.load(open(sys.argv[1]))['accounts']]" "$out/accounts-$size.json" |
      xargs -P "$jobs" -L 1 sh -c '/usr/bin/time -f "%e %M" -o "$4/$5" "$0" scan "$1" --aws --role-arn "$6" --endpoint-url "$2" --regions us-east-1 --format json --output-dir "$3/$5" -q >/dev/null 2>&1 || true' \
        "$readiness" "$empty" "$endpoint" "$out/run-$size" "$out/shard-time-$size" || true
    "$readiness" merge "$out/run-$size" --accounts "$out/accounts-$size.json" --output-dir "$out/merged-$size" --format json -q >/dev/null 2>&1 || true
    sharded=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
    # Peak RSS of the largest shard process (each line of GNU time's output ends with "WALL RSS").
    shard_rss=$(for f in "$out/shard-time-$size"/*; do tail -1 "$f" | cut -d' ' -f2; done | sort -n | tail -1)
    same=$(python3 -c "import json,sys; a,b=(sorted(f['finding']['fingerprint'] for f in json.load(open(p))['findings']) for p in sys.argv[1:]); print('equal' if a==b else f'DIFFER {len(a)} vs {len(b)}')" \
      "$out/org-$size/results.json" "$out/merged-$size/results.json")
    echo "accounts=$((size + 1)) seed=$(seconds "$seeded")s single-process=$(seconds "$single")s peak-rss=$((single_rss / 1024))MB api-calls=$(calls "$out/org-$size/results.json") sharded(${jobs} at a time)+merge=$(seconds "$sharded")s largest-shard-rss=$((shard_rss / 1024))MB api-calls=$(calls "$out"/run-$size/*/results.json) findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['findings']))" "$out/merged-$size/results.json") $same" | tee -a "$out/summary.txt"
    kill $moto; wait $moto 2>/dev/null || true
    trap - EXIT
  done
fi

[ -n "${SKIP_MERGE:-}" ] && exit 0
# The merge at scale, from one real shard's results as the template.
template=$(ls "$out"/run-*/*/results.json 2>/dev/null | head -1 || true)
if [ -z "$template" ]; then
  "$readiness" scan "$repo/tests/Readiness.Tests/Org/app" --format json --output-dir "$out/template" -q >/dev/null 2>&1 || true
  template=$out/template/results.json
fi
shards=${SHARDS:-50}
resources=${RESOURCES:-5000}
# The synthetic shards take minutes to write; they are kept for the next run of the same size.
if [ "$(cat "$out/synthetic/size" 2>/dev/null)" != "$shards x $resources" ]; then
  rm -rf "$out/synthetic"
  python3 bench/org/make_shards.py "$template" "$out/synthetic" --shards "$shards" --resources "$resources"
  echo "$shards x $resources" >"$out/synthetic/size"
fi
for part in $((shards / 4)) $((shards / 2)) "$shards"; do
  input=$out/synthetic-$part; mkdir -p "$input"
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['accounts']=d['accounts'][:int(sys.argv[2])]; json.dump(d, open(sys.argv[3],'w'))" \
    "$out/synthetic/accounts.json" "$part" "$input/accounts.json"
  for a in $(python3 -c "import json,sys; [print(a['id']) for a in json.load(open(sys.argv[1]))['accounts']]" "$input/accounts.json"); do
    ln -sfn "$out/synthetic/$a" "$input/$a"
  done
  /usr/bin/time -f "%e %M" -o "$out/time-$part" "$readiness" merge "$input" --accounts "$input/accounts.json" --output-dir "$out/merged-synthetic-$part" --format json,html,md -q >/dev/null 2>&1 || true
  # GNU time writes "Command exited with non-zero status 1" first when the merge is NOT READY (exit 1).
  read -r wall rss < <(tail -1 "$out/time-$part")
  echo "merge shards=$part findings=$((part * resources)) wall=${wall}s peak-rss=$((rss / 1024))MB report.html=$(( $(stat -c %s "$out/merged-synthetic-$part/report.html") / 1024 / 1024 ))MB" | tee -a "$out/summary.txt"
done

# Headless Chromium: time until report.js marks the page rendered, minus the same for an empty page.
render() {
  local start end
  start=$(date +%s.%N)
  chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=600000 --dump-dom "file://$1" 2>/dev/null | grep -c 'data-rendered="true"' >/dev/null || true
  end=$(date +%s.%N)
  python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$end"
}
echo '<!DOCTYPE html><html><body data-rendered="true"></body></html>' >"$out/blank.html"
blank=$(render "$out/blank.html")
page=$(render "$out/merged-synthetic-$shards/report.html")
echo "report.html of $((shards * resources)) findings rendered in headless Chromium in $(seconds "$(python3 -c "import sys; print(max(0.0, float(sys.argv[1]) - float(sys.argv[2])))" "$page" "$blank")")s (browser start-up of $(seconds "$blank")s subtracted)" | tee -a "$out/summary.txt"
