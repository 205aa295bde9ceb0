#!/usr/bin/env bash
# Benchmark of Terraform scanning at 1,000 / 10,000 / 20,000 resources (one root module; half the resources are
# companions that refer to an owner, so companion linking is exercised). Prints the wall time of `readiness scan`
# for each size (best of 3) and the 20,000 / 10,000 ratio, which must stay at most 2 (mapping is linear).
# docs/iac.md records the figures. Usage: bench/terraform/run.sh [SIZES...]   (default: 1000 10000 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-1000 10000 20000}")
read -r -a sizes <<<"${sizes[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A Release build of its own, outside the timings (the ./readiness launcher would rebuild when sources change).
dotnet build src/Readiness.Runner -c Release -o "$work/bin" --nologo -v quiet >/dev/null
declare -A best
for n in "${sizes[@]}"; do
  python3 bench/terraform/generate.py "$work/tf-$n" "$n"
  best[$n]=""
  for run in 1 2 3; do
    start=$(date +%s.%N)
    "$work/bin/readiness" scan "$work/tf-$n" --format json --output-dir "$work/out-$n" >/dev/null || [ $? -eq 1 ]
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "${best[$n]}" ] || (( $(echo "$t < ${best[$n]}" | bc) )); then best[$n]=$t; fi
  done
  resources=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['coverage']['counts'].get('iac.resources', '?'))" "$work/out-$n/results.json" 2>/dev/null || echo "?")
  printf "%6s resources (iac.resources=%s): %.2f s (best of 3)\n" "$n" "$resources" "${best[$n]}"
done
if [ -n "${best[10000]:-}" ] && [ -n "${best[20000]:-}" ]; then
  printf "20,000 / 10,000 = %.2f (must be <= 2)\n" "$(echo "${best[20000]} / ${best[10000]}" | bc -l)"
fi
